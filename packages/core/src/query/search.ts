import { collectText } from './field-path.js';
import { normalizePhone, normalizeText, phoneQuery } from './normalize.js';

/**
 * Full-text matcher over a collection's declared search fields.
 *
 * - A phone-like query (`+86 138 0013 8000`, `138-0013`) matches phone digits, ignoring spaces,
 *   dashes, brackets, full-width digits and the `+86` prefix.
 * - Otherwise the query is split on whitespace and every term must occur (as a substring, after
 *   NFKC + lower-casing) in some search field. CJK needs no tokeniser: `张伟` finds `张伟明`.
 */
export function createSearchMatcher(
  query: string,
  fields: readonly string[],
): ((record: unknown) => boolean) | null {
  const matches = createHaystackMatcher(query);
  if (!matches) return null;
  // Normalised afresh on every scan, never cached per record: scans are for small collections
  // and for the moments before an index is ready, and a cache keyed by record (a WeakMap) would
  // keep a second copy of every searched record's text alive as long as the record — tens of MB
  // over 100k records — and lengthen every full garbage collection that walks it.
  return (record) => matches(haystackOf(record, fields));
}

/** The same matcher over a record's {@link Haystack} (for indexes that keep haystacks). */
export function createHaystackMatcher(query: string): ((haystack: Haystack) => boolean) | null {
  const trimmed = query.trim();
  if (!trimmed) return null;
  const digits = phoneQuery(trimmed);
  const terms = normalizeText(trimmed).split(/\s+/).filter(Boolean);
  return (haystack) => {
    if (digits !== null && haystack.digits.includes(digits)) return true;
    return terms.every((term) => haystack.text.includes(term));
  };
}

/** What a search looks at in one record: its search fields' text and phone digits, normalised. */
export interface Haystack {
  /** Every string and number under the fields, NFKC + lower case, joined by U+0001. */
  readonly text: string;
  /** The phone-like values (three digits or more) as bare digits, joined by U+0001. */
  readonly digits: string;
}

/** The normalised text and phone digits of a record's search fields. */
export function haystackOf(record: unknown, fields: readonly string[]): Haystack {
  const parts: string[] = [];
  for (const field of fields) collectText(record, field, parts);
  return {
    // U+0001 separates fields so a term never matches across two of them.
    text: normalizeText(parts.join('\u0001')),
    digits: parts
      .filter((p) => /\d{3}/.test(p.normalize('NFKC')))
      .map(normalizePhone)
      .join('\u0001'),
  };
}
