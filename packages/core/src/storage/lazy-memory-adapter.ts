import { lazyAdapter, type LoadedAdapter } from './lazy-adapter.js';
import type { MemoryAdapterOptions } from './memory-adapter.js';
import type { StorageAdapter } from './storage-adapter.js';

/**
 * Keeps everything in `Map`s: the default in Node, and the backing of stories and tests. Stored
 * records are deep-frozen copies, so nothing a caller does to a returned object reaches storage.
 * Its implementation (memory-adapter.ts) loads on demand, starting now; operations wait for it
 * (see lazy-adapter.ts). `@rapport/core/memory` exports the implementation itself.
 *
 * @example
 * ```ts
 * const crm = await createCrm({ storage: createMemoryAdapter() });
 * ```
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): StorageAdapter {
  const given = { ...options }; // as passed now, like the implementation reads them
  return lazyAdapter(
    { kind: 'memory', transactions: true, crossContext: false, persistent: false, indexes: {} },
    async () =>
      // The implementation always has `explain`.
      (await import('./memory-adapter.js')).createMemoryAdapter(given) as LoadedAdapter,
    'memory',
    true,
  );
}
