import { compareKeys, sortKey } from '../query/compare.js';
import type { OrderBy, Where } from '../query/query-spec.js';
import { createSearchIndex, type SearchIndex } from '../query/search-index.js';
import { createSearchMatcher } from '../query/search.js';
import { matchesWhere } from '../query/where.js';
import type { ChangeEvent, CollectionDescriptor } from './storage-adapter.js';

// This module runs inside the search worker (search-worker.ts): it imports nothing that needs a
// bundler or an import map (no `idb`, no zod), only raw IndexedDB and the query engine's plain
// functions.

/** A search as the host answers it: the adapter has resolved the limit, order and cursor. */
export interface SearchRequest {
  readonly collection: string;
  readonly search: string;
  /** The subset of the collection's search fields to look at (set by the gateway). */
  readonly searchFields?: readonly string[];
  readonly where?: Where;
  /** The full order, ending with `id` (`withIdTiebreak`). */
  readonly orderBy: readonly OrderBy[];
  /** The sort key the previous page ended on (the decoded cursor). */
  readonly after?: readonly unknown[];
  /** Page size; 0 asks for the total only. */
  readonly limit: number;
}

export type SearchAnswer =
  /** No index (yet): the adapter scans. */
  | { readonly kind: 'unavailable' }
  /** The page's ids in order, the total, and the sort key of the page's last item if more follow. */
  | {
      readonly kind: 'page';
      readonly ids: readonly string[];
      readonly total: number;
      readonly lastKey: readonly unknown[] | null;
    }
  /** `where` or `orderBy` need fields the index does not keep: the ids matching `search` alone. */
  | { readonly kind: 'ids'; readonly ids: readonly string[] };

export interface SearchHostOptions {
  /** The IndexedDB database the adapter opened. */
  readonly name: string;
  readonly collections: readonly CollectionDescriptor[];
  /** Records read per IndexedDB request while building. */
  readonly batchSize?: number;
  /** Awaited between steps of a build (on the main thread: let the event loop run). */
  readonly pause?: () => Promise<void>;
  /** A collection's index became ready (`true`) or stopped answering (`false`). */
  readonly onState?: (collection: string, ready: boolean) => void;
}

export interface SearchHost {
  /** Starts building `collection`'s index, unless it is built or being built. */
  prepare(collection: string): void;
  /** Changes the adapter reported; every later answer reflects them. */
  changes(events: readonly ChangeEvent[]): void;
  query(request: SearchRequest): Promise<SearchAnswer>;
  close(): void;
}

/**
 * Keeps one full-text index per searched collection of an IndexedDB database, with its own
 * connection: the search worker runs it (search-worker.ts), or the main thread when there is no
 * Worker. A build reads the store in batches (each its own transaction, so writers are never held
 * up) and keeps of each record only what searches, filters and sorts on (the search fields, the
 * indexed fields and the record-scope fields). Changes are applied by re-reading the changed
 * records, in the order they were reported and before any later query is answered; changes made
 * during a build are re-read once it ends.
 */
