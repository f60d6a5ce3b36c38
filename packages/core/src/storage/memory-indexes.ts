import { compareValues, sortValue } from '../query/compare.js';
import type { FieldCondition, Scalar, Where } from '../query/query-spec.js';
import type { CollectionDescriptor, StoredRecord } from './storage-adapter.js';

/** The records holding one value of an indexed field, by id. */
type Bucket = Map<string, StoredRecord>;

export interface MemoryIndexes {
  /**
   * The records `where` can match, read from the smallest bucket of an `eq` / `in` on an indexed
   * field that every match must meet; `null` when `where` has none (read the whole collection).
   * Always a superset of the matches: the caller still applies the full filter.
   */
  candidates(collection: string, where: Where | undefined): Iterable<StoredRecord> | null;
  /** How many records match when `where` is exactly one `eq` on an indexed field; else `null`. */
  exactCount(collection: string, where: Where | undefined): number | null;
  /** How many of `candidates`' records there are (`null`: no bucket applies). */
  candidateCount(collection: string, where: Where | undefined): number | null;
  /** The indexed field `candidates` reads its bucket from (`null`: no bucket applies). */
  candidateField(collection: string, where: Where | undefined): string | null;
  /**
   * Every record of `collection` in ascending (`field`, id) order — the order of a sort on
   * `field` with the id tiebreak — or `null` when `field` is not a sortable index. Built on first
   * use from `rows`, then kept in step by `replace`.
   */
  ordered(
    collection: string,
    field: string,
    rows: () => Iterable<StoredRecord>,
  ): readonly StoredRecord[] | null;
  /** Whether `ordered` keeps a list for `field` (a sortable index of `collection`). */
  sortable(collection: string, field: string): boolean;
  /** A commit is about to `replace` `changes` records of `collection`. */
  prepare(collection: string, changes: number): void;
  /** Moves one record's entries: `before` is what was stored (if anything), `after` what is now. */
  replace(collection: string, before: StoredRecord | undefined, after: StoredRecord | null): void;
  clear(): void;
}

/**
 * Above this many records changed in one commit, ordered lists are dropped and sorted again on
 * their next use, rather than moving each record in place (a splice per record).
 */
const ORDERED_REPLACE_MAX = 256;

type Compare = (a: StoredRecord, b: StoredRecord) => number;

/** A record's sort value of `field` (as `sortKey` reads it for a top-level field). */
const valueOf = (r: StoredRecord, field: string): unknown =>
  sortValue(Object.hasOwn(r, field) ? (r as Record<string, unknown>)[field] : undefined);

/** Ascending (`field`, id) order of two records, as `compareKeys` orders their sort keys. */
function compareBy(field: string): Compare {
  return (a, b) => compareValues(valueOf(a, field), valueOf(b, field)) || compareValues(a.id, b.id);
}

/** `records` in ascending (`field`, id) order, each record's value read once, not per comparison. */
function sortBy(records: Iterable<StoredRecord>, field: string): StoredRecord[] {
  const keyed = Array.from(records, (record) => ({ record, value: valueOf(record, field) }));
  keyed.sort((a, b) => compareValues(a.value, b.value) || compareValues(a.record.id, b.record.id));
  return keyed.map((k) => k.record);
}

/** Index of the first record not ordered before `record`. */
function lowerBound(list: readonly StoredRecord[], record: StoredRecord, compare: Compare): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, record) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A value an index can answer `eq` for with the same result as the reference filter. */
const isKey = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && !Number.isNaN(value));

/**
 * Equality indexes for the memory adapter, on the fields each collection declares as indexed (the
 * same ones IndexedDB gets): value → the records holding it. An array field is indexed under each
 * of its elements, as `eq` matches any element. Kept in step with the stored records by the
 * adapter's commit, which calls `replace` for every record it applies (a commit that fails applies
 * nothing, so it leaves the indexes as they were). A filter on an indexed value then reads one
 * bucket instead of the whole collection: a board column of one stage among 10k deals reads that
 * stage's deals.
 */
