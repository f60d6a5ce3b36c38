import type { IDBPDatabase } from 'idb';
import { withIdTiebreak } from '../query/compare.js';
import { decodeCursor, encodeCursor } from '../query/cursor.js';
import { DEFAULT_LIMIT } from '../query/query-spec.js';
import { createFilter, paginate } from '../query/run-query.js';
import { yieldToEventLoop } from '../yield-to-event-loop.js';
import { DEFAULT_MIN_RECORDS } from './memory-search.js';
import type { SearchAnswer, SearchHost, SearchRequest } from './search-host.js';
import type { SearchWorkerMessage, SearchWorkerReply } from './search-worker.js';
import type { IndexedDbSearch, IndexedDbSearchOptions } from './indexeddb-search.js';
import type { ChangeListener, CollectionDescriptor, StoredRecord } from './storage-adapter.js';

/** Matching ids beyond this are not fetched one by one: reading the whole store is cheaper. */
const MAX_FETCH = 10_000;

/**
 * The IndexedDB adapter's full-text search. The first search of a collection with at least
 * `minRecords` records starts its index (search-host.ts) in a Worker that opens the database
 * itself; searches scan until the index reports ready, then ask it for the page (or, when the
 * filter or order needs fields the index does not keep, for the matching ids) and read only those
 * records. Every change the adapter reports (its own commits and, through its BroadcastChannel,
 * other tabs') is forwarded in order, so an answer reflects every change reported before it was
 * asked. The page is checked against the reference filter before it is returned; a record that
 * changed meanwhile sends the query back to the scan.
 */
export function createSearchClient(options: {
  readonly name: string;
  readonly descriptors: ReadonlyMap<string, CollectionDescriptor>;
  readonly subscribe: (listener: ChangeListener) => () => void;
  readonly searchIndex?: IndexedDbSearchOptions;
}): IndexedDbSearch {
  const minRecords = options.searchIndex?.minRecords ?? DEFAULT_MIN_RECORDS;
  const useWorker = options.searchIndex?.worker !== false;
  const collections = [...options.descriptors.values()].filter((d) => d.searchFields.length > 0);
  const ready = new Set<string>();
  const prepared = new Set<string>();
  /** Collections too small to index, with their record count kept current from changes. */
  const small = new Map<string, number>();
  const checking = new Set<string>();
  let transport: Transport | null = null;
  let closed = false;

  const onState = (collection: string, isReady: boolean): void => {
    if (isReady) ready.add(collection);
    else ready.delete(collection);
  };

  const start = (): Transport => {
    // Loaded only when needed: most pages run the index in the worker.
    const inThread = (): Transport =>
      lazyTransport(async () => {
        const { createSearchHost } = await import('./search-host.js');
        return hostTransport(
          createSearchHost({
            name: options.name,
            collections,
            batchSize: 500,
            pause: yieldToEventLoop,
            onState,
          }),
        );
      });
    if (!useWorker) return inThread();
    const worker = workerTransport(options.name, collections, onState, () => {
      // The worker could not start (or died): carry on in this thread.
      ready.clear();
      if (closed) return;
      transport = inThread();
      for (const collection of prepared) transport.prepare(collection);
    });
    return worker ?? inThread();
  };

  const unsubscribe = options.subscribe((changes) => {
    transport?.changes(changes);
    for (const change of changes) {
      const count = small.get(change.collection);
      if (count === undefined) continue;
      const next = count + (change.type === 'created' ? 1 : change.type === 'deleted' ? -1 : 0);
      // Grown enough: counted again at its next search.
      if (next >= minRecords) small.delete(change.collection);
      else small.set(change.collection, next);
    }
  });

  /** Starts `collection`'s index if it is large enough. */
  const consider = async (db: IDBPDatabase, collection: string): Promise<void> => {
    if (prepared.has(collection) || checking.has(collection) || small.has(collection)) return;
    if (!options.descriptors.get(collection)?.searchFields.length) return;
    checking.add(collection);
    try {
      const size = minRecords > 0 ? await db.count(collection) : 0;
      if (closed) return;
      if (size < minRecords) {
        small.set(collection, size);
        return;
      }
      prepared.add(collection);
      (transport ??= start()).prepare(collection);
    } catch {
      // Counting failed: try again at the next search.
    } finally {
      checking.delete(collection);
    }
  };

  const ask = async (
    db: IDBPDatabase,
    request: SearchRequest,
  ): Promise<Exclude<SearchAnswer, { kind: 'unavailable' }> | null> => {
    if (closed) return null;
    if (!ready.has(request.collection) || !transport) {
      void consider(db, request.collection);
      return null;
    }
    const answer = await transport.query(request);
    return answer.kind === 'unavailable' ? null : answer;
  };

  const readRecords = async (
    db: IDBPDatabase,
    collection: string,
    ids: readonly string[],
  ): Promise<(StoredRecord | null)[]> => {
    const store = db.transaction(collection, 'readonly').objectStore(collection);
    const rows = await Promise.all(ids.map((id) => store.get(id)));
    return rows.map((row) => (row as StoredRecord | undefined) ?? null);
  };

  const searchFields = (collection: string) =>
    options.descriptors.get(collection)?.searchFields ?? [];

  return {
    async query(db, collection, spec) {
      const orderBy = withIdTiebreak(spec.orderBy);
      const request: SearchRequest = {
        collection,
        search: spec.search ?? '',
        ...(spec.searchFields && { searchFields: spec.searchFields }),
        ...(spec.where && { where: spec.where }),
        orderBy,
        ...(spec.cursor && { after: decodeCursor(spec.cursor, orderBy) }),
        limit: spec.limit ?? DEFAULT_LIMIT,
      };
      const answer = await ask(db, request);
      if (!answer) return null;
      const filter = createFilter(spec, searchFields(collection));
      if (answer.kind === 'ids') {
        if (answer.ids.length > MAX_FETCH) return null;
        const records = await readRecords(db, collection, answer.ids);
        return paginate(
          records.filter((r): r is StoredRecord => r !== null && filter(r)),
          spec,
        );
      }
      const items = await readRecords(db, collection, answer.ids);
      // Changed since the index answered (a write in between): let the scan decide.
      if (!items.every((r) => r !== null && filter(r))) return null;
      return {
        items: items as StoredRecord[],
        total: answer.total,
        nextCursor: answer.lastKey ? encodeCursor(orderBy, answer.lastKey) : null,
      };
    },

    async count(db, collection, query) {
      const answer = await ask(db, {
        collection,
        search: query.search ?? '',
        ...(query.searchFields && { searchFields: query.searchFields }),
        ...(query.where && { where: query.where }),
        orderBy: [{ field: 'id' }],
        limit: 0,
      });
      if (!answer) return null;
      if (answer.kind === 'page') return answer.total;
      if (answer.ids.length > MAX_FETCH) return null;
      const filter = createFilter(query, searchFields(collection));
      const records = await readRecords(db, collection, answer.ids);
      return records.filter((r) => r !== null && filter(r)).length;
    },

    ready(collection) {
      return ready.has(collection);
    },

    prepare(db, collection) {
      void consider(db, collection);
    },

    close() {
      closed = true;
      unsubscribe();
      ready.clear();
      transport?.close();
      transport = null;
    },
  };
}

