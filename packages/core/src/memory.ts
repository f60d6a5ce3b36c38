// @rapport/core/memory — storage without the client: the memory adapter and its test wrappers,
// the reference query engine (filters, ordering, keyset cursors, CJK search), the error classes
// and the storage and query types. For hosts and tests that want a StorageAdapter or the query
// model alone; no IndexedDB, gateway, entity schemas or domains. Everything here is exported
// from `@rapport/core` as well, except `withLatency` and `withFaults`, which are only here.
// Explicit named re-exports only.

// Storage
export { createMemoryAdapter } from './storage/memory-adapter.js';
export type { MemoryAdapterOptions } from './storage/memory-adapter.js';
export { withLatency } from './storage/with-latency.js';
export type { AdapterOperation, Latency } from './storage/with-latency.js';
export { withFaults } from './storage/with-faults.js';
export type { FaultPlan, FaultRule, FaultCall } from './storage/with-faults.js';
export { COLLECTIONS } from './storage/collections.js';
export type {
  StorageAdapter,
  StoredRecord,
  RecordData,
  Mutation,
  CommitOptions,
  CommitResult,
  ChangeEvent,
  ChangeType,
  ChangeListener,
  AdapterCapabilities,
  QueryPlan,
  CollectionDescriptor,
} from './storage/storage-adapter.js';

// Query engine
export type {
  QuerySpec,
  QueryResult,
  Where,
  FieldCondition,
  OrderBy,
  Scalar,
} from './query/query-spec.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './query/query-spec.js';
export { matchesWhere } from './query/where.js';
export { runQuery } from './query/run-query.js';
export { normalizeText, normalizePhone } from './query/normalize.js';

// Errors
export {
  CrmError,
  ValidationError,
  NotFoundError,
  ConflictError,
  PermissionError,
  StorageError,
  DecryptionError,
  LimitError,
  CancelledError,
} from './errors.js';
export type { CrmErrorCode, ValidationIssue } from './errors.js';
