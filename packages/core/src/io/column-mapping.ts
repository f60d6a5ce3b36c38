import { FORBIDDEN_KEYS, PHONE_TYPES, type Phone } from '../entities/common.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { restoreFormula } from './csv-format.js';

/**
 * How one cell becomes a field value. Cells are trimmed first; an empty cell sets nothing (the
 * entity's default applies).
 *
 * - `'text'` (default): the text; a leading `'` that an export added before `=`, `+`, `-`, `@` is removed.
 * - `'number'`, `'integer'`: `1234.5`, `1,234` (thousands commas allowed).
 * - `'boolean'`: `true/false`, `yes/no`, `y/n`, `1/0`, `是/否`, `on/off` (any case).
 * - `'datetime'`: an ISO 8601 instant (`2024-08-13T18:04:34.666+00:00`) → UTC ISO.
 * - `'date'`: `YYYY-MM-DD` (the date part of an ISO instant is accepted).
 * - `'list'`: a comma list (`,` `，` `、` `;` `；`) → trimmed, non-empty strings.
 * - `{ map: { hot: 'prospect', … }, otherwise? }`: a lookup, case-insensitive; a value not in it is
 *   an error (`'error'`, default), left out with a warning (`'drop'`), or kept as is (`'keep'`).
 * - `{ phone: 'work' }`: a phone object `{ number, type: 'work' }`, for `phones[]`.
 * - a function `(text, row) => value`: anything else; return `undefined` to set nothing, throw to
 *   report the cell as invalid.
 */
export type CellTransform =
  | 'text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'datetime'
  | 'date'
  | 'list'
  | {
      readonly map: Readonly<Record<string, string | number | boolean>>;
      readonly otherwise?: 'error' | 'drop' | 'keep';
    }
  | { readonly phone: Phone['type'] }
  | ((text: string, row: Readonly<Record<string, unknown>>) => unknown);

/**
 * One column (or several) of the file onto one field of the record.
 *
 * `to` is a dotted path: `name`, `region.city`, `phones.0.number`, `customFields.wechatGroup`,
 * `consent.email`. A path ending in `[]` appends: `emails[]` adds the value to the list, `tags[]`
 * adds every element of a `'list'` value, `phones[]` with `{ phone: 'home' }` adds a typed phone.
 */
export interface ColumnRule {
  /** The header (CSV) or key (JSON) to read. Several: their non-empty cells joined by `separator`. */
  readonly from: string | readonly string[];
  readonly to: string;
  readonly transform?: CellTransform;
  /** Between the cells of several `from` columns. Default `' '`. */
  readonly separator?: string;
}

/** A mapping from a file's columns onto an entity's fields. */
export interface ImportMapping {
  readonly columns: readonly ColumnRule[];
  /** Columns deliberately not imported, each with the reason given in the report. */
  readonly ignore?: Readonly<Record<string, string>>;
  /**
   * Contacts (and other records with a `customerId`): link each row to a customer by company name.
   * The name is compared without legal suffixes (有限公司, Co., Ltd.), case and full/half width; a
   * name with no match creates a customer when `create` is true (default), else the row is
   * imported unlinked with a warning. `columns` fill fields of customers created this way (for
   * several rows of one new company, the first non-empty value wins).
   */
  readonly customer?: {
    readonly from: string;
    readonly create?: boolean;
    readonly columns?: readonly ColumnRule[];
  };
}

/** A problem with one cell that does not stop the row (the value was left out). */
export interface MappingWarning {
  readonly column: string;
  readonly message: string;
}

const BOOLEANS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  '1': true,
  '0': false,
  on: true,
  off: false,
  是: true,
  否: false,
};

const LIST_SEPARATOR = /[,，、;；]/;
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;

type Segment = string | number | '[]';

/** `phones.0.number` → `['phones', 0, 'number']`; `tags[]` → `['tags', '[]']`. */
function parseTarget(to: string): Segment[] | null {
  if (typeof to !== 'string' || to.length === 0 || to.length > 200) return null;
  const segments: Segment[] = [];
  for (const part of to.split('.')) {
    const append = part.endsWith('[]');
    const key = append ? part.slice(0, -2) : part;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$|^\d{1,2}$/.test(key) || FORBIDDEN_KEYS.has(key)) return null;
    segments.push(/^\d+$/.test(key) ? Number(key) : key);
    if (append) segments.push('[]');
  }
  return segments;
}

