import type { DomainContext } from '../client/domain-context.js';
import type { EntityName } from '../entities/registry.js';
import { ValidationError } from '../errors.js';
import type { Policy } from '../gateway/policy.js';
import type { ImportMapping } from './column-mapping.js';
import { createBackup, type BackupOptions } from './create-backup.js';
import type { DedupeEntity } from './duplicate-keys.js';
import { exportCsv, exportJson, streamToText, type ExportOptions } from './export-records.js';
import {
  findDuplicateGroups,
  type DuplicateGroup,
  type FindDuplicatesOptions,
} from './find-duplicate-groups.js';
import { importRecords, type ImportOptions, type ImportReport } from './import-records.js';
import { jsonRowSource } from './json-row-source.js';
import { mergeRecords, type MergeResult } from './merge-records.js';
import type { CsvSource } from './parse-csv.js';
import {
  restoreBackup,
  type RestoreOptions,
  type RestoreReport,
  type SnapshotSource,
} from './restore-backup.js';

/** Options of `importCsv`: a mapping is required (CSV headers are rarely field names). */
export type CsvImportOptions = ImportOptions & { readonly mapping: ImportMapping };

/**
 * `crm.io`: import, export, backup and restore — all through the gateway, so validation,
 * permissions, masking and the audit log apply. Dedupe and merge live on the repositories:
 * `crm.customers.findDuplicates()` / `crm.customers.merge(targetId, sourceId)` (and contacts).
 */
export interface CrmIo {
  /**
   * Imports CSV rows as records of `entity` through a column mapping.
   *
   * @example
   * ```ts
   * const report = await crm.io.importCsv('customer', file, {
   *   mapping: { columns: [{ from: '公司名称', to: 'name' }, { from: '电话', to: 'phones[]', transform: { phone: 'work' } }] },
   *   duplicates: 'merge',
   *   onProgress: ({ phase, done, total }) => console.log(phase, done, total),
   * });
   * ```
   * @throws ImportValidationError (all-or-nothing with invalid rows; nothing written),
   *   CancelledError, PermissionError (no `import` permission), ConflictError
   */
  importCsv(
    entity: EntityName,
    source: CsvSource,
    options: CsvImportOptions,
  ): Promise<ImportReport>;
  /** Imports a JSON array (or its text); without a mapping each object is taken as the input. */
  importJson(
    entity: EntityName,
    source: string | readonly unknown[],
    options?: ImportOptions,
  ): Promise<ImportReport>;
  /** CSV (BOM, RFC 4180, CRLF, formula-safe), streamed a page per chunk. @throws PermissionError */
  exportCsv(entity: EntityName, options?: ExportOptions): Promise<ReadableStream<string>>;
  /** The same CSV as one string. */
  exportCsvText(entity: EntityName, options?: ExportOptions): Promise<string>;
  /** A JSON array, streamed a page per chunk. @throws PermissionError */
  exportJson(entity: EntityName, options?: ExportOptions): Promise<ReadableStream<string>>;
  /** A full snapshot as JSON-lines chunks (administrator only). */
  backup(options?: BackupOptions): AsyncGenerator<string>;
  /** The same snapshot as one string. */
  backupText(options?: BackupOptions): Promise<string>;
  /** Restores a snapshot (administrator only); `{ mode: 'replace' }` to overwrite a non-empty store. */
  restore(snapshot: SnapshotSource, options?: RestoreOptions): Promise<RestoreReport>;
}

/** `findDuplicates` and `merge`, merged into `crm.customers` and `crm.contacts`. */
export interface DedupeOperations<E extends DedupeEntity> {
  /** Groups of probable duplicates (same phone, email, or company name) with the reason per pair. */
  findDuplicates(options?: FindDuplicatesOptions): Promise<DuplicateGroup[]>;
  /** Merges `sourceId` into `targetId` atomically: fields, links, then the source is deleted. */
  merge(targetId: string, sourceId: string): Promise<MergeResult<E>>;
}

/** Builds `crm.io` and the dedupe operations over a client's domain context. */
export function createCrmIo(
  domain: DomainContext,
  policy?: Policy,
): {
  io: CrmIo;
  customers: DedupeOperations<'customer'>;
  contacts: DedupeOperations<'contact'>;
} {
  const dedupe = <E extends DedupeEntity>(entity: E): DedupeOperations<E> => ({
    findDuplicates: (options) => findDuplicateGroups(domain, entity, options),
    merge: (targetId, sourceId) => mergeRecords(domain, policy, entity, targetId, sourceId),
  });
  const io: CrmIo = {
    async importCsv(entity, source, options) {
      if (!options?.mapping)
        throw new ValidationError([{ path: ['mapping'], message: 'Give a column mapping' }]);
      // The CSV reader loads only when a CSV is imported.
      const [{ readCsvText }, { csvRowSource }] = await Promise.all([
        import('./parse-csv.js'),
        import('./csv-row-source.js'),
      ]);
      const text = await readCsvText(source);
      return importRecords(domain, entity, csvRowSource(text), {
        ...options,
        ...(policy && { policy }),
      });
    },
    async importJson(entity, source, options = {}) {
      return importRecords(domain, entity, jsonRowSource(source), {
        ...options,
        ...(policy && { policy }),
      });
    },
    exportCsv: (entity, options) => exportCsv(domain, policy, entity, options),
    exportCsvText: async (entity, options) =>
      streamToText(await exportCsv(domain, policy, entity, options)),
    exportJson: (entity, options) => exportJson(domain, policy, entity, options),
    backup: (options) => createBackup(domain, policy, options),
    async backupText(options) {
      const parts: string[] = [];
      for await (const chunk of createBackup(domain, policy, options)) parts.push(chunk);
      return parts.join('');
    },
    restore: (snapshot, options) => restoreBackup(domain, policy, snapshot, options),
  };
  return { io, customers: dedupe('customer'), contacts: dedupe('contact') };
}
