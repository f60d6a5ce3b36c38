import { normalizePhone } from '../query/normalize.js';

/**
 * Masking for display to users who may know a value exists but not read it.
 * `138 0013 8000` → `138****8000`, `zhang@example.com` → `z***@example.com`,
 * `110105199001011234` → `110105********1234`, `6222 0212 3456 1234` → `**** 1234`.
 */
export function maskPhone(value: string): string {
  const digits = normalizePhone(value);
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export function maskBankCard(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `**** ${digits.slice(-4)}`;
}
