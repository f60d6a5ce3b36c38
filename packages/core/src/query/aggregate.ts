import { compilePath } from './field-path.js';
import { MAX_LIMIT, type QueryResult, type QuerySpec, type Where } from './query-spec.js';

/**
 * Counts and sums of the records matching `where`, per distinct combination of `groupBy` values:
 * what a board or report needs of many records without reading them one by one.
 *
 * @example
 * ```ts
 * { where: { pipelineId: { eq: 'p1' } }, groupBy: ['stageId', 'currency'], sum: ['amount'] }
 * // → { groups: [{ key: ['proposal', 'CNY'], count: 12, sums: [1_250_000] }, …] }
 * ```
 */
export interface AggregateQuery {
  readonly where?: Where;
  /** Fields whose values form a group's key; a missing value reads as `null`. */
  readonly groupBy: readonly string[];
  /** Fields summed per group; values that are not finite numbers add nothing. */
  readonly sum?: readonly string[];
}

export interface AggregateGroup {
  /** The `groupBy` values of the group, in `groupBy` order. */
  readonly key: readonly unknown[];
  readonly count: number;
  /** One sum per `sum` field, in `sum` order. */
  readonly sums: readonly number[];
}

export interface AggregateResult {
  /** In the order their first record was met; empty when nothing matches. */
  readonly groups: readonly AggregateGroup[];
}

/** Every field an aggregate reads, top-level names (for field policy and encryption). */
export function aggregateFields(query: AggregateQuery): string[] {
  return [...query.groupBy, ...(query.sum ?? [])].map((f) => f.split('.')[0]!);
}

/** Folds records into an {@link AggregateResult}, one `add` per matching record. */
export function createAggregator(query: AggregateQuery): {
  add(record: unknown): void;
  result(): AggregateResult;
} {
  const keys = query.groupBy.map(compilePath);
  const sums = (query.sum ?? []).map(compilePath);
  type Group = { key: unknown[]; count: number; sums: number[] };
  const groups: Group[] = [];
  // One map level per `groupBy` field, keyed by the value itself (no string built per record);
  // arrays and objects by their JSON text, in a map of their own.
  type Level = { values: Map<unknown, Level | Group>; texts: Map<string, Level | Group> };
  const level = (): Level => ({ values: new Map(), texts: new Map() });
  const root = level();
  const key: unknown[] = new Array(keys.length);
  return {
    add(record) {
      let node: Level | Group = root;
      for (let i = 0; i < keys.length; i++) {
        const value = (key[i] = keys[i]!(record) ?? null);
        const { values, texts } = node as Level;
        const composite = typeof value === 'object' && value !== null;
        const id = composite ? JSON.stringify(value) : value;
        let next = composite ? texts.get(id as string) : values.get(id);
        if (!next) {
          if (i < keys.length - 1) next = level();
          else groups.push((next = { key: [...key], count: 0, sums: sums.map(() => 0) }));
          if (composite) texts.set(id as string, next);
          else values.set(id, next);
        }
        node = next;
      }
      if (keys.length === 0) {
        if (groups.length === 0) groups.push({ key: [], count: 0, sums: sums.map(() => 0) });
        node = groups[0]!;
      }
      const group = node as Group;
      group.count++;
      for (let i = 0; i < sums.length; i++) {
        const value = sums[i]!(record);
        if (typeof value === 'number' && Number.isFinite(value)) group.sums[i]! += value;
      }
    },
    result() {
      return { groups: groups.map((g) => ({ key: g.key, count: g.count, sums: [...g.sums] })) };
    },
  };
}

/**
 * An aggregate computed by reading every matching record a page at a time through `query`: for
 * storage without an `aggregate` of its own, and for stages that must see the records as the
 * caller does (decrypted, masked) before anything is summed.
 */
export async function aggregatePages(
  query: AggregateQuery,
  read: (spec: QuerySpec) => Promise<QueryResult<unknown>>,
): Promise<AggregateResult> {
  const aggregator = createAggregator(query);
  let cursor: string | null = null;
  do {
    const page: QueryResult<unknown> = await read({
      ...(query.where && { where: query.where }),
      limit: MAX_LIMIT,
      ...(cursor !== null && { cursor }),
    });
    for (const record of page.items) aggregator.add(record);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return aggregator.result();
}
