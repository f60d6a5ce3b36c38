import { z } from 'zod';
import {
  CurrencySchema,
  CustomFieldsSchema,
  DateSchema,
  DateTimeSchema,
  IdSchema,
  MoneySchema,
  TagsSchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';
import { LeadTouchSchema } from './lead.js';
import { STAGE_KINDS } from './enums.js';

/** One stay of a deal in a stage; the source of cycle-time and bottleneck analytics. */
export const StageVisitSchema = z.strictObject({
  stageId: IdSchema,
  enteredAt: DateTimeSchema,
  leftAt: DateTimeSchema.optional(),
});

export const DealInputSchema = z.strictObject({
  name: shortText(200),
  pipelineId: IdSchema,
  stageId: IdSchema,
  /** Mirrors the kind of the current stage, so lists can filter open / won / lost deals. */
  status: z.enum(STAGE_KINDS).default('open'),
  customerId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  amount: MoneySchema.default(0),
  currency: CurrencySchema.default('CNY'),
  expectedCloseDate: DateSchema.optional(),
  closedAt: DateTimeSchema.optional(),
  lostReason: optionalText(500),
  ownerId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  campaignId: IdSchema.optional(),
  stageHistory: z.array(StageVisitSchema).max(500).default([]),
  tags: TagsSchema,
  notes: optionalText(5000),
  customFields: CustomFieldsSchema,
  /** The lead this deal was created from. */
  leadId: IdSchema.optional(),
  /** Campaign touches (first one first); `campaignId` is the first-touch campaign. */
  touches: z.array(LeadTouchSchema).max(500).optional(),
});

export const DealSchema = withSystemFields(DealInputSchema);
export type DealInput = z.input<typeof DealInputSchema>;
export type Deal = z.output<typeof DealSchema>;
