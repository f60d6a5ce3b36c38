import { PermissionError } from '../errors.js';
import { ENTITY_CATALOG, type EntityName } from '../entities/catalog.js';
import { aggregateFields, aggregatePages } from '../query/aggregate.js';
import { COLLECTIONS } from '../storage/collections.js';
import type { Where } from '../query/query-spec.js';
import { maskField } from '../security/mask-field.js';
import type { StoredRecord } from '../storage/storage-adapter.js';
import { isCreateStream, mapCreateStream } from './create-stream.js';
import type { GatewayCore, GatewayStage, WriteOperation } from './gateway-core.js';
import type { FieldAccess } from './policy.js';
import type { Principal } from './principal.js';

const SYSTEM = new Set(['id', 'version', 'createdAt', 'updatedAt']);
const SEARCH_FIELDS = new Map(COLLECTIONS.map((c) => [c.name, c.searchFields]));

/** Top-level field names a filter mentions. */
function whereFields(where: Where | undefined, out = new Set<string>()): Set<string> {
  if (!where) return out;
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or')
      (value as readonly Where[]).forEach((w) => whereFields(w, out));
    else if (key === 'not') whereFields(value as Where, out);
    else out.add(key.split('.')[0]!);
  }
  return out;
}

/**
 * Per-field access: hidden fields are removed and masked fields masked (by the kind
 * SENSITIVE_FIELDS declares: `138****8000`, `z***@example.com`, nested values included) before a
 * record leaves the gateway (so caches, elements and events never see them); edits of fields that
 * are not editable are refused; hidden and masked fields cannot be filtered, sorted or searched on
 * (a search for a full phone number would otherwise confirm the number behind `138****8000`).
 */
export const fieldPolicyStage: GatewayStage = {
  name: 'fieldPolicy',
  create(next, { policy }) {
    const fieldAccess = policy.fieldAccess?.bind(policy);
    if (!fieldAccess) return next;
    const access = (principal: Principal, entity: EntityName, field: string): FieldAccess =>
      SYSTEM.has(field) ? 'readonly' : fieldAccess(principal, entity, field);
    const present = (principal: Principal, entity: EntityName, record: StoredRecord | null) => {
      if (!record) return record;
      let out: Record<string, unknown> | null = null;
      for (const field of Object.keys(record)) {
        const a = access(principal, entity, field);
        if (a === 'hidden' || a === 'masked') {
          out ??= { ...record };
          if (a === 'hidden') delete out[field];
          else out[field] = maskField(entity, field, record[field]);
        }
      }
      return (out ?? record) as StoredRecord;
    };
    /** Hidden and masked fields answer no questions: a filter, sort or search on them would reveal them. */
    const unreadable = (principal: Principal, entity: EntityName, field: string) => {
      const a = access(principal, entity, field);
      return a === 'hidden' || a === 'masked';
    };
    /** Search must not find records by fields the principal cannot read: search only the readable ones. */
    const visibleSearchFields = (
      principal: Principal,
      entity: EntityName,
      search: string | undefined,
    ) => {
      if (!search?.trim()) return undefined;
      const declared = SEARCH_FIELDS.get(ENTITY_CATALOG[entity].collection) ?? [];
      const visible = declared.filter((f) => !unreadable(principal, entity, f.split('.')[0]!));
      return visible.length === declared.length ? undefined : visible;
    };
    const refuseHidden = (principal: Principal, entity: EntityName, fields: Iterable<string>) => {
      for (const field of fields) {
        if (unreadable(principal, entity, field)) {
          throw new PermissionError(
            'filter or sort by',
            entity,
            undefined,
            `field "${field}" is ${access(principal, entity, field)} for you`,
          );
        }
      }
    };
    const core: GatewayCore = {
      ...next,
      async write(request) {
        const { principal } = request.ctx;
        const checkOperation = (op: WriteOperation) => {
          if (op.type === 'delete') return;
          const fields = op.type === 'create' ? op.provided : Object.keys(op.patch);
          for (const field of fields) {
            const a = access(principal, op.entity, field);
            if (a !== 'editable') {
              throw new PermissionError(
                op.type,
                op.entity,
                op.id,
                `field "${field}" is ${a} for you`,
              );
            }
          }
        };
        const { operations } = request;
        if (!isCreateStream(operations)) {
          operations.forEach(checkOperation);
          const records = await next.write(request);
          return records.map((r, i) => present(principal, operations[i]!.entity, r));
        }
        // A stream's creates are checked as they are produced.
        const records = await next.write({
          ...request,
          operations: mapCreateStream(operations, (chunk) => {
            chunk.forEach(checkOperation);
            return chunk;
          }),
        });
        return records.map((r, i) => present(principal, operations.entityAt(i), r));
      },
      async get(request) {
        const records = await next.get(request);
        return records.map((r) => present(request.ctx.principal, request.entity, r));
      },
      async query(request) {
        const { principal } = request.ctx;
        refuseHidden(principal, request.entity, [
          ...whereFields(request.spec.where),
          ...(request.spec.orderBy ?? []).map((o) => o.field.split('.')[0]!),
        ]);
        const searchFields = visibleSearchFields(principal, request.entity, request.spec.search);
        const spec = searchFields ? { ...request.spec, searchFields } : request.spec;
        const result = await next.query({ ...request, spec });
        return {
          ...result,
          items: result.items.map((r) => present(principal, request.entity, r)!),
        };
      },
      // No await of its own: the gateway's entry turns a refusal thrown here into a rejection.
      count(request) {
        refuseHidden(request.ctx.principal, request.entity, whereFields(request.where));
        const searchFields = visibleSearchFields(
          request.ctx.principal,
          request.entity,
          request.search,
        );
        return next.count(searchFields ? { ...request, searchFields } : request);
      },
      aggregate(request) {
        const { ctx, entity, query, scope } = request;
        refuseHidden(ctx.principal, entity, whereFields(query.where));
        if (!aggregateFields(query).some((field) => unreadable(ctx.principal, entity, field)))
          return next.aggregate(request);
        // Grouped or summed by a field the principal cannot read: figures of the records as they
        // see them (hidden: missing; masked: the masked value), never of the values behind them.
        return aggregatePages(query, (spec) =>
          core.query({ ctx, entity, spec, ...(scope && { scope }) }),
        );
      },
    };
    return core;
  },
};
