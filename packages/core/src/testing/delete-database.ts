import type { StorageAdapter } from '../storage/storage-adapter.js';

/**
 * Deletes an IndexedDB database a browser test created; resolves when it is gone, or when another
 * connection still holds it open (`blocked`: the browser deletes it once that closes). Test
 * support only: not exported from `@rapport/core/testing`.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

/**
 * `describeStorageAdapter` options over IndexedDB: every adapter `open`s a database of its own,
 * deleted after its test.
 */
export function freshDatabases(open: (name: string) => StorageAdapter, prefix = 'rapport-test') {
  const names = new WeakMap<StorageAdapter, string>();
  return {
    create() {
      const name = `${prefix}-${crypto.randomUUID()}`;
      const adapter = open(name);
      names.set(adapter, name);
      return adapter;
    },
    teardown: (adapter: StorageAdapter) => deleteDatabase(names.get(adapter)!),
  };
}
