import type { OrderBy } from './query-spec.js';
import { readPath } from './field-path.js';

/**
 * Total order over stored values, the same one IndexedDB uses for keys so that a sort done in
 * memory and a walk over an index agree: missing/null < booleans < numbers < strings (by UTF-16
 * code unit, exactly like IndexedDB) < arrays/objects.
 */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return 0;
    case 1:
      return Number(a) - Number(b);
    case 2:
      return (a as number) - (b as number);
    case 3:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    default: {
      const sa = JSON.stringify(a);
      const sb = JSON.stringify(b);
      return sa === sb ? 0 : sa < sb ? -1 : 1;
    }
  }
}

function rank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  switch (typeof value) {
    case 'boolean':
      return 1;
    case 'number':
      return Number.isNaN(value) ? 0 : 2;
    case 'string':
      return 3;
    default:
      return 4;
  }
}

/**
 * `orderBy` always ends with `id`, so every order is total and cursors are stable. Unless given
 * explicitly, `id` takes the direction of the last field — the order a walk over an IndexedDB
 * index on `[field, id]` produces, so memory and IndexedDB agree on ties.
 */
export function withIdTiebreak(orderBy: readonly OrderBy[] | undefined): OrderBy[] {
  const list = orderBy ?? [];
  const idAt = list.findIndex((o) => o.field === 'id');
  // Fields after `id` can never decide an order: drop them.
  if (idAt >= 0) return list.slice(0, idAt + 1);
  return [...list, { field: 'id', direction: list[list.length - 1]?.direction ?? 'asc' }];
}

export function sortKey(record: unknown, orderBy: readonly OrderBy[]): unknown[] {
  return orderBy.map((o) => sortValue(readPath(record, o.field)));
}

/** Arrays sort by their first element, so `tags` orders by the first tag. */
export function sortValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export function compareKeys(
  a: readonly unknown[],
  b: readonly unknown[],
  orderBy: readonly OrderBy[],
): number {
  for (let i = 0; i < orderBy.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return orderBy[i]!.direction === 'desc' ? -c : c;
  }
  return 0;
}
