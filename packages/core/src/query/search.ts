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
  const trimmed = query.trim();
  if (!trimmed) return null;
  const digits = phoneQuery(trimmed);
  const terms = normalizeText(trimmed).split(/\s+/).filter(Boolean);
  return (record) => {
    const haystack = searchText(record, fields);
    if (digits !== null && haystack.digits.includes(digits)) return true;
    return terms.every((term) => haystack.text.includes(term));
  };
}

interface Haystack {
  text: string;
  digits: string;
}

const cache = new WeakMap<object, Haystack>();

/** Normalised text of a record's search fields, cached per (immutable) record object. */
function searchText(record: unknown, fields: readonly string[]): Haystack {
  const key = record as object;
  const hit = cache.get(key);
  if (hit) return hit;
  const parts: string[] = [];
  for (const field of fields) collectText(record, field, parts);
  const haystack: Haystack = {
    // U+0001 separates fields so a term never matches across two of them.
    text: normalizeText(parts.join('\u0001')),
    digits: parts
      .filter((p) => /\d{3}/.test(p.normalize('NFKC')))
      .map(normalizePhone)
      .join('\u0001'),
  };
  cache.set(key, haystack);
  return haystack;
}