/** A mapping checked once, ready to apply to many rows. */
export interface CompiledMapping {
  apply(
    row: Readonly<Record<string, unknown>>,
    warnings: MappingWarning[],
  ): { input: Record<string, unknown>; issues: ValidationIssue[] };
  /** The columns the mapping reads (for the unmapped-columns report). */
  readonly columns: ReadonlySet<string>;
}

/**
 * Checks a mapping (targets are plain dotted paths, no `__proto__`-like keys) and compiles it.
 *
 * @throws ValidationError with paths into the mapping (`['mapping', 'columns', 2, 'to']`)
 */
export function compileMapping(
  rules: readonly ColumnRule[],
  pathPrefix: readonly (string | number)[] = ['mapping', 'columns'],
): CompiledMapping {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(rules)) {
    throw new ValidationError([{ path: [...pathPrefix], message: 'Give a list of column rules' }]);
  }
  const compiled = rules.map((rule, i) => {
    const from = typeof rule?.from === 'string' ? [rule.from] : rule?.from;
    if (!Array.isArray(from) || from.length === 0 || from.some((f) => typeof f !== 'string'))
      issues.push({ path: [...pathPrefix, i, 'from'], message: 'Name the column(s) to read' });
    const target = parseTarget(rule?.to);
    if (!target)
      issues.push({
        path: [...pathPrefix, i, 'to'],
        message: `"${String(rule?.to)}" is not a field path such as name, region.city, phones.0.number or tags[]`,
      });
    const transform = rule?.transform ?? 'text';
    if (
      typeof transform === 'object' &&
      'phone' in transform &&
      !PHONE_TYPES.includes(transform.phone)
    )
      issues.push({
        path: [...pathPrefix, i, 'transform', 'phone'],
        message: `Use one of ${PHONE_TYPES.join(', ')}`,
      });
    return { from: from as readonly string[], target: target!, transform, rule };
  });
  if (issues.length) throw new ValidationError(issues, 'Invalid import mapping');

  // Everything that does not depend on the row is worked out once, not once per row.
  const prepared = compiled.map(({ from, target, transform, rule }) => ({
    from,
    /** The only column read, or `undefined` when several are joined. */
    single: from.length === 1 ? from[0]! : undefined,
    separator: rule.separator ?? ' ',
    target,
    column: from.join('+'),
    transform: prepareTransform(transform),
  }));
  // Index targets (`phones.1.number`), functions and typed (JSON) values can leave holes in lists;
  // text cells through the other transforms cannot.
  const mayLeaveHoles = compiled.some(
    ({ target, transform }) =>
      typeof transform === 'function' || target.some((s) => typeof s === 'number'),
  );

  return {
    columns: new Set(compiled.flatMap((c) => c.from)),
    apply(row, warnings) {
      const input: Record<string, unknown> = {};
      const rowIssues: ValidationIssue[] = [];
      let typed = false;
      for (const { from, single, separator, target, column, transform } of prepared) {
        let text: string;
        if (single !== undefined) {
          const cell = row[single];
          if (cell !== undefined && typeof cell !== 'string') {
            setPath(input, target, cell); // JSON: already typed
            typed = true;
            continue;
          }
          text = cell === undefined ? '' : cell.trim();
        } else {
          text = from
            .map((c) => {
              const cell = row[c];
              return typeof cell === 'string' ? cell.trim() : '';
            })
            .filter(Boolean)
            .join(separator);
        }
        if (text === '') continue;
        let value: unknown;
        try {
          value = convert(text, transform, row, column, warnings);
        } catch (error) {
          rowIssues.push({
            path: target.filter((s) => s !== '[]'),
            message: `${column}: ${error instanceof Error ? error.message : String(error)}`,
          });
          continue;
        }
        if (value === undefined) continue;
        setPath(input, target, value);
      }
      return {
        input: (mayLeaveHoles || typed ? compact(input) : input) as Record<string, unknown>,
        issues: rowIssues,
      };
    },
  };
}

