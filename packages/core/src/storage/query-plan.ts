import { withIdTiebreak } from '../query/compare.js';
import type { FieldCondition, QuerySpec, Where } from '../query/query-spec.js';
import type { CollectionDescriptor } from './storage-adapter.js';

/**
 * Chooses how an indexed backend answers a query. Indexes are on `[field, id]`, so one index
 * gives both candidates for `eq` / `in` / ranges and, for sortable fields, the keyset order.
 * The plan only ever narrows to a superset of the matches: the reference filter still runs over
 * the candidates, so results equal the memory adapter's.
 */
export type IndexedPlan =
  /** Read everything, filter and sort in memory. */
  | { readonly kind: 'scan' }
  /** Read candidates from one index (one key range per `eq`/`in` value, or one range), then filter and sort. */
  | {
      readonly kind: 'candidates';
      readonly field: string;
      readonly ranges: readonly KeyRangeSpec[];
    }
  /**
   * Walk one index in order and stop after a page. Only when nothing else filters, so the total is
   * an index count. `field` `'id'` is the primary key itself (order by id, no filter). `byId`: the
   * order is by id alone and the range is one `eq` on `field` — the `[field, id]` index holds that
   * value's records in id order, so a page is a bounded read however many records match.
   */
  | {
      readonly kind: 'ordered';
      readonly field: string;
      readonly direction: 'asc' | 'desc';
      readonly range: KeyRangeSpec;
      readonly byId?: boolean;
    };

/** Bounds on the first key part; `undefined` means open-ended. */
export interface KeyRangeSpec {
  readonly lower?: { readonly value: string | number; readonly open: boolean };
  readonly upper?: { readonly value: string | number; readonly open: boolean };
}

const isKeyValue = (v: unknown): v is string | number =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Top-level conditions (including those inside top-level `and`), which every match must meet. */
function requiredConditions(where: Where | undefined): [string, FieldCondition][] {
  const out: [string, FieldCondition][] = [];
  const visit = (node: Where): void => {
    for (const [key, value] of Object.entries(node)) {
      if (value === undefined || key === 'or' || key === 'not') continue;
      if (key === 'and') (value as readonly Where[]).forEach(visit);
      else out.push([key, value as FieldCondition]);
    }
  };
  if (where) visit(where);
  return out;
}

function rangesFor(condition: FieldCondition): KeyRangeSpec[] | null {
  if (condition.eq !== undefined) {
    return isKeyValue(condition.eq)
      ? [
          {
            lower: { value: condition.eq, open: false },
            upper: { value: condition.eq, open: false },
          },
        ]
      : null;
  }
  if (condition.in !== undefined) {
    if (!condition.in.every(isKeyValue)) return null;
    const values = [...new Set(condition.in as (string | number)[])];
    return values.map((value) => ({
      lower: { value, open: false },
      upper: { value, open: false },
    }));
  }
  const lowerValue = condition.gt ?? condition.gte;
  const upperValue = condition.lt ?? condition.lte;
  if (lowerValue === undefined && upperValue === undefined) return null;
  // A range on one type: IndexedDB orders numbers before strings, the filter compares within a type.
  const range: { lower?: KeyRangeSpec['lower']; upper?: KeyRangeSpec['upper'] } = {};
  if (lowerValue !== undefined)
    range.lower = { value: lowerValue, open: condition.gt !== undefined };
  if (upperValue !== undefined)
    range.upper = { value: upperValue, open: condition.lt !== undefined };
  return [range];
}

export function planQuery(
  descriptor: CollectionDescriptor,
  spec: Pick<QuerySpec, 'where' | 'search' | 'orderBy'>,
): IndexedPlan {
  const indexed = new Map(descriptor.indexes.map((i) => [i.field, i]));
  const conditions = requiredConditions(spec.where).filter(([field]) => indexed.has(field));
  const topLevelKeys = spec.where
    ? Object.keys(spec.where).filter((k) => spec.where![k] !== undefined)
    : [];

  // Ordered walk: ordering by one sortable field, with at most an `eq` on that same field.
  const order = withIdTiebreak(spec.orderBy);
  const first = order[0]!;
  // The index walks [field, id] in one direction: `id` must go the same way as the field.
  const singleField =
    order.length === 2 &&
    first.field !== 'id' &&
    (order[1]!.direction ?? 'asc') === (first.direction ?? 'asc');
  if (singleField && indexed.get(first.field)?.sortable && !spec.search?.trim()) {
    const onlyEqOnSameField =
      topLevelKeys.length === 1 &&
      topLevelKeys[0] === first.field &&
      Object.keys(spec.where![first.field]!).length === 1 &&
      isKeyValue((spec.where![first.field] as FieldCondition).eq);
    if (topLevelKeys.length === 0 || onlyEqOnSameField) {
      const eq = onlyEqOnSameField
        ? ((spec.where![first.field] as FieldCondition).eq as string | number)
        : undefined;
      return {
        kind: 'ordered',
        field: first.field,
        direction: first.direction ?? 'asc',
        range:
          eq === undefined
            ? {}
            : { lower: { value: eq, open: false }, upper: { value: eq, open: false } },
      };
    }
  }

  // Ordered by id alone: walk the primary key (no filter) or the `[field, id]` index of one `eq`.
  if (order.length === 1 && !spec.search?.trim()) {
    const direction = order[0]!.direction ?? 'asc';
    if (topLevelKeys.length === 0) return { kind: 'ordered', field: 'id', direction, range: {} };
    const field = topLevelKeys[0]!;
    const condition = spec.where![field] as FieldCondition;
    if (
      topLevelKeys.length === 1 &&
      indexed.has(field) &&
      Object.keys(condition).length === 1 &&
      isKeyValue(condition.eq)
    ) {
      const value = { value: condition.eq, open: false };
      return {
        kind: 'ordered',
        field,
        direction,
        range: { lower: value, upper: value },
        byId: true,
      };
    }
  }

  // Candidates: prefer equality (most selective), then `in`, then a range.
  const rank = (c: FieldCondition): number => (c.eq !== undefined ? 0 : c.in !== undefined ? 1 : 2);
  const usable = conditions
    .map(([field, condition]) => ({ field, condition, ranges: rangesFor(condition) }))
    .filter(
      (c): c is { field: string; condition: FieldCondition; ranges: KeyRangeSpec[] } =>
        c.ranges !== null,
    )
    .sort((a, b) => rank(a.condition) - rank(b.condition));
  const best = usable[0];
  if (best) return { kind: 'candidates', field: best.field, ranges: best.ranges };
  return { kind: 'scan' };
}
