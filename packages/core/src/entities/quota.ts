import { z } from 'zod';
import { CurrencySchema, DateSchema, IdSchema, MoneySchema, withSystemFields } from './common.js';
import { QUOTA_PERIODS } from './enums.js';

export const QuotaInputSchema = z
  .strictObject({
    ownerId: IdSchema.optional(),
    teamId: IdSchema.optional(),
    pipelineId: IdSchema.optional(),
    period: z.enum(QUOTA_PERIODS),
    /** First day of the period, e.g. 2026-04-01 for Q2 2026. */
    periodStart: DateSchema,
    target: MoneySchema,
    currency: CurrencySchema.default('CNY'),
  })
  .refine((q) => q.ownerId !== undefined || q.teamId !== undefined, {
    message: 'A quota belongs to an owner or a team',
    path: ['ownerId'],
  });

export const QuotaSchema = withSystemFields(QuotaInputSchema);
export type QuotaInput = z.input<typeof QuotaInputSchema>;
export type Quota = z.output<typeof QuotaSchema>;
