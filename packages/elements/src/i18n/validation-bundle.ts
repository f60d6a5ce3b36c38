// What `loadValidationText` loads on first use: the rules and the strings of validation messages.
export { validationMessageKey } from './validation-message.js';
export { validationMessages } from './validation-messages.js';
