import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput, Patch, WriteOptions } from '../client/repository.js';
import type { EntityRecord } from '../entities/registry.js';
import { ConflictError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { salesIo } from './sales-io.js';

type Pooled = 'lead' | 'customer';
type Data = Record<string, unknown>;

export interface OwnedRecordWrites<E extends Pooled> {
  create(input: CreateInput<E>): Promise<EntityRecord<E>>;
  update(id: string, patch: Patch<E>, options?: WriteOptions): Promise<EntityRecord<E>>;
}

function isPlainObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies a patch as the gateway will (`null` clears), to compute derived fields from the result. */
export function applyPatch(record: Data, patch: Data): Data {
  const merged: Data = { ...record };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/**
 * `create` / `update` for leads and customers that keep the sales bookkeeping in the same write:
 * `assignedAt` and an owner-history entry when the owner changes (and the record leaves its pool),
 * `stageChangedAt` when the stage field changes, plus whatever `derive` adds (the lead score).
 * An update computed from a read carries that read's version, so a concurrent change is retried
 * (when the caller gave no `expectedVersion`) or reported as `ConflictError` (when it did).
 */
export function createOwnedRecordWrites<E extends Pooled>(
  domain: DomainContext,
  entity: E,
  stageField: 'status' | 'lifecycleStage',
  derive: (merged: Data, id: string) => Promise<Data | null> = async () => null,
): OwnedRecordWrites<E> {
  const raw = () => domain.gateway;
  return {
    async create(input) {
      if (!isPlainObject(input)) {
        const [record] = await raw().write(domain.context(), [{ type: 'create', entity, input }]);
        return record as unknown as EntityRecord<E>;
      }
      const now = domain.clock().toISOString();
      const id = typeof input.id === 'string' ? input.id : domain.newId();
      const data: Data = { ...input, id };
      if (data.stageChangedAt === undefined) data.stageChangedAt = now;
      const intents: WriteIntent[] = [];
      if (typeof data.ownerId === 'string') {
        data.assignedAt ??= now;
        intents.push(
          salesIo.ownerChange(
            domain,
            { entity, recordId: id, toOwnerId: data.ownerId, kind: 'assign' },
            now,
          ),
        );
      }
      const derived = await derive(data, id);
      const [record] = await raw().write(domain.context(), [
        { type: 'create', entity, input: { ...data, ...derived } },
        ...intents,
      ]);
      return record as unknown as EntityRecord<E>;
    },

    async update(id, patch, options = {}) {
      for (let attempt = 0; ; attempt++) {
        const current = (await salesIo.current(domain, entity, id)) as unknown as Data | null;
        if (current === null || !isPlainObject(patch)) {
          const [record] = await raw().write(domain.context(), [
            {
              type: 'update',
              entity,
              id,
              patch,
              ...(options.expectedVersion !== undefined && {
                expectedVersion: options.expectedVersion,
              }),
            },
          ]);
          return record as unknown as EntityRecord<E>;
        }
        const now = domain.clock().toISOString();
        const full: Data = { ...patch };
        const intents: WriteIntent[] = [];
        const merged = applyPatch(current, full);
        if (merged[stageField] !== current[stageField] && !('stageChangedAt' in patch))
          full.stageChangedAt = now;
        if ('ownerId' in patch && merged.ownerId !== current.ownerId) {
          if (typeof merged.ownerId === 'string') {
            if (!('assignedAt' in patch)) full.assignedAt = now;
            if (!('poolId' in patch)) full.poolId = null;
          } else if (!('assignedAt' in patch)) full.assignedAt = null;
          intents.push(
            salesIo.ownerChange(
              domain,
              {
                entity,
                recordId: id,
                fromOwnerId: current.ownerId as string | undefined,
                toOwnerId: merged.ownerId as string | undefined,
                kind: 'assign',
              },
              now,
            ),
          );
        }
        const derived = await derive(applyPatch(current, full), id);
        try {
          const [record] = await raw().write(domain.context(), [
            {
              type: 'update',
              entity,
              id,
              patch: { ...full, ...derived },
              expectedVersion: options.expectedVersion ?? (current.version as number),
            },
            ...intents,
          ]);
          return record as unknown as EntityRecord<E>;
        } catch (error) {
          // Our own read went stale: read again (the caller did not pin a version).
          if (
            error instanceof ConflictError &&
            options.expectedVersion === undefined &&
            attempt < 2
          )
            continue;
          throw error;
        }
      }
    },
  };
}
