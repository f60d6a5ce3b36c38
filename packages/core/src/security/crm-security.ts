import { ValidationError } from '../errors.js';
import type { Gateway } from '../gateway/gateway.js';
import type { RequestContext } from '../gateway/gateway-core.js';
import type { StorageAdapter } from '../storage/storage-adapter.js';
import type { FieldCipher } from './field-cipher.js';
import {
  rotateEncryptionKey,
  type RotateKeyOptions,
  type RotateKeyResult,
} from './key-rotation.js';

/** `crm.security`: encryption at rest, as far as the app needs to see it. */
export interface CrmSecurity {
  /** Whether sensitive fields are encrypted at rest (`createCrm({ encryption })`). */
  readonly encrypted: boolean;
  /**
   * Re-encrypts every sensitive value under `newKey` (see {@link rotateEncryptionKey}); resumable.
   * @throws ValidationError when encryption is not configured or the key is unusable
   */
  rotateKey(newKey: CryptoKey, options: RotateKeyOptions): Promise<RotateKeyResult>;
}

export function createCrmSecurity(env: {
  readonly adapter: StorageAdapter;
  readonly cipher: FieldCipher | undefined;
  readonly gateway: Gateway;
  readonly context: () => RequestContext;
}): CrmSecurity {
  const { cipher } = env;
  return {
    encrypted: cipher !== undefined,
    rotateKey(newKey, options) {
      if (!cipher)
        return Promise.reject(
          new ValidationError([
            { path: ['encryption'], message: 'Encryption is not configured for this client' },
          ]),
        );
      return rotateEncryptionKey({ ...env, cipher }, newKey, options);
    },
  };
}
