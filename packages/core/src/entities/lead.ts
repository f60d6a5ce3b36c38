import { z } from 'zod';
import {
  CustomFieldsSchema,
  DateTimeSchema,
  EmailSchema,
  IdSchema,
  PhoneSchema,
  RegionSchema,
  TagsSchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';

export const LEAD_SOURCES = [
  'web',
  'import',
  'api',
  'referral',
  'event',
  'campaign',
  'phone',
  'other',
] as const;
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;

export const LeadInputSchema = z.strictObject({
  name: shortText(100),
  company: optionalText(200),
  title: optionalText(100),
  phones: z.array(PhoneSchema).max(20).default([]),
  emails: z.array(EmailSchema).max(20).default([]),
  source: z.enum(LEAD_SOURCES).default('other'),
  campaignId: IdSchema.optional(),
  status: z.enum(LEAD_STATUSES).default('new'),
  score: z.number().int().min(0).max(1000).optional(),
  industry: optionalText(100),
  companySize: z.number().int().min(0).max(10_000_000).optional(),
  region: RegionSchema.optional(),
  tags: TagsSchema,
  ownerId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  poolId: IdSchema.optional(),
  assignedAt: DateTimeSchema.optional(),
  lastContactAt: DateTimeSchema.optional(),
  convertedAt: DateTimeSchema.optional(),
  convertedCustomerId: IdSchema.optional(),
  convertedContactId: IdSchema.optional(),
  convertedDealId: IdSchema.optional(),
  notes: optionalText(5000),
  customFields: CustomFieldsSchema,
});

export const LeadSchema = withSystemFields(LeadInputSchema);
export type LeadInput = z.input<typeof LeadInputSchema>;
export type Lead = z.output<typeof LeadSchema>;
