import { ValidationError, type ValidationIssue } from '../errors.js';
import type { ImportReport } from './import-records.js';

/**
 * Thrown by an all-or-nothing import with invalid rows (nothing was written). `issues[i].path`
 * starts with the row number (see {@link ImportReport}), then the field path; `report` has the
 * full picture.
 */
export class ImportValidationError extends ValidationError {
  readonly report: ImportReport;
  constructor(issues: readonly ValidationIssue[], report: ImportReport) {
    super(issues, `Import of ${report.entity}: ${report.invalid.length} invalid row(s)`);
    this.report = report;
  }
}
