import type { z } from 'zod';
import { FORBIDDEN_KEYS, IdSchema, SYSTEM_FIELDS } from '../entities/common.js';
import { ENTITY_CATALOG, type EntityName } from '../entities/catalog.js';
import type { CustomFieldDefinition } from '../entities/custom-field.js';
import { loadSchemas, loadedSchemas } from '../entities/load-schemas.js';
import { NotFoundError, ValidationError, type ValidationIssue } from '../errors.js';
import { AggregateQuerySchema, QuerySpecSchema, WhereSchema } from '../query/query-schemas.js';
import type { StoredRecord } from '../storage/storage-adapter.js';
import { createTimeSlicer } from '../yield-to-event-loop.js';
import { zodIssues } from './zod-issues.js';
import type {
  CreateOperation,
  CreateStream,
  GatewayStage,
  GatewayCore,
  WriteIntent,
  WriteOperation,
  RequestContext,
} from './gateway-core.js';

// Its own module, so the client can report a bad principal without loading this stage.
export { zodIssues };

const SYSTEM = new Set<string>(SYSTEM_FIELDS);
type Path = (string | number)[];

/**
 * The entity's input schema. The schemas are a chunk of their own (entities/load-schemas.ts), so
 * a page that only reads never loads them: every write path awaits `loadSchemas()` once before
 * its synchronous checks.
 */
function inputSchemaOf(entity: EntityName): z.ZodObject {
  return loadedSchemas().ENTITIES[entity].input as unknown as z.ZodObject;
}

/** Plain objects only: no class instances, no arrays, no `null`. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Finds `__proto__` / `constructor` / `prototype` keys anywhere in the input. Runs on every
 * record of an import, so the path is kept as one stack and copied only when something is found.
 */
