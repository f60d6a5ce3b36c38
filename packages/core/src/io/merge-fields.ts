import { SYSTEM_FIELDS } from '../entities/common.js';
import { normalizePhone } from '../query/normalize.js';

const SYSTEM = new Set<string>(SYSTEM_FIELDS);

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The identity of a list element for a union: phones by digits, strings case-folded. */
function elementKey(element: unknown): string {
  if (typeof element === 'string') return `s:${element.normalize('NFKC').trim().toLowerCase()}`;
  const number = (element as { number?: unknown } | null)?.number;
  if (typeof number === 'string') return `p:${normalizePhone(number)}`;
  return `j:${JSON.stringify(element)}`;
}

/** Target's elements first, then the source's that the target lacks. */
function union(target: readonly unknown[], source: readonly unknown[]): unknown[] {
  const seen = new Set(target.map(elementKey));
  const out = [...target];
  for (const element of source) {
    const key = elementKey(element);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(element);
  }
  return out;
}

/** Objects merged key by key: the target's values win, the source fills what is missing. */
function fill(target: Record<string, unknown>, source: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) if (isEmpty(out[key])) out[key] = value;
  return out;
}

/**
 * The patch that merges `source` into `target`: the target wins every field it has a value for;
 * fields it lacks are filled from the source; lists are unioned (phones by normalised number,
 * emails and tags case- and width-insensitively, target's order first); nested objects (region,
 * customFields, consent) are merged key by key, target winning. System fields and `id` are never
 * touched. Only changed fields are in the patch.
 */
export function mergeFields(
  target: Readonly<Record<string, unknown>>,
  source: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [field, incoming] of Object.entries(source)) {
    if (SYSTEM.has(field) || isEmpty(incoming)) continue;
    const current = target[field];
    let merged: unknown;
    if (isEmpty(current)) merged = incoming;
    else if (Array.isArray(current) && Array.isArray(incoming)) merged = union(current, incoming);
    else if (isPlainObject(current) && isPlainObject(incoming)) merged = fill(current, incoming);
    else continue;
    if (JSON.stringify(merged) !== JSON.stringify(current)) patch[field] = merged;
  }
  return patch;
}
