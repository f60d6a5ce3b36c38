import { PermissionError } from '../errors.js';
import type { EntityName } from '../entities/registry.js';
import type { Where } from '../query/query-spec.js';
import { matchesWhere } from '../query/where.js';
import { isCreateStream, mapCreateStream } from './create-stream.js';
import type {
  GatewayCore,
  GatewayStage,
  RequestContext,
  WriteOperation,
  WriteRequest,
} from './gateway-core.js';
import { grantedScopes, scopeFilter, type Operation, type Policy } from './policy.js';

/** AND of two filters, either of which may be absent. */
function and(a: Where | undefined, b: Where | null): Where | undefined {
  if (!b) return a;
  if (!a || Object.keys(a).length === 0) return b;
  return { and: [a, b] };
}

/** Entities whose audit notes need the operation itself (e.g. an `export` note needs `export`). */
const GUARDED_NOTE_ACTIONS = new Set<string>(['import', 'export']);

/** Throws unless the principal holds `op` on `entity` in some scope. */
function check(
  policy: Policy,
  ctx: RequestContext,
  op: Operation,
  entity: EntityName,
  id: string | undefined,
): void {
  const scopes = grantedScopes(policy, ctx.principal, op, entity);
  if (scopes.every((s) => s === 'none')) throw new PermissionError(op, entity, id);
}

/** Records a refused write in the audit log, in a commit of its own (the write itself is refused). */
async function recordDenial(next: GatewayCore, ctx: RequestContext, error: PermissionError) {
  try {
    await next.write({
      ctx,
      operations: [],
      audit: {
        notes: [
          {
            action: 'deny',
            entity: error.collection,
            ...(error.id !== undefined && { recordId: error.id }),
            reason: error.message,
          },
        ],
      },
    });
  } catch {
    // The refusal stands even if it could not be recorded (storage closed, quota): never mask it.
  }
}

/**
 * Object permission and record scope. Reads are narrowed to the principal's scope (out-of-scope
 * records simply do not exist for them); a write outside scope is a `PermissionError`, checked on
 * the record as it is and as it would become. An `import` write also needs the `import`
 * operation, and an `export` / `import` audit note the operation it records. Every refused write
 * (here or in a stage below, such as an edit of a read-only field) is recorded as a `deny` audit
 * entry before the error reaches the caller.
 */
