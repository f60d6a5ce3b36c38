import type { FieldCondition, Scalar, Where } from './query-spec.js';
import { compilePath } from './field-path.js';
import { normalizeText } from './normalize.js';

/**
 * Evaluates a filter tree against one record. This is the reference semantics: every adapter
 * (IndexedDB after its index step, REST servers, SQL translation) must return what this returns.
 */
export function matchesWhere(record: unknown, where: Where | undefined): boolean {
  return compileWhere(where)(record);
}

/** Missing, `null`, or an empty array: all read as "no value". */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function equals(value: unknown, target: Scalar): boolean {
  if (target === null) return isAbsent(value);
  if (Array.isArray(value)) return value.some((v) => v === target);
  return value === target;
}

function ordered(value: unknown, target: string | number, test: (c: number) => boolean): boolean {
  const check = (v: unknown): boolean =>
    typeof v === typeof target && test(v === target ? 0 : (v as string | number) < target ? -1 : 1);
  return Array.isArray(value) ? value.some(check) : check(value);
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? normalizeText(value) : null;
}

type Test = (value: unknown) => boolean;

/**
 * A filter tree compiled once for a loop over many records: paths split once, `in` lists as
 * sets, text targets normalised once. `matchesWhere` is this for one record; the memory and
 * IndexedDB model tests hold both adapters to it against an independent reference model.
 */
export function compileWhere(where: Where | undefined): (record: unknown) => boolean {
  if (!where) return () => true;
  const tests: ((record: unknown) => boolean)[] = [];
  for (const key of Object.keys(where)) {
    const node = where[key];
    if (node === undefined) continue;
    if (key === 'and') {
      const parts = (node as readonly Where[]).map(compileWhere);
      tests.push((record) => parts.every((part) => part(record)));
    } else if (key === 'or') {
      const list = node as readonly Where[];
      if (list.length === 0) continue;
      const parts = list.map(compileWhere);
      tests.push((record) => parts.some((part) => part(record)));
    } else if (key === 'not') {
      const inner = compileWhere(node as Where);
      tests.push((record) => !inner(record));
    } else {
      const read = compilePath(key);
      const test = compileCondition(node as FieldCondition);
      tests.push((record) => test(read(record)));
    }
  }
  return all(tests);
}

function all<T>(tests: ((value: T) => boolean)[]): (value: T) => boolean {
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [(value: T) => boolean, (value: T) => boolean];
    return (value) => a(value) && b(value);
  }
  return (value) => tests.every((test) => test(value));
}

/** Membership in a list of targets; a set when no target needs `equals`' special cases. */
function membership(targets: readonly Scalar[]): Test {
  if (targets.every((t) => t !== null && !(typeof t === 'number' && Number.isNaN(t)))) {
    const set = new Set<unknown>(targets);
    return (value) => (Array.isArray(value) ? value.some((v) => set.has(v)) : set.has(value));
  }
  return (value) => targets.some((t) => equals(value, t));
}

function compileCondition(condition: FieldCondition): Test {
  const tests: Test[] = [];
  const { eq, ne, gt, gte, lt, lte, exists, contains, startsWith } = condition;
  if (eq !== undefined) tests.push((v) => equals(v, eq));
  if (ne !== undefined) tests.push((v) => !equals(v, ne));
  if (condition.in !== undefined) tests.push(membership(condition.in));
  if (condition.nin !== undefined) {
    const member = membership(condition.nin);
    tests.push((v) => !member(v));
  }
  if (gt !== undefined) tests.push((v) => ordered(v, gt, (c) => c > 0));
  if (gte !== undefined) tests.push((v) => ordered(v, gte, (c) => c >= 0));
  if (lt !== undefined) tests.push((v) => ordered(v, lt, (c) => c < 0));
  if (lte !== undefined) tests.push((v) => ordered(v, lte, (c) => c <= 0));
  if (exists !== undefined) tests.push((v) => isAbsent(v) !== exists);
  if (contains !== undefined) {
    const text = typeof contains === 'string' ? normalizeText(contains) : null;
    tests.push((v) =>
      Array.isArray(v)
        ? v.some((x) => x === contains)
        : typeof v === 'string' && text !== null && normalizeText(v).includes(text),
    );
  }
  if (startsWith !== undefined) {
    const prefix = normalizeText(startsWith);
    const test = (v: unknown): boolean => textOf(v)?.startsWith(prefix) ?? false;
    tests.push((v) => (Array.isArray(v) ? v.some(test) : test(v)));
  }
  return all(tests);
}
