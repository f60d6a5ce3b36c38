import { PermissionError } from '../errors.js';
import type { EntityName } from '../entities/registry.js';
import type { Where } from '../query/query-spec.js';
import { matchesWhere } from '../query/where.js';
import type { GatewayStage, RequestContext } from './gateway-core.js';
import { scopeFilter, type Operation, type Policy } from './policy.js';

/** AND of two filters, either of which may be absent. */
function and(a: Where | undefined, b: Where | null): Where | undefined {
  if (!b) return a;
  if (!a || Object.keys(a).length === 0) return b;
  return { and: [a, b] };
}

/**
 * Object permission and record scope. Reads are narrowed to the principal's scope (out-of-scope
 * records simply do not exist for them); a write outside scope is a `PermissionError`, checked on
 * the record as it is and as it would become.
 */
export const authorizeStage: GatewayStage = {
  name: 'authorize',
  create(next, { policy }) {
    const filterFor = (policy: Policy, ctx: RequestContext, op: Operation, entity: EntityName) =>
      scopeFilter(policy.scope(ctx.principal, op, entity), ctx.principal, entity);
    return {
      ...next,
      async write(request) {
        for (const op of request.operations) {
          const scope = policy.scope(request.ctx.principal, op.type, op.entity);
          if (scope === 'none') throw new PermissionError(op.type, op.entity, op.id);
          const filter = scopeFilter(scope, request.ctx.principal, op.entity);
          if (!filter) continue;
          if (op.type !== 'create' && !matchesWhere(op.before, filter)) {
            throw new PermissionError(
              op.type,
              op.entity,
              op.id,
              'the record is outside your scope',
            );
          }
          if (op.type !== 'delete' && !matchesWhere({ ...op.data, id: op.id }, filter)) {
            throw new PermissionError(
              op.type,
              op.entity,
              op.id,
              'the result would be outside your scope',
            );
          }
        }
        return next.write(request);
      },
      async get(request) {
        const filter = filterFor(policy, request.ctx, 'read', request.entity);
        const records = await next.get(request);
        return filter ? records.map((r) => (r && matchesWhere(r, filter) ? r : null)) : records;
      },
      async query(request) {
        const filter = filterFor(policy, request.ctx, 'read', request.entity);
        return next.query(
          filter
            ? { ...request, spec: { ...request.spec, where: and(request.spec.where, filter) } }
            : request,
        );
      },
      async count(request) {
        const filter = filterFor(policy, request.ctx, 'read', request.entity);
        return next.count(filter ? { ...request, where: and(request.where, filter) } : request);
      },
    };
  },
};
