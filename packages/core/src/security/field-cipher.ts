import { DecryptionError, ValidationError } from '../errors.js';
import { readPath } from '../query/field-path.js';
import { normalizePhone } from '../query/normalize.js';
import {
  blindIndexField,
  mapPath,
  sensitivePaths,
  type SensitiveKind,
} from './sensitive-fields.js';

export { blindIndexField };

/** `createCrm({ encryption })`: encryption at rest of sensitive fields. */
export interface EncryptionOptions {
  /**
   * AES-GCM key (128 or 256 bits), generated or imported by the host with `extractable: false`
   * and usages `['encrypt', 'decrypt']`. Rapport never sees its bytes.
   */
  readonly key: CryptoKey;
  /** Names the key inside every ciphertext, so rotation knows what is done. Default `'k1'`. */
  readonly keyId?: string;
  /** Older keys still readable (during or after a rotation), by key id. */
  readonly previousKeys?: readonly { readonly keyId: string; readonly key: CryptoKey }[];
  /** Which kinds of SENSITIVE_FIELDS to encrypt. Default `['idNumber', 'bankAccount']`. */
  readonly fields?: readonly SensitiveKind[];
  /**
   * HMAC-SHA-256 key (`{ name: 'HMAC', hash: 'SHA-256' }`, usage `sign`) for exact-match lookup:
   * a keyed hash of each normalised value is stored beside it (`idNumberIndex`). Without it,
   * encrypted fields can only be tested with `exists`.
   */
  readonly blindIndexKey?: CryptoKey;
}

