import type { DomainContext } from '../client/domain-context.js';
import { ENTITY_CATALOG, type EntityName } from '../entities/catalog.js';
import type { EntityRecord } from '../entities/registry.js';
import { NotFoundError, PermissionError, ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { grantedScopes, type Policy } from '../gateway/policy.js';
import { DEDUPE_ENTITIES, type DedupeEntity } from './duplicate-keys.js';
import { mergeFields } from './merge-fields.js';
import { readAll } from './read-all.js';

/** Every field, per entity, that points at a customer or a contact. */
export const MERGE_LINKS: Readonly<
  Record<DedupeEntity, readonly { readonly entity: EntityName; readonly field: string }[]>
> = {
  customer: [
    { entity: 'contact', field: 'customerId' },
    { entity: 'deal', field: 'customerId' },
    { entity: 'activity', field: 'customerId' },
    { entity: 'ticket', field: 'customerId' },
    { entity: 'order', field: 'customerId' },
    { entity: 'lead', field: 'convertedCustomerId' },
    { entity: 'surveyResponse', field: 'customerId' },
    { entity: 'surveyRequest', field: 'customerId' },
  ],
  contact: [
    { entity: 'deal', field: 'contactId' },
    { entity: 'activity', field: 'contactId' },
    { entity: 'ticket', field: 'contactId' },
    { entity: 'order', field: 'contactId' },
    { entity: 'lead', field: 'convertedContactId' },
    { entity: 'surveyResponse', field: 'contactId' },
    { entity: 'surveyRequest', field: 'contactId' },
  ],
};

export interface MergeResult<E extends DedupeEntity> {
  /** The target as it is after the merge. */
  readonly target: EntityRecord<E>;
  /** Re-linked records by entity. */
  readonly relinked: Readonly<Partial<Record<EntityName, number>>>;
  /** The fields of the target that the merge changed. */
  readonly changedFields: readonly string[];
}

/**
 * Merges `sourceId` into `targetId`: the target keeps every value it has and gains what it lacks
 * from the source; phones, emails and tags are unioned; every record that points at the source
 * ({@link MERGE_LINKS}: contacts, deals, activities, tickets, orders, converted leads, surveys)
 * is re-pointed at the target; the source is deleted. One all-or-nothing gateway write with
 * optimistic concurrency on every record touched, audited as `'merge'`.
 *
 * A principal who cannot see every linked record (read scope narrower than `all` on a linked
 * entity) is refused: re-linking only what they see would leave the rest pointing at a deleted
 * record. Owner history (`ownerChange`) and audit entries keep the source id: they are history.
 *
 * @throws ValidationError (same id twice, not a customer or contact), NotFoundError,
 *   PermissionError, ConflictError (a record changed meanwhile; nothing was written)
 */
export async function mergeRecords<E extends DedupeEntity>(
  domain: DomainContext,
  policy: Policy | undefined,
  entity: E,
  targetId: string,
  sourceId: string,
): Promise<MergeResult<E>> {
  if (!DEDUPE_ENTITIES.includes(entity))
    throw new ValidationError([{ path: ['entity'], message: 'Merge customers or contacts' }]);
  if (typeof targetId !== 'string' || typeof sourceId !== 'string' || targetId === sourceId)
    throw new ValidationError([
      { path: ['sourceId'], message: 'Give two different records to merge' },
    ]);
  const ctx = domain.context();
  const links = MERGE_LINKS[entity];
  if (policy) {
    for (const { entity: linked } of links) {
      if (!grantedScopes(policy, ctx.principal, 'read', linked).includes('all'))
        throw new PermissionError(
          'merge',
          ENTITY_CATALOG[entity].collection,
          sourceId,
          `you cannot see every ${linked} that may point at it`,
        );
    }
  }
  const [target, source] = await domain.gateway.get(ctx, entity, [targetId, sourceId]);
  if (!target) throw new NotFoundError(ENTITY_CATALOG[entity].collection, targetId);
  if (!source) throw new NotFoundError(ENTITY_CATALOG[entity].collection, sourceId);

  const patch = mergeFields(target, source);
  const intents: WriteIntent[] = [];
  if (Object.keys(patch).length)
    intents.push({ type: 'update', entity, id: targetId, patch, expectedVersion: target.version });

  const relinked: Partial<Record<EntityName, number>> = {};
  const patches = new Map<
    string,
    { entity: EntityName; id: string; version: number; patch: Record<string, unknown> }
  >();
  for (const { entity: linked, field } of links) {
    for await (const page of readAll(
      domain,
      linked,
      { where: { [field]: { eq: sourceId } } },
      undefined,
      ctx,
    )) {
      for (const record of page) {
        const key = `${linked}\u0000${record.id}`;
        const entry = patches.get(key) ?? {
          entity: linked,
          id: record.id,
          version: record.version,
          patch: {},
        };
        entry.patch[field] = targetId;
        patches.set(key, entry);
      }
    }
  }
  for (const p of patches.values()) {
    intents.push({
      type: 'update',
      entity: p.entity,
      id: p.id,
      patch: p.patch,
      expectedVersion: p.version,
    });
    relinked[p.entity] = (relinked[p.entity] ?? 0) + 1;
  }
  intents.push({ type: 'delete', entity, id: sourceId, expectedVersion: source.version });

  await domain.gateway.write(ctx, intents, {
    audit: {
      action: 'merge',
      reason: `${entity} ${sourceId} merged into ${targetId}; ${patches.size} linked records re-pointed`,
    },
  });
  const [after] = await domain.gateway.get(ctx, entity, [targetId]);
  return {
    target: after as unknown as EntityRecord<E>,
    relinked,
    changedFields: Object.keys(patch),
  };
}
