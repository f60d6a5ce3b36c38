import { openDB, unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  ConflictError,
  CrmError,
  NotFoundError,
  StorageError,
  ValidationError,
} from '../errors.js';
import { withIdTiebreak } from '../query/compare.js';
import { decodeCursor, encodeCursor } from '../query/cursor.js';
import type { CountQuery, QueryResult, QuerySpec, Where } from '../query/query-spec.js';
import { DEFAULT_LIMIT } from '../query/query-spec.js';
import { createFilter, paginate } from '../query/run-query.js';
import { createSubscribable } from '../subscribable.js';
import { yieldToEventLoop } from '../yield-to-event-loop.js';
import { COLLECTIONS, collectionMap, INDEXEDDB_SCHEMA_VERSION } from './collections.js';
import { createIndexedDbSearch, type IndexedDbSearchOptions } from './indexeddb-search.js';
import { planQuery, type IndexedPlan, type KeyRangeSpec } from './query-plan.js';
import type {
  ChangeEvent,
  ChangeListener,
  CollectionDescriptor,
  CommitOptions,
  CommitResult,
  Mutation,
  MutationStream,
  QueryPlan,
  StorageAdapter,
  StoredRecord,
} from './storage-adapter.js';
import { checkStreamSize, collectMutations, isMutationStream } from './mutation-stream.js';

// Declared beside COLLECTIONS (bump it when they change), so backups read it without this adapter.
export { INDEXEDDB_SCHEMA_VERSION };

/** Data migrations by target version, run inside the upgrade transaction after stores exist. */
const MIGRATIONS: Record<
  number,
  (tx: IDBPTransaction<unknown, string[], 'versionchange'>) => Promise<void>
> = {};

export interface IndexedDbAdapterOptions {
  /** Database name; one per tenant or app. */
  readonly name: string;
  readonly collections?: readonly CollectionDescriptor[];
  /** Schema version; only needed with custom `collections`. */
  readonly version?: number;
  /**
   * Most mutations written per chunk of a large commit (default 250); chunks are smaller when the
   * previous one held the main thread for long. The page stays responsive between chunks.
   */
  readonly chunkSize?: number;
  /** Tell other tabs about changes through BroadcastChannel (default true). */
  readonly broadcast?: boolean;
  /** Another tab is upgrading the database: this connection has been closed. Reload to continue. */
  readonly onVersionChange?: () => void;
  /** Full-text indexes for `search`, built in a Worker (indexeddb-search.ts); `false` always scans. */
  readonly searchIndex?: IndexedDbSearchOptions | false;
}

const indexKeyPath = (field: string): string[] => [field, 'id'];

/**
 * The default adapter in browsers, on `idb`. One object store per collection, an index on
 * `[field, id]` for each declared index (so one index serves filtering and keyset order), commits
 * in one transaction written in chunks, and change notifications to other tabs.
 */
/**
 * Time a commit chunk's work on the main thread aims at (producing it, cloning its records into
 * requests); the chunk size follows from how long the previous chunk took, up to `chunkSize`.
 */
const CHUNK_TASK_MS = 12;

/** Change events per BroadcastChannel message (see `broadcast`). */
const BROADCAST_SLICE = 2000;

/**
 * A native request's result. Reads go straight to the native stores: no promise wrapper and no
 * listeners of their own per request, so a page or a count costs what one raw request costs.
 */
function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A read-only native store of `collection`, in a transaction of its own. */
const readStore = (db: IDBPDatabase, collection: string): IDBObjectStore =>
  unwrap(db).transaction(collection, 'readonly').objectStore(collection);

