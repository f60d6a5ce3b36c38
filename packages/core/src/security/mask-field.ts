import { maskBankCard, maskEmail, maskIdNumber, maskPhone } from './mask.js';
import { mapPath, sensitivePaths, type SensitiveKind } from './sensitive-fields.js';

const MASKS: Record<SensitiveKind, (value: string) => string> = {
  phone: maskPhone,
  email: maskEmail,
  idNumber: maskIdNumber,
  bankAccount: maskBankCard,
};

/** Masks one value by its declared kind. */
export function maskByKind(kind: SensitiveKind, value: string): string {
  return MASKS[kind](value);
}

/** Anything without a declared kind: keep the first character of text, hide the rest. */
function maskOpaque(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map(maskOpaque);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskOpaque(v)]));
  if (typeof value !== 'string') return '***';
  return value.length <= 1 ? '*' : `${value[0]}${'*'.repeat(Math.min(value.length - 1, 8))}`;
}

/**
 * Masks the top-level `field` of an `entity` record for a principal whose access is `masked`.
 * Declared sensitive paths under the field (SENSITIVE_FIELDS) are masked by kind and the rest of
 * the value kept (`phones: [{ number: '138****8000', type: 'mobile' }]`); a field with no declared
 * kind is masked opaquely (`北*****`).
 */
export function maskField(entity: string, field: string, value: unknown): unknown {
  const declared = sensitivePaths(entity).filter(
    ([path]) => path === field || path.startsWith(`${field}.`),
  );
  if (declared.length === 0) return maskOpaque(value);
  let out = value;
  for (const [path, kind] of declared) {
    out = mapPath(out, path.split('.').slice(1), MASKS[kind]);
  }
  return out;
}

/** Every declared sensitive value of a record, masked by kind (for logs and audit diffs). */
export function maskSensitive<T>(entity: string, record: T): T {
  let out: unknown = record;
  for (const [path, kind] of sensitivePaths(entity))
    out = mapPath(out, path.split('.'), MASKS[kind]);
  return out as T;
}
