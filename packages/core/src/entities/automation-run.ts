import { z } from 'zod';
import { DateTimeSchema, IdSchema, optionalText, withSystemFields } from './common.js';
import { AUTOMATION_RUN_STATUSES } from './enums.js';

export const AutomationActionResultSchema = z.strictObject({
  type: z.string().max(40),
  status: z.enum(['done', 'skipped', 'failed']),
  detail: optionalText(500),
});

/** One run of one automation rule on one record. */
export const AutomationRunInputSchema = z.strictObject({
  ruleId: IdSchema,
  trigger: z.string().max(40),
  entity: z.string().max(40),
  recordId: IdSchema,
  status: z.enum(AUTOMATION_RUN_STATUSES),
  reason: optionalText(500),
  /** The causal chain: runs caused (through their writes) by one outside change share it. */
  chainId: IdSchema,
  /** 0 for a run caused by an outside change, +1 per rule write in between. */
  depth: z.number().int().min(0).max(1000),
  at: DateTimeSchema,
  actions: z.array(AutomationActionResultSchema).max(20).default([]),
});

export const AutomationRunSchema = withSystemFields(AutomationRunInputSchema);
export type AutomationRunInput = z.input<typeof AutomationRunInputSchema>;
export type AutomationRun = z.output<typeof AutomationRunSchema>;
