import { z } from 'zod';
import { DateTimeSchema, IdSchema, optionalText, withSystemFields } from './common.js';
import { OWNED_ENTITIES, OWNER_CHANGE_KINDS } from './enums.js';

/**
 * One change of a record's owner, appended in the same write as the change itself. Together they
 * are the owner history of every record (`crm.sales.ownerHistory(entity, id)`).
 */
export const OwnerChangeInputSchema = z.strictObject({
  entity: z.enum(OWNED_ENTITIES),
  recordId: IdSchema,
  /** Absent when the record came from a pool or had no owner. */
  fromOwnerId: IdSchema.optional(),
  /** Absent when the record went back to a pool. */
  toOwnerId: IdSchema.optional(),
  kind: z.enum(OWNER_CHANGE_KINDS),
  reason: optionalText(500),
  poolId: IdSchema.optional(),
  actorId: IdSchema,
  at: DateTimeSchema,
});

export const OwnerChangeSchema = withSystemFields(OwnerChangeInputSchema);
export type OwnerChangeInput = z.input<typeof OwnerChangeInputSchema>;
export type OwnerChange = z.output<typeof OwnerChangeSchema>;
