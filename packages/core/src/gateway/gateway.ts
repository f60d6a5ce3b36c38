import type { CustomFieldDefinition } from '../entities/custom-field.js';
import { ENTITY_CATALOG, type EntityName } from '../entities/catalog.js';
import type { AggregateQuery, AggregateResult } from '../query/aggregate.js';
import type { QueryResult, QuerySpec, Where } from '../query/query-spec.js';
import type { StorageAdapter, StoredRecord } from '../storage/storage-adapter.js';
import { AUDIT_BATCH_ABOVE, auditStage } from './audit-stage.js';
import { authorizeStage } from './authorize-stage.js';
import { commitStage } from './commit-stage.js';
import { fieldPolicyStage } from './field-policy-stage.js';
import type {
  GatewayCore,
  GatewayEnvironment,
  GatewayStage,
  RequestContext,
  WriteIntent,
} from './gateway-core.js';
import type { AuditWriteOptions } from '../security/audit-log.js';
import type { FieldCipher } from '../security/field-cipher.js';
import type { Policy } from './policy.js';
import { createValidateStage, prepareOperations, streamCreates } from './validate-stage.js';

type CreateIntent = Extract<WriteIntent, { type: 'create' }>;

/** The one door to storage. Every repository and domain operation goes through it. */
export interface Gateway {
  /** Validates, authorizes and commits `intents` all-or-nothing. */
  write(
    ctx: RequestContext,
    intents: readonly WriteIntent[],
    options?: {
      onProgress?: (done: number, total: number) => void;
      /** Audit labelling and extra entries, committed with the write (security/audit-log.ts). */
      audit?: AuditWriteOptions;
    },
  ): Promise<(StoredRecord | null)[]>;
  get(
    ctx: RequestContext,
    entity: EntityName,
    ids: readonly string[],
  ): Promise<(StoredRecord | null)[]>;
  query(
    ctx: RequestContext,
    entity: EntityName,
    spec: QuerySpec,
  ): Promise<QueryResult<StoredRecord>>;
  count(ctx: RequestContext, entity: EntityName, where?: Where, search?: string): Promise<number>;
  /** Counts and sums per group of the records the principal may see (query/aggregate.ts). */
  aggregate(
    ctx: RequestContext,
    entity: EntityName,
    query: AggregateQuery,
  ): Promise<AggregateResult>;
  /** The stage names in request order, for diagnostics. */
  readonly stages: readonly string[];
  dispose(): void;
}

export interface GatewayOptions {
  readonly adapter: StorageAdapter;
  readonly policy: Policy;
  readonly newId: () => string;
  /** Field encryption (built by `createFieldCipher` from `CrmOptions.encryption`). */
  readonly cipher?: FieldCipher;
  /**
   * The encryption stage (`encryptStage` of gateway/encrypt-stage.ts), required with `cipher`.
   * Passed in rather than imported, so the encryption code loads only when it is configured.
   */
  readonly encryptStage?: GatewayStage;
}

/** Where the encryption stage goes when there is no cipher: values pass through unchanged. */
const noEncryption: GatewayStage = { name: 'encrypt', create: (next) => next };

export function createGateway({
  adapter,
  policy,
  newId,
  cipher,
  encryptStage,
}: GatewayOptions): Gateway {
  if (cipher && !encryptStage) throw new Error('createGateway: a cipher needs its encryptStage');
  const env: GatewayEnvironment = { adapter, policy, newId, ...(cipher && { cipher }) };
  /** Below validation, in request order; the adapter sits under the last one. */
  const stages: readonly GatewayStage[] = [
    authorizeStage,
    fieldPolicyStage,
    encryptStage ?? noEncryption,
    auditStage,
    commitStage,
  ];
  // Compose bottom-up: each stage wraps the core beneath it.
  let below: GatewayCore = undefined as unknown as GatewayCore;
  for (const stage of [...stages].reverse()) below = stage.create(below, env);

  // Custom field definitions, cached per entity until the customFields collection changes.
  const definitionCache = new Map<EntityName, Promise<readonly CustomFieldDefinition[]>>();
  const unsubscribe = adapter.subscribe((changes) => {
    if (changes.some((c) => c.collection === ENTITY_CATALOG.customFieldDefinition.collection))
      definitionCache.clear();
  });
  const customFields = (entity: EntityName): Promise<readonly CustomFieldDefinition[]> => {
    let cached = definitionCache.get(entity);
    if (!cached) {
      cached = adapter
        .query(ENTITY_CATALOG.customFieldDefinition.collection, {
          where: { entity: { eq: entity } },
          limit: 1000,
        })
        .then((result) => result.items as unknown as CustomFieldDefinition[]);
      cached.catch(() => definitionCache.delete(entity));
      definitionCache.set(entity, cached);
    }
    return cached;
  };
  const validateOptions = { customFields, newId };
  /**
   * Large batches of creates stream their validation into the commit, when nothing needs the whole
   * batch first: audit entries per batch (not per record, which diff each record) and no
   * encrypted fields (encryption is asynchronous, and an IndexedDB transaction cannot wait for it).
   */
  const streams = (intents: readonly WriteIntent[], audit: AuditWriteOptions | undefined) => {
    if (intents.length <= AUDIT_BATCH_ABOVE || (audit?.granularity ?? 'batch') !== 'batch')
      return false;
    const entities = new Set<EntityName>();
    for (const intent of intents) {
      if (intent.type !== 'create') return false;
      entities.add(intent.entity);
    }
    return !cipher || [...entities].every((e) => cipher.encryptedPaths(e).length === 0);
  };
  const top = createValidateStage().create(below, env);

  return {
    async write(ctx, intents, options = {}) {
      const rest = {
        ...(options.onProgress && { onProgress: options.onProgress }),
        ...(options.audit && { audit: options.audit }),
      };
      if (!streams(intents, options.audit)) {
        const operations = await prepareOperations(below, ctx, intents, validateOptions);
        return top.write({ ctx, operations, ...rest });
      }
      // Validated a chunk at a time while the chunk before is written, in the same commit.
      const stream = await streamCreates(intents as CreateIntent[], validateOptions);
      try {
        return await top.write({ ctx, operations: stream, ...rest });
      } catch (error) {
        // Reported as a write that validated first would: every issue of the batch, if any.
        throw (await stream.failure()) ?? error;
      }
    },
    get: (ctx, entity, ids) => read(() => top.get({ ctx, entity, ids })),
    query: (ctx, entity, spec) => read(() => top.query({ ctx, entity, spec })),
    count: (ctx, entity, where, search) =>
      read(() => top.count({ ctx, entity, ...(where && { where }), ...(search && { search }) })),
    aggregate: (ctx, entity, query) => read(() => top.aggregate({ ctx, entity, query })),
    stages: ['validate', ...stages.map((s) => s.name)],
    dispose: unsubscribe,
  };
}

/**
 * Starts a read. Read stages pass a request on without an await of their own (a read crosses
 * the stack in one synchronous descent and one promise back), so a refusal or invalid input
 * may be thrown before any promise exists: here it becomes the rejection callers expect.
 */
function read<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}
