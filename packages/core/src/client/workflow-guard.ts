import { ValidationError } from '../errors.js';
import type { Patch, Repository, WriteOptions } from './repository.js';
import type { EntityName } from '../entities/registry.js';

/**
 * Wraps a repository's `update` so fields owned by a workflow operation cannot be changed by a
 * plain update, which would skip the workflow's rules and history (a deal's stage through
 * `crm.deals.move`, a ticket's status through `crm.tickets.transition`).
 */
export function guardWorkflowFields<E extends EntityName>(
  update: Repository<E>['update'],
  fields: readonly string[],
  operation: string,
): Repository<E>['update'] {
  return (id: string, patch: Patch<E>, options?: WriteOptions) => {
    const owned =
      patch !== null && typeof patch === 'object'
        ? fields.filter((field) => Object.hasOwn(patch, field))
        : [];
    if (owned.length) {
      return Promise.reject(
        new ValidationError(
          owned.map((field) => ({ path: [field], message: `Change "${field}" with ${operation}` })),
        ),
      );
    }
    return update(id, patch, options);
  };
}
