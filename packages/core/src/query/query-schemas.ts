import { z } from 'zod';
import { FIELD_OPERATORS, MAX_LIMIT } from './query-constants.js';
import type { Where } from './query-spec.js';

/**
 * The zod schemas of the query model (query-spec.ts) and of aggregates (aggregate.ts). They live
 * in a module of their own, imported only where input is validated (the gateway, entity schemas),
 * so a bundle that runs queries without validating them (the memory entry) leaves them, and zod,
 * out; query-spec.ts and aggregate.ts do not re-export them, or a bundler that keeps a module's
 * top-level calls would bring them back.
 */

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
const isForbiddenPath = (path: string) => path.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s));

/** A dotted field path to order, group or sum by. */
const FieldPathSchema = z
  .string()
  .regex(FIELD_PATH, 'Not a valid field path')
  .refine((f) => !isForbiddenPath(f), 'Not a valid field path');

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
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  let nodes = 0;
  const visit = (node: unknown, path: (string | number)[], depth: number): void => {
    if (++nodes > MAX_WHERE_NODES)
      return issue(path, `Filter has more than ${MAX_WHERE_NODES} nodes`);
    if (depth > MAX_WHERE_DEPTH)
      return issue(path, `Filter is nested deeper than ${MAX_WHERE_DEPTH}`);
    if (!isPlainObject(node)) return issue(path, 'Expected a plain filter object');
    for (const key of Object.keys(node)) {
      const child = node[key];
      const childPath = [...path, key];
      if (key === 'and' || key === 'or') {
        if (Array.isArray(child))
          child.forEach((item, index) => visit(item, [...childPath, index], depth + 1));
        else issue(childPath, `"${key}" takes an array of filters`);
      } else if (key === 'not') {
        visit(child, childPath, depth + 1);
      } else if (!FIELD_PATH.test(key) || isForbiddenPath(key)) {
        issue(childPath, `"${key}" is not a valid field path`);
      } else if (!isPlainObject(child)) {
        issue(childPath, 'Expected operators, e.g. { eq: value }');
      } else {
        const unknown = Object.keys(child).filter((op) => !OPERATOR_SET.has(op));
        for (const op of unknown) issue([...childPath, op], `Unknown operator "${op}"`);
        if (unknown.length) continue;
        const parsed = FieldConditionSchema.safeParse(child);
        if (!parsed.success) {
          for (const { path: at, message } of parsed.error.issues)
            issue([...childPath, ...(at as (string | number)[])], message);
        }
      }
    }
  };
  visit(value, [], 0);
});

export const OrderBySchema = z.strictObject({
  field: FieldPathSchema,
  direction: z.enum(['asc', 'desc']).optional(),
});

export const QuerySpecSchema = z.strictObject({
  where: WhereSchema.optional(),
  search: z.string().max(200).optional(),
  orderBy: z.array(OrderBySchema).max(5).optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  cursor: z.string().max(4000).optional(),
});

/** Validates an `AggregateQuery` (aggregate.ts): a filter tree, at most 5 group and 10 sum fields. */
export const AggregateQuerySchema = z.strictObject({
  where: WhereSchema.optional(),
  groupBy: z.array(FieldPathSchema).max(5),
  sum: z.array(FieldPathSchema).max(10).optional(),
});
