import { z } from 'zod';
import {
  CurrencySchema,
  DateTimeSchema,
  IdSchema,
  MoneySchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';
import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES } from './enums.js';

export const CampaignInputSchema = z.strictObject({
  name: shortText(200),
  description: optionalText(2000),
  channel: z.enum(CAMPAIGN_CHANNELS),
  status: z.enum(CAMPAIGN_STATUSES).default('draft'),
  segmentId: IdSchema.optional(),
  budget: MoneySchema.default(0),
  actualCost: MoneySchema.default(0),
  currency: CurrencySchema.default('CNY'),
  startAt: DateTimeSchema.optional(),
  endAt: DateTimeSchema.optional(),
  /** Message template; `{{name}}` placeholders are filled as plain text. */
  template: z.strictObject({ subject: optionalText(300), body: z.string().max(20_000) }).optional(),
  ownerId: IdSchema.optional(),
});

export const CampaignSchema = withSystemFields(CampaignInputSchema);
export type CampaignInput = z.input<typeof CampaignInputSchema>;
export type Campaign = z.output<typeof CampaignSchema>;
