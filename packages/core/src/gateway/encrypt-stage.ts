import type { GatewayStage } from './gateway-core.js';

/**
 * Encryption at rest: the place where sensitive fields are encrypted on the way down and
 * decrypted on the way up (including `loadCurrent`, so validation sees plaintext). This release
 * passes values through unchanged: sensitive fields are stored as given.
 */
export const encryptStage: GatewayStage = {
  name: 'encrypt',
  create: (next) => next,
};
