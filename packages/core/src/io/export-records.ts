import type { z } from 'zod';
import type { DomainContext } from '../client/domain-context.js';
import { ENTITIES, type EntityName } from '../entities/registry.js';
import { ValidationError } from '../errors.js';
import { grantedScopes, scopeFilter, type Policy } from '../gateway/policy.js';
import { readPath } from '../query/field-path.js';
import { MAX_LIMIT, type QuerySpec, type Where } from '../query/query-spec.js';
import { appendAudit } from '../security/audit-log.js';
import type { StoredRecord } from '../storage/storage-adapter.js';
import { CSV_BOM, formatCsvRow } from './csv-format.js';
import { readAll } from './read-all.js';

/** One exported column: a dotted field path (`region.city`, `phones.number`, `customFields.level`). */
export interface ExportColumn {
  readonly field: string;
  /** The header cell; default: the field path. */
  readonly header?: string;
}

export interface ExportOptions {
  /** Which records: filter, search and order as in `list` (no `limit` / `cursor`: every match). */
  readonly query?: Omit<QuerySpec, 'limit' | 'cursor' | 'searchFields'>;
  /** Default: `id`, every field of the entity, `createdAt`, `updatedAt`. */
  readonly columns?: readonly (string | ExportColumn)[];
  /** Joins list values in one cell. Default `'; '`. */
  readonly listSeparator?: string;
  /** Records per chunk of the stream; default and maximum 10,000. */
  readonly pageSize?: number;
  /** Stops the stream at the next page; the consumer sees an error. */
  readonly signal?: AbortSignal;
  /** Shown in the audit entry (e.g. the file name). */
  readonly label?: string;
}

const SYSTEM_COLUMNS = ['createdAt', 'updatedAt'];

/** The default columns of an entity: id, its input fields, timestamps. */
export function defaultExportColumns(entity: EntityName): string[] {
  const shape = (ENTITIES[entity].input as unknown as z.ZodObject).shape;
  return ['id', ...Object.keys(shape), ...SYSTEM_COLUMNS];
}

function normalizeColumns(entity: EntityName, columns: ExportOptions['columns']): ExportColumn[] {
  const list = (columns ?? defaultExportColumns(entity)).map((c) =>
    typeof c === 'string' ? { field: c } : c,
  );
  const issues = list.flatMap((c, i) =>
    typeof c?.field === 'string' && /^[A-Za-z_][\w]*(\.[\w]+)*$/.test(c.field)
      ? []
      : [{ path: ['columns', i], message: 'Give a dotted field path such as region.city' }],
  );
  if (issues.length) throw new ValidationError(issues, 'Invalid export columns');
  return list;
}

/** One value as cell text: lists joined, phones by number, objects as JSON. */
export function cellText(value: unknown, separator = '; '): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    return value
      .map((v) => cellText(v, separator))
      .filter((s) => s !== '')
      .join(separator);
  }
  if (typeof value === 'object') {
    const number = (value as { number?: unknown }).number;
    return typeof number === 'string' ? number : JSON.stringify(value);
  }
  return String(value);
}

/** Where the principal's records for export: the query's filter AND the `export` scope. */
function exportWhere(
  domain: DomainContext,
  policy: Policy | undefined,
  entity: EntityName,
  where: Where | undefined,
): Where | undefined {
  if (!policy) return where;
  const principal = domain.context().principal;
  const scope = scopeFilter(grantedScopes(policy, principal, 'export', entity), principal, entity);
  if (!scope) return where;
  return where && Object.keys(where).length ? { and: [where, scope] } : scope;
}

/**
 * Starts an export: checks and audits the `export` permission (an `'export'` audit entry with the
 * row count is committed before any data is handed out), then returns the records as a stream
 * that reads one page at a time through the gateway — record scope, the narrower `export` scope
 * and field masking all apply, so an export never shows more than the principal may see.
 */