export function createSearchHost(options: SearchHostOptions): SearchHost {
  const descriptors = new Map(options.collections.map((c) => [c.name, c]));
  const batchSize = options.batchSize ?? 2000;
  const states = new Map<string, CollectionState>();
  /** Applies changes and finishes builds in order; queries wait for what was queued before them. */
  let queue: Promise<void> = Promise.resolve();
  let connection: Promise<IDBDatabase> | null = null;
  let closed = false;

  const enqueue = (task: () => Promise<void> | void): void => {
    queue = queue.then(task).catch(() => {});
  };

  const database = (): Promise<IDBDatabase> =>
    (connection ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(options.name);
      // Never create the database: the adapter has opened it, or it is gone.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        // Another connection upgrades the schema: step aside, answer nothing from now on.
        db.onversionchange = () => {
          db.close();
          stopAll();
        };
        db.onclose = stopAll;
        resolve(db);
      };
    }));

  const stopAll = (): void => {
    for (const [collection, state] of states) {
      if (state.kind === 'ready') options.onState?.(collection, false);
    }
    states.clear();
    closed = true;
  };

  const setReady = (collection: string, state: CollectionState): void => {
    states.set(collection, state);
    options.onState?.(collection, state.kind === 'ready');
  };

  const build = async (collection: string): Promise<void> => {
    const descriptor = descriptors.get(collection)!;
    const keep = keptFields(descriptor);
    const index = createSearchIndex<Projection>(descriptor.searchFields);
    const changed = new Set<string>();
    states.set(collection, { kind: 'building', changed });
    try {
      const db = await database();
      const read = (after: string | undefined) => {
        const batch = request<Record<string, unknown>[]>(
          db
            .transaction(collection, 'readonly')
            .objectStore(collection)
            .getAll(
              after === undefined ? undefined : IDBKeyRange.lowerBound(after, true),
              batchSize,
            ),
        );
        batch.catch(() => {}); // awaited below, unless the build stops first
        return batch;
      };
      // One batch indexed while the next is read.
      let next = read(undefined);
      for (;;) {
        const batch = await next;
        if (closed) return;
        const more = batch.length === batchSize;
        if (more) next = read(batch[batch.length - 1]!.id as string);
        for (const record of batch) index.put(record.id as string, project(record, keep));
        if (!more) break;
        await options.pause?.();
      }
      for (const _ of index.sealSteps()) await options.pause?.();
    } catch {
      // No such store, or the connection is gone: this collection is scanned from now on.
      states.set(collection, { kind: 'off' });
      return;
    }
    // In the queue, so the changes reported during the build are all in `changed` by now.
    enqueue(async () => {
      if (closed) return;
      await refresh(collection, index, keep, [...changed]);
      setReady(collection, { kind: 'ready', index, keep });
    });
  };

  /** Re-reads `ids` (one transaction) and indexes what it finds, a batch at a time. */
  const refresh = async (
    collection: string,
    index: SearchIndex<Projection>,
    keep: readonly string[],
    ids: readonly string[],
  ): Promise<void> => {
    if (ids.length === 0) return;
    const db = await database();
    const store = db.transaction(collection, 'readonly').objectStore(collection);
    const records = await Promise.all(
      ids.map((id) => request<Record<string, unknown> | undefined>(store.get(id))),
    );
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (record) index.put(ids[i]!, project(record, keep));
      else index.remove(ids[i]!);
      if (i % batchSize === batchSize - 1) await options.pause?.();
    }
  };

  const apply = async (events: readonly ChangeEvent[]): Promise<void> => {
    const byCollection = new Map<string, Set<string>>();
    for (const event of events) {
      let ids = byCollection.get(event.collection);
      if (!ids) byCollection.set(event.collection, (ids = new Set()));
      ids.add(event.id);
    }
    for (const [collection, ids] of byCollection) {
      const state = states.get(collection);
      if (!state || state.kind === 'off') continue;
      if (state.kind === 'building') {
        for (const id of ids) state.changed.add(id);
        continue;
      }
      const { index } = state;
      // Most of the collection changed (a restore): reading it all is quicker. Searches scan
      // meanwhile.
      if (ids.size > Math.max(20_000, index.size / 2)) {
        setReady(collection, { kind: 'building', changed: new Set() });
        void build(collection);
        continue;
      }
      await refresh(collection, index, state.keep, [...ids]);
      // Mostly replaced records: pack the lists again (queries wait, they do not scan).
      if (index.garbage > Math.max(5000, index.size)) {
        for (const _ of index.sealSteps()) await options.pause?.();
      }
    }
  };

  const answer = (request: SearchRequest): SearchAnswer => {
    const state = states.get(request.collection);
    if (state?.kind !== 'ready') return { kind: 'unavailable' };
    const { index, keep } = state;
    const fields = descriptors.get(request.collection)!.searchFields;
    const subset = request.searchFields
      ? fields.filter((f) => request.searchFields!.includes(f))
      : fields;
    let matches: Projection[];
    if (subset.length === fields.length) {
      matches = index.search(request.search);
    } else {
      // Fewer fields (hidden ones left out): the matcher decides over those.
      const matcher = createSearchMatcher(request.search, subset);
      const candidates = index.candidates(request.search);
      matches = matcher ? candidates.filter(matcher) : candidates;
    }
    const needed = [...wherePaths(request.where), ...request.orderBy.map((o) => o.field)];
    if (!needed.every((path) => keep.includes(path.split('.')[0]!))) {
      return { kind: 'ids', ids: matches.map((r) => r.id) };
    }
    const where = request.where;
    const filtered = where ? matches.filter((r) => matchesWhere(r, where)) : matches;
    if (request.limit === 0)
      return { kind: 'page', ids: [], total: filtered.length, lastKey: null };
    const page = selectPage(filtered, request.orderBy, request.after, request.limit);
    return {
      kind: 'page',
      ids: page.items.map((r) => r.id),
      total: filtered.length,
      lastKey: page.lastKey,
    };
  };

  return {
    prepare(collection) {
      if (closed || states.has(collection)) return;
      if (!descriptors.get(collection)?.searchFields.length) return;
      void build(collection);
    },

    changes(events) {
      enqueue(() => apply(events));
    },

    async query(request) {
      await queue;
      return closed ? { kind: 'unavailable' } : answer(request);
    },

    close() {
      closed = true;
      states.clear();
      void connection?.then((db) => db.close()).catch(() => {});
    },
  };
}

