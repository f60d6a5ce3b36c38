import type { ValidationIssue } from '@rapport/core';
import type { MessageKey } from './messages/en.js';

/**
 * How a core `ValidationError` issue becomes a localized message.
 *
 * Core validates with the entity's zod schema and reports `{ path, message }` in English (zod's
 * default messages, plus core's own such as "Not a phone number"). Elements never show that text:
 * they classify the message into one of a few kinds — zod's messages have a stable shape
 * ("Too small: expected string to have >=1 characters", "Invalid input: expected string, received
 * undefined", "Invalid email address", …) — and show `validation.<kind>` in the current locale
 * with the field's localized label (`{field}`), which the element derives from the issue's path.
 * Unknown messages fall back to `validation.invalid`, so a new zod message never leaks English
 * into a Chinese form. Kept as ordered rules: the first match wins.
 */
const RULES: readonly (readonly [RegExp, MessageKey])[] = [
  [
    /received undefined|expected string to have >=1 characters|expected array to have >=1/i,
    'validation.required',
  ],
  [/^Too big: expected (string|array)/i, 'validation.tooLong'],
  [/^Too small: expected (string|array)/i, 'validation.tooShort'],
  [/^Too big: expected (number|int|bigint)/i, 'validation.tooBig'],
  [/^Too small: expected (number|int|bigint)/i, 'validation.tooSmall'],
  [/email/i, 'validation.email'],
  [/phone/i, 'validation.phone'],
  [/\burl\b/i, 'validation.url'],
  [/date/i, 'validation.date'],
  [/expected (number|int)/i, 'validation.number'],
  [/^Invalid option|Use one of/i, 'validation.option'],
];

/** The message key for one issue of a `ValidationError` (see above). */
export function validationMessageKey(issue: Pick<ValidationIssue, 'message'>): MessageKey {
  for (const [pattern, key] of RULES) if (pattern.test(issue.message)) return key;
  return 'validation.invalid';
}
