import { StorageError } from '../errors.js';

/** The schema module as the gateway uses it: `@rapport/core/schemas`. */
export type EntitySchemas = typeof import('../schemas.js');

/** Fetches the schema module; replaced in tests to simulate a failed download. */
let importSchemas = (): Promise<EntitySchemas> => import('../schemas.js');
let loaded: EntitySchemas | undefined;
let pending: Promise<EntitySchemas> | undefined;
let attempts = 0;

/**
 * The entities' zod schemas, a separate chunk loaded on first use: a page that only reads never
 * downloads them; the first write does, once. Concurrent calls share one load. If the chunk
 * cannot be loaded (offline, a failed deployment), the promise rejects with a `StorageError`
 * (`STORAGE_FAILED`, the loader's error as `cause`) and the next call tries again.
 *
 * @throws StorageError when the schema module cannot be loaded
 */
export function loadSchemas(): Promise<EntitySchemas> {
  if (loaded) return Promise.resolve(loaded);
  if (!pending) {
    attempts++;
    pending = importSchemas().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = undefined; // the next write tries again
        throw new StorageError('STORAGE_FAILED', 'Loading the entity schemas failed', {
          cause: error,
        });
      },
    );
  }
  return pending;
}

/**
 * The schemas once {@link loadSchemas} has resolved, for synchronous loops that awaited it first.
 *
 * @throws Error when they have not been loaded yet: a caller forgot to `await loadSchemas()`
 */
export function loadedSchemas(): EntitySchemas {
  if (!loaded) throw new Error('The entity schemas are not loaded yet: await loadSchemas() first');
  return loaded;
}

/**
 * For tests: how many times the schema module was requested, and a way to make the next requests
 * fail (pass a loader) or load normally again (no argument). Not part of the public API.
 */
export const schemaLoaderForTesting = {
  attempts: (): number => attempts,
  isLoaded: (): boolean => loaded !== undefined,
  useImport(load?: () => Promise<EntitySchemas>): void {
    importSchemas = load ?? (() => import('../schemas.js'));
  },
  /** Forgets the loaded module, so the next {@link loadSchemas} requests it again. */
  forget(): void {
    loaded = undefined;
    pending = undefined;
  },
};