function forbiddenKeyIssues(value: unknown, path: Path, out: ValidationIssue[], depth = 0): void {
  if (depth > 32) {
    out.push({ path: [...path], message: 'Input is nested too deeply' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      out.push({ path: [...path, key], message: `"${key}" is not an allowed key` });
      continue;
    }
    const child = (value as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object') continue;
    path.push(key);
    forbiddenKeyIssues(child, path, out, depth + 1);
    path.pop();
  }
}

/** A create input that passed {@link checkCreateInput}: what a write stores for it. */
interface CheckedCreate {
  readonly entity: EntityName;
  readonly id: string | undefined;
  readonly data: Record<string, unknown>;
  readonly provided: readonly string[];
}

/** Installs a subclass's private fields on `target` itself: its constructor returns `target`. */
class Stamped {
  constructor(target: object) {
    return target;
  }
}

/**
 * Tokens handed out by {@link checkCreateInput}: plain empty objects carrying their record in a
 * private field, so only this module can make or read them. A field, not a `WeakMap` entry keyed
 * by the token: a 100k-row import holds 100k tokens until its commit ends, and as many weak
 * entries made one garbage collection pause of that import take ~130 ms (a frozen page).
 */
class CheckedToken extends Stamped {
  readonly #create: CheckedCreate;
  constructor(create: CheckedCreate) {
    super({});
    this.#create = create;
  }
  static read(token: unknown): CheckedCreate | undefined {
    return typeof token === 'object' && token !== null && #create in token
      ? (token as CheckedToken).#create
      : undefined;
  }
}

/**
 * Checks one create input of `entity` as a write's create path does — a plain object, no prototype
 * keys, no system fields, a valid id, the entity's schema — without writing, and reports every
 * problem at once (a write stops at the first kind). Valid, it also returns `checked`: a frozen
 * token standing for the validated record, which a write accepts as an intent's `input` without
 * parsing it again (custom field values are still checked at write time, against the definitions
 * current then). Imports validate every row first, to report bad rows by number; the token keeps
 * them from paying for the schema twice. The schemas must be loaded (`await loadSchemas()`).
 */
export function checkCreateInput(
  entity: EntityName,
  input: unknown,
  prefix: Path = [],
): { issues: ValidationIssue[]; checked?: object } {
  const issues: ValidationIssue[] = [];
  if (!isPlainObject(input))
    return { issues: [{ path: [...prefix], message: 'Expected an object' }] };
  forbiddenKeyIssues(input, [...prefix], issues);
  if (issues.length) return { issues };
  const { id, ...fields } = input;
  for (const key of Object.keys(fields)) {
    if (!SYSTEM.has(key)) continue;
    issues.push({ path: [...prefix, key], message: `"${key}" is set by the system` });
    delete fields[key];
  }
  if (id !== undefined && !IdSchema.safeParse(id).success)
    issues.push({ path: [...prefix, 'id'], message: 'Not a valid id' });
  const parsed = inputSchemaOf(entity).safeParse(fields);
  if (!parsed.success) issues.push(...zodIssues(parsed.error, prefix));
  if (!parsed.success || issues.length) return { issues };
  const checked: object = Object.freeze(
    new CheckedToken({
      entity,
      id: id as string | undefined,
      data: parsed.data,
      provided: Object.keys(fields),
    }),
  );
  return { issues, checked };
}

export interface ValidateStageOptions {
  /** Custom field definitions of an entity, for validating `customFields`. */
  readonly customFields: (entity: EntityName) => Promise<readonly CustomFieldDefinition[]>;
}

/**
 * The first stage: every input is checked against its entity's zod schema (strict: unknown keys,
 * prototype keys, out-of-bound sizes, non-finite numbers and impossible dates are errors), custom
 * fields against their definitions, and query specs against the query model. All problems of a
 * request are reported at once, each with its path; nothing is written unless everything is valid.
 */
export function createValidateStage(): GatewayStage {
  return {
    name: 'validate',
    create(next) {
      return {
        ...next,
        write: (request) => next.write(request),
        async get(request) {
          const issues: ValidationIssue[] = [];
          request.ids.forEach((id, i) => {
            if (!IdSchema.safeParse(id).success)
              issues.push({ path: ['id', i], message: 'Not a valid id' });
          });
          if (issues.length) throw new ValidationError(issues);
          return next.get(request);
        },
        // Reads pass straight on when valid (no await of their own: a read is a few hops shorter).
        query(request) {
          const parsed = QuerySpecSchema.safeParse(request.spec);
          if (!parsed.success)
            return Promise.reject(
              new ValidationError(zodIssues(parsed.error, []), 'Invalid query'),
            );
          return next.query(request);
        },
        count(request) {
          // No filter is valid; `WhereSchema.optional()` here would build a new schema per call.
          const parsed = request.where === undefined ? null : WhereSchema.safeParse(request.where);
          if (parsed && !parsed.success)
            return Promise.reject(
              new ValidationError(zodIssues(parsed.error, ['where']), 'Invalid filter'),
            );
          return next.count(request);
        },
        aggregate(request) {
          const parsed = AggregateQuerySchema.safeParse(request.query);
          if (!parsed.success)
            return Promise.reject(
              new ValidationError(zodIssues(parsed.error, []), 'Invalid aggregate'),
            );
          return next.aggregate(request);
        },
      };
    },
  };
}

/**
 * Turns repository intents into validated operations: loads the current records (plaintext,
 * through `loadCurrent`), merges patches, and validates everything, collecting every issue.
 * Lives beside the validate stage because it is the validate stage's entry point.
 */
export async function prepareOperations(
  core: GatewayCore,
  ctx: RequestContext,
  intents: readonly WriteIntent[],
  options: ValidateStageOptions & { newId: () => string },
): Promise<WriteOperation[]> {
  const issues: ValidationIssue[] = [];
  const many = intents.length > 1;
  const prefixOf = (index: number): Path => (many ? [index] : []);
  if (intents.some((intent) => intent.type !== 'delete')) await loadSchemas();

  // Load current records for updates and deletes, one batch per entity.
  const current = new Map<string, StoredRecord | null>();
  const wanted = new Map<EntityName, string[]>();
  intents.forEach((intent, index) => {
    if (intent.type === 'create') return;
    if (!IdSchema.safeParse(intent.id).success) {
      issues.push({ path: [...prefixOf(index), 'id'], message: 'Not a valid id' });
      return;
    }
    const list = wanted.get(intent.entity) ?? [];
    list.push(intent.id);
    wanted.set(intent.entity, list);
  });
  for (const [entity, ids] of wanted) {
    const unique = [...new Set(ids)];
    const rows = await core.loadCurrent({ ctx, entity, ids: unique });
    unique.forEach((id, i) => current.set(`${entity}\u0000${id}`, rows[i] ?? null));
  }

  const definitions = new Map<EntityName, readonly CustomFieldDefinition[]>();
  const definitionsOf = async (entity: EntityName) => {
    if (!definitions.has(entity)) definitions.set(entity, await options.customFields(entity));
    return definitions.get(entity)!;
  };

  const operations: WriteOperation[] = [];
  const createdIds: CreatedIds = new Map();
  // Long batches (imports) validate in time slices so the page stays responsive.
  const slice = createTimeSlicer();
  for (const [index, intent] of intents.entries()) {
    const sliced = slice();
    if (sliced) await sliced;
    const prefix = prefixOf(index);
    if (intent.type === 'create') {
      const defs = await definitionsOf(intent.entity);
      const op = validateCreate(intent, prefix, issues, createdIds, defs, options.newId);
      if (op) operations.push(op);
      continue;
    }
    const before = current.get(`${intent.entity}\u0000${intent.id}`);
    if (before === undefined) continue; // invalid id, already reported
    if (before === null)
      throw new NotFoundError(ENTITY_CATALOG[intent.entity].collection, intent.id);
    if (intent.expectedVersion !== undefined && !Number.isInteger(intent.expectedVersion)) {
      issues.push({ path: [...prefix, 'expectedVersion'], message: 'Expected an integer version' });
      continue;
    }
    if (intent.type === 'delete') {
      operations.push({
        type: 'delete',
        entity: intent.entity,
        id: intent.id,
        before,
        ...(intent.expectedVersion !== undefined && { expectedVersion: intent.expectedVersion }),
      });
      continue;
    }
    if (!isPlainObject(intent.patch)) {
      issues.push({ path: prefix, message: 'Expected an object of changes' });
      continue;
    }
    const countBefore = issues.length;
    forbiddenKeyIssues(intent.patch, prefix, issues);
    const schema = inputSchemaOf(intent.entity);
    const known = new Set(Object.keys(schema.shape));
    for (const key of Object.keys(intent.patch)) {
      if (SYSTEM.has(key))
        issues.push({ path: [...prefix, key], message: `"${key}" is set by the system` });
      else if (!known.has(key) && !FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: [...prefix, key], message: `Unknown field "${key}"` });
      }
    }
    if (issues.length > countBefore) continue;
    const merged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(before)) if (!SYSTEM.has(key)) merged[key] = value;
    for (const [key, value] of Object.entries(intent.patch)) {
      if (value === null || value === undefined) delete merged[key];
      else merged[key] = value;
    }
    const parsed = schema.safeParse(merged);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, prefix));
      continue;
    }
    customFieldIssues(parsed.data, await definitionsOf(intent.entity), prefix, issues);
    operations.push({
      type: 'update',
      entity: intent.entity,
      id: intent.id,
      patch: intent.patch,
      data: parsed.data,
      before,
      ...(intent.expectedVersion !== undefined && { expectedVersion: intent.expectedVersion }),
    });
  }
  if (issues.length) throw new ValidationError(issues);
  return operations;
}

