import type { z } from 'zod';
import { ENTITIES, type EntityName } from '../entities/registry.js';
import { PermissionError } from '../errors.js';
import { grantedScopes, type Operation, type Policy } from '../gateway/policy.js';
import type { Principal } from '../gateway/principal.js';

/**
 * Backup and restore are administrator operations: a backup of masked or partial data is useless,
 * and a restore replaces everything. "Administrator" is judged by the policy, not by a role name:
 * scope `all` for every operation needed on every entity, and — for a backup — every field
 * readable in full (none masked or hidden); for a restore every field editable.
 *
 * @throws PermissionError naming the first entity or field that falls short
 */
export function requireAdministrator(
  policy: Policy | undefined,
  principal: Principal,
  what: 'backup' | 'restore',
  entities: readonly EntityName[],
  operations: readonly Operation[],
): void {
  if (!policy) return;
  for (const entity of entities) {
    for (const op of operations) {
      if (!grantedScopes(policy, principal, op, entity).includes('all'))
        throw new PermissionError(what, entity, undefined, `needs scope "all" for ${op}`);
    }
    if (!policy.fieldAccess) continue;
    const fields = Object.keys((ENTITIES[entity].input as unknown as z.ZodObject).shape);
    for (const field of fields) {
      const access = policy.fieldAccess(principal, entity, field);
      const enough =
        what === 'backup' ? access === 'editable' || access === 'readonly' : access === 'editable';
      if (!enough)
        throw new PermissionError(what, entity, undefined, `field "${field}" is ${access} for you`);
    }
  }
}
