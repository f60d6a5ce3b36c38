import { COLLECTIONS, collectionMap } from './collections.js';
import type { IndexedDbAdapterOptions } from './indexeddb-adapter.js';
import { lazyAdapter, type LoadedAdapter } from './lazy-adapter.js';
import type { StorageAdapter } from './storage-adapter.js';

/**
 * The default adapter in browsers, on `idb`: one object store per collection, an index on
 * `[field, id]` for each declared index, commits in one transaction written in chunks, and change
 * notifications to other tabs. Its implementation (indexeddb-adapter.ts) loads on demand, starting
 * now; operations wait for it (see lazy-adapter.ts).
 *
 * @example
 * ```ts
 * const crm = await createCrm({ storage: createIndexedDbAdapter({ name: 'acme-crm' }) });
 * ```
 */
export function createIndexedDbAdapter(options: IndexedDbAdapterOptions): StorageAdapter {
  const given = { ...options }; // as passed now, like the implementation reads them
  const descriptors = [...collectionMap(given.collections ?? COLLECTIONS).values()];
  return lazyAdapter(
    {
      kind: 'indexeddb',
      transactions: true,
      crossContext: given.broadcast !== false && typeof BroadcastChannel !== 'undefined',
      persistent: true,
      indexes: Object.fromEntries(descriptors.map((d) => [d.name, d.indexes.map((i) => i.field)])),
    },
    async () =>
      // The implementation always has `explain`.
      (await import('./indexeddb-adapter.js')).createIndexedDbAdapter(given) as LoadedAdapter,
    'IndexedDB',
    false,
  );
}
