import type { DomainContext } from '../client/domain-context.js';
import { ENTITY_CATALOG } from '../entities/catalog.js';
import type { EntityRecord } from '../entities/registry.js';
import { ConflictError, LimitError, PermissionError, ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import type { Principal } from '../gateway/principal.js';
import type { QueryResult, QuerySpec, Where } from '../query/query-spec.js';
import { requireText, salesIo } from './sales-io.js';
import { DAY_MS, DEFAULT_POOL_ID, type PoolRule, type SalesOptions } from './sales-options.js';

export type PooledEntity = 'lead' | 'customer';

export interface ReleaseOptions {
  /** The pool to release into; default `SalesOptions.defaultPoolId` (`public`). */
  readonly poolId?: string;
  readonly expectedVersion?: number;
}

export interface RecycledRecord {
  readonly entity: PooledEntity;
  readonly id: string;
  readonly fromOwnerId: string;
  readonly reason: string;
}

/** Lead statuses that count toward a rep's capacity and are subject to recycling by default. */
const OPEN_LEAD_STATUSES = ['new', 'contacted', 'qualified'] as const;
const RECYCLABLE_STAGES = ['potential', 'prospect'] as const;

/** Whether `principal` may see and claim from a pool under `rules`. */
export function poolVisible(
  rules: Readonly<Record<string, PoolRule>> | undefined,
  poolId: string,
  principal: Principal,
): boolean {
  const rule = rules?.[poolId];
  if (!rule || (rule.teams === undefined && rule.roles === undefined)) return true;
  return (
    (rule.teams ?? []).some((t) => principal.teams?.includes(t)) ||
    (rule.roles ?? []).some((r) => principal.roles.includes(r))
  );
}

/**
 * The lead pool and the customer pool (公海): release, claim, browse and recycle. Each change is
 * one gateway write carrying the record's new state and its owner-history entry.
 *
 * Pool visibility: `SalesOptions.pools[poolId]` may restrict a pool to teams and/or roles; others
 * neither see its records in `pool()` nor may `claim` them (`PermissionError`). The record scope of
 * the host's policy still applies underneath (a principal limited to `own` records cannot read
 * unowned ones — give reps a scope that includes pooled records).
 */
export function createPool(domain: DomainContext, options: SalesOptions) {
  const defaultPool = options.defaultPoolId ?? DEFAULT_POOL_ID;

  function hiddenPools(principal: Principal): string[] {
    return Object.keys(options.pools ?? {}).filter(
      (p) => !poolVisible(options.pools, p, principal),
    );
  }

  async function ownedCount(entity: PooledEntity, ownerId: string): Promise<number> {
    const where: Where =
      entity === 'lead'
        ? { ownerId: { eq: ownerId }, status: { in: [...OPEN_LEAD_STATUSES] } }
        : { ownerId: { eq: ownerId } };
    return domain.gateway.count(domain.context(), entity, where);
  }

  return {
    /**
     * Returns a record to its pool, recording who released it and why.
     *
     * @throws ValidationError without a reason; ConflictError when it is already in a pool or converted
     */
    async release(
      entity: PooledEntity,
      id: string,
      reason: string,
      releaseOptions: ReleaseOptions = {},
    ): Promise<EntityRecord<PooledEntity>> {
      const why = requireText(reason, 'reason', 'a reason for releasing the record');
      const record = (await salesIo.get(domain, entity, id)) as EntityRecord<'lead'> &
        EntityRecord<'customer'>;
      const collection = ENTITY_CATALOG[entity].collection;
      if (record.ownerId === undefined)
        throw new ConflictError(
          collection,
          id,
          record.version,
          record.version,
          `${collection}/${id} is already in pool ${record.poolId ?? '(none)'}`,
        );
      if (entity === 'lead' && record.status === 'converted')
        throw new ConflictError(
          collection,
          id,
          record.version,
          record.version,
          `Lead ${id} is converted and cannot go back to the pool`,
        );
      const poolId = releaseOptions.poolId ?? defaultPool;
      const now = domain.clock().toISOString();
      const [updated] = await domain.gateway.write(domain.context(), [
        {
          type: 'update',
          entity,
          id,
          patch: { ownerId: null, assignedAt: null, poolId, releasedAt: now, releaseReason: why },
          expectedVersion: releaseOptions.expectedVersion ?? record.version,
        },
        salesIo.ownerChange(
          domain,
          {
            entity,
            recordId: id,
            fromOwnerId: record.ownerId,
            kind: 'release',
            reason: why,
            poolId,
          },
          now,
        ),
      ]);
      return updated as unknown as EntityRecord<PooledEntity>;
    },

    /**
     * Takes a record from its pool for the acting principal.
     *
     * @throws ConflictError when someone owns it (or took it first); PermissionError for a pool
     * not visible to the principal; LimitError (`LIMIT_EXCEEDED`) beyond the rep's capacity
     */
    async claim(
      entity: PooledEntity,
      id: string,
      claimOptions: { expectedVersion?: number } = {},
    ): Promise<EntityRecord<PooledEntity>> {
      const { principal } = domain.context();
      const record = await salesIo.get(domain, entity, id);
      const collection = ENTITY_CATALOG[entity].collection;
      if (record.ownerId !== undefined || record.poolId === undefined)
        throw new ConflictError(
          collection,
          id,
          record.version,
          record.version,
          `${collection}/${id} is not in a pool (owner: ${record.ownerId ?? 'none'})`,
        );
      if (!poolVisible(options.pools, record.poolId, principal))
        throw new PermissionError(
          'claim',
          collection,
          id,
          `pool ${record.poolId} is not visible to you`,
        );
      const max = entity === 'lead' ? options.capacity?.leads : options.capacity?.customers;
      if (max !== undefined) {
        const current = await ownedCount(entity, principal.id);
        if (current >= max)
          throw new LimitError(
            `capacity.${ENTITY_CATALOG[entity].collection}`,
            max,
            current,
            `${principal.id} already owns ${current} ${collection} (capacity ${max}); release some before claiming more`,
          );
      }
      const now = domain.clock().toISOString();
      const [updated] = await domain.gateway.write(domain.context(), [
        {
          type: 'update',
          entity,
          id,
          patch: {
            ownerId: principal.id,
            poolId: null,
            assignedAt: now,
            releasedAt: null,
            releaseReason: null,
          },
          expectedVersion: claimOptions.expectedVersion ?? record.version,
        },
        salesIo.ownerChange(
          domain,
          { entity, recordId: id, toOwnerId: principal.id, kind: 'claim', poolId: record.poolId },
          now,
        ),
      ]);
      return updated as unknown as EntityRecord<PooledEntity>;
    },

    /** Records waiting in the pools visible to the principal (optionally one pool), as a query page. */
    async list(
      entity: PooledEntity,
      query: QuerySpec & { poolId?: string } = {},
    ): Promise<QueryResult<EntityRecord<PooledEntity>>> {
      const { poolId, ...spec } = query;
      const hidden = hiddenPools(domain.context().principal);
      const filters: Where[] = [
        { ownerId: { exists: false } },
        poolId === undefined ? { poolId: { exists: true } } : { poolId: { eq: poolId } },
      ];
      if (hidden.length) filters.push({ poolId: { nin: hidden } });
      if (spec.where) filters.push(spec.where);
      return (await domain.gateway.query(domain.context(), entity, {
        ...spec,
        where: { and: filters },
      })) as unknown as QueryResult<EntityRecord<PooledEntity>>;
    },

    /**
     * Applies the recycling rules at the clock's time: every owned lead / customer that had no
     * follow-up within N days of assignment, or no stage progress within M days, goes back to
     * the default pool with the reason recorded. One all-or-nothing write for the whole batch.
     * Run it as a principal that may update every record (an administrator or a system user).
     */
    async recycle(): Promise<RecycledRecord[]> {
      for (let attempt = 0; ; attempt++) {
        const now = domain.clock();
        const nowIso = now.toISOString();
        const intents: WriteIntent[] = [];
        const released: RecycledRecord[] = [];
        const plan = [
          {
            entity: 'lead' as const,
            rule: options.recycling?.leads,
            field: 'status',
            values: options.recycling?.leads?.statuses ?? OPEN_LEAD_STATUSES,
          },
          {
            entity: 'customer' as const,
            rule: options.recycling?.customers,
            field: 'lifecycleStage',
            values: options.recycling?.customers?.stages ?? RECYCLABLE_STAGES,
          },
        ];
        for (const { entity, rule, field, values } of plan) {
          if (!rule || (rule.noFollowUpDays === undefined && rule.noProgressDays === undefined))
            continue;
          const candidates = await salesIo.all(domain, entity, {
            ownerId: { exists: true },
            [field]: { in: [...values] },
          });
          for (const record of candidates) {
            const reason = recycleReason(record, rule, now.getTime());
            if (!reason) continue;
            released.push({ entity, id: record.id, fromOwnerId: record.ownerId!, reason });
            intents.push(
              {
                type: 'update',
                entity,
                id: record.id,
                patch: {
                  ownerId: null,
                  assignedAt: null,
                  poolId: defaultPool,
                  releasedAt: nowIso,
                  releaseReason: reason,
                },
                expectedVersion: record.version,
              },
              salesIo.ownerChange(
                domain,
                {
                  entity,
                  recordId: record.id,
                  fromOwnerId: record.ownerId,
                  kind: 'recycle',
                  reason,
                  poolId: defaultPool,
                },
                nowIso,
              ),
            );
          }
        }
        if (intents.length === 0) return [];
        try {
          await domain.gateway.write(domain.context(), intents);
          return released;
        } catch (error) {
          if (error instanceof ConflictError && attempt < 2) continue;
          throw error;
        }
      }
    },
  };
}

/** Why a record is due for recycling at `now` (ms), or `null`. Exactly N days counts. */
export function recycleReason(
  record: {
    assignedAt?: string;
    createdAt: string;
    lastContactAt?: string;
    stageChangedAt?: string;
  },
  rule: { noFollowUpDays?: number; noProgressDays?: number },
  now: number,
): string | null {
  for (const [key, value] of Object.entries(rule)) {
    if (
      (key === 'noFollowUpDays' || key === 'noProgressDays') &&
      !(typeof value === 'number' && value > 0)
    )
      throw new ValidationError([
        { path: ['recycling', key], message: 'Use a positive number of days' },
      ]);
  }
  const assigned = Date.parse(record.assignedAt ?? record.createdAt);
  if (rule.noFollowUpDays !== undefined) {
    const followedUp =
      record.lastContactAt !== undefined && Date.parse(record.lastContactAt) >= assigned;
    if (!followedUp && now - assigned >= rule.noFollowUpDays * DAY_MS)
      return `No follow-up within ${rule.noFollowUpDays} days of assignment`;
  }
  if (rule.noProgressDays !== undefined) {
    const since = Math.max(
      assigned,
      record.stageChangedAt ? Date.parse(record.stageChangedAt) : assigned,
    );
    if (now - since >= rule.noProgressDays * DAY_MS)
      return `No stage progress within ${rule.noProgressDays} days`;
  }
  return null;
}