type CreateIntent = Extract<WriteIntent, { type: 'create' }>;

/** Ids created so far in one write, per entity (an import of 100k keeps no key string per record). */
type CreatedIds = Map<EntityName, Set<string>>;

/** Records `id` as created in this write; false when the write already creates it. */
function claimId(createdIds: CreatedIds, entity: EntityName, id: string): boolean {
  let ids = createdIds.get(entity);
  if (!ids) createdIds.set(entity, (ids = new Set()));
  if (ids.has(id)) return false;
  ids.add(id);
  return true;
}

/**
 * Validates one create: a token from {@link checkCreateInput} is taken as is (only what depends on
 * this write is checked: the id is free in this batch, custom fields against `definitions`); any
 * other input gets every check. Issues go to `issues`; returns the operation when there were none.
 */
function validateCreate(
  intent: CreateIntent,
  prefix: Path,
  issues: ValidationIssue[],
  createdIds: CreatedIds,
  definitions: readonly CustomFieldDefinition[],
  newId: () => string,
): CreateOperation | null {
  const checked = CheckedToken.read(intent.input);
  if (checked && checked.entity === intent.entity) {
    const id = checked.id ?? newId();
    if (!claimId(createdIds, intent.entity, id)) {
      issues.push({ path: [...prefix, 'id'], message: `Duplicate id "${id}" in this batch` });
      return null;
    }
    const before = issues.length;
    customFieldIssues(checked.data, definitions, prefix, issues);
    if (issues.length > before) return null;
    return {
      type: 'create',
      entity: intent.entity,
      id,
      data: checked.data,
      provided: checked.provided,
    };
  }
  if (!isPlainObject(intent.input)) {
    issues.push({ path: prefix, message: 'Expected an object' });
    return null;
  }
  const before = issues.length;
  forbiddenKeyIssues(intent.input, prefix, issues);
  const { id: rawId, ...input } = intent.input;
  for (const key of Object.keys(input)) {
    if (SYSTEM.has(key))
      issues.push({ path: [...prefix, key], message: `"${key}" is set by the system` });
  }
  let id: string;
  if (rawId === undefined) id = newId();
  else if (IdSchema.safeParse(rawId).success) id = rawId as string;
  else {
    issues.push({ path: [...prefix, 'id'], message: 'Not a valid id' });
    return null;
  }
  if (!claimId(createdIds, intent.entity, id))
    issues.push({ path: [...prefix, 'id'], message: `Duplicate id "${id}" in this batch` });
  if (issues.length > before) return null;
  const parsed = inputSchemaOf(intent.entity).safeParse(input);
  if (!parsed.success) {
    issues.push(...zodIssues(parsed.error, prefix));
    return null;
  }
  customFieldIssues(parsed.data, definitions, prefix, issues);
  if (issues.length > before) return null;
  return {
    type: 'create',
    entity: intent.entity,
    id,
    data: parsed.data,
    provided: Object.keys(input),
  };
}

