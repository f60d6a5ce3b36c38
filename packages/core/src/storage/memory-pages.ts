import { compareKeys, sortKey, withIdTiebreak } from '../query/compare.js';
import { decodeCursor, encodeCursor } from '../query/cursor.js';
import {
  DEFAULT_LIMIT,
  type OrderBy,
  type QueryResult,
  type QuerySpec,
} from '../query/query-spec.js';
import { createFilter } from '../query/run-query.js';
import type { StoredRecord } from './storage-adapter.js';

interface Ordered {
  readonly records: readonly StoredRecord[];
  readonly keys: readonly (readonly unknown[])[];
}

export interface MemoryPages {
  /** A page after `spec.cursor`, from the ordered matches of the query (ordered now if not kept). */
  page(
    collection: string,
    spec: QuerySpec,
    rows: Iterable<StoredRecord>,
    searchFields: readonly string[],
  ): QueryResult<StoredRecord>;
  /** Drops what was kept of a collection (it changed). */
  forget(collection: string): void;
  clear(): void;
}

/**
 * The ordered matches of the memory adapter's last few paged queries. Keyset paging asks one query
 * again and again with the next cursor (a table scrolled down, `salesIo.all` reading a pipeline);
 * with no index to walk, every page would filter and order the whole collection again — about
 * 50 ms a page over 100k customers. Kept until the collection next changes, a later page is a
 * binary search and a slice. Pages are exactly what `runQuery` returns.
 */
export function createMemoryPages(size = 8): MemoryPages {
  // By `collection \u0000 query` (without cursor and limit); Map order is least recently used first.
  const kept = new Map<string, Ordered>();
  return {
    page(collection, spec, rows, searchFields) {
      const orderBy = withIdTiebreak(spec.orderBy);
      const key = `${collection}\u0000${JSON.stringify([spec.where ?? null, spec.search ?? null, spec.searchFields ?? null, orderBy])}`;
      let ordered = kept.get(key);
      if (ordered) kept.delete(key);
      else ordered = order(rows, spec, orderBy, searchFields);
      kept.set(key, ordered);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      const { records, keys } = ordered;
      const start = spec.cursor ? upperBound(keys, decodeCursor(spec.cursor, orderBy), orderBy) : 0;
      const items = records.slice(start, start + (spec.limit ?? DEFAULT_LIMIT));
      const end = start + items.length;
      return {
        items,
        total: records.length,
        nextCursor:
          items.length > 0 && end < records.length ? encodeCursor(orderBy, keys[end - 1]!) : null,
      };
    },
    forget(collection) {
      for (const key of kept.keys()) if (key.startsWith(`${collection}\u0000`)) kept.delete(key);
    },
    clear() {
      kept.clear();
    },
  };
}

function order(
  rows: Iterable<StoredRecord>,
  spec: QuerySpec,
  orderBy: readonly OrderBy[],
  searchFields: readonly string[],
): Ordered {
  const filter = createFilter(spec, searchFields);
  const keyed: { record: StoredRecord; key: unknown[] }[] = [];
  for (const record of rows)
    if (filter(record)) keyed.push({ record, key: sortKey(record, orderBy) });
  keyed.sort((a, b) => compareKeys(a.key, b.key, orderBy));
  return { records: keyed.map((e) => e.record), keys: keyed.map((e) => e.key) };
}

/** Index of the first key that sorts strictly after `key`. */
function upperBound(
  keys: readonly (readonly unknown[])[],
  key: readonly unknown[],
  orderBy: readonly OrderBy[],
): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keys[mid]!, key, orderBy) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
