import { compareKeys, sortKey, withIdTiebreak } from './compare.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { QueryResult, QuerySpec } from './query-spec.js';
import { DEFAULT_LIMIT } from './query-spec.js';
import { createSearchMatcher } from './search.js';
import { matchesWhere } from './where.js';

/**
 * The reference query engine: filter, search, sort, then cut a keyset page. The memory adapter
 * runs it over all records; the IndexedDB adapter runs it over the candidates its index step
 * produced, so both return identical results.
 */
export function runQuery<T extends { id: string }>(
  records: Iterable<T>,
  spec: QuerySpec,
  searchFields: readonly string[],
): QueryResult<T> {
  const filter = createFilter(spec, searchFields);
  const matches: T[] = [];
  for (const record of records) if (filter(record)) matches.push(record);
  return paginate(matches, spec);
}

/** A predicate combining `where` and `search` (over `spec.searchFields` ∩ the collection's). */
export function createFilter(
  spec: Pick<QuerySpec, 'where' | 'search' | 'searchFields'>,
  searchFields: readonly string[],
): (record: unknown) => boolean {
  const fields = spec.searchFields
    ? searchFields.filter((f) => spec.searchFields!.includes(f))
    : searchFields;
  const search = spec.search ? createSearchMatcher(spec.search, fields) : null;
  const where = spec.where;
  return (record) => matchesWhere(record, where) && (search === null || search(record));
}

/** Sorts matching records and cuts the page after `spec.cursor`. */
export function paginate<T extends { id: string }>(matches: T[], spec: QuerySpec): QueryResult<T> {
  const orderBy = withIdTiebreak(spec.orderBy);
  const limit = spec.limit ?? DEFAULT_LIMIT;
  const keyed = matches.map((record) => ({ record, key: sortKey(record, orderBy) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, orderBy));
  let start = 0;
  if (spec.cursor) {
    const after = decodeCursor(spec.cursor, orderBy);
    start = upperBound(keyed, after, orderBy);
  }
  const page = keyed.slice(start, start + limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => entry.record),
    total: matches.length,
    nextCursor: last && start + limit < keyed.length ? encodeCursor(orderBy, last.key) : null,
  };
}

/** Index of the first entry whose key sorts strictly after `key`. */
function upperBound(
  keyed: readonly { key: unknown[] }[],
  key: readonly unknown[],
  orderBy: Parameters<typeof compareKeys>[2],
): number {
  let lo = 0;
  let hi = keyed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keyed[mid]!.key, key, orderBy) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
