import { ConflictError, NotFoundError, StorageError } from '../errors.js';
import { createAggregator } from '../query/aggregate.js';
import { compareValues, sortValue, withIdTiebreak } from '../query/compare.js';
import { decodeCursor, encodeCursor } from '../query/cursor.js';
import {
  DEFAULT_LIMIT,
  type CountQuery,
  type QueryResult,
  type QuerySpec,
} from '../query/query-spec.js';
import { createFilter, runQuery } from '../query/run-query.js';
import { createSubscribable } from '../subscribable.js';
import { createTimeSlicer } from '../yield-to-event-loop.js';
import { COLLECTIONS, collectionMap } from './collections.js';
import { createMemoryIndexes } from './memory-indexes.js';
import { createMemoryPages } from './memory-pages.js';
import { createMemorySearch } from './memory-search.js';
import type {
  ChangeEvent,
  ChangeListener,
  ChangeType,
  CollectionDescriptor,
  CommitOptions,
  CommitResult,
  Mutation,
  MutationStream,
  QueryPlan,
  StorageAdapter,
  StoredRecord,
} from './storage-adapter.js';
import { checkStreamSize, isMutationStream } from './mutation-stream.js';

export interface MemoryAdapterOptions {
  /** Defaults to Rapport's collections. */
  readonly collections?: readonly CollectionDescriptor[];
  /**
   * Full-text indexes for `search` (memory-search.ts) over collections of at least `minRecords`
   * records (default 2000; 0: every collection), each built on its first search; `false` scans.
   */
  readonly searchIndex?: { readonly minRecords?: number } | false;
}

/** Changes staged or applied between two looks at the clock during a streamed commit. */
const STREAM_STEP = 64;

