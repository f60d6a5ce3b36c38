import { createCrm, type Crm } from '../crm.js';
import { DecryptionError, ValidationError } from '../errors.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';
import type { StorageAdapter } from '../storage/storage-adapter.js';
import { createFieldCipher, isCiphertext } from './field-cipher.js';

const aesKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const hmacKey = () => crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

const ID = '110105199001011234';
const BANK = '6222 0212 3456 1234';
let adapter: StorageAdapter;
let crm: Crm;
let key: CryptoKey;

beforeEach(async () => {
  adapter = createMemoryAdapter();
  key = await aesKey();
  crm = await createCrm({
    storage: adapter,
    encryption: {
      key,
      blindIndexKey: await hmacKey(),
      fields: ['idNumber', 'bankAccount', 'phone'],
    },
  });
});
afterEach(() => crm.close());

describe('encryption at rest', () => {
  it('round-trips through the SDK while storage holds only ciphertext', async () => {
    const created = await crm.customers.create({
      id: 'c1',
      name: '张伟明',
      idNumber: ID,
      bankAccount: BANK,
      phones: [{ number: '138 0013 8000', type: 'mobile' }],
    });
    expect(created).toMatchObject({ idNumber: ID, bankAccount: BANK });
    expect(created).not.toHaveProperty('idNumberIndex');
    expect(await crm.customers.get('c1')).toMatchObject({
      idNumber: ID,
      bankAccount: BANK,
      phones: [{ number: '138 0013 8000', type: 'mobile' }],
    });
    const raw = (await adapter.get('customers', 'c1'))!;
    expect(isCiphertext(raw.idNumber)).toBe(true);
    expect(isCiphertext(raw.bankAccount)).toBe(true);
    expect(JSON.stringify(raw)).not.toContain('1380013');
    expect(JSON.stringify(raw)).not.toContain('19900101');
    // Updates validate against plaintext and re-encrypt with a fresh IV.
    await crm.customers.update('c1', { notes: '回访' });
    const again = (await adapter.get('customers', 'c1'))!;
    expect(again.idNumber).not.toBe(raw.idNumber);
    expect((await crm.customers.get('c1')).idNumber).toBe(ID);
    // The audit log keeps no plaintext either.
    const log = await adapter.query('auditLog', { limit: 100 });
    expect(JSON.stringify(log.items)).not.toContain('19900101');
    expect(JSON.stringify(log.items)).not.toContain('0013 8000');
  });

  it('finds records by exact value through the blind index, normalised', async () => {
    await crm.customers.create({ id: 'c1', name: '甲', idNumber: ID });
    await crm.customers.create({ id: 'c2', name: '乙', idNumber: '110105199202021111' });
    const found = await crm.customers.list({ where: { idNumber: { eq: ' 110105199001011234 ' } } });
    expect(found.items.map((c) => c.id)).toEqual(['c1']);
    expect(await crm.customers.count({ idNumber: { in: [ID, '110105199202021111'] } })).toBe(2);
    expect(await crm.customers.count({ idNumber: { ne: ID } })).toBe(1);
    expect(await crm.customers.count({ idNumber: { exists: true } })).toBe(2);
    expect(await crm.customers.count({ 'phones.number': { eq: '+86 138-0013-8000' } })).toBe(0);
    await crm.customers.create({ id: 'c3', name: '丙', phones: [{ number: '138 0013 8000' }] });
    expect(await crm.customers.count({ 'phones.number': { eq: '+86 138-0013-8000' } })).toBe(1);
    // Search skips encrypted fields (it would only ever see ciphertext).
    expect((await crm.customers.list({ search: '13800138000' })).total).toBe(0);
  });

  it('rejects operators that cannot work on ciphertext, naming the field', async () => {
    const attempt = crm.customers.list({ where: { idNumber: { startsWith: '110105' } } });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: [{ path: ['where', 'idNumber', 'startsWith'] }],
    });
    await expect(crm.customers.list({ orderBy: [{ field: 'idNumber' }] })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('fails with DecryptionError for a ciphertext swapped between records or fields', async () => {
    await crm.customers.create({ id: 'c1', name: '甲', idNumber: ID, bankAccount: BANK });
    await crm.customers.create({ id: 'c2', name: '乙', idNumber: '110105199202021111' });
    const c1 = (await adapter.get('customers', 'c1'))!;
    const c2 = (await adapter.get('customers', 'c2'))!;
    const { version, createdAt, updatedAt, ...rest } = c2;
    void createdAt;
    void updatedAt;
    await adapter.commit([
      {
        type: 'update',
        collection: 'customers',
        record: { ...rest, idNumber: c1.idNumber },
        expectedVersion: version,
      },
    ]);
    await expect(crm.customers.get('c2')).rejects.toBeInstanceOf(DecryptionError);
    // Same record, other field.
    const fresh = (await adapter.get('customers', 'c1'))!;
    const { version: v1, createdAt: a, updatedAt: b, ...own } = fresh;
    void a;
    void b;
    await adapter.commit([
      {
        type: 'update',
        collection: 'customers',
        record: { ...own, idNumber: fresh.bankAccount },
        expectedVersion: v1,
      },
    ]);
    const error = await crm.customers.get('c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecryptionError);
    expect(error).toMatchObject({
      code: 'DECRYPTION_FAILED',
      entity: 'customer',
      field: 'idNumber',
    });
  });

  it('fails with DecryptionError under the wrong key', async () => {
    await crm.customers.create({ id: 'c1', name: '甲', idNumber: ID });
    const other = await createCrm({ storage: adapter, encryption: { key: await aesKey() } });
    await expect(other.customers.get('c1')).rejects.toBeInstanceOf(DecryptionError);
  });

  it('refuses an extractable key or one of the wrong kind', async () => {
    const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
      'encrypt',
      'decrypt',
    ]);
    expect(() => createFieldCipher({ key: extractable })).toThrow(ValidationError);
    expect(() => createFieldCipher({ key: key, blindIndexKey: key })).toThrow(ValidationError);
  });

  it('rotates the key in chunks, resumably, and keeps every value readable', async () => {
    for (let i = 0; i < 25; i++)
      await crm.customers.create({
        id: `c${i}`,
        name: `客户${i}`,
        idNumber: `11010519900101${1000 + i}`,
      });
    const newKey = await aesKey();
    const controller = new AbortController();
    let chunks = 0;
    await expect(
      crm.security.rotateKey(newKey, {
        keyId: 'k2',
        chunkSize: 10,
        signal: controller.signal,
        onProgress: () => {
          if (++chunks === 1) controller.abort();
        },
      }),
    ).rejects.toThrow();
    const resumed = await crm.security.rotateKey(newKey, { keyId: 'k2', chunkSize: 10 });
    expect(resumed).toEqual({ reencrypted: 15, skipped: 10 });
    const raw = await adapter.query('customers', { limit: 100 });
    expect(raw.items.every((r) => String(r.idNumber).startsWith('enc:v1:k2:'))).toBe(true);
    // Only the new key is needed now.
    const fresh = await createCrm({ storage: adapter, encryption: { key: newKey, keyId: 'k2' } });
    expect((await fresh.customers.get('c7')).idNumber).toBe('110105199001011007');
    expect((await crm.audit.verify()).ok).toBe(true);
  });
});
