/**
 * The query model's limits and operator names (see query-spec.ts, which re-exports them): their
 * own module, so the zod schemas (query-schemas.ts) can use them without a cycle.
 */

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 10_000;
export const LOGICAL_KEYS = ['and', 'or', 'not'] as const;
export const FIELD_OPERATORS = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startsWith',
  'exists',
] as const;
