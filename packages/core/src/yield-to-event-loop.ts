/**
 * Lets the event loop run (input, rendering) in the middle of long synchronous work such as
 * validating a 100k-row import. Uses `scheduler.yield()` where the browser has it.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
