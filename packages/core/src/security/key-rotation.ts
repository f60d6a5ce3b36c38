import { ConflictError } from '../errors.js';
import { ENTITY_CATALOG, ENTITY_NAMES, type EntityName } from '../entities/catalog.js';
import type { Gateway } from '../gateway/gateway.js';
import type { RequestContext } from '../gateway/gateway-core.js';
import type { Mutation, StorageAdapter, StoredRecord } from '../storage/storage-adapter.js';
import { yieldToEventLoop } from '../yield-to-event-loop.js';
import { appendAudit } from './audit-log.js';
import type { FieldCipher } from './field-cipher.js';

export interface RotateKeyOptions {
  /** The new key's id (stored in each ciphertext); must differ from the current one. */
  readonly keyId: string;
  /** Records per all-or-nothing commit. Default 200. */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: {
    readonly entity: EntityName;
    readonly reencrypted: number;
    readonly scanned: number;
  }) => void;
}

export interface RotateKeyResult {
  /** Records rewritten under the new key (or encrypted for the first time). */
  readonly reencrypted: number;
  /** Records that were already current (e.g. done by an earlier, interrupted run). */
  readonly skipped: number;
}

const CHUNK_ATTEMPTS = 5;

/**
 * Re-encrypts every record's sensitive fields under `newKey`, chunk by chunk. New writes use the
 * new key from the moment this starts; the old key stays readable. Each chunk is one
 * all-or-nothing commit with `expectedVersion` per record, so a record edited meanwhile makes
 * only its chunk retry (re-read, re-encrypt). Resumable: records already under the new key are
 * skipped, so after an interruption (abort, crash, closed tab) call it again with the same key.
 * Plaintext left from before encryption was configured is encrypted on the way. One audit entry
 * per entity records the rotation.
 *
 * This is storage maintenance below the gateway's validation and record audit (values do not
 * change, only their ciphertext); `updatedAt` and `version` of rewritten records do change.
 */
export async function rotateEncryptionKey(
  env: {
    readonly adapter: StorageAdapter;
    readonly cipher: FieldCipher;
    readonly gateway: Gateway;
    readonly context: () => RequestContext;
  },
  newKey: CryptoKey,
  options: RotateKeyOptions,
): Promise<RotateKeyResult> {
  const { adapter, cipher } = env;
  const chunkSize = options.chunkSize ?? 200;
  if (options.keyId !== cipher.keyId) cipher.useKey(options.keyId, newKey);
  let reencrypted = 0;
  let skipped = 0;
  for (const entity of ENTITY_NAMES) {
    if (cipher.encryptedPaths(entity).length === 0) continue;
    const collection = ENTITY_CATALOG[entity].collection;
    let cursor: string | null = null;
    let scanned = 0;
    let done = 0;
    do {
      options.signal?.throwIfAborted();
      const page = await adapter.query(collection, {
        orderBy: [{ field: 'createdAt', direction: 'asc' }],
        limit: chunkSize,
        ...(cursor !== null && { cursor }),
      });
      scanned += page.items.length;
      let stale = page.items.filter((r) => !cipher.isCurrent(entity, r));
      skipped += page.items.length - stale.length;
      for (let attempt = 1; stale.length > 0; attempt++) {
        const mutations: Mutation[] = await Promise.all(
          stale.map(async (record): Promise<Mutation> => {
            const { id, version, createdAt, updatedAt, ...plain } = await cipher.decryptRecord(
              entity,
              record,
            );
            void createdAt;
            void updatedAt;
            return {
              type: 'update',
              collection,
              record: { ...(await cipher.encryptRecord(entity, id, plain)), id },
              expectedVersion: version,
            };
          }),
        );
        try {
          await adapter.commit(mutations, { at: env.context().now });
          done += stale.length;
          break;
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt >= CHUNK_ATTEMPTS) throw error;
          // Someone wrote one of these meanwhile: re-read the chunk and redo what is still stale.
          const fresh = await adapter.getMany(
            collection,
            stale.map((r) => r.id),
          );
          stale = fresh.filter(
            (r): r is StoredRecord => r !== null && !cipher.isCurrent(entity, r),
          );
        }
      }
      options.onProgress?.({ entity, reencrypted: done, scanned });
      cursor = page.nextCursor;
      await yieldToEventLoop();
    } while (cursor !== null);
    reencrypted += done;
    if (done > 0)
      await appendAudit(env.gateway, env.context(), [
        {
          action: 'update',
          entity,
          reason: `encryption key rotated to "${options.keyId}": ${done} records re-encrypted`,
        },
      ]);
  }
  return { reencrypted, skipped };
}
