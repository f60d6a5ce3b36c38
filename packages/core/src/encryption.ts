// @rapport/core/encryption — encryption at rest, the parts an app rarely calls itself:
// `createFieldCipher` (what `createCrm({ encryption })` builds, and loads only then) and
// `rotateEncryptionKey` (behind `crm.security.rotateKey`). See SECURITY.md. The types, and
// `blindIndexField` and `ENCRYPTED_FIELD_OPERATORS`, are exported from `@rapport/core` as well.
// Explicit named re-exports only.
export { createFieldCipher, blindIndexField } from './security/field-cipher.js';
export type { EncryptionOptions, FieldCipher } from './security/field-cipher.js';
export { ENCRYPTED_FIELD_OPERATORS } from './security/encrypted-where.js';
export { rotateEncryptionKey } from './security/key-rotation.js';
export type { RotateKeyOptions, RotateKeyResult } from './security/key-rotation.js';
