import { z } from 'zod';

/**
 * The query model shared by every adapter: a JSON-serialisable filter tree, full-text search,
 * multi-field ordering, a page size and an opaque cursor. The same spec is evaluated in memory,
 * planned onto IndexedDB indexes, sent over REST and translated to SQL.
 *
 * ```ts
 * const spec: QuerySpec = {
 *   where: { tier: { in: ['vip', 'key'] }, 'region.province': { eq: '广东省' }, or: [{ tags: { contains: '重点' } }, { lifecycleStage: { eq: 'loyal' } }] },
 *   search: '张伟',
 *   orderBy: [{ field: 'updatedAt', direction: 'desc' }],
 *   limit: 50,
 * };
 * ```
 */

export type Scalar = string | number | boolean | null;

/** Conditions on one field; several in one object must all hold. */
export interface FieldCondition {
  /** Equal (on an array field: some element is equal). `null` matches "no value": missing, null or `[]`. */
  eq?: Scalar;
  /** Not equal (on an array field: no element is equal). */
  ne?: Scalar;
  in?: readonly Scalar[];
  nin?: readonly Scalar[];
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
  /** Text: substring, ignoring case and full/half width. Array: some element is equal. */
  contains?: Scalar;
  /** Text prefix, ignoring case and full/half width. */
  startsWith?: string;
  /** `true`: has a value. `false`: missing, null or an empty array. */
  exists?: boolean;
}

/**
 * A filter tree. Keys are dotted field paths (`region.city`) mapping to a {@link FieldCondition},
 * or the logical keys `and`, `or` (arrays of trees) and `not` (a tree). All keys of one object
 * must hold (implicit `and`). `{}` matches everything.
 */
export type Where = {
  readonly [key: string]: FieldCondition | readonly Where[] | Where | undefined;
};

/** What `count` takes: the filtering part of a {@link QuerySpec}. */
export type CountQuery = Pick<QuerySpec, 'where' | 'search' | 'searchFields'>;

export interface OrderBy {
  readonly field: string;
  readonly direction?: 'asc' | 'desc';
}

export interface QuerySpec {
  readonly where?: Where;
  /** Full-text search over the collection's declared search fields. */
  readonly search?: string;
  /**
   * Restricts `search` to these of the collection's search fields. Set by the gateway (to keep
   * fields hidden from the principal out of search); callers cannot set it.
   */
  readonly searchFields?: readonly string[];
  readonly orderBy?: readonly OrderBy[];
  /** Page size; defaults to {@link DEFAULT_LIMIT}. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

export interface QueryResult<T> {
  readonly items: T[];
  /** How many records match `where` and `search` in all (not only this page). */
  readonly total: number;
  /** Pass as `cursor` to get the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 10_000;
export const LOGICAL_KEYS = ['and', 'or', 'not'] as const;
export const FIELD_OPERATORS = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startsWith',
  'exists',
] as const;

const OPERATOR_SET: ReadonlySet<string> = new Set(FIELD_OPERATORS);

/** Object literals and JSON only: a `{ __proto__: … }` literal or a class instance is not a filter. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const MAX_WHERE_DEPTH = 12;
const MAX_WHERE_NODES = 500;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

const ScalarSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
const RangeValue = z.union([z.string().max(1000), z.number()]);

export const FieldConditionSchema = z
  .strictObject({
    eq: ScalarSchema.optional(),
    ne: ScalarSchema.optional(),
    in: z.array(ScalarSchema).max(1000).optional(),
    nin: z.array(ScalarSchema).max(1000).optional(),
    gt: RangeValue.optional(),
    gte: RangeValue.optional(),
    lt: RangeValue.optional(),
    lte: RangeValue.optional(),
    contains: ScalarSchema.optional(),
    startsWith: z.string().max(1000).optional(),
    exists: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'A field condition needs at least one operator');

/** Validates a filter tree: known operators, safe field paths, bounded depth and size. */
export const WhereSchema: z.ZodType<Where> = z.custom<Where>().superRefine((value, ctx) => {
  let nodes = 0;
  const visit = (node: unknown, path: (string | number)[], depth: number): void => {
    if (++nodes > MAX_WHERE_NODES) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `Filter has more than ${MAX_WHERE_NODES} nodes`,
      });
      return;
    }
    if (depth > MAX_WHERE_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `Filter is nested deeper than ${MAX_WHERE_DEPTH}`,
      });
      return;
    }
    if (!isPlainObject(node)) {
      ctx.addIssue({ code: 'custom', path, message: 'Expected a plain filter object' });
      return;
    }
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      const childPath = [...path, key];
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(child)) {
          ctx.addIssue({
            code: 'custom',
            path: childPath,
            message: `"${key}" takes an array of filters`,
          });
          continue;
        }
        child.forEach((item, index) => visit(item, [...childPath, index], depth + 1));
      } else if (key === 'not') {
        visit(child, childPath, depth + 1);
      } else if (!FIELD_PATH.test(key) || key.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s))) {
        ctx.addIssue({
          code: 'custom',
          path: childPath,
          message: `"${key}" is not a valid field path`,
        });
      } else if (!isPlainObject(child)) {
        ctx.addIssue({
          code: 'custom',
          path: childPath,
          message: 'Expected operators, e.g. { eq: value }',
        });
      } else {
        const unknown = Object.keys(child).filter((op) => !OPERATOR_SET.has(op));
        for (const op of unknown) {
          ctx.addIssue({
            code: 'custom',
            path: [...childPath, op],
            message: `Unknown operator "${op}"`,
          });
        }
        if (unknown.length) continue;
        const parsed = FieldConditionSchema.safeParse(child);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.addIssue({
              code: 'custom',
              path: [...childPath, ...(issue.path as (string | number)[])],
              message: issue.message,
            });
          }
        }
      }
    }
  };
  visit(value, [], 0);
});

export const OrderBySchema = z.strictObject({
  field: z
    .string()
    .regex(FIELD_PATH, 'Not a valid field path')
    .refine((f) => !f.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s)), 'Not a valid field path'),
  direction: z.enum(['asc', 'desc']).optional(),
});

export const QuerySpecSchema = z.strictObject({
  where: WhereSchema.optional(),
  search: z.string().max(200).optional(),
  orderBy: z.array(OrderBySchema).max(5).optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  cursor: z.string().max(4000).optional(),
});
