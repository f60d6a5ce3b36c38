import type { EntityName } from '../entities/registry.js';
import type { FieldAccess, Operation, Policy, RecordScope } from '../gateway/policy.js';
import type { Principal } from '../gateway/principal.js';

/** What one role may do with one entity. */
export interface RoleGrant {
  /** Granted operations; any other is denied. */
  readonly operations: readonly Operation[];
  /** Which records the operations reach (see `scopeFilter`). */
  readonly scope: RecordScope;
  /** Access per top-level field; fields not listed get `defaultField`. */
  readonly fields?: Readonly<Record<string, FieldAccess>>;
  /** Default `'editable'`. */
  readonly defaultField?: FieldAccess;
}

/** Role → entity → grant. Roles and entities not listed are granted nothing (deny by default). */
export type RolePolicyTable = Readonly<
  Record<string, Readonly<Partial<Record<EntityName, RoleGrant>>>>
>;

const FIELD_RANK: Record<FieldAccess, number> = { hidden: 0, masked: 1, readonly: 2, editable: 3 };
const SCOPE_RANK: Record<RecordScope, number> = {
  none: 0,
  own: 1,
  team: 2,
  subordinates: 2,
  all: 3,
};

/**
 * A {@link Policy} from a table of role grants. A principal with several roles gets the most
 * permissive grant of each: every operation any role grants, the union of their scopes, and the
 * most open access per field (`editable` > `readonly` > `masked` > `hidden`). A principal none
 * of whose roles lists an entity can do nothing with it and sees none of its fields.
 *
 * @example
 * ```ts
 * const policy = createRolePolicy({
 *   ...DEFAULT_ROLE_POLICY,
 *   auditor: { auditEntry: { operations: ['read', 'export'], scope: 'all' } },
 * });
 * const crm = await createCrm({ policy, principal: { id: 'u9', roles: ['auditor'] } });
 * ```
 */
export function createRolePolicy(table: RolePolicyTable): Policy {
  const grantsOf = (principal: Principal, entity: EntityName): RoleGrant[] => {
    const grants: RoleGrant[] = [];
    for (const role of principal.roles) {
      if (!Object.hasOwn(table, role)) continue;
      const byEntity = table[role]!;
      const grant = Object.hasOwn(byEntity, entity) ? byEntity[entity] : undefined;
      if (grant) grants.push(grant);
    }
    return grants;
  };
  const scopes = (principal: Principal, operation: Operation, entity: EntityName) => {
    const found = grantsOf(principal, entity)
      .filter((g) => g.operations.includes(operation) && g.scope !== 'none')
      .map((g) => g.scope);
    return found.length ? [...new Set(found)] : (['none'] as RecordScope[]);
  };
  return {
    scopes,
    scope(principal, operation, entity) {
      // The widest single scope (team and subordinates do not contain each other: use `scopes`).
      return scopes(principal, operation, entity).reduce((a, b) =>
        SCOPE_RANK[b] > SCOPE_RANK[a] ? b : a,
      );
    },
    fieldAccess(principal, entity, field) {
      let best: FieldAccess = 'hidden';
      for (const grant of grantsOf(principal, entity)) {
        const fields = grant.fields ?? {};
        const access = Object.hasOwn(fields, field)
          ? fields[field]!
          : (grant.defaultField ?? 'editable');
        if (FIELD_RANK[access] > FIELD_RANK[best]) best = access;
      }
      return best;
    },
  };
}
