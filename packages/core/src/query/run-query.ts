import { compareKeys, sortValue, withIdTiebreak } from './compare.js';
import { compilePath } from './field-path.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { QueryResult, QuerySpec } from './query-spec.js';
import { DEFAULT_LIMIT } from './query-spec.js';
import { createSearchMatcher } from './search.js';
import { compileWhere } from './where.js';

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
  const page = createPageCollector<T>(spec);
  for (const record of records) if (filter(record)) page.add(record);
  return page.result();
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
  const where = compileWhere(spec.where);
  return search === null ? where : (record) => where(record) && search(record);
}

/** Sorts matching records and cuts the page after `spec.cursor`. */
export function paginate<T extends { id: string }>(matches: T[], spec: QuerySpec): QueryResult<T> {
  const page = createPageCollector<T>(spec);
  for (const record of matches) page.add(record);
  return page.result();
}

interface Keyed<T> {
  readonly record: T;
  readonly key: unknown[];
}

/**
 * Collects a keyset page from matches arriving in any order: counts them all (`total`) but keeps
 * only the `limit + 1` smallest keys after the cursor, in a max-heap — O(n log limit) instead of
 * sorting every match, with the same page, total and cursor as a full sort.
 */
export function createPageCollector<T extends { id: string }>(
  spec: QuerySpec,
): { add(record: T): void; result(): QueryResult<T> } {
  const orderBy = withIdTiebreak(spec.orderBy);
  const limit = spec.limit ?? DEFAULT_LIMIT;
  const keep = limit + 1;
  const after = spec.cursor ? decodeCursor(spec.cursor, orderBy) : null;
  const reads = orderBy.map((o) => compilePath(o.field));
  const keyOf = (record: T): unknown[] => reads.map((read) => sortValue(read(record)));
  const compare = (a: unknown[], b: unknown[]) => compareKeys(a, b, orderBy);
  // heap[0] is the largest key kept; `compare(heap[i], heap[parent]) <= 0`.
  const heap: Keyed<T>[] = [];
  let total = 0;
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && compare(heap[l]!.key, heap[top]!.key) > 0) top = l;
      if (r < heap.length && compare(heap[r]!.key, heap[top]!.key) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  return {
    add(record) {
      total++;
      const key = keyOf(record);
      if (after && compare(key, after as unknown[]) <= 0) return;
      if (heap.length < keep) {
        heap.push({ record, key });
        let i = heap.length - 1;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (compare(heap[i]!.key, heap[parent]!.key) <= 0) break;
          [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
          i = parent;
        }
      } else if (keep > 0 && compare(key, heap[0]!.key) < 0) {
        heap[0] = { record, key };
        siftDown(0);
      }
    },
    result() {
      const sorted = heap.sort((a, b) => compare(a.key, b.key));
      const page = sorted.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((entry) => entry.record),
        total,
        nextCursor: last && sorted.length > limit ? encodeCursor(orderBy, last.key) : null,
      };
    },
  };
}
