import { ENTITY_CATALOG, type EntityName } from '../entities/catalog.js';
import { aggregateFields, aggregatePages } from '../query/aggregate.js';
import { rewriteEncryptedWhere } from '../security/encrypted-where.js';
import type { FieldCipher } from '../security/field-cipher.js';
import { COLLECTIONS } from '../storage/collections.js';
import type { StoredRecord } from '../storage/storage-adapter.js';
import { collectCreates, isCreateStream } from './create-stream.js';
import type { GatewayCore, GatewayStage, WriteOperation } from './gateway-core.js';

const SEARCH_FIELDS = new Map(COLLECTIONS.map((c) => [c.name, c.searchFields]));

/**
 * Encryption at rest. On the way down, every path SENSITIVE_FIELDS marks with an encrypted kind is
 * replaced by an AES-GCM ciphertext bound to entity, record id and field, with a blind index
 * beside it when a blind-index key is configured; filters on encrypted fields are rewritten onto
 * those indexes (or rejected), and search skips them. On the way up (get, query, write results and
 * `loadCurrent`, so validation sees plaintext) values are decrypted and blind indexes removed.
 * Without `cipher` in the environment, values pass through unchanged.
 */
export const encryptStage: GatewayStage = {
  name: 'encrypt',
  create(next, { cipher }) {
    if (!cipher) return next;
    const encrypted = (entity: EntityName) => cipher.encryptedPaths(entity).length > 0;
    const decryptAll = (entity: EntityName, records: readonly (StoredRecord | null)[]) =>
      Promise.all(records.map((r) => (r ? cipher.decryptRecord(entity, r) : r)));
    const searchFieldsFor = (
      c: FieldCipher,
      entity: EntityName,
      search: string | undefined,
      current: readonly string[] | undefined,
    ) => {
      if (!search?.trim()) return current;
      const paths = new Set(c.encryptedPaths(entity).map(([p]) => p));
      const fields = current ?? SEARCH_FIELDS.get(ENTITY_CATALOG[entity].collection) ?? [];
      const kept = fields.filter((f) => !paths.has(f));
      return kept.length === fields.length ? current : kept;
    };
    const core: GatewayCore = {
      async write(request) {
        if (isCreateStream(request.operations)) {
          if (![...request.operations.counts.keys()].some(encrypted)) return next.write(request);
          // Encryption is asynchronous: the whole batch is validated first, then encrypted.
          request = { ...request, operations: collectCreates(request.operations) };
        }
        const operations = await Promise.all(
          (request.operations as readonly WriteOperation[]).map(
            async (op): Promise<WriteOperation> => {
              if (op.type === 'delete' || !encrypted(op.entity)) return op;
              const data = await cipher.encryptRecord(op.entity, op.id, op.data);
              return { ...op, data, plain: op.data };
            },
          ),
        );
        const records = await next.write({ ...request, operations });
        return Promise.all(
          records.map((r, i) => (r ? cipher.decryptRecord(operations[i]!.entity, r) : r)),
        );
      },
      async get(request) {
        return decryptAll(request.entity, await next.get(request));
      },
      async loadCurrent(request) {
        return decryptAll(request.entity, await next.loadCurrent(request));
      },
      async query(request) {
        const { entity, spec } = request;
        if (!encrypted(entity)) return next.query(request);
        const where = await rewriteEncryptedWhere(cipher, entity, spec.where, spec.orderBy);
        const searchFields = searchFieldsFor(cipher, entity, spec.search, spec.searchFields);
        const result = await next.query({
          ...request,
          spec: {
            ...spec,
            ...(where && { where }),
            ...(searchFields && { searchFields }),
          },
        });
        return { ...result, items: (await decryptAll(entity, result.items)) as StoredRecord[] };
      },
      async count(request) {
        const { entity } = request;
        if (!encrypted(entity)) return next.count(request);
        const where = await rewriteEncryptedWhere(cipher, entity, request.where);
        const searchFields = searchFieldsFor(cipher, entity, request.search, request.searchFields);
        return next.count({
          ...request,
          ...(where && { where }),
          ...(searchFields && { searchFields }),
        });
      },
      async aggregate(request) {
        const { ctx, entity, query, scope } = request;
        if (!encrypted(entity)) return next.aggregate(request);
        const stored = new Set(cipher.encryptedPaths(entity).map(([p]) => p.split('.')[0]!));
        // Grouped or summed by an encrypted field: storage holds only ciphertext, so the figures
        // come from the decrypted records.
        if (aggregateFields(query).some((field) => stored.has(field)))
          return aggregatePages(query, (spec) =>
            core.query({ ctx, entity, spec, ...(scope && { scope }) }),
          );
        const where = await rewriteEncryptedWhere(cipher, entity, query.where);
        return next.aggregate({ ...request, query: { ...query, ...(where && { where }) } });
      },
    };
    return core;
  },
};
