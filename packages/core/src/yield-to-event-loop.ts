/**
 * Lets the event loop run (input, rendering) in the middle of long synchronous work such as
 * validating a 100k-row import. Uses `scheduler.yield()` where the browser has it, and
 * `setImmediate` in Node (a `setTimeout` there waits at least 1 ms, every time).
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  const { setImmediate } = globalThis as { setImmediate?: (callback: () => void) => unknown };
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A time-sliced yield for loops over many items: `await slice()` after each item yields only when
 * `budgetMs` have passed since the last yield, so a slow or busy machine still gets no task much
 * longer than the budget, and a fast one doesn't pay for needless yields.
 */
export function createTimeSlicer(budgetMs = 8): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return yieldToEventLoop().then(() => {
      since = performance.now();
    });
  };
}
