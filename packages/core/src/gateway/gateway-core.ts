import type { EntityName } from '../entities/registry.js';
import type { AggregateQuery, AggregateResult } from '../query/aggregate.js';
import type { QueryResult, QuerySpec, Where } from '../query/query-spec.js';
import type { StorageAdapter, StoredRecord } from '../storage/storage-adapter.js';
import type { AuditWriteOptions } from '../security/audit-log.js';
import type { FieldCipher } from '../security/field-cipher.js';
import type { Policy } from './policy.js';
import type { Principal } from './principal.js';

/**
 * The gateway is a stack of stages over the storage adapter, composed like Dexie's DBCore
 * middleware: each stage receives the core below it and returns a core that adds one rule.
 * Requests enter at the top (validate) and reach the adapter at the bottom (commit); read
 * results travel back up, so decryption happens before masking and masking before scope checks.
 *
 *   validate → authorize → field policy → encrypt/decrypt → audit → commit → StorageAdapter
 */

/** Who is asking, and when. */
export interface RequestContext {
  readonly principal: Principal;
  /** The gateway clock's reading for this request (ISO). */
  readonly now: string;
}

export interface CreateOperation {
  readonly type: 'create';
  readonly entity: EntityName;
  readonly id: string;
  /** The validated record data (defaults applied). */
  readonly data: Record<string, unknown>;
  /** The fields the caller actually supplied (defaults excluded). */
  readonly provided: readonly string[];
  /** `data` before the encrypt stage replaced sensitive values; for the audit stage's diff. */
  readonly plain?: Record<string, unknown>;
}

export interface UpdateOperation {
  readonly type: 'update';
  readonly entity: EntityName;
  readonly id: string;
  /** Raw patch as the caller sent it (`null` clears a field). */
  readonly patch: Record<string, unknown>;
  /** The full record after the patch; set by the validate stage. */
  readonly data: Record<string, unknown>;
  /** The current record in plaintext; set by the validate stage. */
  readonly before: StoredRecord;
  readonly expectedVersion?: number;
  /** `data` before the encrypt stage replaced sensitive values; for the audit stage's diff. */
  readonly plain?: Record<string, unknown>;
}

export interface DeleteOperation {
  readonly type: 'delete';
  readonly entity: EntityName;
  readonly id: string;
  readonly before: StoredRecord;
  readonly expectedVersion?: number;
}

export type WriteOperation = CreateOperation | UpdateOperation | DeleteOperation;

/** What repositories send: intent only; `before`/`data` are filled in by the validate stage. */
export type WriteIntent =
  | { readonly type: 'create'; readonly entity: EntityName; readonly input: unknown }
  | {
      readonly type: 'update';
      readonly entity: EntityName;
      readonly id: string;
      readonly patch: unknown;
      readonly expectedVersion?: number;
    }
  | {
      readonly type: 'delete';
      readonly entity: EntityName;
      readonly id: string;
      readonly expectedVersion?: number;
    };

/**
 * The creates of a large batch, validated a chunk at a time as storage asks for them (see
 * `MutationStream`): validation of one chunk runs while the chunk before is written, in the same
 * all-or-nothing commit. What is known before any record is validated — how many creates of which
 * entity — is here for the stages that need it up front (audit, permission).
 */
export interface CreateStream {
  readonly kind: 'stream';
  /** Creates per entity. */
  readonly counts: ReadonlyMap<EntityName, number>;
  readonly size: number;
  /** The entity of the create at `index` (intent order). */
  entityAt(index: number): EntityName;
  /**
   * Validated creates, in intent order, a chunk at a time, produced synchronously. Producing a
   * chunk with an invalid record throws a `ValidationError` (the commit is then abandoned).
   * Each iteration validates from the start, so a retried commit can iterate again.
   */
  readonly chunks: Iterable<readonly CreateOperation[]>;
}

export interface WriteRequest {
  readonly ctx: RequestContext;
  /** A list, or a stream of creates (large create-only batches; see {@link CreateStream}). */
  readonly operations: readonly WriteOperation[] | CreateStream;
  /** Extra records to write in the same transaction (audit entries, links); not re-validated. */
  readonly extra?: readonly import('../storage/storage-adapter.js').Mutation[];
  readonly onProgress?: (done: number, total: number) => void;
  /** How the audit stage labels this write, and extra entries to append (see security/audit-log.ts). */
  readonly audit?: AuditWriteOptions;
}

export interface GetRequest {
  readonly ctx: RequestContext;
  readonly entity: EntityName;
  readonly ids: readonly string[];
}

export interface QueryRequest {
  readonly ctx: RequestContext;
  readonly entity: EntityName;
  readonly spec: QuerySpec;
  /** Set by the authorize stage: the principal's record scope, ANDed with `spec.where` at commit. */
  readonly scope?: Where;
}

export interface AggregateRequest {
  readonly ctx: RequestContext;
  readonly entity: EntityName;
  readonly query: AggregateQuery;
  /** Set by the authorize stage: the principal's record scope, ANDed with `query.where` at commit. */
  readonly scope?: Where;
}

export interface CountRequest {
  readonly ctx: RequestContext;
  readonly entity: EntityName;
  readonly where?: Where;
  readonly search?: string;
  /** Set by the field-policy stage: search only these fields. */
  readonly searchFields?: readonly string[];
  /** Set by the authorize stage: the principal's record scope, ANDed with `where` at commit. */
  readonly scope?: Where;
}

export interface GatewayCore {
  /** All-or-nothing. Returns the stored records (as the caller may see them), `null` for deletes. */
  write(request: WriteRequest): Promise<(StoredRecord | null)[]>;
  get(request: GetRequest): Promise<(StoredRecord | null)[]>;
  query(request: QueryRequest): Promise<QueryResult<StoredRecord>>;
  count(request: CountRequest): Promise<number>;
  /**
   * Counts and sums per group over the records the caller may see, as they see them: the same
   * figures as folding every matching record `query` returns.
   */
  aggregate(request: AggregateRequest): Promise<AggregateResult>;
  /**
   * Current records for a write, in plaintext, unmasked and unfiltered: only stages below the
   * caller touch them (decryption). Never returned to callers.
   */
  loadCurrent(request: GetRequest): Promise<(StoredRecord | null)[]>;
}

/** What every stage may use. */
export interface GatewayEnvironment {
  readonly adapter: StorageAdapter;
  readonly policy: Policy;
  readonly newId: () => string;
  /** Field encryption for the encrypt stage; absent: values are stored as given. */
  readonly cipher?: FieldCipher;
}

export interface GatewayStage {
  readonly name:
    'validate' | 'authorize' | 'fieldPolicy' | 'encrypt' | 'audit' | 'commit' | (string & {});
  create(next: GatewayCore, env: GatewayEnvironment): GatewayCore;
}
