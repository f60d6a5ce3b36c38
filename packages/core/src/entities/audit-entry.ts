import { z } from 'zod';
import { DateTimeSchema, IdSchema, withSystemFields } from './common.js';
import { AUDIT_ACTIONS } from './enums.js';

/** One append-only audit record. Written by the gateway's audit stage, never through a repository. */
export const AuditEntryInputSchema = z.strictObject({
  seq: z.number().int().min(0),
  at: DateTimeSchema,
  actorId: z.string().max(64),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string().max(64),
  recordId: IdSchema.optional(),
  /** Field-level diff; sensitive values are redacted before they get here. */
  changes: z.record(z.string(), z.strictObject({ from: z.unknown(), to: z.unknown() })).optional(),
  reason: z.string().max(1000).optional(),
  prevHash: z.string().max(128),
  hash: z.string().max(128),
});

export const AuditEntrySchema = withSystemFields(AuditEntryInputSchema);
export type AuditEntryInput = z.input<typeof AuditEntryInputSchema>;
export type AuditEntry = z.output<typeof AuditEntrySchema>;
