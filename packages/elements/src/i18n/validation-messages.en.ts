import type { Translation } from './messages.js';
import type * as zhCN from './validation-messages.js';

// English strings of every group of validation-messages.ts, loaded when a page shows that locale.

export default {
  // validation
  'validation.required': '{field} is required.',
  'validation.tooLong': '{field} is too long.',
  'validation.tooShort': '{field} is too short.',
  'validation.email': '{field} is not a valid email address.',
  'validation.phone': '{field} is not a valid phone number.',
  'validation.url': '{field} is not a valid web address.',
  'validation.number': '{field} must be a number.',
  'validation.tooSmall': '{field} is too small.',
  'validation.tooBig': '{field} is too large.',
  'validation.date': '{field} is not a valid date.',
  'validation.option': '{field}: choose one of the options.',
  'validation.invalid': '{field} is not valid.',
  'validation.summary': 'Please correct {count} field(s).',
} satisfies Translation<typeof zhCN.validation>;
