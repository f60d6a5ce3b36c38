/**
 * Minimal assertions for the shared suites, so they run unchanged under vitest (Node) and mocha
 * (web-test-runner in Chromium) without depending on either's `expect`.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, message = 'values differ'): void {
  if (!deepEqual(actual, expected)) {
    throw new AssertionError(
      `${message}\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`,
    );
  }
}

/** Awaits `promise` and checks it rejected with an instance of `type`; returns the error. */
export async function assertRejects<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
  message = 'expected a rejection',
): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw new AssertionError(`${message}: expected ${type.name}, got ${show(error)}`);
  }
  throw new AssertionError(`${message}: expected ${type.name}, but it resolved`);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) &&
      deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
