// @rapport/core/io — import and export helpers: column mappings (ATOMIC_CRM_CONTACTS_MAPPING),
// safe CSV formatting, backup snapshots, duplicate keys and merging. `crm` loads this code on first
// use (crm.io.*, findDuplicates, merge); the CSV reader loads later still, on the first CSV import.
// Every type is exported from `@rapport/core` too. Explicit named re-exports only.

export type { DomainContext } from '../client/domain-context.js';
export type { CrmIo, CsvImportOptions, DedupeOperations } from './crm-io.js';
export type {
  ImportOptions,
  ImportReport,
  ImportProgress,
  ImportMode,
  DuplicateAction,
  DuplicateRow,
  SkippedRow,
} from './import-records.js';
export type { ImportMapping, ColumnRule, CellTransform, MappingWarning } from './column-mapping.js';
export { ATOMIC_CRM_CONTACTS_MAPPING } from './atomic-crm-contacts-mapping.js';
export { CSV_BOM, formatCsvRow, formatCsvCell, neutralizeFormula } from './csv-format.js';
export { defaultExportColumns } from './export-records.js';
export type { ExportOptions, ExportColumn } from './export-records.js';
export { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from './create-backup.js';
export type { SnapshotHeader, BackupOptions } from './create-backup.js';
export type { RestoreOptions, RestoreReport, SnapshotSource } from './restore-backup.js';
export { duplicateKeys } from './duplicate-keys.js';
export type { DuplicateReason, DedupeEntity } from './duplicate-keys.js';
export type {
  DuplicateGroup,
  DuplicatePair,
  FindDuplicatesOptions,
} from './find-duplicate-groups.js';
export { MERGE_LINKS } from './merge-records.js';
export type { MergeResult } from './merge-records.js';
export { mergeFields } from './merge-fields.js';
export type { CsvSource } from './parse-csv.js';
