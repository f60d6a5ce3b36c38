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
