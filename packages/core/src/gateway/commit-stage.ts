import { ENTITIES } from '../entities/registry.js';
import type { Where } from '../query/query-spec.js';
import type { Mutation } from '../storage/storage-adapter.js';
import type { GatewayStage } from './gateway-core.js';

/** The caller's filter AND the authorize stage's scope filter. */
function withScope(where: Where | undefined, scope: Where): Where {
  return where && Object.keys(where).length > 0 ? { and: [where, scope] } : scope;
}

/**
 * The bottom of the gateway: turns validated, authorized operations into adapter mutations and
 * commits them — with any extra mutations stages added (audit entries) — in one all-or-nothing
 * call, with optimistic concurrency through `expectedVersion`.
 */
export const commitStage: GatewayStage = {
  name: 'commit',
  create(_next, { adapter }) {
    const collection = (entity: keyof typeof ENTITIES) => ENTITIES[entity].collection;
    return {
      async write({ ctx, operations, extra = [], onProgress }) {
        const mutations: Mutation[] = operations.map((op): Mutation => {
          const name = collection(op.entity);
          if (op.type === 'create')
            return { type: 'insert', collection: name, record: { ...op.data, id: op.id } };
          if (op.type === 'update') {
            return {
              type: 'update',
              collection: name,
              record: { ...op.data, id: op.id },
              ...(op.expectedVersion !== undefined && { expectedVersion: op.expectedVersion }),
            };
          }
          return {
            type: 'delete',
            collection: name,
            id: op.id,
            ...(op.expectedVersion !== undefined && { expectedVersion: op.expectedVersion }),
          };
        });
        const { records } = await adapter.commit([...mutations, ...extra], {
          at: ctx.now,
          ...(onProgress && { onProgress }),
        });
        return records.slice(0, operations.length) as ReturnType<typeof records.slice>;
      },
      get: ({ entity, ids }) => adapter.getMany(collection(entity), ids),
      loadCurrent: ({ entity, ids }) => adapter.getMany(collection(entity), ids),
      query: ({ entity, spec, scope }) =>
        adapter.query(
          collection(entity),
          scope ? { ...spec, where: withScope(spec.where, scope) } : spec,
        ),
      count: ({ entity, where: callerWhere, search, searchFields, scope }) => {
        const where = scope ? withScope(callerWhere, scope) : callerWhere;
        return adapter.count(collection(entity), {
          ...(where && { where }),
          ...(search && { search }),
          ...(searchFields && { searchFields }),
        });
      },
    };
  },
};
