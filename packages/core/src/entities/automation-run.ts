import { z } from 'zod';
import { DateTimeSchema, IdSchema, optionalText, withSystemFields } from './common.js';

/**
 * - `succeeded`: every action ran;
 * - `failed`: an action failed (the ones after it did not run);
 * - `stopped`: loop protection refused the run (same rule on the same record twice in one causal
 *   chain, or the chain too deep); no action ran.
 */
export const AUTOMATION_RUN_STATUSES = ['succeeded', 'failed', 'stopped'] as const;

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