export const authorizeStage: GatewayStage = {
  name: 'authorize',
  create(next, { policy }) {
    const filterFor = (policy: Policy, ctx: RequestContext, op: Operation, entity: EntityName) =>
      scopeFilter(grantedScopes(policy, ctx.principal, op, entity), ctx.principal, entity);
    /** No read grant at all: the entity is empty for this principal (nothing below is asked). */
    const cannotRead = (ctx: RequestContext, entity: EntityName) =>
      grantedScopes(policy, ctx.principal, 'read', entity).every((s) => s === 'none');
    /**
     * Checks a write's operations (a list, or each chunk of a stream as it is produced). The
     * principal's grant and scope filter are worked out once per operation type and entity; a
     * record is looked at (and copied with its id for the filter) only when a scope filter applies.
     */
    const authorizeWrite = (request: WriteRequest): WriteRequest => {
      const { ctx } = request;
      const importing = request.audit?.action === 'import';
      const filters = new Map<Operation, Map<EntityName, Where | null>>();
      const filterOf = (op: Operation, entity: EntityName, id: string): Where | null => {
        let byEntity = filters.get(op);
        if (!byEntity) filters.set(op, (byEntity = new Map()));
        let filter = byEntity.get(entity);
        if (filter === undefined) {
          const scopes = grantedScopes(policy, ctx.principal, op, entity);
          if (scopes.every((s) => s === 'none')) throw new PermissionError(op, entity, id);
          filter = scopeFilter(scopes, ctx.principal, entity) ?? null;
          byEntity.set(entity, filter);
        }
        return filter;
      };
      const checkOperation = (op: WriteOperation) => {
        let after: Record<string, unknown> | undefined;
        const outside = (filter: Where) => {
          if (op.type === 'delete') return false;
          after ??= { ...op.data, id: op.id };
          return !matchesWhere(after, filter);
        };
        const filter = filterOf(op.type, op.entity, op.id);
        if (filter) {
          if (op.type !== 'create' && !matchesWhere(op.before, filter))
            throw new PermissionError(
              op.type,
              op.entity,
              op.id,
              'the record is outside your scope',
            );
          if (outside(filter))
            throw new PermissionError(
              op.type,
              op.entity,
              op.id,
              'the result would be outside your scope',
            );
        }
        if (!importing || op.type === 'delete') return;
        const importFilter = filterOf('import', op.entity, op.id);
        if (importFilter && outside(importFilter))
          throw new PermissionError(
            'import',
            op.entity,
            op.id,
            'the result would be outside your scope',
          );
      };
      const checkNotes = () => {
        for (const note of request.audit?.notes ?? []) {
          if (GUARDED_NOTE_ACTIONS.has(note.action))
            check(policy, ctx, note.action as Operation, note.entity as EntityName, note.recordId);
        }
      };
      const { operations } = request;
      if (!isCreateStream(operations)) {
        operations.forEach(checkOperation);
        checkNotes();
        return request;
      }
      checkNotes();
      return {
        ...request,
        operations: mapCreateStream(operations, (chunk) => {
          chunk.forEach(checkOperation);
          return chunk;
        }),
      };
    };
    return {
      ...next,
      async write(request) {
        try {
          return await next.write(authorizeWrite(request));
        } catch (error) {
          if (error instanceof PermissionError) await recordDenial(next, request.ctx, error);
          throw error;
        }
      },
      async get(request) {
        if (cannotRead(request.ctx, request.entity)) return request.ids.map(() => null);
        const filter = filterFor(policy, request.ctx, 'read', request.entity);
        if (!filter) return next.get(request);
        // Scope is judged on the stored record, not on what field policy lets the caller see
        // (a masked or hidden owner field must not change which records are in scope).
        const current = await next.loadCurrent(request);
        const allowed = request.ids.filter((_, i) => {
          const record = current[i];
          return record != null && matchesWhere(record, filter);
        });
        if (allowed.length === 0) return request.ids.map(() => null);
        const records = await next.get({ ...request, ids: [...new Set(allowed)] });
        const byId = new Map(records.filter((r) => r !== null).map((r) => [r.id, r]));
        return request.ids.map((id) => (allowed.includes(id) ? (byId.get(id) ?? null) : null));
      },
      // The scope filter travels as `scope`, apart from the caller's `where`, so the field-policy
      // stage checks only the caller's filter and the commit stage ANDs both.
      // No await of their own: the gateway's entry turns a throwing policy into a rejection.
      query(request) {
        if (cannotRead(request.ctx, request.entity))
          return Promise.resolve({ items: [], total: 0, nextCursor: null });
        const filter = filterFor(policy, request.ctx, 'read', request.entity);
        return next.query(filter ? { ...request, scope: and(request.scope, filter)! } : request);
      },
      count(request) {
        if (cannotRead(request.ctx, request.entity)) return Promise.resolve(0);
        const filter = filterFor(policy, request.ctx, 'read', request.entity);
        return next.count(filter ? { ...request, scope: and(request.scope, filter)! } : request);
      },
      // Scope narrows what is counted and summed, exactly as it narrows `query`.
      aggregate(request) {
        if (cannotRead(request.ctx, request.entity)) return Promise.resolve({ groups: [] });
        const filter = filterFor(policy, request.ctx, 'read', request.entity);
        return next.aggregate(
          filter ? { ...request, scope: and(request.scope, filter)! } : request,
        );
      },
    };
  },
};