/** Creates per chunk of a {@link CreateStream} at most, and the time one chunk's validation may take. */
const STREAM_CHUNK = 250;
const STREAM_CHUNK_MS = 8;

/** A {@link CreateStream} from {@link streamCreates}, which can finish its validation after a failed write. */
export interface ValidatedCreateStream extends CreateStream {
  /**
   * After the write failed: validates whatever the stream had not reached yet (in time slices) and
   * returns a `ValidationError` with every issue of the batch, or `null` when every create is valid
   * (then the write failed for another reason). What a write validating everything up front reports.
   */
  failure(): Promise<ValidationError | null>;
}

/**
 * A batch of creates as a {@link CreateStream}: the same checks as {@link prepareOperations}, run a
 * chunk at a time when storage asks for the next chunk, so that validating one chunk overlaps with
 * writing the one before. Custom field definitions are loaded first. A chunk with an invalid
 * create throws a `ValidationError` naming its issues, which abandons the commit (all-or-nothing);
 * then {@link ValidatedCreateStream.failure} reports every issue of the batch.
 */
export async function streamCreates(
  intents: readonly CreateIntent[],
  options: ValidateStageOptions & { newId: () => string },
): Promise<ValidatedCreateStream> {
  await loadSchemas();
  const counts = new Map<EntityName, number>();
  for (const intent of intents) counts.set(intent.entity, (counts.get(intent.entity) ?? 0) + 1);
  const definitions = new Map<EntityName, readonly CustomFieldDefinition[]>();
  for (const entity of counts.keys()) definitions.set(entity, await options.customFields(entity));
  // One validation pass per iteration: a commit that is retried (the audit chain moved on in
  // another tab) iterates again and validates from the start, with fresh ids.
  let issues: ValidationIssue[] = [];
  let createdIds: CreatedIds = new Map();
  let next = 0;
  const validateNext = (): CreateOperation | null => {
    const index = next++;
    const intent = intents[index]!;
    const defs = definitions.get(intent.entity)!;
    return validateCreate(intent, [index], issues, createdIds, defs, options.newId);
  };
  function* pass(): Generator<readonly CreateOperation[], void, undefined> {
    issues = [];
    createdIds = new Map();
    next = 0;
    while (next < intents.length) {
      const chunk: CreateOperation[] = [];
      const started = performance.now();
      while (next < intents.length && chunk.length < STREAM_CHUNK) {
        const op = validateNext();
        if (op) chunk.push(op);
        if ((next & 31) === 0 && performance.now() - started > STREAM_CHUNK_MS) break;
      }
      if (issues.length) throw new ValidationError([...issues]);
      yield chunk;
    }
  }
  return {
    kind: 'stream',
    counts,
    size: intents.length,
    entityAt: (index) => intents[index]!.entity,
    chunks: { [Symbol.iterator]: pass },
    async failure() {
      const slice = createTimeSlicer();
      while (next < intents.length) {
        validateNext();
        const sliced = slice();
        if (sliced) await sliced;
      }
      return issues.length ? new ValidationError(issues) : null;
    },
  };
}

/** Checks `customFields` against the entity's definitions: known keys, typed values, required ones. */
function customFieldIssues(
  data: Record<string, unknown>,
  definitions: readonly CustomFieldDefinition[],
  prefix: Path,
  issues: ValidationIssue[],
): void {
  const values = data.customFields as Record<string, unknown> | undefined;
  if (values === undefined) return;
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    const path = [...prefix, 'customFields', key];
    if (!def) {
      issues.push({ path, message: `No custom field "${key}" is defined` });
      continue;
    }
    if (value === null) continue;
    const parsed = loadedSchemas().customFieldValueSchema(def).safeParse(value);
    if (!parsed.success) issues.push(...zodIssues(parsed.error, path));
  }
  for (const def of definitions) {
    if (
      def.required &&
      (values[def.key] === undefined || values[def.key] === null || values[def.key] === '')
    ) {
      issues.push({ path: [...prefix, 'customFields', def.key], message: 'Required' });
    }
  }
}
