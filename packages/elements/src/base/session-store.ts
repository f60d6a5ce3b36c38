/**
 * Small JSON values in `sessionStorage` (per tab, cleared when the tab closes), for what an
 * element remembers about a visitor's session: the ticket widget's rate limit, the knowledge
 * base's votes. Storage that throws (sandboxed iframes, privacy modes, quota) falls back to memory
 * for the life of the page, so an element never fails because of it.
 */
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The value stored under `key`, or `fallback` when absent or unreadable. */
export function readSession<T>(key: string, fallback: T): T {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    raw = undefined;
  }
  raw ??= memory.get(key) ?? null;
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** Stores `value` under `key` (JSON). */
export function writeSession(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  try {
    const store = storage();
    if (store) {
      store.setItem(key, raw);
      return;
    }
  } catch {
    // fall through to memory
  }
  memory.set(key, raw);
}

/**
 * A per-session sliding-window limit: `allowed()` says whether another action fits in the
 * last `windowMs`, `record()` counts one. Timestamps come from the caller's clock.
 */
export function sessionLimit(key: string, max: number, windowMs: number) {
  const recent = (now: number) =>
    readSession<number[]>(key, []).filter(
      (t) => typeof t === 'number' && t > now - windowMs && t <= now,
    );
  return {
    allowed: (now: number) => max <= 0 || recent(now).length < max,
    record: (now: number) => writeSession(key, [...recent(now), now]),
  };
}