const PREFIX = 'enc:v1:';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether a stored value is one of our ciphertexts. */
export function isCiphertext(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The key id inside a ciphertext. */
export function ciphertextKeyId(value: string): string | undefined {
  return value.slice(PREFIX.length).split(':')[0];
}

/** The form a value is compared in: what makes `110105 1990…` and `110105199…x` the same person. */
export function normalizeForIndex(kind: SensitiveKind, value: string): string {
  const folded = value.normalize('NFKC').trim();
  if (kind === 'phone') return normalizePhone(folded);
  if (kind === 'bankAccount') return folded.replace(/\D/g, '');
  if (kind === 'idNumber') return folded.replace(/\s/g, '').toUpperCase();
  return folded.toLowerCase();
}

function checkKey(key: CryptoKey, name: string, usages: readonly KeyUsage[], label: string): void {
  const problems: string[] = [];
  if (!key || typeof key !== 'object' || !('algorithm' in key)) problems.push('is not a CryptoKey');
  else {
    if (key.algorithm.name !== name) problems.push(`must be an ${name} key`);
    if (key.extractable) problems.push('must be non-extractable (extractable: false)');
    for (const usage of usages)
      if (!key.usages.includes(usage)) problems.push(`needs the "${usage}" usage`);
  }
  if (problems.length)
    throw new ValidationError(
      problems.map((message) => ({ path: ['encryption', label], message })),
      'Invalid encryption options',
    );
}

/** Encrypts, decrypts and blind-indexes the sensitive fields of records. Built from {@link EncryptionOptions}. */
export interface FieldCipher {
  /** The paths of an entity that are stored encrypted. */
  encryptedPaths(entity: string): readonly (readonly [string, SensitiveKind])[];
  /** Whether exact-match lookups are possible (a blind-index key was given). */
  readonly blindIndexes: boolean;
  /** A copy of `data` with every encrypted path replaced by ciphertext and blind indexes added. */
  encryptRecord(
    entity: string,
    id: string,
    data: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, unknown>>;
  /**
   * A copy of a stored record in plaintext, blind-index fields removed. Values that are not
   * ciphertexts (written before encryption was configured) are returned as they are.
   * @throws DecryptionError wrong key, swapped or tampered ciphertext
   */
  decryptRecord<T extends { readonly id: string }>(entity: string, record: T): Promise<T>;
  /** The blind index of one value (for query rewriting). */
  blindIndex(kind: SensitiveKind, value: string): Promise<string>;
  /** Whether a stored record is fully encrypted under the current key (for rotation). */
  isCurrent(entity: string, record: Readonly<Record<string, unknown>>): boolean;
  /** Makes `key` the current key; the old one stays readable. */
  useKey(keyId: string, key: CryptoKey): void;
  readonly keyId: string;
}

/**
 * AES-GCM field encryption: a fresh 96-bit IV per value; the additional data binds entity,
 * record id and field path, so a ciphertext copied to another record or field fails to decrypt.
 * Stored form: `enc:v1:<keyId>:<iv base64>:<ciphertext+tag base64>`.
 *
 * @throws ValidationError for a key of the wrong kind, an extractable key, or a bad key id
 */
export function createFieldCipher(options: EncryptionOptions): FieldCipher {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new ValidationError(
      [{ path: ['encryption'], message: 'WebCrypto (crypto.subtle) is not available here' }],
      'Encryption unavailable',
    );
  const kinds = new Set<SensitiveKind>(options.fields ?? ['idNumber', 'bankAccount']);
  const keys = new Map<string, CryptoKey>();
  const addKey = (keyId: string, key: CryptoKey): void => {
    if (!KEY_ID.test(keyId))
      throw new ValidationError([
        { path: ['encryption', 'keyId'], message: 'Use 1–32 letters, digits, "-" or "_"' },
      ]);
    checkKey(key, 'AES-GCM', ['encrypt', 'decrypt'], 'key');
    keys.set(keyId, key);
  };
  let currentId = options.keyId ?? 'k1';
  for (const previous of options.previousKeys ?? []) addKey(previous.keyId, previous.key);
  addKey(currentId, options.key);
  if (options.blindIndexKey) checkKey(options.blindIndexKey, 'HMAC', ['sign'], 'blindIndexKey');
  const indexKey = options.blindIndexKey;

  const pathsCache = new Map<string, readonly (readonly [string, SensitiveKind])[]>();
  const encryptedPaths = (entity: string) => {
    let paths = pathsCache.get(entity);
    if (!paths) {
      paths = sensitivePaths(entity).filter(([, kind]) => kinds.has(kind));
      pathsCache.set(entity, paths);
    }
    return paths;
  };
  const aad = (entity: string, id: string, path: string) =>
    encoder.encode(`rapport/v1\u0000${entity}\u0000${id}\u0000${path}`);

  const encryptValue = async (entity: string, id: string, path: string, plain: string) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(entity, id, path) },
      keys.get(currentId)!,
      encoder.encode(plain),
    );
    return `${PREFIX}${currentId}:${toBase64(iv)}:${toBase64(new Uint8Array(sealed))}`;
  };

  const decryptValue = async (entity: string, id: string, path: string, stored: string) => {
    if (!isCiphertext(stored)) return stored;
    const [keyId, ivText, bodyText] = stored.slice(PREFIX.length).split(':');
    const key = keys.get(keyId ?? '');
    if (!key) throw new DecryptionError(entity, id, path, `no key "${keyId}" is configured`);
    try {
      const plain = await subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(ivText ?? ''), additionalData: aad(entity, id, path) },
        key,
        fromBase64(bodyText ?? ''),
      );
      return decoder.decode(plain);
    } catch (cause) {
      throw new DecryptionError(
        entity,
        id,
        path,
        'the value does not decrypt with this key for this record and field (wrong key, moved or altered)',
        { cause },
      );
    }
  };

  /** Applies an async function to every string under `path`, keeping order. */
  const mapPathAsync = async (
    value: unknown,
    path: string,
    fn: (text: string) => Promise<string>,
  ): Promise<unknown> => {
    const segments = path.split('.');
    const found: string[] = [];
    mapPath(value, segments, (text) => {
      found.push(text);
      return text;
    });
    if (found.length === 0) return value;
    const results = await Promise.all(found.map(fn));
    let i = 0;
    return mapPath(value, segments, () => results[i++]!);
  };

  const blindIndex = async (kind: SensitiveKind, value: string): Promise<string> => {
    if (!indexKey) throw new Error('no blind index key');
    const mac = await subtle.sign(
      'HMAC',
      indexKey,
      encoder.encode(`${kind}\u0000${normalizeForIndex(kind, value)}`),
    );
    return toBase64(new Uint8Array(mac)).replace(/=+$/, '');
  };

  return {
    encryptedPaths,
    blindIndexes: indexKey !== undefined,
    get keyId() {
      return currentId;
    },
    async encryptRecord(entity, id, data) {
      let out: Record<string, unknown> = { ...data };
      for (const [path, kind] of encryptedPaths(entity)) {
        const indexField = blindIndexField(path);
        delete out[indexField];
        const plain = readPath(data, path);
        if (indexKey && plain !== undefined) {
          if (Array.isArray(plain)) {
            const texts = plain.filter((v): v is string => typeof v === 'string');
            if (texts.length)
              out[indexField] = [
                ...new Set(await Promise.all(texts.map((t) => blindIndex(kind, t)))),
              ];
          } else if (typeof plain === 'string') out[indexField] = await blindIndex(kind, plain);
        }
        // Always encrypt, even text that looks like a ciphertext: input is never trusted as one.
        out = (await mapPathAsync(out, path, (text) =>
          encryptValue(entity, id, path, text),
        )) as Record<string, unknown>;
      }
      return out;
    },
    async decryptRecord(entity, record) {
      const paths = encryptedPaths(entity);
      if (paths.length === 0) return record;
      let out: Record<string, unknown> = { ...record };
      for (const [path] of paths) {
        delete out[blindIndexField(path)];
        out = (await mapPathAsync(out, path, (text) =>
          decryptValue(entity, record.id, path, text),
        )) as Record<string, unknown>;
      }
      return out as typeof record;
    },
    blindIndex,
    isCurrent(entity, record) {
      for (const [path] of encryptedPaths(entity)) {
        let current = true;
        mapPath(record, path.split('.'), (text) => {
          if (!isCiphertext(text) || ciphertextKeyId(text) !== currentId) current = false;
          return text;
        });
        if (!current) return false;
        const plain = readPath(record, path);
        const present = Array.isArray(plain) ? plain.length > 0 : plain !== undefined;
        if (indexKey && present && !(blindIndexField(path) in record)) return false;
      }
      return true;
    },
    useKey(keyId, key) {
      addKey(keyId, key);
      currentId = keyId;
    },
  };
}
