import type { DomainContext } from '../client/domain-context.js';
import { FORBIDDEN_KEYS, SYSTEM_FIELDS } from '../entities/common.js';
import { CustomFieldDefinitionInputSchema } from '../entities/custom-field.js';
import { ENTITIES, type EntityName } from '../entities/registry.js';
import { CancelledError, ConflictError, ValidationError, type ValidationIssue } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import type { Policy } from '../gateway/policy.js';
import { INDEXEDDB_SCHEMA_VERSION } from '../storage/collections.js';
import { yieldToEventLoop } from '../yield-to-event-loop.js';
import { requireAdministrator } from './admin-check.js';
import { BACKUP_ENTITIES, SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from './create-backup.js';
import { inputValidator } from './input-validator.js';
import { readAll } from './read-all.js';

/** What `restore` reads: the snapshot text, or its chunks as `backup()` produced them. */
export type SnapshotSource = string | Iterable<string> | AsyncIterable<string>;

export interface RestoreOptions {
  /**
   * `'empty'` (default): refuse with `ConflictError` unless the store holds no records.
   * `'replace'`: delete every record the store holds and write the snapshot's, in one all-or-nothing
   * write — if anything in the snapshot is invalid, the store is left as it was.
   */
  readonly mode?: 'empty' | 'replace';
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: {
    phase: 'read' | 'commit';
    done: number;
    total?: number;
  }) => void;
}

export interface RestoreReport {
  /** Records written, by entity. */
  readonly restored: Readonly<Partial<Record<EntityName, number>>>;
  /** Records deleted first (`mode: 'replace'`). */
  readonly deleted: number;
  /** The snapshot's audit entries: kept in the file, not written (the live log is append-only). */
  readonly auditEntriesNotRestored: number;
  readonly schemaVersion: number;
}

/** The audit log is append-only: a restore starts its own chain, which records the restore. */
const NOT_RESTORED: ReadonlySet<EntityName> = new Set(['auditEntry']);
const RESTORED_ENTITIES = BACKUP_ENTITIES.filter((e) => !NOT_RESTORED.has(e));
const SYSTEM = new Set<string>(SYSTEM_FIELDS);

/** A stored record as create input: its id and fields, without version and timestamps. */
function stripSystem(record: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record))
    if (key === 'id' || !SYSTEM.has(key)) input[key] = v;
  return input;
}

async function* lines(source: SnapshotSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield* source.split('\n');
    return;
  }
  let rest = '';
  for await (const chunk of source as AsyncIterable<string>) {
    if (typeof chunk !== 'string')
      throw new ValidationError([{ path: [], message: 'Snapshot chunks must be strings' }]);
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  yield rest;
}

function hasForbiddenKey(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > 32) return '(too deep)';
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return key;
    const inner = hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (inner) return `${key}.${inner}`;
  }
  return null;
}

function parseLine(text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    // JSON.parse makes `__proto__` an own key (no pollution); such keys are refused below.
    value = JSON.parse(text);
  } catch {
    throw new ValidationError([{ path: [line], message: 'Not a JSON line' }], 'Invalid snapshot');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ValidationError(
      [{ path: [line], message: 'Expected an object' }],
      'Invalid snapshot',
    );
  const bad = hasForbiddenKey(value);
  if (bad)
    throw new ValidationError(
      [
        {
          path: [line, ...bad.split('.')],
          message: `"${bad.split('.').pop()}" is not an allowed key`,
        },
      ],
      'Invalid snapshot',
    );
  return value as Record<string, unknown>;
}

/**
 * Restores a snapshot taken by `createBackup`, through the gateway — every record is validated
 * against its entity schema (prototype keys refused), authorized and audited (`'restore'`), and
 * nothing is written unless every record is valid. The records are written in two commits —
 * custom field definitions first, because the gateway checks custom field values against stored
 * definitions, then everything else; if the second fails the first is undone. Ids and every field are kept; the adapter
 * contract assigns `version` and timestamps, so restored records start again at version 1 with
 * `createdAt` / `updatedAt` at the time of the restore. The snapshot's audit entries are not
 * written back (the log is append-only and hash-chained); the restore is recorded in the new log.
 * Administrator only.
 *
 * Issue paths start with the snapshot's line number (1-based; line 1 is the header).
 *
 * @throws ValidationError (a newer schema or format — path `['schemaVersion']` or
 *   `['formatVersion']` — a truncated or invalid snapshot, an invalid record), ConflictError (the
 *   store is not empty and `mode` is not `'replace'`), PermissionError, CancelledError
 */
