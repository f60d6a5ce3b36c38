import type { StorageAdapter } from './storage-adapter.js';
import type { AdapterOperation } from './with-latency.js';

/**
 * The adapter `withLatency` and `withFaults` return: each read calls `before` (a throw rejects the
 * read; a returned promise is waited for), then `adapter`; `commit` is the wrapper's own.
 * `subscribe`, `close`, `capabilities` and `explain` pass straight through. When `before` returns
 * nothing, the read reaches `adapter` in the same turn, with no `await` in between.
 */
export function wrapAdapter(
  adapter: StorageAdapter,
  before: (
    operation: Exclude<AdapterOperation, 'commit'>,
    collection: string,
  ) => Promise<void> | void,
  commit: StorageAdapter['commit'],
): StorageAdapter {
  const wrapped: StorageAdapter = {
    capabilities: adapter.capabilities,
    async get(collection, id) {
      const wait = before('get', collection);
      if (wait) await wait;
      return adapter.get(collection, id);
    },
    async getMany(collection, ids) {
      const wait = before('getMany', collection);
      if (wait) await wait;
      return adapter.getMany(collection, ids);
    },
    async query(collection, spec) {
      const wait = before('query', collection);
      if (wait) await wait;
      return adapter.query(collection, spec);
    },
    async count(collection, query) {
      const wait = before('count', collection);
      if (wait) await wait;
      return adapter.count(collection, query);
    },
    commit,
    subscribe: (listener) => adapter.subscribe(listener),
    close: () => adapter.close(),
  };
  if (adapter.explain) {
    const explain = adapter.explain.bind(adapter);
    return { ...wrapped, explain: (collection, spec) => explain(collection, spec) };
  }
  return wrapped;
}
