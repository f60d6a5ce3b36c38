import type { StorageAdapter } from './storage-adapter.js';
import { isMutationStream } from './mutation-stream.js';
import { wrapAdapter } from './wrap-adapter.js';

/** The adapter calls a wrapper can delay or fail: every asynchronous data operation. */
export type AdapterOperation = 'get' | 'getMany' | 'query' | 'count' | 'commit';

/**
 * Milliseconds per call: a fixed number, or chosen per call (e.g. slower writes than reads). For
 * `commit`, `collection` is the first mutation's. `Infinity` never answers: a loading state that
 * stays on screen.
 */
export type Latency = number | ((operation: AdapterOperation, collection: string) => number);

const sleep = (ms: number): Promise<void> =>
  ms === Infinity
    ? new Promise<void>(() => {})
    : ms > 0
      ? new Promise<void>((resolve) => setTimeout(resolve, ms))
      : Promise.resolve();

/**
 * Wraps an adapter so every read and write answers `ms` milliseconds later — for stories and demos
 * where loading states should be visible. `subscribe`, `close` and `capabilities` pass straight
 * through; results are the inner adapter's, unchanged.
 *
 * ```ts
 * const crm = await createCrm({ storage: withLatency(createMemoryAdapter(), 400) });
 * const slowWrites = withLatency(adapter, (op) => (op === 'commit' ? 800 : 200));
 * ```
 * @throws RangeError when a latency is negative or NaN (from the call that asks for it).
 */
export function withLatency(adapter: StorageAdapter, ms: Latency): StorageAdapter {
  const delay = (operation: AdapterOperation, collection: string): Promise<void> => {
    const value = typeof ms === 'function' ? ms(operation, collection) : ms;
    if (Number.isNaN(value) || value < 0)
      return Promise.reject(new RangeError(`latency must be a number ≥ 0, not ${value}`));
    return sleep(value);
  };

  return wrapAdapter(adapter, delay, async (mutations, options) => {
    const first = isMutationStream(mutations) ? mutations.collections[0] : mutations[0]?.collection;
    await delay('commit', first ?? '');
    return adapter.commit(mutations, options);
  });
}
