import type { z } from 'zod';
import { SYSTEM_FIELDS } from '../entities/common.js';
import { ENTITIES } from '../entities/registry.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { FieldCondition, Where } from '../query/query-spec.js';
import { WhereSchema } from '../query/query-schemas.js';
import { zodIssues } from '../gateway/zod-issues.js';

/** The entities a segment can select. */
export type SegmentEntity = 'customer' | 'contact';

/**
 * Fields a segment filter may use beyond the stored ones, computed at query time. `age` (whole
 * years, from `birthday`, on the injected clock) is rewritten into a `birthday` range, so it is
 * evaluated by the query engine like any stored field.
 */
export const VIRTUAL_SEGMENT_FIELDS = ['age'] as const;

type Node = { kind: 'leaf' } | { kind: 'object'; fields: Map<string, Node> } | { kind: 'any' };

/** The field tree of a zod schema: objects by key, arrays by element, records accept any key. */
function nodeOf(schema: z.ZodType): Node {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
      return nodeOf(def.innerType as z.ZodType);
    case 'pipe':
      return nodeOf(def.in as z.ZodType);
    case 'array':
      return nodeOf(def.element as z.ZodType);
    case 'object': {
      const fields = new Map<string, Node>();
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>))
        fields.set(key, nodeOf(value));
      return { kind: 'object', fields };
    }
    case 'record':
      return { kind: 'any' };
    default:
      return { kind: 'leaf' };
  }
}

const trees = new Map<SegmentEntity, Node>();
function treeOf(entity: SegmentEntity): Node {
  let tree = trees.get(entity);
  if (!tree) {
    tree = nodeOf(ENTITIES[entity].input as unknown as z.ZodType);
    if (tree.kind === 'object') for (const f of SYSTEM_FIELDS) tree.fields.set(f, { kind: 'leaf' });
    trees.set(entity, tree);
  }
  return tree;
}

/** Whether `path` (dotted) names a field of the entity's schema, a system field or a virtual field. */
export function isSegmentField(entity: SegmentEntity, path: string): boolean {
  if ((VIRTUAL_SEGMENT_FIELDS as readonly string[]).includes(path)) return true;
  let node: Node | undefined = treeOf(entity);
  for (const segment of path.split('.')) {
    if (!node || node.kind === 'leaf') return false;
    if (node.kind === 'any') return true;
    node = node.fields.get(segment);
  }
  return node !== undefined;
}

function visitFields(
  where: Where,
  path: (string | number)[],
  visit: (field: string, condition: FieldCondition, path: (string | number)[]) => void,
): void {
  for (const [key, node] of Object.entries(where)) {
    if (node === undefined) continue;
    if (key === 'and' || key === 'or')
      (node as readonly Where[]).forEach((w, i) => visitFields(w, [...path, key, i], visit));
    else if (key === 'not') visitFields(node as Where, [...path, key], visit);
    else visit(key, node as FieldCondition, [...path, key]);
  }
}

const AGE_OPERATORS = new Set(['eq', 'gt', 'gte', 'lt', 'lte', 'exists']);

/**
 * Checks a segment filter: the query model's rules (WhereSchema) and that every field exists on
 * the entity. Issue paths start with `where`.
 *
 * @throws ValidationError naming each unknown field, e.g. `where.and.0.shoeSize: Unknown field "shoeSize" on customer`
 */
export function checkSegmentWhere(entity: SegmentEntity, where: unknown): Where {
  const parsed = WhereSchema.safeParse(where);
  if (!parsed.success)
    throw new ValidationError(zodIssues(parsed.error, ['where']), 'Invalid segment filter');
  const issues: ValidationIssue[] = [];
  visitFields(parsed.data, ['where'], (field, condition, path) => {
    if (!isSegmentField(entity, field)) {
      issues.push({ path, message: `Unknown field "${field}" on ${entity}` });
    } else if (field === 'age') {
      for (const [op, value] of Object.entries(condition)) {
        if (!AGE_OPERATORS.has(op))
          issues.push({ path: [...path, op], message: `age takes eq gt gte lt lte exists` });
        else if (op !== 'exists' && (typeof value !== 'number' || !Number.isInteger(value)))
          issues.push({ path: [...path, op], message: 'age is a whole number of years' });
      }
    }
  });
  if (issues.length) throw new ValidationError(issues, 'Invalid segment filter');
  return parsed.data;
}

/** The calendar date `years` before `today` (`YYYY-MM-DD`); 29 Feb falls back to 28 Feb. */
function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Birthdays giving an age of at least `years` today: born on or before this date. */
const ageAtLeast = (today: string, years: number): FieldCondition => ({
  lte: yearsBefore(today, years),
});
/** Birthdays giving an age below `years`: born after the date `years` ago. */
const ageBelow = (today: string, years: number): FieldCondition => ({
  gt: yearsBefore(today, years),
});

function ageToBirthday(condition: FieldCondition, today: string): Where {
  const parts: Where[] = [];
  const n = (v: unknown) => v as number;
  if (condition.exists !== undefined) parts.push({ birthday: { exists: condition.exists } });
  if (condition.eq !== undefined)
    parts.push(
      { birthday: ageAtLeast(today, n(condition.eq)) },
      {
        birthday: ageBelow(today, n(condition.eq) + 1),
      },
    );
  if (condition.gte !== undefined) parts.push({ birthday: ageAtLeast(today, n(condition.gte)) });
  if (condition.gt !== undefined) parts.push({ birthday: ageAtLeast(today, n(condition.gt) + 1) });
  if (condition.lt !== undefined) parts.push({ birthday: ageBelow(today, n(condition.lt)) });
  if (condition.lte !== undefined) parts.push({ birthday: ageBelow(today, n(condition.lte) + 1) });
  return parts.length === 1 ? parts[0]! : { and: parts };
}

/**
 * The stored filter as the query engine runs it: `age` conditions become `birthday` ranges
 * relative to `now` (ISO instant; its UTC date is "today").
 */
export function resolveSegmentWhere(where: Where, now: string): Where {
  const today = now.slice(0, 10);
  const out: Record<string, unknown> = {};
  const and: Where[] = [];
  for (const [key, node] of Object.entries(where)) {
    if (node === undefined) continue;
    if (key === 'and' || key === 'or')
      out[key] = (node as readonly Where[]).map((w) => resolveSegmentWhere(w, now));
    else if (key === 'not') out[key] = resolveSegmentWhere(node as Where, now);
    else if (key === 'age') {
      const resolved = ageToBirthday(node as FieldCondition, today);
      and.push(...(resolved.and ? (resolved.and as Where[]) : [resolved]));
    } else out[key] = node;
  }
  if (and.length === 0) return out as Where;
  if (out.and) and.push(...(out.and as Where[]));
  return { ...out, and } as Where;
}
