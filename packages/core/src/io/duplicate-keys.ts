import { normalizePhone } from '../query/normalize.js';
import { companyKey } from '../sales/duplicate-check.js';

/** What two records were found to share. */
export type DuplicateReason = 'phone' | 'email' | 'company';

/** Entities that dedupe and merge work on. */
export const DEDUPE_ENTITIES = ['customer', 'contact'] as const;
export type DedupeEntity = (typeof DEDUPE_ENTITIES)[number];

export interface DuplicateKey {
  readonly on: DuplicateReason;
  /** `phone:13800138000`, `email:zhang@example.com`, `company:杭州云帆贸易`. */
  readonly key: string;
}

/**
 * The keys a record is compared on: each phone's digits without `+86` and separators (at least 5
 * digits), each email lower-cased, and — for company customers — the name without legal suffixes
 * (有限公司, 股份有限公司, Co., Ltd.), folded to half width and lower case, without punctuation
 * (at least 2 characters). Two records sharing any key are duplicates.
 */
export function duplicateKeys(
  entity: DedupeEntity,
  record: Readonly<Record<string, unknown>>,
): DuplicateKey[] {
  // A record has a few keys at most: a list scanned for repeats beats a Map over 100k rows.
  const keys: DuplicateKey[] = [];
  const add = (on: DuplicateReason, value: string) => {
    const key = `${on}:${value}`;
    for (const k of keys) if (k.key === key) return;
    keys.push({ on, key });
  };
  const phones = Array.isArray(record.phones) ? (record.phones as unknown[]) : [];
  for (const phone of phones) {
    const number = (phone as { number?: unknown } | null)?.number;
    // A masked number (`138****8000`) says nothing about which number it was.
    if (typeof number !== 'string' || number.includes('*')) continue;
    const digits = normalizePhone(number);
    if (digits.length >= 5) add('phone', digits);
  }
  const emails = Array.isArray(record.emails) ? (record.emails as unknown[]) : [];
  for (const email of emails) {
    if (typeof email !== 'string' || email.includes('*')) continue;
    const folded = email.normalize('NFKC').trim().toLowerCase();
    if (folded.includes('@')) add('email', folded);
  }
  if (
    entity === 'customer' &&
    record.kind !== 'person' &&
    typeof record.name === 'string' &&
    record.name.trim()
  ) {
    const key = companyKey(record.name);
    if (key.length >= 2) add('company', key);
  }
  return keys;
}