export function createIndexedDbAdapter(options: IndexedDbAdapterOptions): StorageAdapter {
  const descriptors = collectionMap(options.collections ?? COLLECTIONS);
  const version = options.version ?? INDEXEDDB_SCHEMA_VERSION;
  const chunkSize = Math.max(1, options.chunkSize ?? 250);
  const changes = createSubscribable<ChangeListener>();
  const searchIndex =
    options.searchIndex === false
      ? null
      : createIndexedDbSearch({
          name: options.name,
          descriptors,
          subscribe: changes.subscribe,
          searchIndex: options.searchIndex,
        });
  let failure: CrmError | null = null;
  let closed = false;

  const ready: Promise<IDBPDatabase> = new Promise((resolve, reject) => {
    let settled = false;
    openDB(options.name, version, {
      async upgrade(db, oldVersion, newVersion, tx) {
        for (const descriptor of descriptors.values()) {
          const store = db.objectStoreNames.contains(descriptor.name)
            ? tx.objectStore(descriptor.name)
            : db.createObjectStore(descriptor.name, { keyPath: 'id' });
          const wanted = new Set(descriptor.indexes.map((i) => i.field));
          for (const existing of [...store.indexNames]) {
            if (!wanted.has(existing)) store.deleteIndex(existing);
          }
          for (const field of wanted) {
            if (!store.indexNames.contains(field)) store.createIndex(field, indexKeyPath(field));
          }
        }
        for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v]?.(tx);
      },
      blocked() {
        settled = true;
        failure = new StorageError(
          'STORAGE_BLOCKED',
          `Database "${options.name}" is open in another tab at an older version; close that tab and retry`,
        );
        reject(failure);
      },
      blocking() {
        // Another tab wants a newer version: step aside so it can upgrade.
        failure = new StorageError(
          'STORAGE_VERSION_CHANGE',
          `Database "${options.name}" was upgraded by another tab; reload this page`,
        );
        void ready.then((db) => db.close());
        options.onVersionChange?.();
      },
      terminated() {
        failure = new StorageError(
          'STORAGE_FAILED',
          `The browser closed database "${options.name}"`,
        );
      },
    }).then(
      (db) => {
        if (settled) db.close();
        else resolve(db);
      },
      (error: unknown) => reject(StorageError.from(error, `Opening database "${options.name}"`)),
    );
  });
  ready.catch(() => {}); // surfaced on the first operation instead

  const channel =
    options.broadcast !== false && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(`rapport:${options.name}`)
      : null;
  // Totals of ordered queries, so the pages after the first (same query, with a cursor) need no
  // second count: valid while their collection's generation is unchanged. Every commit, here or
  // in another tab, moves the generation of the collections it touched.
  const generations = new Map<string, number>();
  const totals = new Map<string, { generation: number; total: number }>();
  const changed = (events: readonly ChangeEvent[]) => {
    const touched = new Set<string>();
    for (const event of events) touched.add(event.collection);
    for (const name of touched) generations.set(name, (generations.get(name) ?? 0) + 1);
  };

  if (channel) {
    channel.onmessage = (event: MessageEvent<ChangeEvent[]>) => {
      if (!Array.isArray(event.data)) return;
      changed(event.data);
      changes.emit(event.data.map((change) => ({ ...change, source: 'remote' as const })));
    };
  }

  // Other tabs hear of a commit in messages of at most BROADCAST_SLICE events, one per task and
  // in commit order: cloning 100k events into one message would hold this thread for ~100 ms.
  let broadcasting: Promise<void> = Promise.resolve();
  const broadcast = (events: ChangeEvent[]) => {
    if (events.length <= BROADCAST_SLICE) {
      broadcasting = broadcasting.then(() => channel?.postMessage(events));
      return;
    }
    for (let start = 0; start < events.length; start += BROADCAST_SLICE) {
      const slice = events.slice(start, start + BROADCAST_SLICE);
      broadcasting = broadcasting.then(async () => {
        await yieldToEventLoop();
        channel?.postMessage(slice);
      });
    }
  };

  const database = async (): Promise<IDBPDatabase> => {
    if (closed)
      throw new StorageError('STORAGE_CLOSED', `The adapter for "${options.name}" is closed`);
    if (failure) throw failure;
    const db = await ready;
    if (failure) throw failure;
    return db;
  };

  const descriptorOf = (collection: string): CollectionDescriptor => {
    const descriptor = descriptors.get(collection);
    if (!descriptor) throw new StorageError('STORAGE_FAILED', `Unknown collection "${collection}"`);
    return descriptor;
  };

  /** Runs `work` against the database, mapping DOMExceptions to typed errors. */
  const run = async <T>(action: string, work: (db: IDBPDatabase) => Promise<T>): Promise<T> => {
    const db = await database();
    try {
      return await work(db);
    } catch (error) {
      throw StorageError.from(error, action);
    }
  };

  const readCandidates = async (
    db: IDBPDatabase,
    collection: string,
    plan: IndexedPlan,
  ): Promise<StoredRecord[]> => {
    const store = readStore(db, collection);
    if (plan.kind === 'candidates') {
      const index = store.index(plan.field);
      const parts = await Promise.all(
        plan.ranges.map((range) => {
          const keyRange = toKeyRange(range);
          return keyRange === 'empty' ? [] : result(index.getAll(keyRange));
        }),
      );
      return parts.flat() as StoredRecord[];
    }
    return (await result(store.getAll())) as StoredRecord[];
  };

  const orderedPage = async (
    db: IDBPDatabase,
    collection: string,
    plan: Extract<IndexedPlan, { kind: 'ordered' }>,
    spec: QuerySpec,
  ): Promise<QueryResult<StoredRecord>> => {
    const orderBy = withIdTiebreak(spec.orderBy);
    const limit = spec.limit ?? DEFAULT_LIMIT;
    const store = readStore(db, collection);
    // The primary key (`id`) or a `[field, id]` index.
    const primary = plan.field === 'id';
    const source = primary ? store : store.index(plan.field);
    const totalRange = primary ? undefined : toKeyRange(plan.range);
    let range = totalRange;
    if (spec.cursor) {
      const after = decodeCursor(spec.cursor, orderBy);
      const id = after[after.length - 1] as string;
      if (primary) {
        range =
          plan.direction === 'asc'
            ? IDBKeyRange.lowerBound(id, true)
            : IDBKeyRange.upperBound(id, true);
      } else {
        const value = plan.byId ? plan.range.lower!.value : after[0];
        if (typeof value !== 'string' && typeof value !== 'number') {
          throw new ValidationError([
            { path: ['cursor'], message: 'Not a cursor returned by this query' },
          ]);
        }
        range = toKeyRange(plan.range, { key: [value, id], direction: plan.direction });
      }
    }
    const totalKey = `${collection}\u0000${plan.field}\u0000${JSON.stringify(plan.range)}`;
    const generation = generations.get(collection) ?? 0;
    const known = spec.cursor ? totals.get(totalKey) : undefined;
    // The count and the page are requested together: one wait for both, not one after the other.
    const counting =
      known?.generation === generation
        ? known.total
        : totalRange === 'empty'
          ? 0
          : result(source.count(totalRange));
    const reading: Promise<StoredRecord[]> | StoredRecord[] =
      range === 'empty'
        ? []
        : plan.direction === 'asc'
          ? (result(source.getAll(range, limit + 1)) as Promise<StoredRecord[]>)
          : new Promise((resolve, reject) => {
              const found: StoredRecord[] = [];
              const request = source.openCursor(range, 'prev');
              request.onerror = () => reject(request.error);
              request.onsuccess = () => {
                const cursor = request.result;
                if (cursor && found.length <= limit) {
                  found.push(cursor.value as StoredRecord);
                  cursor.continue();
                } else resolve(found);
              };
            });
    const [total, items] =
      typeof counting === 'number'
        ? [counting, await reading]
        : await Promise.all([counting, reading]);
    if (known?.generation !== generation) {
      if (totals.size >= 256) totals.clear();
      totals.set(totalKey, { generation, total });
    }
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    const key = primary || plan.byId ? [last?.id] : [last?.[plan.field], last?.id];
    return {
      items: page,
      total,
      nextCursor: last && items.length > limit ? encodeCursor(orderBy, key) : null,
    };
  };

  const adapter: StorageAdapter = {
    capabilities: {
      kind: 'indexeddb',
      transactions: true,
      crossContext: channel !== null,
      persistent: true,
      indexes: Object.fromEntries(
        [...descriptors.values()].map((d) => [d.name, d.indexes.map((i) => i.field)]),
      ),
    },

    async get(collection, id) {
      descriptorOf(collection);
      return run(
        `Reading ${collection}/${id}`,
        async (db) =>
          ((await result(readStore(db, collection).get(id))) as StoredRecord | undefined) ?? null,
      );
    },

    async getMany(collection, ids) {
      descriptorOf(collection);
      return run(`Reading ${ids.length} ${collection}`, async (db) => {
        const store = readStore(db, collection);
        const rows = await Promise.all(ids.map((id) => result(store.get(id))));
        return rows.map((row) => (row as StoredRecord | undefined) ?? null);
      });
    },

    async query(collection, spec) {
      const descriptor = descriptorOf(collection);
      return run(`Querying ${collection}`, async (db) => {
        const plan = planQuery(descriptor, spec);
        if (plan.kind === 'ordered') return orderedPage(db, collection, plan, spec);
        const indexed = spec.search?.trim() ? await searchIndex?.query(db, collection, spec) : null;
        if (indexed) return indexed;
        const candidates = await readCandidates(db, collection, plan);
        const filter = createFilter(spec, descriptor.searchFields);
        return paginate(candidates.filter(filter), spec);
      });
    },

    async count(collection, query: CountQuery = {}) {
      const descriptor = descriptorOf(collection);
      const { where, search } = query;
      return run(`Counting ${collection}`, async (db) => {
        const plan = planQuery(descriptor, query);
        if (!search?.trim() && (!where || Object.keys(where).length === 0))
          return result(readStore(db, collection).count());
        // An ordered plan has no filter beyond its range (see planQuery): count the range.
        if (plan.kind === 'ordered') {
          const store = readStore(db, collection);
          if (plan.field === 'id') return result(store.count());
          const keyRange = toKeyRange(plan.range);
          return keyRange === 'empty' ? 0 : result(store.index(plan.field).count(keyRange));
        }
        if (plan.kind === 'candidates' && !search?.trim() && isExactlyCovered(where, plan)) {
          const index = readStore(db, collection).index(plan.field);
          const counts = plan.ranges.map((range) => {
            const keyRange = toKeyRange(range);
            return keyRange === 'empty' ? 0 : result(index.count(keyRange));
          });
          return counts.length === 1
            ? counts[0]!
            : (await Promise.all(counts)).reduce((a, b) => a + b, 0);
        }
        const indexed = search?.trim() ? await searchIndex?.count(db, collection, query) : null;
        if (typeof indexed === 'number') return indexed;
        const candidates = await readCandidates(db, collection, plan);
        const filter = createFilter(query, descriptor.searchFields);
        let n = 0;
        for (const record of candidates) if (filter(record)) n++;
        return n;
      });
    },

    async commit(
      mutations: readonly Mutation[] | MutationStream,
      commitOptions: CommitOptions = {},
    ): Promise<CommitResult> {
      const stream = isMutationStream(mutations) ? mutations : null;
      const names = stream
        ? [...new Set(stream.collections)]
        : [...new Set((mutations as readonly Mutation[]).map((m) => m.collection))];
      names.forEach(descriptorOf);
      const total = stream ? stream.size : (mutations as readonly Mutation[]).length;
      if (total === 0) {
        if (stream) await collectMutations(stream); // an empty stream must produce nothing
        return { records: [] };
      }
      const db = await database();
      const at = commitOptions.at ?? new Date().toISOString();
      const tx = db.transaction(names, 'readwrite');
      // A failed write rejects `done` before the commit hears of it (from its chunk's last request).
      tx.done.catch(() => {});
      const scope = new Set(names);
      // Writes go to the native stores: one request per mutation, with no promise or listener of
      // its own. Requests of a transaction complete in the order they were made, so a chunk's last
      // request settling says the whole chunk is written; a failed request aborts the transaction.
      const nativeTx = unwrap(tx);
      const stores = new Map<string, IDBObjectStore>();
      const storeOf = (name: string): IDBObjectStore => {
        let store = stores.get(name);
        if (!store) stores.set(name, (store = nativeTx.objectStore(name)));
        return store;
      };
      const records: (StoredRecord | null)[] = [];
      const events: ChangeEvent[] = [];
      // The first error that decides the commit's outcome, thrown to the caller as is.
      let rejection: unknown = null;
      let rejected = false;
      const fail = (error: unknown): never => {
        if (!rejected) {
          rejected = true;
          rejection = error;
        }
        throw error;
      };
      // Chunks whose writes are queued and not yet confirmed, where a failed write is looked up:
      // an insert of an id that already exists is a ConflictError naming that record.
      const pending: { chunk: readonly Mutation[]; requests: IDBRequest[] }[] = [];
      nativeTx.addEventListener(
        'error',
        (event) => {
          const request = event.target as IDBRequest;
          if (rejected || request.error?.name !== 'ConstraintError') return;
          for (const { chunk, requests } of pending) {
            const m = chunk[requests.indexOf(request)];
            if (m?.type !== 'insert') continue;
            rejected = true;
            rejection = new ConflictError(
              m.collection,
              m.record.id,
              null,
              null,
              `${m.collection}/${m.record.id} already exists`,
            );
            return;
          }
        },
        // Before any other listener, so the failure is known when the commit settles.
        { capture: true },
      );
      // Chunks of at most `chunkSize`. A stream's next chunk is produced only here, after the
      // previous chunk's writes are queued and while they run: the producer (validation) works
      // while the database writes, and the transaction always has requests pending, so it stays
      // open (one transaction; an error aborts all of it).
      // Each chunk's work on this thread (producing it, cloning its records into requests) is
      // kept near CHUNK_TASK_MS: the next chunk is sized from how long the last one took.
      let limit = Math.min(chunkSize, 64);
      const chunks = pieces(
        stream ? stream.chunks : [mutations as readonly Mutation[]],
        () => limit,
      );
      let written = 0;
      // The previous chunk's writes: awaited only after the next chunk is queued, so the database
      // always has work queued and never waits for this thread between chunks.
      let inFlight: Promise<void> | null = null;
      try {
        for (;;) {
          const started = performance.now();
          let next: IteratorResult<readonly Mutation[]>;
          try {
            next = chunks.next();
          } catch (error) {
            fail(error);
          }
          if (next!.done) break;
          const chunk = next!.value;
          let reads = false;
          for (const m of chunk) {
            if (!scope.has(m.collection))
              fail(
                new StorageError(
                  'STORAGE_FAILED',
                  `A commit over ${names.join(', ')} produced a change of "${m.collection}"`,
                ),
              );
            if (m.type !== 'insert') reads = true;
          }
          // Time on this thread only: the reads below are waited for, not worked on.
          let took = performance.now() - started;
          // Updates and deletes need the current record: read all of them together. The reads are
          // queued after every earlier chunk's writes, so they see what this commit wrote there.
          // Inserts need no read: `add` rejects an existing id itself.
          const existing = reads
            ? await Promise.all(
                chunk.map((m) =>
                  m.type === 'insert'
                    ? undefined
                    : (tx
                        .objectStore(m.collection)
                        .get(m.type === 'delete' ? m.id : m.record.id) as Promise<
                        StoredRecord | undefined
                      >),
                ),
              )
            : null;
          // What this chunk has written so far, when a later mutation of it may touch the same
          // record (only chunks with updates or deletes read a record before writing it).
          const staged = reads ? new Map<string, StoredRecord | null>() : null;
          const requests: IDBRequest[] = [];
          const queueing = performance.now();
          for (let i = 0; i < chunk.length; i++) {
            const m = chunk[i]!;
            const store = storeOf(m.collection);
            const id = m.type === 'delete' ? m.id : m.record.id;
            let current: StoredRecord | null = null;
            const key = staged ? `${m.collection}\u0000${id}` : '';
            if (staged) current = (staged.has(key) ? staged.get(key) : existing![i]) ?? null;
            if (m.type === 'insert') {
              if (current)
                fail(
                  new ConflictError(
                    m.collection,
                    id,
                    null,
                    current.version,
                    `${m.collection}/${id} already exists`,
                  ),
                );
              const record = {
                ...m.record,
                id,
                version: 1,
                createdAt: at,
                updatedAt: at,
              } as StoredRecord;
              requests.push(store.add(record));
              staged?.set(key, record);
              records.push(record);
              events.push({
                type: 'created',
                collection: m.collection,
                id,
                version: 1,
                source: 'local',
              });
              continue;
            }
            if (!current) fail(new NotFoundError(m.collection, id));
            if (m.expectedVersion !== undefined && m.expectedVersion !== current!.version) {
              fail(new ConflictError(m.collection, id, m.expectedVersion, current!.version));
            }
            if (m.type === 'update') {
              const record = {
                ...m.record,
                id,
                version: current!.version + 1,
                createdAt: current!.createdAt,
                updatedAt: at,
              } as StoredRecord;
              requests.push(store.put(record));
              staged!.set(key, record);
              records.push(record);
              events.push({
                type: 'updated',
                collection: m.collection,
                id,
                version: record.version,
                source: 'local',
              });
            } else {
              requests.push(store.delete(id));
              staged!.set(key, null);
              records.push(null);
              events.push({
                type: 'deleted',
                collection: m.collection,
                id,
                version: current!.version,
                source: 'local',
              });
            }
          }
          written += chunk.length;
          took += performance.now() - queueing;
          limit = Math.max(
            16,
            Math.min(chunkSize, Math.round((chunk.length * CHUNK_TASK_MS) / Math.max(took, 1))),
          );
          const done = Math.min(written, total);
          const entry = { chunk, requests };
          pending.push(entry);
          const last = requests[requests.length - 1];
          const queued = (
            last
              ? new Promise<void>((resolve, reject) => {
                  last.onsuccess = () => resolve();
                  last.onerror = () => reject(last.error);
                })
              : Promise.resolve()
          ).then(() => {
            pending.splice(pending.indexOf(entry), 1);
            commitOptions.onProgress?.(done, total);
          });
          queued.catch(() => {});
          if (inFlight) await inFlight;
          inFlight = queued;
        }
        if (stream) {
          try {
            checkStreamSize(stream, written);
          } catch (error) {
            fail(error);
          }
        }
        if (inFlight) await inFlight;
        await tx.done;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // already aborted by the failed request
        }
        await tx.done.catch(() => {});
        if (rejected) throw rejection;
        throw StorageError.from(tx.error ?? error, `Committing ${total} changes`);
      }
      changed(events);
      changes.emit(events);
      if (channel) broadcast(events);
      return { records };
    },

    subscribe: changes.subscribe,

    async explain(collection, spec): Promise<QueryPlan> {
      const plan = planQuery(descriptorOf(collection), spec);
      const searched = spec.search?.trim()
        ? { search: searchIndex?.ready(collection) ? ('index' as const) : ('scan' as const) }
        : {};
      if (plan.kind === 'scan') return { strategy: 'scan', ...searched };
      return {
        strategy: 'index',
        index: plan.field,
        ordered: plan.kind === 'ordered',
        ...searched,
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      searchIndex?.close();
      await broadcasting; // other tabs still hear of every commit made before closing
      channel?.close();
      try {
        (await ready).close();
      } catch {
        // never opened
      }
    },
  };
  return adapter;
}

