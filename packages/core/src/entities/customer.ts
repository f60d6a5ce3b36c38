import { z } from 'zod';
import {
  CustomFieldsSchema,
  DateSchema,
  DateTimeSchema,
  EmailSchema,
  GENDERS,
  IdSchema,
  MoneySchema,
  PhoneSchema,
  RegionSchema,
  TagsSchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';
import { CUSTOMER_KINDS, LIFECYCLE_STAGES, CUSTOMER_TIERS, INCOME_BANDS } from './enums.js';

/**
 * Recency, frequency and monetary scores, 1–5 each, and their sum (3–15). Derived from paid and
 * delivered orders by the marketing module (marketing/customer-metrics.ts); not entered by hand.
 */
export const RfmSchema = z.strictObject({
  r: z.number().int().min(1).max(5),
  f: z.number().int().min(1).max(5),
  m: z.number().int().min(1).max(5),
  score: z.number().int().min(3).max(15),
});

export const CustomerInputSchema = z.strictObject({
  kind: z.enum(CUSTOMER_KINDS).default('company'),
  /** Display name: 北京星辰科技有限公司, or a person's full name. */
  name: shortText(200),
  legalName: optionalText(300),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).default('potential'),
  tier: z.enum(CUSTOMER_TIERS).default('regular'),
  industry: optionalText(100),
  companySize: z.number().int().min(0).max(10_000_000).optional(),
  annualRevenue: MoneySchema.optional(),
  region: RegionSchema.optional(),
  website: z.url().max(500).optional(),
  phones: z.array(PhoneSchema).max(20).default([]),
  emails: z.array(EmailSchema).max(20).default([]),
  tags: TagsSchema,
  source: optionalText(100),
  ownerId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  /** Set while the customer sits in the shared pool (公海) with no owner. */
  poolId: IdSchema.optional(),
  lastContactAt: DateTimeSchema.optional(),
  /** Person customers only. Sensitive: masked and encrypted by policy. */
  idNumber: z.string().max(40).optional(),
  bankAccount: z.string().max(60).optional(),
  gender: z.enum(GENDERS).optional(),
  birthday: DateSchema.optional(),
  notes: optionalText(5000),
  customFields: CustomFieldsSchema,
  /** When the current owner got the customer (claim, assignment, transfer). */
  assignedAt: DateTimeSchema.optional(),
  /** When `lifecycleStage` last changed (stage progress, for pool recycling). */
  stageChangedAt: DateTimeSchema.optional(),
  /** When and why the customer last went back to the pool. */
  releasedAt: DateTimeSchema.optional(),
  releaseReason: optionalText(500),
  /** The lead this customer was created from. */
  convertedFromLeadId: IdSchema.optional(),
  incomeBand: z.enum(INCOME_BANDS).optional(),
  /** Purchase metrics, derived from paid and delivered orders (marketing/customer-metrics.ts). */
  lastPurchaseAt: DateTimeSchema.optional(),
  totalSpend: MoneySchema.optional(),
  orderCount: z.number().int().min(0).max(1e9).optional(),
  rfm: RfmSchema.optional(),
  /** When the purchase metrics were last computed (recency is relative to this instant). */
  metricsAt: DateTimeSchema.optional(),
  /** Health score 0–100 from the last `crm.analytics.checkHealth()` that changed it (analytics/health-score.ts). */
  healthScore: z.number().int().min(0).max(100).optional(),
  /** When `healthScore` was computed. */
  healthCheckedAt: DateTimeSchema.optional(),
});

export const CustomerSchema = withSystemFields(CustomerInputSchema);
export type CustomerInput = z.input<typeof CustomerInputSchema>;
export type Customer = z.output<typeof CustomerSchema>;
