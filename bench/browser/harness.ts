/**
 * One line of the benchmark table. Times in milliseconds unless the measure names another unit.
 * `baseline` is the raw equivalent measured in the same run (null when the issue names none).
 */
export interface Measurement {
  measure: string;
  rapport: number;
  baseline: number | null;
  baselineName: string;
  /** The goal as written in the table, e.g. `≤ 1.15×; no task over 50 ms`. */
  goal: string;
  /** The ratio part of the goal (rapport / baseline), when there is one. */
  goalRatio?: number;
  /**
   * Whether every part of the goal was met. Defaults to `rapport / baseline ≤ goalRatio`; set it
   * when the goal has absolute parts (≤ 16 ms, ≤ 300 cards, no task over 50 ms).
   */
  met?: boolean;
  notes?: string;
}

/** A benchmark module's entry point: what `main.ts` calls for each measure named in the URL. */
export type Bench = (options: { size: number; repetitions: number }) => Promise<Measurement[]>;

/**
 * Collects garbage when the page may (bench/run-browser.mjs starts Chromium with `--expose-gc`),
 * so that a measured section pays for its own garbage, not for what the setup or the section
 * before left; then ends the task, so that the collection is not counted as the section's.
 */
export async function collectGarbage(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Each repetition's own ratio (Rapport ÷ the baseline run beside it), in run order: how far the
 * machine's noise moves a ratio between repetitions, which one median hides.
 */
export function pairedRatios(rapport: readonly number[], baseline: readonly number[]): string {
  const ratios = rapport.map((r, i) => `${(r / baseline[i]!).toFixed(2)}×`);
  return `ratio per repetition ${ratios.join(', ')}`;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Watches main-thread tasks over 50 ms; `stop()` returns the longest seen (0 when none). */
export function longTasks(): { stop(): number } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      return longest;
    },
  };
}

/** Two animation frames: the browser has styled, laid out and painted what was rendered. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}
