import type { AggregateQuery, AggregateResult } from '../query/aggregate.js';
import type { CountQuery, QueryResult, QuerySpec } from '../query/query-spec.js';

/**
 * The storage contract every backend implements (memory, IndexedDB, REST). Small, async, request
 * objects — like Dexie's DBCore. Adapters know nothing of schemas, permissions or audit: the gateway
 * does all of that before anything reaches here.
 */

/** Every stored record carries these, assigned by the adapter on write. */
export interface StoredRecord {
  readonly id: string;
  /** 1 on insert, +1 per write. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly [field: string]: unknown;
}

/** A record as handed to `commit`: the adapter assigns `version` and the timestamps. */
export interface RecordData {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type Mutation =
  /** Fails with `ConflictError` if the id exists. */
  | { readonly type: 'insert'; readonly collection: string; readonly record: RecordData }
  /** Replaces the whole record. `NotFoundError` if missing; `ConflictError` on a version mismatch. */
  | {
      readonly type: 'update';
      readonly collection: string;
      readonly record: RecordData;
      readonly expectedVersion?: number;
    }
  | {
      readonly type: 'delete';
      readonly collection: string;
      readonly id: string;
      readonly expectedVersion?: number;
    };

/**
 * Mutations handed to `commit` a chunk at a time, produced as the adapter asks for them: an adapter
 * that writes in steps (IndexedDB) asks for the next chunk while the one before is being written,
 * so whoever produces them (the gateway, validating a large import) works while storage writes.
 * It is still one all-or-nothing commit: when producing a chunk throws, nothing of the commit is
 * stored and `commit` rejects with that error, unchanged. A commit iterates `chunks` once.
 */
export interface MutationStream {
  /** Every collection the mutations touch (an IndexedDB transaction names its stores up front). */
  readonly collections: readonly string[];
  /** How many mutations the chunks hold together; a different count fails the commit. */
  readonly size: number;
  /** The chunks, in order; producing one may throw to abandon the commit. */
  readonly chunks: Iterable<readonly Mutation[]>;
}

export interface CommitOptions {
  /** Timestamp for `createdAt` / `updatedAt` (ISO). Defaults to now; the gateway passes its clock. */
  readonly at?: string;
  /** Called as chunks of a large commit are written; `done` counts mutations. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CommitResult {
  /** One entry per mutation: the stored record, or `null` for a delete. */
  readonly records: readonly (StoredRecord | null)[];
}

export type ChangeType = 'created' | 'updated' | 'deleted';

export interface ChangeEvent {
  readonly type: ChangeType;
  readonly collection: string;
  readonly id: string;
  /** The version after the change; for `deleted`, the version that was removed. */
  readonly version: number;
  /** `local`: this adapter instance wrote it. `remote`: another tab or connection did. */
  readonly source: 'local' | 'remote';
}

export type ChangeListener = (changes: readonly ChangeEvent[]) => void;

export interface AdapterCapabilities {
  /** Backend name for diagnostics: `memory`, `indexeddb`, `rest`. */
  readonly kind: string;
  /** `commit` is all-or-nothing across collections. */
  readonly transactions: boolean;
  /** Changes made by other tabs or clients arrive through `subscribe` with `source: 'remote'`. */
  readonly crossContext: boolean;
  /** Data survives a reload. */
  readonly persistent: boolean;
  /** Fields per collection that the backend can use an index for (filter and order). */
  readonly indexes: Readonly<Record<string, readonly string[]>>;
}

/** How a query will be executed — for tests, diagnostics and benchmarks. */
export interface QueryPlan {
  /** `scan`: every record is read. `index`: candidates come from one index. */
  readonly strategy: 'scan' | 'index';
  readonly index?: string;
  /** The index also yields the requested order, so the walk stops after one page. */
  readonly ordered?: boolean;
  /** For a `search`: answered from a full-text index, or by matching every candidate's text. */
  readonly search?: 'index' | 'scan';
}

export interface StorageAdapter {
  readonly capabilities: AdapterCapabilities;
  get(collection: string, id: string): Promise<StoredRecord | null>;
  /** Same order as `ids`; `null` where missing. */
  getMany(collection: string, ids: readonly string[]): Promise<(StoredRecord | null)[]>;
  query(collection: string, spec: QuerySpec): Promise<QueryResult<StoredRecord>>;
  /** How many records match; `{}` or nothing counts all. */
  count(collection: string, query?: CountQuery): Promise<number>;
  /**
   * Optional: counts and sums per group of the records matching `query.where`, without returning
   * them. Without it the gateway reads the matches a page at a time and folds them.
   */
  aggregate?(collection: string, query: AggregateQuery): Promise<AggregateResult>;
  /** All-or-nothing, for a list or a {@link MutationStream} alike. */
  commit(
    mutations: readonly Mutation[] | MutationStream,
    options?: CommitOptions,
  ): Promise<CommitResult>;
  subscribe(listener: ChangeListener): () => void;
  /** Optional: how `query` would run. */
  explain?(collection: string, spec: QuerySpec): Promise<QueryPlan>;
  close(): Promise<void>;
}

/** Static description of a collection: what to index and what `search` looks at. */
export interface CollectionDescriptor {
  readonly name: string;
  /**
   * Fields to index. `sortable` indexes hold every record (the field is always present), so the
   * backend may also walk them for `orderBy`.
   */
  readonly indexes: readonly { readonly field: string; readonly sortable?: boolean }[];
  readonly searchFields: readonly string[];
}
