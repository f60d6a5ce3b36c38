import { StorageError } from '../errors.js';
import type { Mutation, StorageAdapter } from './storage-adapter.js';
import type { AdapterOperation } from './with-latency.js';
import { collectMutations } from './mutation-stream.js';
import { wrapAdapter } from './wrap-adapter.js';

/** One adapter call, as a fault rule sees it. */
export interface FaultCall {
  readonly operation: AdapterOperation;
  /** The collection read; for `commit`, every collection the mutations touch. */
  readonly collections: readonly string[];
  /** The mutations, for `commit`. */
  readonly mutations?: readonly Mutation[];
}

/** Which calls fail, and with what. Rules are checked in order; the first that fires wins. */
export interface FaultRule {
  /** Calls this rule applies to. Default: every operation. */
  readonly operation?: AdapterOperation | readonly AdapterOperation[];
  /** Only calls touching this collection (`'customers'`). Default: any. */
  readonly collection?: string;
  /** Let this many matching calls through before failing. Default 0. */
  readonly after?: number;
  /** Fail this many matching calls (after `after`), then let the rest through. Default: all. */
  readonly times?: number;
  /**
   * Only while this returns true (checked per call, before counting): switch a fault on and off,
   * e.g. after seeding, or for one record id. Default: always.
   */
  readonly when?: (call: FaultCall) => boolean;
  /**
   * What the failing call rejects with: an error (thrown as is, every time) or a factory called per
   * failure. Default: a fresh `StorageError` with code `STORAGE_FAILED` naming the call.
   */
  readonly error?: Error | ((call: FaultCall) => Error);
}

/** A single rule or an ordered list of them; `[]` injects nothing. */
export type FaultPlan = FaultRule | readonly FaultRule[];

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value as T];

/**
 * Wraps an adapter so chosen calls fail — for tests of error handling and for stories that show
 * an element's error state reproducibly. A failing call never reaches the inner adapter, so a
 * failed `commit` stores nothing. `subscribe`, `close` and `capabilities` pass straight through.
 *
 * ```ts
 * // Every customer query fails: the table's error state.
 * withFaults(createMemoryAdapter(), { operation: 'query', collection: 'customers' });
 * // The second write runs out of space, once.
 * withFaults(adapter, {
 *   operation: 'commit', after: 1, times: 1,
 *   error: new StorageError('STORAGE_QUOTA_EXCEEDED', 'disk full'),
 * });
 * ```
 */
export function withFaults(adapter: StorageAdapter, plan: FaultPlan): StorageAdapter {
  const rules = (asList(plan) ?? []).map((rule) => ({
    rule,
    operations: asList(rule.operation),
    matched: 0,
  }));

  const failure = (call: FaultCall): Error | undefined => {
    for (const entry of rules) {
      const { rule, operations } = entry;
      if (operations && !operations.includes(call.operation)) continue;
      if (rule.collection !== undefined && !call.collections.includes(rule.collection)) continue;
      if (rule.when && !rule.when(call)) continue;
      const index = entry.matched++;
      const after = rule.after ?? 0;
      if (index < after || index >= after + (rule.times ?? Infinity)) continue;
      if (typeof rule.error === 'function') return rule.error(call);
      if (rule.error) return rule.error;
      return new StorageError(
        'STORAGE_FAILED',
        `Injected fault: ${call.operation} on ${call.collections.join(', ') || '(nothing)'}`,
      );
    }
    return undefined;
  };
  const check = (call: FaultCall): void => {
    const error = failure(call);
    if (error) throw error;
  };

  return wrapAdapter(
    adapter,
    (operation, collection) => check({ operation, collections: [collection] }),
    async (input, options) => {
      // Rules look at every mutation: a stream is produced in full first.
      const mutations = await collectMutations(input);
      const collections = [...new Set(mutations.map((m) => m.collection))];
      check({ operation: 'commit', collections, mutations });
      return adapter.commit(mutations, options);
    },
  );
}
