/**
 * Lazy domain operations: `crm.deals.move`, `crm.analytics.dashboard`, … are on the client from
 * the start, but the code behind them (sales/, service/, marketing/, analytics/, io/) is loaded
 * with a dynamic `import()` on the first call, so the main entry stays small. Everything here is
 * synchronous and tiny; the loaded module is cached per client by {@link once}.
 */

/** The names of `T`'s methods that return a promise: the ones a lazy forwarder can stand in for. */
export type AsyncMethodNames<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/**
 * Every async method name of `T` once, as an object literal (`{ move: 1, board: 1 }`): a name
 * missing, misspelt or not async is a type error, so a method added to a domain later cannot be
 * forgotten on the client.
 */
export type MethodNames<T> = { readonly [K in AsyncMethodNames<T>]: 1 };

/**
 * Memoizes an async loader: the first call starts it, later calls share its promise. A failure is
 * not kept, so the next call tries again (a chunk that failed to load, say, while offline).
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      const started = (pending = load());
      started.catch(() => {
        if (pending === started) pending = undefined;
      });
    }
    return pending;
  };
}

/**
 * An object of async methods that load `T` (through `load`, normally {@link once}) and call the
 * same method on it with the same arguments. The result is the method's promise; a loading
 * failure rejects that promise (never an unhandled rejection).
 *
 * @example
 * ```ts
 * const deals = lazyOperations(() => sales().then((s) => s.deals), { move: 1, board: 1, create: 1 });
 * await deals.move(id, 'won'); // loads sales/ on the first call
 * ```
 */
export function lazyOperations<T>(
  load: () => Promise<T>,
  names: MethodNames<T>,
): Pick<T, AsyncMethodNames<T>> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(names)) {
    out[name] = (...args: unknown[]) =>
      load().then((ops) =>
        (ops as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args),
      );
  }
  return out as Pick<T, AsyncMethodNames<T>>;
}

/**
 * An async generator that loads, then yields what `open(loaded)` yields: for operations that
 * return an async iterable (`crm.io.backup()`), so `for await` works at once and a loading
 * failure surfaces on the first `next()`.
 */
export async function* lazyIterable<T, Y>(
  load: () => Promise<T>,
  open: (loaded: T) => AsyncIterable<Y>,
): AsyncGenerator<Y, void, undefined> {
  yield* open(await load());
}
