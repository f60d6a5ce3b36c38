import type { ValidationIssue } from '@rapport/core';
import type { LocalizeController } from './localize-controller.js';
import type { MessageKeyOf } from './messages.js';
import type { validationMessages } from './validation-messages.js';

/**
 * The keys of `validationMessages`. A catalogue that merges it in can show them through
 * `validationMessage`; the elements load them the first time they have one to show
 * (validation-text.ts).
 */
export type ValidationMessageKey = MessageKeyOf<typeof validationMessages>;

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
const RULES: readonly (readonly [RegExp, ValidationMessageKey])[] = [
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
export function validationMessageKey(
  issue: Pick<ValidationIssue, 'message'>,
): ValidationMessageKey {
  for (const [pattern, key] of RULES) if (pattern.test(issue.message)) return key;
  return 'validation.invalid';
}

/**
 * One issue of a core `ValidationError` in the current locale, e.g. "请填写姓名。": the issue's
 * message is classified (above) and `field` is the localized label of the field at `issue.path`.
 */
export function validationMessage(
  i18n: LocalizeController<ValidationMessageKey>,
  issue: Pick<ValidationIssue, 'message'>,
  field: string,
): string {
  return i18n.t(validationMessageKey(issue), { field });
}
