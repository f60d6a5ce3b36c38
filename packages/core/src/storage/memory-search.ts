import type { QuerySpec } from '../query/query-spec.js';
import type { SearchIndex } from '../query/search-index.js';
import { yieldToEventLoop } from '../yield-to-event-loop.js';
import type { ChangeListener, CollectionDescriptor, StoredRecord } from './storage-adapter.js';

/** Records per step of a lazy build: a few milliseconds of work between yields. */
const BUILD_CHUNK = 1000;
/** Collections smaller than this are scanned (both adapters' default `minRecords`). */
export const DEFAULT_MIN_RECORDS = 2000;

/** The index code, loaded with the first index built (so adapters that never search skip it). */
let indexModule: typeof import('../query/search-index.js') | undefined;
const loadIndexModule = async () => (indexModule ??= await import('../query/search-index.js'));

/** What `search` narrows a query to: the records to run it over and the spec left to apply. */
export interface SearchNarrowing {
  readonly records: readonly StoredRecord[];
  readonly spec: QuerySpec;
}

export interface MemorySearch {
  /** `null` when the query has no search or the collection has no index yet: scan. */
  narrow(collection: string, spec: QuerySpec): SearchNarrowing | null;
  /** Whether `collection`'s searches are answered from its index. */
  ready(collection: string): boolean;
  close(): void;
}

/**
 * Full-text indexes (query/search-index.ts) for the memory adapter, one per collection, built
 * lazily: the first search of a collection with at least `minRecords` records starts a build in
 * chunks that yield to the event loop (searches scan until it is done); from then on every commit
 * updates the index as it is applied, so a search right after a write sees it. A collection of up
 * to one chunk is indexed at once (once the index code is loaded). When most of an index is
 * replaced records, a packed one is built the same way while it keeps answering.
 */
export function createMemorySearch(options: {
  readonly descriptors: ReadonlyMap<string, CollectionDescriptor>;
  /** The live rows of a collection. */
  readonly rows: (collection: string) => ReadonlyMap<string, StoredRecord> | undefined;
  readonly subscribe: (listener: ChangeListener) => () => void;
  readonly minRecords?: number;
}): MemorySearch {
  const minRecords = options.minRecords ?? DEFAULT_MIN_RECORDS;
  const indexes = new Map<string, SearchIndex<StoredRecord>>();
  /** Collections being built, with the ids changed meanwhile. */
  const building = new Map<string, Set<string>>();
  let closed = false;

  const sync = (index: SearchIndex<StoredRecord>, collection: string, id: string): void => {
    const record = options.rows(collection)?.get(id);
    if (record) index.put(id, record);
    else index.remove(id);
  };

  const unsubscribe = options.subscribe((changes) => {
    for (const change of changes) {
      const index = indexes.get(change.collection);
      if (index) sync(index, change.collection, change.id);
      building.get(change.collection)?.add(change.id);
    }
    for (const [collection, index] of indexes) {
      // Mostly replaced records: build a packed index in steps; this one answers until then.
      if (index.garbage > BUILD_CHUNK && index.garbage > index.size && !building.has(collection))
        start(collection);
    }
  });

  /** Builds `collection`'s index; runs to the end without yielding when it fits in one chunk. */
  const build = async (collection: string, fields: readonly string[], changed: Set<string>) => {
    try {
      const { createSearchIndex } = indexModule ?? (await loadIndexModule());
      const index = createSearchIndex<StoredRecord>(fields);
      const ids = [...(options.rows(collection)?.keys() ?? [])];
      for (let start = 0; start < ids.length; start += BUILD_CHUNK) {
        if (start > 0) await yieldToEventLoop();
        if (closed) return;
        for (const id of ids.slice(start, start + BUILD_CHUNK)) sync(index, collection, id);
      }
      for (const _ of index.sealSteps()) {
        if (ids.length > BUILD_CHUNK) await yieldToEventLoop();
        if (closed) return;
      }
      for (const id of changed) sync(index, collection, id);
      indexes.set(collection, index);
    } finally {
      building.delete(collection);
    }
  };

  const start = (collection: string): void => {
    const changed = new Set<string>();
    building.set(collection, changed);
    const fields = options.descriptors.get(collection)!.searchFields;
    void build(collection, fields, changed).catch(() => {});
  };

  const narrow = (collection: string, spec: QuerySpec): SearchNarrowing | null => {
    if (closed || !spec.search?.trim()) return null;
    const descriptor = options.descriptors.get(collection);
    if (!descriptor || descriptor.searchFields.length === 0) return null;
    const index = indexes.get(collection);
    if (!index) {
      const size = options.rows(collection)?.size ?? 0;
      if (building.has(collection) || size < minRecords) return null;
      start(collection);
      // A small collection was indexed in one go, before `build`'s first await.
      return indexes.has(collection) ? narrow(collection, spec) : null;
    }
    const { search, ...rest } = spec;
    const subset = spec.searchFields
      ? descriptor.searchFields.filter((f) => spec.searchFields!.includes(f))
      : descriptor.searchFields;
    // Over all fields the index decides; over fewer (hidden ones left out) the matcher does.
    return subset.length === descriptor.searchFields.length
      ? { records: index.search(search!), spec: rest }
      : { records: index.candidates(search!), spec };
  };

  return {
    narrow,

    ready(collection) {
      return indexes.has(collection);
    },

    close() {
      closed = true;
      unsubscribe();
      indexes.clear();
    },
  };
}
