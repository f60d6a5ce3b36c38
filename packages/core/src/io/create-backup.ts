import type { DomainContext } from '../client/domain-context.js';
import { ENTITY_CATALOG, ENTITY_NAMES, type EntityName } from '../entities/catalog.js';
import type { Policy } from '../gateway/policy.js';
import { appendAudit } from '../security/audit-log.js';
import { INDEXEDDB_SCHEMA_VERSION } from '../storage/collections.js';
import { requireAdministrator } from './admin-check.js';
import { readAll } from './read-all.js';

/** The snapshot layout this build writes and the newest it reads. */
export const SNAPSHOT_FORMAT_VERSION = 1;
export const SNAPSHOT_FORMAT = 'rapport-backup';

/** The first line of a snapshot. */
export interface SnapshotHeader {
  readonly format: typeof SNAPSHOT_FORMAT;
  /** Layout of the snapshot file itself. */
  readonly formatVersion: number;
  /** The storage schema (`INDEXEDDB_SCHEMA_VERSION`) of the store it was taken from. */
  readonly schemaVersion: number;
  readonly createdAt: string;
  /** Who took it. */
  readonly principalId: string;
}

/** One record line: `{"entity":"customer","record":{…}}`. The last line is `{"end":true,"records":N}`. */
export interface SnapshotRecordLine {
  readonly entity: EntityName;
  readonly record: Record<string, unknown>;
}

/** Entities a backup holds: every one, the audit log included (for the record; see restore). */
export const BACKUP_ENTITIES: readonly EntityName[] = ENTITY_NAMES;

export interface BackupOptions {
  readonly signal?: AbortSignal;
  /** Records written so far (counts are not known up front without a count per entity). */
  readonly onProgress?: (done: number) => void;
}

/**
 * A full snapshot as JSON lines, streamed one page of records per chunk: a header line with the
 * format and schema versions, a line per record (`{"entity","record"}` with its id, version and
 * timestamps), and an end line with the record count, so a truncated file is detected on restore.
 *
 * Records are read through the gateway, decrypted; the principal must be an administrator (see
 * `requireAdministrator`): a backup of masked data could not be restored. A snapshot therefore
 * holds sensitive values in plaintext — keep it as carefully as the database. Each entity's
 * export is audited (`'export'`, reason `backup`) before anything is read.
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * for await (const chunk of crm.io.backup()) chunks.push(chunk);
 * const file = new Blob(chunks, { type: 'application/x-ndjson' });
 * ```
 * @throws PermissionError when the principal is not an administrator
 */
export async function* createBackup(
  domain: DomainContext,
  policy: Policy | undefined,
  options: BackupOptions = {},
): AsyncGenerator<string> {
  const ctx = domain.context();
  requireAdministrator(policy, ctx.principal, 'backup', BACKUP_ENTITIES, ['read', 'export']);
  await appendAudit(
    domain.gateway,
    ctx,
    BACKUP_ENTITIES.filter((e) => ENTITY_CATALOG[e].repository !== null).map((entity) => ({
      action: 'export' as const,
      entity,
      reason: 'backup',
    })),
  );
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    schemaVersion: INDEXEDDB_SCHEMA_VERSION,
    createdAt: ctx.now,
    principalId: ctx.principal.id,
  };
  yield `${JSON.stringify(header)}\n`;
  let records = 0;
  for (const entity of BACKUP_ENTITIES) {
    for await (const page of readAll(domain, entity, {}, options.signal, ctx)) {
      records += page.length;
      yield page.map((record) => `${JSON.stringify({ entity, record })}\n`).join('');
      options.onProgress?.(records);
    }
  }
  yield `${JSON.stringify({ end: true, records })}\n`;
}
