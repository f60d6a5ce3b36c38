import { StorageError } from '../errors.js';
import { createSubscribable } from '../subscribable.js';
import type { AdapterCapabilities, ChangeListener, StorageAdapter } from './storage-adapter.js';

/** An adapter implementation as its module builds it (both built-in ones can `explain`). */
export type LoadedAdapter = StorageAdapter & Required<Pick<StorageAdapter, 'explain'>>;

/**
 * A storage adapter whose implementation is a separate chunk, loaded with `import()`: a page that
 * imports `@rapport/core` downloads only the adapter it creates. Loading starts at once (so an
 * IndexedDB database opens, and hears other tabs, as soon as it would without the split); every
 * operation waits for it. Listeners may subscribe before it has loaded and receive every change
 * after. If the chunk cannot be loaded (offline, a failed deployment), the operation rejects with
 * a `StorageError` (`STORAGE_FAILED`, the loader's error as `cause`) and the next one tries again;
 * `close()` resolves.
 *
 * @param capabilities what the implementation will report, needed synchronously by `createCrm`
 * @param what the adapter's name in error messages ("IndexedDB", "memory")
 * @param aggregates whether the implementation has `aggregate` (without it, the gateway folds
 *   pages of `query`, as for any adapter that has none)
 */
export function lazyAdapter(
  capabilities: AdapterCapabilities,
  load: () => Promise<LoadedAdapter>,
  what: string,
  aggregates: boolean,
): StorageAdapter {
  const listeners = createSubscribable<ChangeListener>();
  let current: LoadedAdapter | undefined;
  let pending: Promise<LoadedAdapter> | undefined;
  let unsubscribe = () => {};
  let closed = false;

  const loaded = async (): Promise<LoadedAdapter> => {
    if (current) return current;
    if (closed) throw new StorageError('STORAGE_CLOSED', `The ${what} storage adapter is closed`);
    pending ??= load().then(
      (adapter) => {
        current = adapter;
        unsubscribe = adapter.subscribe((changes) => listeners.emit(changes));
        return adapter;
      },
      (error: unknown) => {
        pending = undefined; // the next operation tries again
        throw new StorageError('STORAGE_FAILED', `Loading the ${what} storage adapter failed`, {
          cause: error,
        });
      },
    );
    return pending;
  };
  loaded().catch(() => {}); // start now; a failure surfaces on the first operation

  // Once loaded, calls go straight to the implementation: no extra promise in between.
  const call = <T>(use: (adapter: LoadedAdapter) => Promise<T>): Promise<T> =>
    current ? use(current) : loaded().then(use);

  return {
    capabilities,
    get: (collection, id) => call((a) => a.get(collection, id)),
    getMany: (collection, ids) => call((a) => a.getMany(collection, ids)),
    query: (collection, spec) => call((a) => a.query(collection, spec)),
    count: (collection, query) => call((a) => a.count(collection, query)),
    ...(aggregates && {
      aggregate: (collection, query) => call((a) => a.aggregate!(collection, query)),
    }),
    commit: (mutations, options) => call((a) => a.commit(mutations, options)),
    explain: (collection, spec) => call((a) => a.explain(collection, spec)),
    subscribe: listeners.subscribe,
    async close() {
      closed = true;
      const adapter = current ?? (await pending?.catch(() => undefined));
      if (!adapter) return; // nothing was opened
      await adapter.close();
      unsubscribe();
    },
  };
}
