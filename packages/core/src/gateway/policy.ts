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
  scope: RecordScope,
  principal: Principal,
  entity: EntityName,
): Where | null {
  if (scope === 'all') return null;
  if (scope === 'none') return { id: { in: [] } };
  const owner = OWNER_FIELDS[entity];
  if (!owner) return null;
  if (scope === 'own') return { [owner]: { eq: principal.id } };
  if (scope === 'subordinates')
    return { [owner]: { in: [principal.id, ...(principal.manages ?? [])] } };
  return {
    or: [{ [owner]: { eq: principal.id } }, { teamId: { in: [...(principal.teams ?? [])] } }],
  };
}
