import type { IDBPDatabase } from 'idb';
import type { CountQuery, QueryResult, QuerySpec } from '../query/query-spec.js';
import type { ChangeListener, CollectionDescriptor, StoredRecord } from './storage-adapter.js';

export interface IndexedDbSearchOptions {
  /**
   * Collections with fewer records are scanned; the first search of a larger one starts its
   * index (scanning until it is built). Default 2000; 0 indexes every collection searched.
   */
  readonly minRecords?: number;
  /**
   * Build and answer in a dedicated module Worker (the default where `Worker` exists). `false`,
   * no `Worker`, or a worker that fails to start (a Content-Security-Policy that allows neither
   * `worker-src 'self'` nor `script-src 'self'`): on the main thread, in steps that yield to the
   * event loop.
   */
  readonly worker?: boolean;
}

export interface IndexedDbSearch {
  /** The answer to a query with a `search`, or `null`: no index (yet), scan. */
  query(
    db: IDBPDatabase,
    collection: string,
    spec: QuerySpec,
  ): Promise<QueryResult<StoredRecord> | null>;
  count(db: IDBPDatabase, collection: string, query: CountQuery): Promise<number | null>;
  /** Whether `collection`'s searches are answered from its index. */
  ready(collection: string): boolean;
  /** Starts `collection`'s index if it is large enough, as a search would. */
  prepare(db: IDBPDatabase, collection: string): void;
  close(): void;
}

/**
 * The IndexedDB adapter's full-text search (search-client.ts), loaded with the first search so
 * pages that never search do not download it; searches scan until it is loaded.
 */
export function createIndexedDbSearch(options: {
  readonly name: string;
  readonly descriptors: ReadonlyMap<string, CollectionDescriptor>;
  readonly subscribe: (listener: ChangeListener) => () => void;
  readonly searchIndex?: IndexedDbSearchOptions;
}): IndexedDbSearch {
  let client: IndexedDbSearch | null = null;
  let loading = false;
  let closed = false;
  /** Collections searched while the client loads: their indexes start as soon as it is here. */
  const waiting = new Map<string, IDBPDatabase>();
  const load = (db: IDBPDatabase, collection: string): Promise<null> => {
    waiting.set(collection, db);
    if (!loading) {
      loading = true;
      import('./search-client.js').then(
        ({ createSearchClient }) => {
          if (closed) return;
          client = createSearchClient(options);
          for (const [name, connection] of waiting) client.prepare(connection, name);
          waiting.clear();
        },
        () => {}, // stays on the scan
      );
    }
    return Promise.resolve(null);
  };
  return {
    query: (db, collection, spec) =>
      client ? client.query(db, collection, spec) : load(db, collection),
    count: (db, collection, query) =>
      client ? client.count(db, collection, query) : load(db, collection),
    ready: (collection) => client?.ready(collection) ?? false,
    prepare: (db, collection) =>
      client ? client.prepare(db, collection) : void load(db, collection),
    close: () => {
      closed = true;
      client?.close();
    },
  };
}
