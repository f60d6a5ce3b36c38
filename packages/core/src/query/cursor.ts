import { ValidationError } from '../errors.js';
import type { OrderBy } from './query-spec.js';

/**
 * Keyset cursors: a cursor holds the sort key of the last item returned, so the next page starts
 * strictly after it. Pages stay stable while records are inserted or removed elsewhere (an offset
 * would skip or repeat items). The order is fingerprinted, so a cursor cannot be replayed against a
 * different `orderBy`.
 */
interface CursorPayload {
  o: string;
  k: readonly unknown[];
}

export function orderFingerprint(orderBy: readonly OrderBy[]): string {
  return orderBy.map((o) => `${o.field}:${o.direction ?? 'asc'}`).join(',');
}

export function encodeCursor(orderBy: readonly OrderBy[], key: readonly unknown[]): string {
  const json = JSON.stringify({ o: orderFingerprint(orderBy), k: key } satisfies CursorPayload);
  return toBase64Url(json);
}

export function decodeCursor(cursor: string, orderBy: readonly OrderBy[]): readonly unknown[] {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(fromBase64Url(cursor)) as CursorPayload;
  } catch {
    throw new ValidationError([
      { path: ['cursor'], message: 'Not a cursor returned by this query' },
    ]);
  }
  if (
    !payload ||
    typeof payload !== 'object' ||
    payload.o !== orderFingerprint(orderBy) ||
    !Array.isArray(payload.k) ||
    payload.k.length !== orderBy.length ||
    !payload.k.every(isCursorValue) ||
    typeof payload.k[payload.k.length - 1] !== 'string'
  ) {
    throw new ValidationError([
      { path: ['cursor'], message: 'The cursor belongs to a query with a different order' },
    ]);
  }
  return payload.k;
}

function isCursorValue(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
