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

export { DEFAULT_LIMIT, MAX_LIMIT, LOGICAL_KEYS, FIELD_OPERATORS } from './query-constants.js';
