import type { EntityName } from '../entities/registry.js';
import type { QuerySpec, Where } from '../query/query-spec.js';

/**
 * Query keys by factory (TanStack's pattern). Everything of an entity shares the prefix
 * `['rapport', entity]`, so one change event invalidates every list, count and detail of it.
 */
export const crmKeys = {
  all: ['rapport'] as const,
  entity: (entity: EntityName) => ['rapport', entity] as const,
  lists: (entity: EntityName) => ['rapport', entity, 'list'] as const,
  list: (entity: EntityName, query: QuerySpec = {}) => ['rapport', entity, 'list', query] as const,
  count: (entity: EntityName, where: Where = {}) => ['rapport', entity, 'count', where] as const,
  detail: (entity: EntityName, id: string) => ['rapport', entity, 'detail', id] as const,
  /** A pipeline board's column figures (`crm.deals.board`): under `deal`, so every deal change invalidates it. */
  board: (pipelineId: string, where: Where = {}) =>
    ['rapport', 'deal', 'board', pipelineId, where] as const,
  /** Reports that read many entities (a campaign report, the KPI dashboard): every change invalidates them. */
  reports: () => ['rapport', 'report'] as const,
  report: (name: string, args: unknown) => ['rapport', 'report', name, args] as const,
};