async function startExport(
  domain: DomainContext,
  policy: Policy | undefined,
  entity: EntityName,
  options: ExportOptions,
  format: 'CSV' | 'JSON',
): Promise<{ pages: AsyncGenerator<StoredRecord[]>; columns: ExportColumn[] | null }> {
  if (!(entity in ENTITIES))
    throw new ValidationError([
      { path: ['entity'], message: `Unknown entity "${String(entity)}"` },
    ]);
  const columns =
    format === 'CSV' || options.columns ? normalizeColumns(entity, options.columns) : null;
  const ctx = domain.context();
  const where = exportWhere(domain, policy, entity, options.query?.where);
  const count = await domain.gateway.count(ctx, entity, where, options.query?.search);
  await appendAudit(domain.gateway, ctx, [
    {
      action: 'export',
      entity,
      reason: `${options.label ?? `${format} export`}: ${count} rows`,
    },
  ]);
  const spec: QuerySpec = {
    ...(options.query ?? {}),
    ...(where && { where }),
  };
  const limit = options.pageSize && Math.max(1, Math.min(Math.floor(options.pageSize), MAX_LIMIT));
  return {
    pages: readAll(domain, entity, { ...spec, ...(limit && { limit }) }, options.signal, ctx),
    columns,
  };
}

function pageStream(
  pages: AsyncGenerator<StoredRecord[]>,
  head: string,
  format: (records: StoredRecord[], first: boolean) => string,
  tail: string,
): ReadableStream<string> {
  let first = true;
  let started = false;
  return new ReadableStream<string>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(head);
        return;
      }
      const next = await pages.next();
      if (next.done) {
        if (tail) controller.enqueue(tail);
        controller.close();
        return;
      }
      controller.enqueue(format(next.value, first));
      first = false;
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/**
 * Records as CSV: UTF-8 text starting with a byte order mark (so Excel reads Chinese correctly),
 * a header row, RFC 4180 quoting, CRLF line ends, formula-like cells neutralised with a leading
 * `'`. Streams one page of records per chunk.
 *
 * @throws PermissionError without the `export` operation on the entity (the denial is audited)
 */
export async function exportCsv(
  domain: DomainContext,
  policy: Policy | undefined,
  entity: EntityName,
  options: ExportOptions = {},
): Promise<ReadableStream<string>> {
  const { pages, columns } = await startExport(domain, policy, entity, options, 'CSV');
  const cols = columns!;
  const separator = options.listSeparator ?? '; ';
  return pageStream(
    pages,
    CSV_BOM + formatCsvRow(cols.map((c) => c.header ?? c.field)),
    (records) =>
      records
        .map((r) => formatCsvRow(cols.map((c) => cellText(readPath(r, c.field), separator))))
        .join(''),
    '',
  );
}

/**
 * Records as a JSON array (`[\n{…},\n{…}\n]`), one page per chunk. With `columns`, each record is
 * an object of those field paths; otherwise the whole record as the principal may see it.
 *
 * @throws PermissionError without the `export` operation on the entity
 */
export async function exportJson(
  domain: DomainContext,
  policy: Policy | undefined,
  entity: EntityName,
  options: ExportOptions = {},
): Promise<ReadableStream<string>> {
  const { pages, columns } = await startExport(domain, policy, entity, options, 'JSON');
  const project = (r: StoredRecord) =>
    columns
      ? Object.fromEntries(columns.map((c) => [c.header ?? c.field, readPath(r, c.field)]))
      : r;
  return pageStream(
    pages,
    '[',
    (records, first) =>
      (first ? '\n' : ',\n') + records.map((r) => JSON.stringify(project(r))).join(',\n'),
    '\n]\n',
  );
}

/** Reads a text stream to one string (for small exports and tests). */
export async function streamToText(stream: ReadableStream<string>): Promise<string> {
  const parts: string[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts.join('');
    parts.push(value);
  }
}
