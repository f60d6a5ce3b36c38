import type { EntityInput, EntityName, EntityRecord } from '../entities/registry.js';
import { NotFoundError } from '../errors.js';
import { ENTITY_CATALOG } from '../entities/catalog.js';
import type { Gateway } from '../gateway/gateway.js';
import type { RequestContext } from '../gateway/gateway-core.js';
import type { QueryResult, QuerySpec, Where } from '../query/query-spec.js';

/** What `create` accepts: the entity's input, optionally with a caller-chosen `id`. */
export type CreateInput<E extends EntityName> = EntityInput<E> & { id?: string };
/** What `update` accepts: any subset of the input fields; `null` clears an optional field. */
export type Patch<E extends EntityName> = {
  [K in keyof EntityInput<E>]?: EntityInput<E>[K] | null;
};

export interface WriteOptions {
  /** The version you last read; a newer stored version makes the write fail with `ConflictError`. */
  readonly expectedVersion?: number;
}

/**
 * CRUD for one entity, always through the gateway.
 *
 * @example
 * ```ts
 * const acme = await crm.customers.create({ name: '北京星辰科技有限公司', tier: 'vip' });
 * const moved = await crm.customers.update(acme.id, { tier: 'key' }, { expectedVersion: acme.version });
 * const page = await crm.customers.list({ search: '星辰', orderBy: [{ field: 'updatedAt', direction: 'desc' }] });
 * ```
 */
export interface Repository<E extends EntityName> {
  readonly entity: E;
  /** @throws ValidationError, PermissionError, ConflictError (id taken) */
  create(input: CreateInput<E>): Promise<EntityRecord<E>>;
  /** All-or-nothing: if any input is invalid, nothing is stored and every issue is reported (paths start with the index). */
  createMany(
    inputs: readonly CreateInput<E>[],
    options?: { onProgress?: (done: number, total: number) => void },
  ): Promise<EntityRecord<E>[]>;
  /** @throws NotFoundError when missing or outside the principal's scope */
  get(id: string): Promise<EntityRecord<E>>;
  /** `null` where missing or not visible; same order as `ids`. */
  getMany(ids: readonly string[]): Promise<(EntityRecord<E> | null)[]>;
  /** @throws ValidationError, NotFoundError, ConflictError, PermissionError */
  update(id: string, patch: Patch<E>, options?: WriteOptions): Promise<EntityRecord<E>>;
  /** @throws NotFoundError, ConflictError, PermissionError */
  remove(id: string, options?: WriteOptions): Promise<void>;
  list(query?: QuerySpec): Promise<QueryResult<EntityRecord<E>>>;
  count(where?: Where, options?: { search?: string }): Promise<number>;
}

export function createRepository<E extends EntityName>(
  entity: E,
  gateway: Gateway,
  context: () => RequestContext,
): Repository<E> {
  type R = EntityRecord<E>;
  const collection = ENTITY_CATALOG[entity].collection;
  return {
    entity,
    async create(input) {
      const [record] = await gateway.write(context(), [{ type: 'create', entity, input }]);
      return record as unknown as R;
    },
    async createMany(inputs, options) {
      if (inputs.length === 0) return [];
      const records = await gateway.write(
        context(),
        inputs.map((input) => ({ type: 'create', entity, input })),
        options,
      );
      return records as unknown as R[];
    },
    async get(id) {
      const [record] = await gateway.get(context(), entity, [id]);
      if (!record) throw new NotFoundError(collection, id);
      return record as unknown as R;
    },
    async getMany(ids) {
      return (await gateway.get(context(), entity, ids)) as unknown as (R | null)[];
    },
    async update(id, patch, options = {}) {
      const [record] = await gateway.write(context(), [
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
      return record as unknown as R;
    },
    async remove(id, options = {}) {
      await gateway.write(context(), [
        {
          type: 'delete',
          entity,
          id,
          ...(options.expectedVersion !== undefined && {
            expectedVersion: options.expectedVersion,
          }),
        },
      ]);
    },
    async list(query = {}) {
      return (await gateway.query(context(), entity, query)) as unknown as QueryResult<R>;
    },
    async count(where, options = {}) {
      return gateway.count(context(), entity, where, options.search);
    },
  };
}
