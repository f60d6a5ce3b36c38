import type { z } from 'zod';
import type { DomainContext } from '../client/domain-context.js';
import type { CustomFieldDefinition } from '../entities/custom-field.js';
import { ENTITIES, type EntityName } from '../entities/registry.js';
import {
  CancelledError,
  PermissionError,
  ValidationError,
  type ValidationIssue,
} from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { grantedScopes, type Policy } from '../gateway/policy.js';
import type { StoredRecord } from '../storage/storage-adapter.js';
import { companyKey } from '../sales/duplicate-check.js';
import { createTimeSlicer } from '../yield-to-event-loop.js';
import { compileMapping, type ImportMapping, type MappingWarning } from './column-mapping.js';
import { inputValidator } from './input-validator.js';
import {
  DEDUPE_ENTITIES,
  duplicateKeys,
  type DedupeEntity,
  type DuplicateKey,
} from './duplicate-keys.js';
import { mergeFields } from './merge-fields.js';
import { readAll } from './read-all.js';
import { ImportValidationError } from './import-validation-error.js';

// In its own module so that `@rapport/core` exports it without the importer's code.
export { ImportValidationError };

/** Above this many writes the audit log gets one batch entry per entity instead of one per record. */
const AUDIT_BATCH_ABOVE = 1000;

export type ImportMode = 'all-or-nothing' | 'valid-rows';
export type DuplicateAction = 'skip' | 'update' | 'merge';

export interface ImportProgress {
  readonly phase: 'read' | 'validate' | 'match' | 'commit';
  readonly done: number;
  /** Unknown while reading. */
  readonly total?: number;
}

export interface ImportOptions {
  /** How columns become fields. CSV needs one; JSON without one takes each object as the input. */
  readonly mapping?: ImportMapping;
  /** `'all-or-nothing'` (default): one bad row and nothing is written. `'valid-rows'`: write the rest. */
  readonly mode?: ImportMode;
  /** Rows matching an existing record (or an earlier row): `'skip'` (default), `'update'` or `'merge'`. */
  readonly duplicates?: DuplicateAction;
  /** Report what would happen; write nothing. */
  readonly dryRun?: boolean;
  /** Cancels reading, validation and matching; once the commit starts it completes or fails whole. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Shown in the audit entry (e.g. the file name). */
  readonly label?: string;
}

/** A row that was not written, and why. */
export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
}

export interface DuplicateRow {
  readonly row: number;
  /** The existing record it matched, or the earlier row of the same file. */
  readonly matches: { readonly id?: string; readonly row?: number };
  readonly on: readonly ('id' | 'phone' | 'email' | 'company')[];
  readonly action: DuplicateAction;
}

/**
 * What an import did (or, on a dry run, would do). Row numbers are what a spreadsheet shows:
 * for CSV the header is row 1 and the first data row is row 2 (a quoted cell spanning several
 * lines is still one row); for JSON, item 1 is the first element of the array.
 */
export interface ImportReport {
  readonly entity: EntityName;
  readonly dryRun: boolean;
  /** Whether anything was written. */
  readonly committed: boolean;
  /** Data rows read (header excluded). */
  readonly rows: number;
  /** Rows that passed validation. */
  readonly valid: number;
  readonly invalid: readonly {
    readonly row: number;
    readonly issues: readonly ValidationIssue[];
  }[];
  readonly duplicates: readonly DuplicateRow[];
  /** Records created (or to be created), updated, and rows left out. */
  readonly created: number;
  readonly updated: number;
  readonly skipped: readonly SkippedRow[];
  /** Ids of the created records, in row order. */
  readonly createdIds: readonly string[];
  /** With `mapping.customer`: customers created for company names, and rows linked to existing ones. */
  readonly customers: { readonly created: number; readonly linked: number };
  /** Columns of the file that no rule reads and that `ignore` does not list. */
  readonly unmappedColumns: readonly string[];
  /** Columns the mapping's `ignore` lists, with its reason. */
  readonly ignoredColumns: readonly { readonly column: string; readonly reason: string }[];
  /** Cell values left out without failing the row. */
  readonly warnings: readonly {
    readonly row: number;
    readonly column: string;
    readonly message: string;
  }[];
}