/**
 * Keeps everything in `Map`s: the default in Node, and the backing of stories and tests. Stored
 * records are deep-frozen copies, so nothing a caller does to a returned object reaches storage.
 *
 * A commit of a list is staged and applied in one synchronous step. A {@link MutationStream} (a
 * bulk import) is staged a chunk at a time and applied in slices, yielding to the event loop
 * between them, and stays all-or-nothing: reads see none of it until all of it is applied (a read
 * made while it is being applied waits for the end), a failure leaves nothing, and later commits
 * wait for it.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): StorageAdapter {
  const descriptors = collectionMap(options.collections ?? COLLECTIONS);
  const data = new Map<string, Map<string, StoredRecord>>();
  for (const name of descriptors.keys()) data.set(name, new Map());
  const changes = createSubscribable<ChangeListener>();
  let closed = false;
  /** The streamed commit in progress, if any: other commits wait for it. */
  let writing: Promise<unknown> | null = null;
  /** Set while a streamed commit is being applied: reads wait for it. */
  let applying: Promise<void> | null = null;
  const pages = createMemoryPages();
  const indexes = createMemoryIndexes(descriptors);
  const search =
    options.searchIndex === false
      ? null
      : createMemorySearch({
          descriptors,
          rows: (collection) => data.get(collection),
          subscribe: changes.subscribe,
          minRecords: options.searchIndex?.minRecords,
        });

  const table = (collection: string): Map<string, StoredRecord> => {
    if (closed) throw new StorageError('STORAGE_CLOSED', 'The memory adapter is closed');
    const found = data.get(collection);
    if (!found) throw new StorageError('STORAGE_FAILED', `Unknown collection "${collection}"`);
    return found;
  };
  const searchFields = (collection: string) => descriptors.get(collection)?.searchFields ?? [];
  /** What a filter has to look at: one index bucket when it allows (memory-indexes.ts), else all. */
  const candidates = (
    collection: string,
    rows: Map<string, StoredRecord>,
    where: QuerySpec['where'],
  ) => indexes.candidates(collection, where) ?? rows.values();
  /** How many records match `where` (no search), counted over its candidates. */
  const countWhere = (
    collection: string,
    rows: Map<string, StoredRecord>,
    where: QuerySpec['where'],
  ) => {
    if (!where) return rows.size;
    const exact = indexes.exactCount(collection, where);
    if (exact !== null) return exact;
    const filter = createFilter({ where }, []);
    let n = 0;
    for (const record of candidates(collection, rows, where)) if (filter(record)) n++;
    return n;
  };
  /** The sort field whose ordered list `walkedPage` walks for `spec`; `null`: it does not. */
  const walkField = (
    collection: string,
    rows: Map<string, StoredRecord>,
    spec: QuerySpec,
  ): string | null => {
    if (spec.search) return null;
    const [first, tiebreak, ...more] = withIdTiebreak(spec.orderBy);
    if (more.length || !first || !tiebreak || first.field === 'id') return null;
    if ((tiebreak.direction ?? 'asc') !== (first.direction ?? 'asc')) return null;
    const limit = spec.limit ?? DEFAULT_LIMIT;
    const candidateCount = spec.where ? indexes.candidateCount(collection, spec.where) : rows.size;
    // A walk reads about (limit + 1) × size / candidates records before its page is full.
    if (!candidateCount || ((limit + 1) * rows.size) / candidateCount >= candidateCount)
      return null;
    return indexes.sortable(collection, first.field) ? first.field : null;
  };
  /**
   * A page walked off its sort field's ordered list (memory-indexes.ts) when that reads fewer
   * records than ordering every candidate: a board column's newest 50 of its stage's 2,000 deals
   * take about 300 reads instead of 2,000 sort keys, and a table scrolled by cursor over 100k
   * customers by name reads each next page from where the cursor falls (a binary search) instead
   * of ordering all 100k once more. `null`: order the candidates instead. Same page, total and
   * cursor as `runQuery`.
   */
  const walkedPage = (
    collection: string,
    rows: Map<string, StoredRecord>,
    spec: QuerySpec,
  ): QueryResult<StoredRecord> | null => {
    const field = walkField(collection, rows, spec);
    if (!field) return null;
    const orderBy = withIdTiebreak(spec.orderBy);
    const first = orderBy[0]!;
    const direction = first.direction ?? 'asc';
    const limit = spec.limit ?? DEFAULT_LIMIT;
    const list = indexes.ordered(collection, field, () => rows.values())!;
    const filter = createFilter(spec, []);
    const found: StoredRecord[] = [];
    // Where the page starts: after the cursor's (value, id) in the walk's direction.
    let start = direction === 'asc' ? 0 : list.length - 1;
    if (spec.cursor !== undefined) {
      const [value, id] = decodeCursor(spec.cursor, orderBy);
      const after = afterKey(list, first.field, value, id);
      start = direction === 'asc' ? after : after - 1;
      // `after` is the first record ordered after the key; walking down starts below the key.
      if (direction === 'desc') {
        while (start >= 0 && compareToKey(list[start]!, first.field, value, id) >= 0) start--;
      }
    }
    if (direction === 'asc') {
      for (let i = start; i < list.length && found.length <= limit; i++)
        if (filter(list[i])) found.push(list[i]!);
    } else {
      for (let i = start; i >= 0 && found.length <= limit; i--)
        if (filter(list[i])) found.push(list[i]!);
    }
    const items = found.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      total: countWhere(collection, rows, spec.where),
      nextCursor:
        last && found.length > limit
          ? encodeCursor(orderBy, [
              sortValue(Object.hasOwn(last, first.field) ? last[first.field] : undefined),
              last.id,
            ])
          : null,
    };
  };

  /**
   * Checks and stages mutations against an overlay of the stored records (nothing is stored yet),
   * collecting the records and change events a commit returns and emits.
   */
  const createStaging = (at: string) => {
    const overlay = new Map<string, Map<string, StoredRecord | null>>();
    const records: (StoredRecord | null)[] = [];
    const events: ChangeEvent[] = [];
    const current = (collection: string, id: string): StoredRecord | null => {
      const staged = overlay.get(collection)?.get(id);
      return staged !== undefined ? staged : (table(collection).get(id) ?? null);
    };
    const stage = (collection: string, id: string, value: StoredRecord | null): void => {
      let rows = overlay.get(collection);
      if (!rows) overlay.set(collection, (rows = new Map()));
      rows.set(id, value);
    };
    const add = (mutation: Mutation): void => {
      const { collection } = mutation;
      const id = mutation.type === 'delete' ? mutation.id : mutation.record.id;
      const existing = current(collection, id);
      let type: ChangeType;
      let version: number;
      let record: StoredRecord | null = null;
      if (mutation.type === 'insert') {
        if (existing)
          throw new ConflictError(
            collection,
            id,
            null,
            existing.version,
            `${collection}/${id} already exists`,
          );
        type = 'created';
        version = 1;
        record = freeze({ ...mutation.record, id, version, createdAt: at, updatedAt: at });
      } else {
        if (!existing) throw new NotFoundError(collection, id);
        if (mutation.expectedVersion !== undefined && mutation.expectedVersion !== existing.version)
          throw new ConflictError(collection, id, mutation.expectedVersion, existing.version);
        if (mutation.type === 'update') {
          type = 'updated';
          version = existing.version + 1;
          record = freeze({
            ...mutation.record,
            id,
            version,
            createdAt: existing.createdAt,
            updatedAt: at,
          });
        } else {
          type = 'deleted';
          version = existing.version;
        }
      }
      stage(collection, id, record);
      records.push(record);
      events.push({ type, collection, id, version, source: 'local' });
    };
    return { overlay, records, events, add };
  };

  /**
   * Applies staged changes to the stored records and indexes, one change per step: a list commit
   * runs every step at once (synchronously, so a failure throws to the caller), a streamed one in
   * time slices, reads and other commits waiting meanwhile.
   */
  const apply = function* (
    overlay: ReadonlyMap<string, ReadonlyMap<string, StoredRecord | null>>,
  ): Generator<void, void, undefined> {
    for (const [collection, rows] of overlay) {
      pages.forget(collection);
      indexes.prepare(collection, rows.size);
      const target = table(collection);
      for (const [id, value] of rows) {
        indexes.replace(collection, target.get(id), value);
        if (value) target.set(id, value);
        else target.delete(id);
        yield;
      }
    }
  };

  /** A stream's chunks staged as they are produced, then applied in slices (see above). */
  const commitStream = async (
    stream: MutationStream,
    at: string,
    onProgress: CommitOptions['onProgress'],
  ): Promise<CommitResult> => {
    const staging = createStaging(at);
    const slice = createTimeSlicer();
    let produced = 0;
    // Producing a chunk may throw: then nothing staged is applied.
    for (const chunk of stream.chunks) {
      for (const mutation of chunk) {
        staging.add(mutation);
        if (++produced % STREAM_STEP === 0) {
          const paused = slice();
          if (paused) await paused;
        }
      }
      onProgress?.(Math.min(produced, stream.size), stream.size);
      const paused = slice();
      if (paused) await paused;
    }
    checkStreamSize(stream, produced);
    // From here on nothing can fail: reads wait until every change is applied.
    try {
      await (applying = (async () => {
        let n = 0;
        for (const _ of apply(staging.overlay)) {
          const paused = ++n % STREAM_STEP === 0 && slice();
          if (paused) await paused;
        }
      })());
    } finally {
      applying = null;
    }
    if (staging.events.length) changes.emit(staging.events);
    return { records: staging.records };
  };

  return {
    capabilities: {
      kind: 'memory',
      transactions: true,
      crossContext: false,
      persistent: false,
      indexes: {},
    },

    async get(collection, id) {
      if (applying) await applying;
      return table(collection).get(id) ?? null;
    },

    async getMany(collection, ids) {
      if (applying) await applying;
      const rows = table(collection);
      return ids.map((id) => rows.get(id) ?? null);
    },

    async query(collection, spec: QuerySpec) {
      if (applying) await applying;
      const rows = table(collection);
      const narrowed = search?.narrow(collection, spec);
      if (narrowed) return runQuery(narrowed.records, narrowed.spec, searchFields(collection));
      // A later page of a paged query: walked off the sort field's ordered list, or from its
      // ordered matches, kept since (memory-pages.ts).
      if (spec.cursor !== undefined)
        return (
          walkedPage(collection, rows, spec) ??
          pages.page(
            collection,
            spec,
            candidates(collection, rows, spec.where),
            searchFields(collection),
          )
        );
      return (
        walkedPage(collection, rows, spec) ??
        runQuery(candidates(collection, rows, spec.where), spec, searchFields(collection))
      );
    },

    async count(collection, query: CountQuery = {}) {
      if (applying) await applying;
      const rows = table(collection);
      if (!query.where && !query.search) return rows.size;
      if (!query.search) {
        const exact = indexes.exactCount(collection, query.where);
        if (exact !== null) return exact;
      }
      const narrowed = search?.narrow(collection, query);
      const filter = createFilter(narrowed?.spec ?? query, searchFields(collection));
      let n = 0;
      for (const record of narrowed?.records ?? candidates(collection, rows, query.where))
        if (filter(record)) n++;
      return n;
    },

    async aggregate(collection, query) {
      if (applying) await applying;
      const rows = table(collection);
      const filter = createFilter({ ...(query.where && { where: query.where }) }, []);
      const aggregator = createAggregator(query);
      for (const record of candidates(collection, rows, query.where))
        if (filter(record)) aggregator.add(record);
      return aggregator.result();
    },

    async commit(
      input: readonly Mutation[] | MutationStream,
      commitOptions: CommitOptions = {},
    ): Promise<CommitResult> {
      // One commit at a time: a commit made during a streamed one sees it whole, or fails alone.
      while (writing) await writing.catch(() => {});
      const at = commitOptions.at ?? new Date().toISOString();
      if (isMutationStream(input)) {
        // Started once `writing` is set: producing a chunk may call back into this adapter.
        const run = Promise.resolve().then(() => commitStream(input, at, commitOptions.onProgress));
        writing = run;
        try {
          return await run;
        } finally {
          if (writing === run) writing = null;
        }
      }
      // Stage every mutation against an overlay first; only if all succeed is anything applied.
      const staging = createStaging(at);
      for (const mutation of input) staging.add(mutation);
      for (const _ of apply(staging.overlay)); // synchronously, to the end
      commitOptions.onProgress?.(input.length, input.length);
      if (staging.events.length) changes.emit(staging.events);
      return { records: staging.records };
    },

    subscribe: changes.subscribe,

    async explain(collection, spec) {
      if (applying) await applying;
      // The same choices as `query`: the full-text index, a walk of a sorted field, one bucket
      // of an equality index, or every record.
      const searching = !!spec.search?.trim();
      if (searching && search?.ready(collection)) return { strategy: 'scan', search: 'index' };
      const rows = table(collection);
      const walked = walkField(collection, rows, spec);
      const bucket = indexes.candidateField(collection, spec.where);
      const plan: QueryPlan = walked
        ? { strategy: 'index', index: walked, ordered: true }
        : bucket
          ? { strategy: 'index', index: bucket }
          : { strategy: 'scan' };
      return searching ? { ...plan, search: 'scan' } : plan;
    },

    async close() {
      // A streamed commit in progress completes (or fails) first.
      while (writing) await writing.catch(() => {});
      closed = true;
      pages.clear();
      indexes.clear();
      search?.close();
    },
  };
}

/** A deep-frozen structured clone: storage never shares an object with its callers. */
function freeze<T extends object>(value: T): StoredRecord {
  return deepFreeze(structuredClone(value)) as unknown as StoredRecord;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** How a record compares with a cursor key (`value`, `id`) in ascending (field, id) order. */
function compareToKey(record: StoredRecord, field: string, value: unknown, id: unknown): number {
  const own = sortValue(Object.hasOwn(record, field) ? record[field] : undefined);
  return compareValues(own, value) || compareValues(record.id, id);
}

/** Index of the first record of `list` (ascending by field, then id) ordered after the key. */
function afterKey(
  list: readonly StoredRecord[],
  field: string,
  value: unknown,
  id: unknown,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareToKey(list[mid]!, field, value, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
