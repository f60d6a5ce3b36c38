import type { z } from 'zod';
import type { DomainContext } from '../client/domain-context.js';
import { ENTITIES, type EntityName } from '../entities/registry.js';
import { ValidationError } from '../errors.js';
import { grantedScopes, scopeFilter, type Policy } from '../gateway/policy.js';
import { compilePath } from '../query/field-path.js';
import { MAX_LIMIT, type QuerySpec, type Where } from '../query/query-spec.js';
import { appendAudit } from '../security/audit-log.js';
import type { StoredRecord } from '../storage/storage-adapter.js';
import { createTimeSlicer } from '../yield-to-event-loop.js';
import { CSV_BOM, formatCsvCell, formatCsvRow } from './csv-format.js';
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
  /**
   * Records per chunk of the stream, at most 10,000. Default: sized to the storage, so that reading
   * a page never keeps the page busy for long (see io/read-all.ts).
   */
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
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    // The non-empty texts joined; a loop, as this runs for every list cell of an export.
    let out = '';
    for (const element of value) {
      const text = cellText(element, separator);
      if (text !== '') out = out === '' ? text : out + separator + text;
    }
    return out;
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
    // Read-only: the next page is read while this one is formatted.
    pages: readAll(domain, entity, { ...spec, ...(limit && { limit }) }, options.signal, ctx, {
      prefetch: true,
    }),
    columns,
  };
}

/**
 * A stream of `head`, then one chunk per page of records — each record formatted by `format`,
 * joined by `separator`, after `lead` (`first` for the first page), yielding to the event loop
 * every few milliseconds — then `tail`.
 */
function pageStream(
  pages: AsyncGenerator<StoredRecord[]>,
  head: string,
  format: (record: StoredRecord) => string,
  separator: string,
  lead: (first: boolean) => string,
  tail: string,
): ReadableStream<string> {
  let first = true;
  let started = false;
  const slice = createTimeSlicer();
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
      const parts: string[] = [];
      for (const record of next.value) {
        const sliced = slice();
        if (sliced) await sliced;
        parts.push(format(record));
      }
      controller.enqueue(lead(first) + parts.join(separator));
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
  const readers = cols.map((c) => compilePath(c.field));
  /** One CRLF-terminated record: `formatCsvRow` of its cells, without the intermediate arrays. */
  const row = (record: StoredRecord) => {
    let line = '';
    for (let i = 0; i < readers.length; i++) {
      if (i) line += ',';
      line += formatCsvCell(cellText(readers[i]!(record), separator));
    }
    return `${line}\r\n`;
  };
  return pageStream(
    pages,
    CSV_BOM + formatCsvRow(cols.map((c) => c.header ?? c.field)),
    row,
    '',
    () => '',
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
  const readers = columns?.map((c) => [c.header ?? c.field, compilePath(c.field)] as const);
  const project = (r: StoredRecord) =>
    readers ? Object.fromEntries(readers.map(([key, read]) => [key, read(r)])) : r;
  const lead = (first: boolean) => (first ? '\n' : ',\n');
  return pageStream(pages, '[', (r) => JSON.stringify(project(r)), ',\n', lead, '\n]\n');
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
