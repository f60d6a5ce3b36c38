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
  const key = fieldsKey(fields);
  return (record) => matches(searchText(record, fields, key));
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

interface CachedHaystack extends Haystack {
  /** Which fields the text was taken from ({@link fieldsKey}). */
  readonly fields: string;
}

const cache = new WeakMap<object, CachedHaystack>();
const keys = new Map<string, string>();

/** One string per field list, so comparing two lists is one `===` on the same string. */
function fieldsKey(fields: readonly string[]): string {
  const joined = fields.join('\u0001');
  let key = keys.get(joined);
  if (key === undefined) keys.set(joined, (key = joined));
  return key;
}

/**
 * Normalised text of a record's search fields, cached per (immutable) record object and field
 * list: a search restricted to fewer fields (hidden ones left out) never reuses the text of more.
 */
function searchText(record: unknown, fields: readonly string[], key: string): Haystack {
  const hit = cache.get(record as object);
  if (hit && hit.fields === key) return hit;
  const haystack: CachedHaystack = { ...haystackOf(record, fields), fields: key };
  cache.set(record as object, haystack);
  return haystack;
}

/** The normalised text and phone digits of a record's search fields (not cached). */
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
