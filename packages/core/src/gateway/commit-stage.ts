import { ENTITY_CATALOG } from '../entities/catalog.js';
import { aggregatePages } from '../query/aggregate.js';
import type { Where } from '../query/query-spec.js';
import type { Mutation } from '../storage/storage-adapter.js';
import { isCreateStream } from './create-stream.js';
import type { GatewayStage } from './gateway-core.js';

/** The caller's filter AND the authorize stage's scope filter. */
function withScope(where: Where | undefined, scope: Where): Where {
  return where && Object.keys(where).length > 0 ? { and: [where, scope] } : scope;
}

/**
 * Progress of a commit as the caller counts it: its own records, not the audit entries written
 * after them in the same commit (so it ends at `size`, once).
 */
function progressOf(size: number, report: (done: number, total: number) => void) {
  let last = -1;
  return (done: number) => {
    const own = Math.min(done, size);
    if (own === last) return;
    last = own;
    report(own, size);
  };
}

/**
 * The bottom of the gateway: turns validated, authorized operations into adapter mutations and
 * commits them — with any extra mutations stages added (audit entries) — in one all-or-nothing
 * call, with optimistic concurrency through `expectedVersion`.
 */
export const commitStage: GatewayStage = {
  name: 'commit',
  create(_next, { adapter }) {
    const collection = (entity: keyof typeof ENTITY_CATALOG) => ENTITY_CATALOG[entity].collection;
    return {
      async write({ ctx, operations, extra = [], onProgress }) {
        const size = isCreateStream(operations) ? operations.size : operations.length;
        const options = {
          at: ctx.now,
          ...(onProgress && { onProgress: progressOf(size, onProgress) }),
        };
        if (isCreateStream(operations)) {
          // Creates become inserts a chunk at a time, as the adapter asks; `extra` comes last.
          const { chunks } = operations;
          const { records } = await adapter.commit(
            {
              collections: [
                ...new Set([
                  ...[...operations.counts.keys()].map(collection),
                  ...extra.map((m) => m.collection),
                ]),
              ],
              size: operations.size + extra.length,
              chunks: {
                *[Symbol.iterator]() {
                  for (const chunk of chunks)
                    yield chunk.map((op): Mutation => ({
                      type: 'insert',
                      collection: collection(op.entity),
                      record: { ...op.data, id: op.id },
                    }));
                  yield extra;
                },
              },
            },
            options,
          );
          return records.slice(0, operations.size) as ReturnType<typeof records.slice>;
        }
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
        const { records } = await adapter.commit([...mutations, ...extra], options);
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
      aggregate: ({ entity, query, scope }) => {
        const where = scope ? withScope(query.where, scope) : query.where;
        const scoped = { ...query, ...(where && { where }) };
        const name = collection(entity);
        // Storage without an aggregate of its own: its matches, a page at a time, folded here.
        return adapter.aggregate
          ? adapter.aggregate(name, scoped)
          : aggregatePages(scoped, (spec) => adapter.query(name, spec));
      },
    };
  },
};