export function createMemoryIndexes(
  descriptors: ReadonlyMap<string, CollectionDescriptor>,
): MemoryIndexes {
  // collection → field → value → bucket. Only top-level fields: a dotted path is read through arrays.
  const indexes = new Map<string, Map<string, Map<unknown, Bucket>>>();
  const sortable = new Map<string, Set<string>>();
  for (const [name, descriptor] of descriptors) {
    const fields = new Map<string, Map<unknown, Bucket>>();
    for (const { field } of descriptor.indexes)
      if (!field.includes('.')) fields.set(field, new Map());
    indexes.set(name, fields);
    sortable.set(
      name,
      new Set(
        descriptor.indexes.filter((i) => i.sortable && fields.has(i.field)).map((i) => i.field),
      ),
    );
  }
  // collection → field → its records in ascending (field, id) order, built on first use.
  const orders = new Map<string, Map<string, { list: StoredRecord[]; compare: Compare }>>();

  /** The values a record is indexed under for `field` (own property only, as filters read it). */
  const keysOf = (record: StoredRecord, field: string): unknown[] => {
    if (!Object.hasOwn(record, field)) return [];
    const value = (record as Record<string, unknown>)[field];
    if (Array.isArray(value)) return [...new Set(value.filter(isKey))];
    return isKey(value) ? [value] : [];
  };

  /** Buckets for each `eq` / `in` condition every match must meet, with their total sizes. */
  const options = (
    fields: Map<string, Map<unknown, Bucket>>,
    where: Where,
  ): { field: string; buckets: Bucket[]; size: number; exact: boolean }[] => {
    const out: { field: string; buckets: Bucket[]; size: number; exact: boolean }[] = [];
    const visit = (node: Where): void => {
      for (const key of Object.keys(node)) {
        const value = node[key];
        if (value === undefined || key === 'or' || key === 'not') continue;
        if (key === 'and') {
          (value as readonly Where[]).forEach(visit);
          continue;
        }
        const index = fields.get(key);
        if (!index) continue;
        const condition = value as FieldCondition;
        let targets: readonly Scalar[] | null = null;
        if (condition.eq !== undefined) targets = isKey(condition.eq) ? [condition.eq] : null;
        else if (condition.in !== undefined)
          targets = condition.in.every(isKey) ? [...new Set(condition.in)] : null;
        if (!targets) continue;
        const buckets = targets.map((t) => index.get(t)).filter((b): b is Bucket => !!b);
        out.push({
          field: key,
          buckets,
          size: buckets.reduce((n, b) => n + b.size, 0),
          exact: condition.eq !== undefined && Object.keys(condition).length === 1,
        });
      }
    };
    visit(where);
    return out;
  };

  const smallestOf = (collection: string, where: Where | undefined) => {
    const fields = indexes.get(collection);
    if (!where || !fields || fields.size === 0) return null;
    const found = options(fields, where);
    return found.length === 0 ? null : found.reduce((a, b) => (b.size < a.size ? b : a));
  };

  return {
    candidateCount(collection, where) {
      return smallestOf(collection, where)?.size ?? null;
    },

    candidateField(collection, where) {
      return smallestOf(collection, where)?.field ?? null;
    },

    sortable(collection, field) {
      return sortable.get(collection)?.has(field) ?? false;
    },

    ordered(collection, field, rows) {
      if (!sortable.get(collection)?.has(field)) return null;
      let byField = orders.get(collection);
      if (!byField) orders.set(collection, (byField = new Map()));
      let order = byField.get(field);
      if (!order) {
        order = { list: sortBy(rows(), field), compare: compareBy(field) };
        byField.set(field, order);
      }
      return order.list;
    },

    prepare(collection, changes) {
      if (changes > ORDERED_REPLACE_MAX) orders.delete(collection);
    },

    candidates(collection, where) {
      const smallest = smallestOf(collection, where);
      if (!smallest) return null;
      if (smallest.buckets.length === 0) return [];
      if (smallest.buckets.length === 1) return smallest.buckets[0]!.values();
      // Several values (`in`): a record holding two of them (an array field) is read once.
      const union = new Map<string, StoredRecord>();
      for (const bucket of smallest.buckets) for (const [id, r] of bucket) union.set(id, r);
      return union.values();
    },

    exactCount(collection, where) {
      const fields = indexes.get(collection);
      if (!where || !fields) return null;
      const keys = Object.keys(where).filter((k) => where[k] !== undefined);
      if (keys.length !== 1 || !fields.has(keys[0]!)) return null;
      const [only] = options(fields, { [keys[0]!]: where[keys[0]!] } as Where);
      return only?.exact ? only.size : null;
    },

    replace(collection, before, after) {
      for (const { list, compare } of orders.get(collection)?.values() ?? []) {
        if (before) {
          const at = lowerBound(list, before, compare);
          if (list[at]?.id === before.id) list.splice(at, 1);
        }
        if (after) list.splice(lowerBound(list, after, compare), 0, after);
      }
      const fields = indexes.get(collection);
      if (!fields) return;
      for (const [field, index] of fields) {
        if (before) {
          for (const key of keysOf(before, field)) {
            const bucket = index.get(key);
            bucket?.delete(before.id);
            if (bucket?.size === 0) index.delete(key);
          }
        }
        if (after) {
          for (const key of keysOf(after, field)) {
            let bucket = index.get(key);
            if (!bucket) index.set(key, (bucket = new Map()));
            bucket.set(after.id, after);
          }
        }
      }
    },

    clear() {
      orders.clear();
      for (const fields of indexes.values()) for (const index of fields.values()) index.clear();
    },
  };
}