/** The mutations of `chunks` again, in chunks of at most `size()` (asked before each one). */
function* pieces(
  chunks: Iterable<readonly Mutation[]>,
  size: () => number,
): Generator<readonly Mutation[], void, undefined> {
  for (const chunk of chunks) {
    for (let start = 0; start < chunk.length;) {
      const end = Math.min(chunk.length, start + size());
      yield start === 0 && end === chunk.length ? chunk : chunk.slice(start, end);
      start = end;
    }
  }
}

/** True when the index ranges alone decide membership (`where` is just that one eq/in). */
function isExactlyCovered(
  where: Where | undefined,
  plan: Extract<IndexedPlan, { kind: 'candidates' }>,
): boolean {
  if (!where) return false;
  const keys = Object.keys(where).filter((k) => where[k] !== undefined);
  if (keys.length !== 1 || keys[0] !== plan.field) return false;
  const condition = where[plan.field] as Record<string, unknown>;
  const ops = Object.keys(condition);
  return ops.length === 1 && (ops[0] === 'eq' || ops[0] === 'in');
}

/**
 * Key range over `[field, id]` keys. `[v]` sorts before every `[v, id]` and `[v, []]` after
 * (arrays sort after strings), which turns bounds on the field into bounds on the compound key.
 * `after` narrows to keys strictly after (or before, descending) a cursor key.
 */
