import { maskByKind } from './mask-field.js';
import { mapPath, sensitivePaths } from './sensitive-fields.js';
import type { AuditChanges } from './audit-log.js';

const SYSTEM = new Set(['id', 'version', 'createdAt', 'updatedAt']);
/** What the audit log stores instead of an ID or bank card number. */
export const REDACTED = '[redacted]';

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * A top-level field's value as the audit log may keep it: ID and bank card numbers replaced by
 * `[redacted]`, phones and emails masked (`138****8000`), everything else as is.
 */
export function redactForAudit(entity: string, field: string, value: unknown): unknown {
  if (value === undefined) return null;
  let out: unknown = value;
  for (const [path, kind] of sensitivePaths(entity)) {
    const [head, ...rest] = path.split('.');
    if (head !== field) continue;
    const hide = kind === 'idNumber' || kind === 'bankAccount';
    out = mapPath(out, rest, (text) => (hide ? REDACTED : maskByKind(kind, text)));
  }
  return out;
}

/**
 * Field-level diff of two plaintext records (either may be `null`: create, delete), sensitive
 * values redacted. A changed sensitive value shows as changed even when both sides redact alike.
 */
export function auditDiff(
  entity: string,
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): AuditChanges {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    if (SYSTEM.has(field)) continue;
    const from = before?.[field];
    const to = after?.[field];
    if (sameValue(from, to)) continue;
    changes[field] = {
      from: redactForAudit(entity, field, from),
      to: redactForAudit(entity, field, to),
    };
  }
  return changes;
}