/** One input row: its number and its cells by column. */
export interface SourceRow {
  readonly row: number;
  readonly values: Readonly<Record<string, unknown>>;
  /** Set when the row cannot be read at all (too many cells, not an object). */
  readonly problem?: string;
}

/** Rows as the CSV and JSON readers deliver them, a batch at a time, plus the columns seen. */
export interface RowSource {
  readonly columns: () => readonly string[];
  readonly batches: AsyncIterable<readonly SourceRow[]>;
}

interface Pending {
  readonly row: number;
  input: Record<string, unknown>;
  issues: ValidationIssue[];
  /** The validate stage's token for `input` as it is (see `checkCreateInput`); dropped on change. */
  checked?: object;
  /** Duplicate keys of `input`, once valid and linked. */
  keys?: DuplicateKey[];
  /** The company name to link, with `mapping.customer`. */
  company?: string;
  customerFields?: Record<string, unknown>;
}

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('import', signal.reason);
}

async function customFieldDefinitions(domain: DomainContext, entity: EntityName) {
  if (!['customer', 'contact', 'lead', 'deal', 'ticket'].includes(entity)) return [];
  const page = await domain.gateway.query(domain.context(), 'customFieldDefinition', {
    where: { entity: { eq: entity } },
    limit: 1000,
  });
  return page.items as unknown as CustomFieldDefinition[];
}

/**
 * The import pipeline behind `crm.io.importCsv` and `crm.io.importJson`: map → validate →
 * match duplicates → link customers → one gateway write. Reads go through the gateway, so only
 * records the principal may see are matched; the write is audited as `'import'`, and the
 * authorize stage requires the `import` operation.
 *
 * @throws ImportValidationError (all-or-nothing with invalid rows), CancelledError, PermissionError,
 *   ConflictError (a matched record changed meanwhile), StorageError
 */
