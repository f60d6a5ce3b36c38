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
import { LEAD_SOURCES, LEAD_STATUSES, DUPLICATE_MATCH_FIELDS } from './enums.js';

/** One time a lead reached us: the first capture and every later duplicate capture merged into it. */
export const LeadTouchSchema = z.strictObject({
  at: DateTimeSchema,
  source: z.enum(LEAD_SOURCES),
  campaignId: IdSchema.optional(),
});
export type LeadTouch = z.output<typeof LeadTouchSchema>;

/** One scoring rule's contribution to a lead's score. */
export const ScoreContributionSchema = z.strictObject({
  ruleId: z.string().min(1).max(64),
  label: z.string().max(200),
  points: z.number().int().min(-1000).max(1000),
});
export type ScoreContribution = z.output<typeof ScoreContributionSchema>;

/** A record a captured lead matched on phone, email or company name. */
export const DuplicateMatchSchema = z.strictObject({
  entity: z.enum(['lead', 'contact', 'customer']),
  id: IdSchema,
  on: z.array(z.enum(DUPLICATE_MATCH_FIELDS)).min(1).max(3),
});
export type DuplicateMatch = z.output<typeof DuplicateMatchSchema>;

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
  /** Every capture of this lead (source, campaign, time); campaign touches count for scoring. */
  touches: z.array(LeadTouchSchema).max(500).optional(),
  /** Each scoring rule's contribution to `score`, kept current by the sales operations. */
  scoreExplanation: z.array(ScoreContributionSchema).max(100).optional(),
  /** Contacts, customers and leads this lead matched when captured. */
  duplicates: z.array(DuplicateMatchSchema).max(50).optional(),
  /** When `status` last changed (stage progress, for pool recycling). */
  stageChangedAt: DateTimeSchema.optional(),
  /** When and why the lead last went back to the pool. */
  releasedAt: DateTimeSchema.optional(),
  releaseReason: optionalText(500),
});

export const LeadSchema = withSystemFields(LeadInputSchema);
export type LeadInput = z.input<typeof LeadInputSchema>;
export type Lead = z.output<typeof LeadSchema>;
