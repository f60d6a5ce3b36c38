import type { DomainContext } from '../client/domain-context.js';
import { IdSchema } from '../entities/common.js';
import type { OWNED_ENTITIES } from '../entities/enums.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import type { Where } from '../query/query-spec.js';
import { salesIo } from './sales-io.js';

export interface TransferResult {
  /** How many records of each kind moved. */
  readonly moved: Readonly<
    Record<'customer' | 'contact' | 'lead' | 'deal' | 'activity' | 'ticket', number>
  >;
}

/** What moves when a rep leaves: their book, but nothing closed. */
const PLAN: readonly {
  entity: (typeof OWNED_ENTITIES)[number] & keyof TransferResult['moved'];
  field: 'ownerId' | 'assigneeId';
  open: Where;
}[] = [
  { entity: 'customer', field: 'ownerId', open: {} },
  { entity: 'contact', field: 'ownerId', open: {} },
  { entity: 'lead', field: 'ownerId', open: {} },
  { entity: 'deal', field: 'ownerId', open: { status: { eq: 'open' } } },
  { entity: 'activity', field: 'ownerId', open: { status: { eq: 'open' } } },
  { entity: 'ticket', field: 'assigneeId', open: { status: { nin: ['resolved', 'closed'] } } },
];

/**
 * Moves every customer, contact, lead, open deal, open activity and open ticket of one owner to
 * another in ONE gateway write (all-or-nothing, audited as 'transfer' entries in the same commit),
 * with an owner-history entry per record. Records changed concurrently make the whole
 * transfer fail with `ConflictError`; run it again.
 *
 * @example
 * ```ts
 * const { moved } = await crm.sales.transferOwner('u-li', 'u-wang', { reason: '离职交接' });
 * ```
 */
export function createOwnerTransfer(domain: DomainContext) {
  return async function transferOwner(
    fromOwnerId: string,
    toOwnerId: string,
    options: { reason?: string } = {},
  ): Promise<TransferResult> {
    const issues: ValidationIssue[] = [];
    if (!IdSchema.safeParse(fromOwnerId).success)
      issues.push({ path: ['fromOwnerId'], message: 'Not a valid user id' });
    if (!IdSchema.safeParse(toOwnerId).success)
      issues.push({ path: ['toOwnerId'], message: 'Not a valid user id' });
    if (!issues.length && fromOwnerId === toOwnerId)
      issues.push({ path: ['toOwnerId'], message: 'Transfer to a different owner' });
    if (issues.length) throw new ValidationError(issues);

    const now = domain.clock().toISOString();
    const reason = options.reason ?? `Transfer from ${fromOwnerId} to ${toOwnerId}`;
    const intents: WriteIntent[] = [];
    const moved = { customer: 0, contact: 0, lead: 0, deal: 0, activity: 0, ticket: 0 };
    for (const { entity, field, open } of PLAN) {
      const records = await salesIo.all(domain, entity, { ...open, [field]: { eq: fromOwnerId } });
      for (const record of records) {
        const patch: Record<string, unknown> = { [field]: toOwnerId };
        if (entity === 'customer' || entity === 'lead') patch.assignedAt = now;
        intents.push(
          { type: 'update', entity, id: record.id, patch, expectedVersion: record.version },
          salesIo.ownerChange(
            domain,
            { entity, recordId: record.id, fromOwnerId, toOwnerId, kind: 'transfer', reason },
            now,
          ),
        );
        moved[entity]++;
      }
    }
    if (intents.length) {
      await domain.gateway.write(domain.context(), intents, {
        audit: { action: 'transfer', reason },
      });
    }
    return { moved };
  };
}