/** A lookup's keys folded once (NFKC, lower case; the first of equal keys wins), with its options. */
interface PreparedLookup {
  readonly lookup: ReadonlyMap<string, string | number | boolean>;
  readonly known: string;
  readonly otherwise: 'error' | 'drop' | 'keep' | undefined;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

function prepareTransform(transform: CellTransform): CellTransform | PreparedLookup {
  if (typeof transform !== 'object' || !('map' in transform)) return transform;
  const lookup = new Map<string, string | number | boolean>();
  for (const [key, value] of Object.entries(transform.map))
    if (!lookup.has(fold(key))) lookup.set(fold(key), value);
  return {
    lookup,
    known: Object.keys(transform.map).join(', '),
    otherwise: transform.otherwise,
  };
}

function convert(
  text: string,
  transform: CellTransform | PreparedLookup,
  row: Readonly<Record<string, unknown>>,
  column: string,
  warnings: MappingWarning[],
): unknown {
  if (typeof transform === 'function') return transform(text, row);
  if (typeof transform === 'object') {
    if ('phone' in transform) return { number: restoreFormula(text), type: transform.phone };
    if (!('lookup' in transform)) throw new Error(`unknown transform for ${column}`);
    const key = fold(text);
    if (transform.lookup.has(key)) return transform.lookup.get(key);
    const known = transform.known;
    if (transform.otherwise === 'keep') return text;
    if (transform.otherwise === 'drop') {
      warnings.push({ column, message: `"${text}" is not one of ${known}; left empty` });
      return undefined;
    }
    throw new Error(`"${text}" is not one of ${known}`);
  }
  switch (transform) {
    case 'text':
      return restoreFormula(text);
    case 'number':
    case 'integer': {
      const n = Number(restoreFormula(text).replace(/(\d),(?=\d{3}\b)/g, '$1'));
      if (!Number.isFinite(n)) throw new Error(`"${text}" is not a number`);
      if (transform === 'integer' && !Number.isInteger(n))
        throw new Error(`"${text}" is not a whole number`);
      return n;
    }
    case 'boolean': {
      const b = BOOLEANS[text.normalize('NFKC').toLowerCase()];
      if (b === undefined) throw new Error(`"${text}" is not yes/no`);
      return b;
    }
    case 'datetime': {
      const ms = ISO_INSTANT.test(text) ? Date.parse(text.replace(' ', 'T')) : NaN;
      if (Number.isNaN(ms)) throw new Error(`"${text}" is not an ISO 8601 date and time`);
      return new Date(ms).toISOString();
    }
    case 'date': {
      const m = ISO_DATE.exec(text);
      if (!m) throw new Error(`"${text}" is not a date (YYYY-MM-DD)`);
      return m[1];
    }
    case 'list':
      return text
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean);
  }
  throw new Error(`unknown transform for ${column}`);
}

/** Sets a value at a compiled path, creating plain objects and arrays on the way. */
function setPath(target: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let node: Record<string | number, unknown> | unknown[] = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (segment === '[]') {
      const list = node as unknown[];
      if (last) {
        if (Array.isArray(value)) list.push(...(value as unknown[]));
        else list.push(value);
        return;
      }
      const element: Record<string, unknown> = {};
      list.push(element);
      node = element;
      continue;
    }
    if (last) {
      (node as Record<string | number, unknown>)[segment] = value;
      return;
    }
    const next = path[i + 1]!;
    const container = node as Record<string | number, unknown>;
    let child = Object.hasOwn(container, segment) ? container[segment] : undefined;
    if (child === undefined || child === null || typeof child !== 'object') {
      child = next === '[]' || typeof next === 'number' ? [] : {};
      container[segment] = child;
    }
    node = child as Record<string, unknown> | unknown[];
  }
}

/** Closes the holes `phones.1.number` leaves when `phones.0.number` was empty. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = compact(v);
  }
  return value;
}