export async function importRecords(
  domain: DomainContext,
  entity: EntityName,
  source: RowSource,
  options: ImportOptions & { policy?: Policy },
): Promise<ImportReport> {
  const { signal, onProgress, dryRun = false } = options;
  const mode: ImportMode = options.mode ?? 'all-or-nothing';
  const onDuplicate: DuplicateAction = options.duplicates ?? 'skip';
  if (!(entity in ENTITIES) || ENTITIES[entity].repository === null)
    throw new ValidationError([{ path: ['entity'], message: `Cannot import "${String(entity)}"` }]);
  if (!['all-or-nothing', 'valid-rows'].includes(mode))
    throw new ValidationError([{ path: ['mode'], message: 'Use all-or-nothing or valid-rows' }]);
  if (!['skip', 'update', 'merge'].includes(onDuplicate))
    throw new ValidationError([{ path: ['duplicates'], message: 'Use skip, update or merge' }]);
  const ctx = domain.context();
  if (
    options.policy &&
    grantedScopes(options.policy, ctx.principal, 'import', entity).every((s) => s === 'none')
  )
    throw new PermissionError('import', entity);
  checkSignal(signal);

  const mapping = options.mapping && compileMapping(options.mapping.columns);
  const linkSpec = options.mapping?.customer;
  const customerMapping =
    linkSpec?.columns && compileMapping(linkSpec.columns, ['mapping', 'customer', 'columns']);
  if (linkSpec && !('customerId' in (ENTITIES[entity].input as unknown as z.ZodObject).shape))
    throw new ValidationError([
      { path: ['mapping', 'customer'], message: `${entity} records have no customerId to link` },
    ]);
  const validate = await inputValidator(entity, await customFieldDefinitions(domain, entity));

  // 1. Read, map and validate, yielding to the event loop every few milliseconds.
  const pending: Pending[] = [];
  const warnings: { row: number; column: string; message: string }[] = [];
  const slice = createTimeSlicer();
  /** A promise to await once the time slice is used up (then cancellation is checked). */
  const pause = (): Promise<void> | undefined => slice()?.then(() => checkSignal(signal));
  for await (const batch of source.batches) {
    checkSignal(signal);
    for (const { row, values, problem } of batch) {
      const paused = pause();
      if (paused) await paused;
      const cellWarnings: MappingWarning[] = [];
      let input: Record<string, unknown>;
      const issues: ValidationIssue[] = problem ? [{ path: [], message: problem }] : [];
      if (mapping) {
        const mapped = mapping.apply(values, cellWarnings);
        input = mapped.input;
        issues.push(...mapped.issues);
      } else input = { ...values };
      const item: Pending = { row, input, issues };
      if (linkSpec) {
        const name = values[linkSpec.from];
        if (typeof name === 'string' && name.trim()) item.company = name.trim();
        if (customerMapping && item.company) {
          const mapped = customerMapping.apply(values, cellWarnings);
          item.customerFields = mapped.input;
          issues.push(...mapped.issues.map((i) => ({ ...i, path: ['customer', ...i.path] })));
        }
      }
      if (issues.length === 0) {
        const check = validate(input);
        issues.push(...check.issues);
        if (check.checked) item.checked = check.checked;
      }
      for (const w of cellWarnings) warnings.push({ row, ...w });
      pending.push(item);
    }
    onProgress?.({ phase: 'read', done: pending.length });
  }
  onProgress?.({ phase: 'validate', done: pending.length, total: pending.length });
  checkSignal(signal);

  // 2. Link customers by company name (existing ones first; create the rest if asked).
  const intents: WriteIntent[] = [];
  /** Row numbers each intent came from, to map gateway issues back to rows. */
  const intentRows: number[][] = [];
  let customersCreated = 0;
  let customersLinked = 0;
  if (linkSpec) {
    const wanted = new Map<string, Pending[]>();
    for (const p of pending) {
      if (!p.company || p.issues.length) continue;
      const paused = pause();
      if (paused) await paused;
      const key = companyKey(p.company);
      if (!key) continue;
      const list = wanted.get(key) ?? [];
      list.push(p);
      wanted.set(key, list);
    }
    const existing = new Map<string, string>();
    if (wanted.size) {
      for await (const page of readAll(domain, 'customer', {}, signal)) {
        for (const c of page) {
          const paused = pause();
          if (paused) await paused;
          const key = typeof c.name === 'string' ? companyKey(c.name) : '';
          if (wanted.has(key) && !existing.has(key)) existing.set(key, c.id);
        }
      }
    }
    const validateCustomer = await inputValidator(
      'customer',
      await customFieldDefinitions(domain, 'customer'),
    );
    for (const [key, rows] of wanted) {
      const paused = pause();
      if (paused) await paused;
      let id = existing.get(key);
      if (id) customersLinked += rows.length;
      else if (linkSpec.create !== false) {
        id = domain.newId();
        const input: Record<string, unknown> = { id, kind: 'company', name: rows[0]!.company };
        for (const r of rows) {
          for (const [field, value] of Object.entries(r.customerFields ?? {}))
            if (input[field] === undefined) input[field] = value;
        }
        const { issues, checked } = validateCustomer(input);
        if (issues.length) {
          for (const r of rows)
            r.issues.push(...issues.map((i) => ({ ...i, path: ['customer', ...i.path] })));
          continue;
        }
        intents.push({ type: 'create', entity: 'customer', input: checked ?? input });
        intentRows.push(rows.map((r) => r.row));
        customersCreated++;
      } else {
        for (const r of rows)
          warnings.push({
            row: r.row,
            column: linkSpec.from,
            message: `No customer named "${r.company}"; not linked`,
          });
        continue;
      }
      for (const r of rows) {
        r.input = { ...r.input, customerId: id };
        delete r.checked; // validated without the link: the write validates it again
      }
    }
  }
  const customerIntents = intents.length;

  // 3. Duplicates: against existing records (by id, phone, email, company name) and earlier rows.
  const invalid = pending.filter((p) => p.issues.length);
  const valid = pending.filter((p) => p.issues.length === 0);
  const dedupe = (DEDUPE_ENTITIES as readonly string[]).includes(entity);
  const keysOf = (record: Record<string, unknown>) =>
    dedupe ? duplicateKeys(entity as DedupeEntity, record) : [];
  for (const p of valid) {
    const paused = pause();
    if (paused) await paused;
    p.keys = keysOf(p.input);
  }
  const existingByKey = new Map<string, StoredRecord>();
  const existingById = new Map<string, StoredRecord>();
  if (valid.some((p) => p.keys!.length || typeof p.input.id === 'string')) {
    // What the rows could match, gathered at the first existing record (a first import has none).
    let incoming: { keys: Set<string>; ids: Set<string> } | undefined;
    let seen = 0;
    for await (const page of readAll(domain, entity, {}, signal)) {
      if (!incoming) {
        incoming = { keys: new Set(), ids: new Set() };
        for (const p of valid) {
          const paused = pause();
          if (paused) await paused;
          for (const k of p.keys!) incoming.keys.add(k.key);
          if (typeof p.input.id === 'string') incoming.ids.add(p.input.id);
        }
      }
      for (const record of page) {
        const paused = pause();
        if (paused) await paused;
        if (incoming.ids.has(record.id)) existingById.set(record.id, record);
        for (const k of keysOf(record))
          if (incoming.keys.has(k.key) && !existingByKey.has(k.key))
            existingByKey.set(k.key, record);
      }
      seen += page.length;
      onProgress?.({ phase: 'match', done: seen });
    }
  }
  checkSignal(signal);

  const duplicates: DuplicateRow[] = [];
  const skipped: SkippedRow[] = [];
  /** Updates by existing id: the record as it will become, and the rows folded into it. */
  const updates = new Map<
    string,
    { before: StoredRecord; patch: Record<string, unknown>; rows: number[] }
  >();
  /** Creates (with the row's token while its input is unchanged), and their keys and ids. */
  const creates: { input: Record<string, unknown>; rows: number[]; checked?: object }[] = [];
  const createByKey = new Map<string, (typeof creates)[number]>();
  for (const p of valid) {
    const paused = pause();
    if (paused) await paused;
    const keys = p.keys!;
    const id = typeof p.input.id === 'string' ? p.input.id : undefined;
    const on = (record: Record<string, unknown>) => {
      const theirs = new Set(keysOf(record).map((k) => k.key));
      const reasons: DuplicateRow['on'][number][] = [];
      if (id !== undefined && record.id === id) reasons.push('id');
      for (const k of keys) if (theirs.has(k.key) && !reasons.includes(k.on)) reasons.push(k.on);
      return reasons;
    };
    const match =
      (id !== undefined ? existingById.get(id) : undefined) ??
      (existingByKey.size ? keys.map((k) => existingByKey.get(k.key)).find(Boolean) : undefined);
    if (match) {
      duplicates.push({
        row: p.row,
        matches: { id: match.id },
        on: on(match),
        action: onDuplicate,
      });
      if (onDuplicate === 'skip') {
        skipped.push({ row: p.row, reason: `duplicate of existing ${entity} ${match.id}` });
        continue;
      }
      const entry = updates.get(match.id) ?? { before: match, patch: {}, rows: [] };
      const { id: _ignored, ...incoming } = p.input;
      void _ignored;
      const current = { ...match, ...entry.patch };
      const change = onDuplicate === 'update' ? incoming : mergeFields(current, incoming);
      entry.patch = { ...entry.patch, ...change };
      entry.rows.push(p.row);
      updates.set(match.id, entry);
      continue;
    }
    const earlier =
      (id !== undefined ? createByKey.get(`id:${id}`) : undefined) ??
      keys.map((k) => createByKey.get(k.key)).find(Boolean);
    if (earlier) {
      duplicates.push({
        row: p.row,
        matches: { row: earlier.rows[0]! },
        on: on(earlier.input),
        action: onDuplicate,
      });
      if (onDuplicate === 'skip') {
        skipped.push({ row: p.row, reason: `duplicate of row ${earlier.rows[0]}` });
        continue;
      }
      const { id: _ignored, ...incoming } = p.input;
      void _ignored;
      earlier.input =
        onDuplicate === 'update'
          ? { ...earlier.input, ...incoming }
          : { ...earlier.input, ...mergeFields(earlier.input, incoming) };
      delete earlier.checked;
      earlier.rows.push(p.row);
      for (const k of keys) if (!createByKey.has(k.key)) createByKey.set(k.key, earlier);
      continue;
    }
    const create = { input: p.input, rows: [p.row], ...(p.checked && { checked: p.checked }) };
    creates.push(create);
    for (const k of keys) createByKey.set(k.key, create);
    if (id !== undefined) createByKey.set(`id:${id}`, create);
  }

  // Folded rows may break limits (e.g. more than 20 phones): validate what will be written.
  const foldIssues: { row: number; issues: ValidationIssue[] }[] = [];
  for (const c of creates) {
    if (c.rows.length === 1) continue;
    const { issues } = validate(c.input);
    if (issues.length) foldIssues.push({ row: c.rows.at(-1)!, issues });
  }

  for (const c of creates) {
    intents.push({ type: 'create', entity, input: c.checked ?? c.input });
    intentRows.push(c.rows);
  }
  let updated = 0;
  for (const [id, u] of updates) {
    if (Object.keys(u.patch).length === 0) {
      for (const row of u.rows)
        skipped.push({ row, reason: `nothing new for existing ${entity} ${id}` });
      continue;
    }
    intents.push({ type: 'update', entity, id, patch: u.patch, expectedVersion: u.before.version });
    intentRows.push(u.rows);
    updated++;
  }

  const allInvalid = [
    ...invalid.map((p) => ({ row: p.row, issues: p.issues })),
    ...foldIssues,
  ].sort((a, b) => a.row - b.row);
  if (mode === 'valid-rows')
    for (const p of allInvalid)
      skipped.push({
        row: p.row,
        reason:
          'invalid: ' +
          p.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; '),
      });
  skipped.sort((a, b) => a.row - b.row);
  const columns = source.columns();
  const ignoreReasons = options.mapping?.ignore ?? {};
  const ignore = new Set(Object.keys(ignoreReasons));
  const read = new Set([
    ...(mapping?.columns ?? []),
    ...(customerMapping?.columns ?? []),
    ...(linkSpec ? [linkSpec.from] : []),
  ]);
  const report = (committed: boolean, createdIds: string[] = []): ImportReport => ({
    entity,
    dryRun,
    committed,
    rows: pending.length,
    valid: valid.length,
    invalid: allInvalid,
    duplicates,
    created: creates.length,
    updated,
    skipped,
    createdIds,
    customers: { created: customersCreated, linked: customersLinked },
    unmappedColumns: mapping ? columns.filter((c) => !read.has(c) && !ignore.has(c)) : [],
    ignoredColumns: columns
      .filter((c) => ignore.has(c))
      .map((column) => ({ column, reason: ignoreReasons[column]! })),
    warnings,
  });

  const rowIssues = (list: readonly { row: number; issues: readonly ValidationIssue[] }[]) =>
    list.flatMap(({ row, issues }) =>
      issues.map((i) => ({ path: [row, ...i.path], message: i.message })),
    );
  if (dryRun) return report(false);
  if (mode === 'all-or-nothing' && allInvalid.length)
    throw new ImportValidationError(rowIssues(allInvalid), report(false));
  // The last moment to cancel: after this the commit completes or fails as a whole.
  checkSignal(signal);
  if (intents.length === 0) return report(false);

  let records: (StoredRecord | null)[];
  try {
    onProgress?.({ phase: 'commit', done: 0, total: intents.length });
    records = await domain.gateway.write(ctx, intents, {
      ...(onProgress && {
        onProgress: (done: number, total: number) => onProgress({ phase: 'commit', done, total }),
      }),
      audit: {
        action: 'import',
        reason: `${options.label ?? 'import'}: ${creates.length} created, ${updated} updated, ${skipped.length} skipped of ${pending.length} rows`,
        granularity: intents.length > AUDIT_BATCH_ABOVE ? 'batch' : 'record',
      },
    });
  } catch (error) {
    // The gateway reports issues at `[intentIndex, ...path]` (or `[...path]` for one intent).
    if (error instanceof ValidationError && !(error instanceof ImportValidationError)) {
      const issues = error.issues.map((issue) => {
        const [first, ...rest] = issue.path;
        const index = intents.length > 1 && typeof first === 'number' ? first : 0;
        const path = intents.length > 1 && typeof first === 'number' ? rest : issue.path;
        const rows = intentRows[index] ?? [];
        return {
          path: [rows[0] ?? 0, ...(index < customerIntents ? ['customer'] : []), ...path],
          message: issue.message,
        };
      });
      const byRow = new Map<number, ValidationIssue[]>();
      for (const i of issues)
        byRow.set(i.path[0] as number, [
          ...(byRow.get(i.path[0] as number) ?? []),
          { path: i.path.slice(1), message: i.message },
        ]);
      throw new ImportValidationError(issues, {
        ...report(false),
        invalid: [...byRow].map(([row, list]) => ({ row, issues: list })),
      });
    }
    throw error;
  }
  const createdIds = records
    .slice(customerIntents, customerIntents + creates.length)
    .map((r) => r?.id ?? '');
  return report(true, createdIds);
}
