/**
 * A seeded pseudo-random source for the demo data: mulberry32 (32-bit state, fast, good enough
 * for fake data) plus the few draws the generator needs. The same seed gives the same sequence on
 * every machine; nothing here reads the clock or `Math.random`.
 *
 * ```ts
 * const rng = createRandom(42);
 * rng.int(1, 6); // a die roll, the same one every run
 * const contacts = rng.fork('contacts'); // an independent stream that ignores draws made on rng
 * ```
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Number in [min, max). */
  float(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One entry of a table built by {@link weightedTable}, in proportion to its weight. */
  weighted<T>(table: WeightedTable<T>): T;
  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /**
   * A new stream derived from this one's seed and `label` only (not from how many draws were
   * made), so generating more of one entity never reshuffles another.
   */
  fork(label: string): Random;
}

/** Items with cumulative weights, precomputed once so a draw is a binary search. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0)
    throw new RangeError('A weighted table needs at least one positive weight');
  return { items, cumulative, total };
}

export function createRandom(seed: number): Random {
  const base = Math.trunc(seed) >>> 0;
  let state = base;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted<T>(table: WeightedTable<T>): T {
      const target = next() * table.total;
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((table.cumulative[mid] as number) > target) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo] as T;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = items.slice();
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, n);
    },
    fork: (label) => createRandom(hashLabel(base, label)),
  };
}

/** FNV-1a over the label, mixed with the seed: a stable 32-bit seed for a named sub-stream. */
function hashLabel(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}
