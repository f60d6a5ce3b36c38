import type { EntityName } from '../entities/registry.js';

/** What a sensitive value is: decides how it is masked, normalised for lookup, and encrypted. */
export const SENSITIVE_KINDS = ['phone', 'email', 'idNumber', 'bankAccount'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/**
 * Which fields of each entity hold personal data, and of what kind. Paths are dotted like query
 * paths; arrays along a path are walked (`phones.number` is every phone's number, `emails` every
 * address). Masking, encryption at rest and audit redaction all read this one table, so a value
 * is never recognised by its shape.
 */
export const SENSITIVE_FIELDS: Readonly<
  Partial<Record<EntityName, Readonly<Record<string, SensitiveKind>>>>
> = {
  customer: {
    'phones.number': 'phone',
    emails: 'email',
    idNumber: 'idNumber',
    bankAccount: 'bankAccount',
  },
  contact: { 'phones.number': 'phone', emails: 'email', idNumber: 'idNumber' },
  lead: { 'phones.number': 'phone', emails: 'email' },
  ticket: { 'requester.phone': 'phone', 'requester.email': 'email' },
};

/** The sensitive paths of an entity, as `[path, kind]` pairs. */
export function sensitivePaths(entity: string): readonly (readonly [string, SensitiveKind])[] {
  const table = SENSITIVE_FIELDS[entity as EntityName];
  return table ? (Object.entries(table) as [string, SensitiveKind][]) : [];
}

/**
 * Applies `fn` to every string found under `path` in `value` (a record or a part of one),
 * returning a copy; arrays along the path are mapped. Values are never mutated.
 */
export function mapPath(
  value: unknown,
  path: readonly string[],
  fn: (text: string) => string,
): unknown {
  if (Array.isArray(value)) return value.map((v) => mapPath(v, path, fn));
  if (path.length === 0) return typeof value === 'string' ? fn(value) : value;
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(value, head)) return value;
  return { ...value, [head]: mapPath((value as Record<string, unknown>)[head], rest, fn) };
}

/**
 * Where an encrypted path's blind index is stored (security/field-cipher.ts):
 * `idNumber` → `idNumberIndex`, `phones.number` → `phonesNumberIndex`.
 */
export function blindIndexField(path: string): string {
  const [first, ...rest] = path.split('.');
  return `${first}${rest.map((s) => s[0]!.toUpperCase() + s.slice(1)).join('')}Index`;
}

/** The operators that work on an encrypted field; everything else is a `ValidationError`. */
export const ENCRYPTED_FIELD_OPERATORS = ['eq', 'ne', 'in', 'nin', 'exists'] as const;