/** The host, wherever it runs. */
interface Transport {
  prepare(collection: string): void;
  changes(events: Parameters<ChangeListener>[0]): void;
  query(request: SearchRequest): Promise<SearchAnswer>;
  close(): void;
}

/** A transport loaded on first use; calls made meanwhile are replayed in order. */
function lazyTransport(load: () => Promise<Transport>): Transport {
  let loaded: Transport | null = null;
  let closed = false;
  const queued: ((transport: Transport) => void)[] = [];
  const ready = load().then(
    (transport) => {
      if (closed) {
        transport.close();
        return null;
      }
      loaded = transport;
      for (const call of queued.splice(0)) call(transport);
      return transport;
    },
    () => null,
  );
  const run = (call: (transport: Transport) => void): void => {
    if (loaded) call(loaded);
    else queued.push(call);
  };
  return {
    prepare: (collection) => run((t) => t.prepare(collection)),
    changes: (events) => run((t) => t.changes(events)),
    query: async (request) => {
      const transport = loaded ?? (await ready);
      return transport ? transport.query(request) : { kind: 'unavailable' };
    },
    close: () => {
      closed = true;
      loaded?.close();
    },
  };
}

function hostTransport(host: SearchHost): Transport {
  return {
    prepare: (collection) => host.prepare(collection),
    changes: (events) => host.changes(events),
    query: (request) => host.query(request),
    close: () => host.close(),
  };
}

/**
 * The host in a module worker, or `null` where none can be created. `onFail` runs once if the
 * worker fails to load or dies; pending questions are then answered `unavailable`.
 */
function workerTransport(
  name: string,
  collections: readonly CollectionDescriptor[],
  onState: (collection: string, ready: boolean) => void,
  onFail: () => void,
): Transport | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    // Bundlers (Vite, webpack, Rollup with this repository's config) recognise this form and emit
    // the worker; dist/ ships it as search-worker.js next to the entry points.
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
      type: 'module',
      name: 'rapport-search',
    });
  } catch {
    return null;
  }
  const pending = new Map<number, (answer: SearchAnswer) => void>();
  let next = 0;
  let failed = false;
  const fail = (): void => {
    if (failed) return;
    failed = true;
    worker.terminate();
    for (const resolve of pending.values()) resolve({ kind: 'unavailable' });
    pending.clear();
    onFail();
  };
  const post = (message: SearchWorkerMessage): void => {
    if (!failed) worker.postMessage(message);
  };
  worker.onmessage = ({ data: reply }: MessageEvent<SearchWorkerReply>) => {
    if (reply.type === 'state') {
      onState(reply.collection, reply.ready);
    } else {
      pending.get(reply.id)?.(reply.answer);
      pending.delete(reply.id);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail();
  };
  worker.onmessageerror = fail;
  post({ type: 'open', name, collections });
  return {
    prepare: (collection) => post({ type: 'prepare', collection }),
    changes: (events) => post({ type: 'changes', events }),
    query: (request) =>
      failed
        ? Promise.resolve({ kind: 'unavailable' })
        : new Promise((resolve) => {
            const id = next++;
            pending.set(id, resolve);
            post({ type: 'query', id, request });
          }),
    close: () => {
      failed = true;
      worker.terminate();
      for (const resolve of pending.values()) resolve({ kind: 'unavailable' });
      pending.clear();
    },
  };
}