function toKeyRange(
  range: KeyRangeSpec,
  after?: { key: readonly [string | number, string]; direction: 'asc' | 'desc' },
): IDBKeyRange | 'empty' | undefined {
  let lower: { key: unknown[]; open: boolean } | undefined = range.lower
    ? {
        key: range.lower.open ? [range.lower.value, []] : [range.lower.value],
        open: range.lower.open,
      }
    : undefined;
  let upper: { key: unknown[]; open: boolean } | undefined = range.upper
    ? {
        key: range.upper.open ? [range.upper.value] : [range.upper.value, []],
        open: range.upper.open,
      }
    : undefined;
  if (after) {
    const bound = { key: [...after.key], open: true };
    if (after.direction === 'asc') {
      if (!lower || indexedDB.cmp(bound.key, lower.key) >= 0) lower = bound;
    } else if (!upper || indexedDB.cmp(bound.key, upper.key) <= 0) {
      upper = bound;
    }
  }
  if (lower && upper) {
    const c = indexedDB.cmp(lower.key, upper.key);
    if (c > 0 || (c === 0 && (lower.open || upper.open))) return 'empty';
    return IDBKeyRange.bound(lower.key, upper.key, lower.open, upper.open);
  }
  if (lower) return IDBKeyRange.lowerBound(lower.key, lower.open);
  if (upper) return IDBKeyRange.upperBound(upper.key, upper.open);
  return undefined;
}
