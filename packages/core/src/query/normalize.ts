/**
 * Text normalisation for search and text filters: NFKC folds full-width letters and digits
 * (`ＡＢＣ１２３` → `abc123`) and compatibility forms; then case is folded. CJK text is left as a
 * character sequence: matching is by substring, never by whitespace tokens, so `张伟` finds `张伟明`.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

const PHONE_LIKE = /^[+\d\s\-().]+$/;

/** Digits of a phone number without a mainland China country prefix (`+86`, `0086`, `86`). */
export function normalizePhone(value: string): string {
  let digits = value.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086') && digits.length > 13) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length > 11) digits = digits.slice(2);
  return digits;
}

/**
 * If `query` looks like (part of) a phone number, its normalised digits; otherwise `null`.
 * `+86 138 0013 8000`, `138-0013-8000` and `１３８００１３８０００` all give `13800138000`.
 */
export function phoneQuery(query: string): string | null {
  const folded = query.normalize('NFKC').trim();
  if (!PHONE_LIKE.test(folded)) return null;
  const digits = normalizePhone(folded);
  return digits.length >= 3 ? digits : null;
}
