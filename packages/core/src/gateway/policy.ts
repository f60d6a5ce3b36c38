import type { EntityName } from '../entities/registry.js';
import type { Where } from '../query/query-spec.js';
import type { Principal } from './principal.js';

export type Operation = 'read' | 'create' | 'update' | 'delete' | 'import' | 'export';
/** Which records of an entity a principal may touch. */
export type RecordScope = 'all' | 'subordinates' | 'team' | 'own' | 'none';
export type FieldAccess = 'editable' | 'readonly' | 'masked' | 'hidden';

/**
 * Answers permission questions for the authorize and field-policy stages. The host may supply its
 * own; {@link allowAllPolicy} is the default until one is configured.
 */
export interface Policy {
  /** Record scope for an operation on an entity (`none` denies the operation). */
  scope(principal: Principal, operation: Operation, entity: EntityName): RecordScope;
  /** Access to one field; `editable` when not implemented. */
  fieldAccess?(principal: Principal, entity: EntityName, field: string): FieldAccess;
  /**
   * Every scope the principal holds for the operation (one per role, say); a record in any of
   * them is in scope. When implemented the gateway uses it instead of `scope`, so `team` from one
   * role and `subordinates` from another combine into their union.
   */
  scopes?(principal: Principal, operation: Operation, entity: EntityName): readonly RecordScope[];
}

/** The scopes a policy grants for an operation: `scopes` when implemented, else `[scope]`. */
export function grantedScopes(
  policy: Policy,
  principal: Principal,
  operation: Operation,
  entity: EntityName,
): readonly RecordScope[] {
  return policy.scopes
    ? policy.scopes(principal, operation, entity)
    : [policy.scope(principal, operation, entity)];
}

/** Everyone may do everything: the default for a single-user page with no host permissions. */
export const allowAllPolicy: Policy = {
  scope: () => 'all',
};

/** Which field names a record's owner, per entity; entities not listed have no owner. */
export const OWNER_FIELDS: Partial<Record<EntityName, string>> = {
  customer: 'ownerId',
  contact: 'ownerId',
  lead: 'ownerId',
  deal: 'ownerId',
  activity: 'ownerId',
  order: 'ownerId',
  quota: 'ownerId',
  segment: 'ownerId',
  campaign: 'ownerId',
  ticket: 'assigneeId',
  surveyResponse: 'agentId',
};

/**
 * The filter a scope adds to reads of an entity, or `null` for no restriction. Writes are checked
 * with the same filter, so there is one definition of "in scope". Entities without an owner field
 * are shared configuration (pipelines, SLA policies, articles): scope `none` hides them, any other
 * scope shows them.
 */
export function scopeFilter(
  scope: RecordScope | readonly RecordScope[],
  principal: Principal,
  entity: EntityName,
): Where | null {
  if (typeof scope !== 'string') {
    // Several scopes: a record in any of them is in scope.
    const granted = [...new Set(scope)].filter((s) => s !== 'none');
    if (granted.length === 0) return scopeFilter('none', principal, entity);
    const filters = granted.map((s) => scopeFilter(s, principal, entity));
    if (filters.includes(null)) return null;
    return filters.length === 1 ? filters[0]! : { or: filters as Where[] };
  }
  if (scope === 'all') return null;
  if (scope === 'none') return { id: { in: [] } };
  const owner = OWNER_FIELDS[entity];
  if (!owner) return null;
  const mine: Where =
    scope === 'own'
      ? { [owner]: { eq: principal.id } }
      : scope === 'subordinates'
        ? { [owner]: { in: [principal.id, ...(principal.manages ?? [])] } }
        : {
            or: [
              { [owner]: { eq: principal.id } },
              { teamId: { in: [...(principal.teams ?? [])] } },
            ],
          };
  // Unowned records in a shared pool (公海) are there for reps to claim: any scope but `none`
  // sees them. Which pools a rep may claim from is the sales pool's rule.
  return POOLED_ENTITIES.has(entity) ? { or: [mine, POOLED] } : mine;
}

const POOLED_ENTITIES: ReadonlySet<EntityName> = new Set(['lead', 'customer']);
const POOLED: Where = { poolId: { exists: true }, ownerId: { exists: false } };