type CollectionState =
  | { readonly kind: 'off' }
  | { readonly kind: 'building'; readonly changed: Set<string> }
  | {
      readonly kind: 'ready';
      readonly index: SearchIndex<Projection>;
      readonly keep: readonly string[];
    };

/** What the index keeps of a record: its id and the top-level fields in {@link keptFields}. */
interface Projection {
  readonly id: string;
  readonly [field: string]: unknown;
}

/**
 * Top-level fields a search answer may need: the search fields, the indexed fields (what lists
 * filter and sort on) and the record-scope fields the gateway filters every read by
 * (gateway/policy.ts `scopeFilter`: owner, team, pool).
 */
function keptFields(descriptor: CollectionDescriptor): string[] {
  const paths = [
    'id',
    ...descriptor.searchFields,
    ...descriptor.indexes.map((i) => i.field),
    'ownerId',
    'teamId',
    'poolId',
  ];
  return [...new Set(paths.map((path) => path.split('.')[0]!))];
}

function project(record: Record<string, unknown>, keep: readonly string[]): Projection {
  const out: Record<string, unknown> = {};
  for (const field of keep) if (Object.hasOwn(record, field)) out[field] = record[field];
  return out as Projection;
}

/** Every field path a filter tree reads. */
function wherePaths(where: Where | undefined, out: string[] = []): string[] {
  if (!where) return out;
  for (const [key, node] of Object.entries(where)) {
    if (node === undefined) continue;
    if (key === 'and' || key === 'or') for (const w of node as readonly Where[]) wherePaths(w, out);
    else if (key === 'not') wherePaths(node as Where, out);
    else out.push(key);
  }
  return out;
}

/**
 * The page `paginate` (run-query.ts) would cut, without sorting every match: the `limit` smallest
 * keys after `after`, and the last one's key when more follow.
 */
export function selectPage<T extends { readonly id: string }>(
  records: readonly T[],
  orderBy: readonly OrderBy[],
  after: readonly unknown[] | undefined,
  limit: number,
): { items: T[]; lastKey: unknown[] | null } {
  const byId = orderBy.length === 1 && orderBy[0]!.field === 'id';
  if (byId && (after === undefined || typeof after[0] === 'string')) {
    return selectById(records, orderBy[0]!.direction === 'desc', after?.[0] as string, limit);
  }
  const top: { record: T; key: unknown[] }[] = [];
  let remaining = 0;
  for (const record of records) {
    const key = sortKey(record, orderBy);
    if (after && compareKeys(key, after, orderBy) <= 0) continue;
    remaining++;
    if (top.length === limit && compareKeys(key, top[limit - 1]!.key, orderBy) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(top[mid]!.key, key, orderBy) < 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, { record, key });
    if (top.length > limit) top.pop();
  }
  const last = top[top.length - 1];
  return {
    items: top.map((entry) => entry.record),
    lastKey: last && remaining > limit ? last.key : null,
  };
}

/**
 * {@link selectPage} for the default order, by id alone (ids are strings, compared by code unit as
 * `compareValues` does). Matches mostly come in id order (the index is built from a walk over the
 * primary key), so walking them in the requested direction turns most away with one comparison.
 */
function selectById<T extends { readonly id: string }>(
  records: readonly T[],
  desc: boolean,
  after: string | undefined,
  limit: number,
): { items: T[]; lastKey: unknown[] | null } {
  const top: T[] = [];
  let remaining = 0;
  const first = (a: string, b: string) => (desc ? a > b : a < b);
  const n = records.length;
  for (let i = 0; i < n; i++) {
    const record = records[desc ? n - 1 - i : i]!;
    const id = record.id;
    if (after !== undefined && !first(after, id)) continue;
    remaining++;
    if (top.length === limit && !first(id, top[limit - 1]!.id)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (first(top[mid]!.id, id)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, record);
    if (top.length > limit) top.pop();
  }
  const last = top[top.length - 1];
  return { items: top, lastKey: last && remaining > limit ? [last.id] : null };
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}