export async function restoreBackup(
  domain: DomainContext,
  policy: Policy | undefined,
  source: SnapshotSource,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const mode = options.mode ?? 'empty';
  if (mode !== 'empty' && mode !== 'replace')
    throw new ValidationError([{ path: ['mode'], message: "Use 'empty' or 'replace'" }]);
  const ctx = domain.context();
  const operations = mode === 'replace' ? (['create', 'delete'] as const) : (['create'] as const);
  requireAdministrator(policy, ctx.principal, 'restore', RESTORED_ENTITIES, operations);
  const { signal } = options;
  const cancelled = () => {
    if (signal?.aborted) throw new CancelledError('restore', signal.reason);
  };
  cancelled();

  const intents: WriteIntent[] = [];
  const lineOf: number[] = [];
  const restored: Partial<Record<EntityName, number>> = {};
  const issues: ValidationIssue[] = [];
  let auditEntries = 0;
  let schemaVersion = 0;
  let header = false;
  let end: number | null = null;
  let records = 0;
  let line = 0;
  for await (const text of lines(source)) {
    line++;
    if (text.trim() === '') continue;
    if (line % 1000 === 0) {
      cancelled();
      options.onProgress?.({ phase: 'read', done: records });
      await yieldToEventLoop();
    }
    const value = parseLine(text, line);
    if (!header) {
      header = true;
      if (value.format !== SNAPSHOT_FORMAT)
        throw new ValidationError([{ path: [line, 'format'], message: 'Not a Rapport snapshot' }]);
      const format = value.formatVersion;
      schemaVersion = value.schemaVersion as number;
      if (!Number.isInteger(format) || (format as number) < 1)
        throw new ValidationError([
          { path: ['formatVersion'], message: 'Missing snapshot format version' },
        ]);
      if ((format as number) > SNAPSHOT_FORMAT_VERSION)
        throw new ValidationError(
          [
            {
              path: ['formatVersion'],
              message: `The snapshot format is ${format}; this version of Rapport reads up to ${SNAPSHOT_FORMAT_VERSION}. Upgrade Rapport to restore it.`,
            },
          ],
          'Snapshot from a newer version',
        );
      if (!Number.isInteger(schemaVersion) || schemaVersion < 1)
        throw new ValidationError([{ path: ['schemaVersion'], message: 'Missing schema version' }]);
      if (schemaVersion > INDEXEDDB_SCHEMA_VERSION)
        throw new ValidationError(
          [
            {
              path: ['schemaVersion'],
              message: `The snapshot was taken at schema version ${schemaVersion}; this version of Rapport knows up to ${INDEXEDDB_SCHEMA_VERSION}. Upgrade Rapport to restore it.`,
            },
          ],
          'Snapshot from a newer schema',
        );
      continue;
    }
    if (end !== null)
      throw new ValidationError(
        [{ path: [line], message: 'Content after the end line' }],
        'Invalid snapshot',
      );
    if (value.end === true) {
      end = value.records as number;
      continue;
    }
    records++;
    const entity = value.entity as EntityName;
    const record = value.record;
    if (typeof entity !== 'string' || !Object.hasOwn(ENTITIES, entity)) {
      issues.push({ path: [line, 'entity'], message: `Unknown entity "${String(entity)}"` });
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      issues.push({ path: [line, 'record'], message: 'Expected a record object' });
      continue;
    }
    if (NOT_RESTORED.has(entity)) {
      auditEntries++;
      continue;
    }
    intents.push({ type: 'create', entity, input: stripSystem(record as Record<string, unknown>) });
    lineOf.push(line);
    restored[entity] = (restored[entity] ?? 0) + 1;
  }
  if (!header)
    throw new ValidationError([{ path: [], message: 'The snapshot is empty' }], 'Invalid snapshot');
  if (end === null)
    throw new ValidationError(
      [{ path: [line], message: 'No end line: the snapshot is truncated' }],
      'Invalid snapshot',
    );
  if (end !== records)
    throw new ValidationError(
      [
        {
          path: [line, 'records'],
          message: `The end line counts ${end} records but ${records} were read`,
        },
      ],
      'Invalid snapshot',
    );
  if (issues.length) throw new ValidationError(issues, 'Invalid snapshot');

  // Check every record before writing anything: schemas, and custom field values against the
  // snapshot's own definitions.
  const definitions = intents
    .filter((i) => i.type === 'create' && i.entity === 'customFieldDefinition')
    .map((i) => {
      const { id, ...definition } = (i as { input: Record<string, unknown> }).input;
      void id;
      return CustomFieldDefinitionInputSchema.safeParse(definition);
    })
    .flatMap((r) => (r.success ? [r.data] : []));
  const validators = new Map<EntityName, Awaited<ReturnType<typeof inputValidator>>>();
  for (const [index, intent] of intents.entries()) {
    if (index > 0 && index % 1000 === 0) {
      cancelled();
      await yieldToEventLoop();
    }
    const { entity, input } = intent as { entity: EntityName; input: Record<string, unknown> };
    let validate = validators.get(entity);
    if (!validate) {
      const defs = definitions.filter((d) => d.entity === entity);
      validators.set(entity, (validate = await inputValidator(entity, defs)));
    }
    issues.push(
      ...validate(input).issues.map((i) => ({ ...i, path: [lineOf[index]!, ...i.path] })),
    );
  }
  if (issues.length) throw new ValidationError(issues, 'Invalid snapshot');

  // The store must be empty, unless replacing: then everything in it is deleted.
  const deletes: WriteIntent[] = [];
  const oldDefinitions: Record<string, unknown>[] = [];
  for (const entity of RESTORED_ENTITIES) {
    for await (const page of readAll(domain, entity, {}, signal, ctx)) {
      if (mode === 'empty') {
        const first = page[0]!;
        throw new ConflictError(
          ENTITIES[entity].collection,
          first.id,
          null,
          first.version,
          `The store is not empty (${ENTITIES[entity].collection} has records); restore with { mode: 'replace' } to replace its content`,
        );
      }
      for (const r of page) {
        deletes.push({ type: 'delete', entity, id: r.id });
        if (entity === 'customFieldDefinition') oldDefinitions.push(stripSystem(r));
      }
    }
  }
  cancelled();

  // Two commits, because the gateway validates custom field values against the stored
  // definitions: first the definitions, then everything else. If the second fails, the first is
  // undone, so the store ends as it was.
  const isDefinition = (i: WriteIntent) => i.entity === 'customFieldDefinition';
  const first = [...deletes.filter(isDefinition), ...intents.filter(isDefinition)];
  const second = [
    ...deletes.filter((i) => !isDefinition(i)),
    ...intents.filter((i) => !isDefinition(i)),
  ];
  const lineOfIntent = new Map<WriteIntent, number>(intents.map((i, n) => [i, lineOf[n]!]));
  const reason = `restore of a snapshot at schema ${schemaVersion}: ${intents.length} records${deletes.length ? `, ${deletes.length} replaced` : ''}`;
  const write = async (batch: WriteIntent[], progress: boolean) => {
    if (batch.length === 0) return;
    try {
      await domain.gateway.write(ctx, batch, {
        ...(progress &&
          options.onProgress && {
            onProgress: (done: number, total: number) =>
              options.onProgress!({ phase: 'commit', done, total }),
          }),
        audit: { action: 'restore', granularity: 'batch', reason },
      });
    } catch (error) {
      // Map the gateway's `[index, …]` issue paths to snapshot lines.
      if (error instanceof ValidationError) {
        throw new ValidationError(
          error.issues.map((issue) => {
            const [head, ...rest] = issue.path;
            const many = batch.length > 1 && typeof head === 'number';
            const intent = batch[many ? (head as number) : 0];
            return {
              path: [(intent && lineOfIntent.get(intent)) ?? 0, ...(many ? rest : issue.path)],
              message: issue.message,
            };
          }),
          'Invalid snapshot',
        );
      }
      throw error;
    }
  };
  options.onProgress?.({ phase: 'commit', done: 0, total: first.length + second.length });
  await write(first, false);
  try {
    await write(second, true);
  } catch (error) {
    const undo: WriteIntent[] = [
      ...intents.filter(isDefinition).map(
        (i) =>
          ({
            type: 'delete',
            entity: i.entity,
            id: (i as { input: { id: string } }).input.id,
          }) as const,
      ),
      ...oldDefinitions.map(
        (input) => ({ type: 'create', entity: 'customFieldDefinition', input }) as const,
      ),
    ];
    if (undo.length)
      await domain.gateway
        .write(ctx, undo, {
          audit: {
            action: 'restore',
            granularity: 'batch',
            reason: 'restore failed; custom field definitions put back',
          },
        })
        .catch(() => undefined);
    throw error;
  }
  return {
    restored,
    deleted: deletes.length,
    auditEntriesNotRestored: auditEntries,
    schemaVersion,
  };
}
