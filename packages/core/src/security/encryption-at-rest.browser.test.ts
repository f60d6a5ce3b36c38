import { openDB } from 'idb';
import { createCrm } from '../crm.js';
import { createIndexedDbAdapter } from '../storage/indexeddb-adapter.js';
import { assert, assertEqual } from '../testing/index.js';
import { deleteDatabase } from '../testing/delete-database.js';

// What a script reading IndexedDB directly (devtools, a backup tool, a disk image) finds after
// creates and updates through the SDK with encryption on: ciphertext, never the plaintext.

const ID_NUMBERS = ['110105199001011234', '310104198512127777'];
const BANK = '6222021234561234';
const PHONE = '13800138000';

describe('encryption at rest in IndexedDB', () => {
  it('leaves no plaintext sensitive value in any store', async () => {
    const name = `rapport-enc-${crypto.randomUUID()}`;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const blindIndexKey = await crypto.subtle.generateKey(
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const crm = await createCrm({
      storage: createIndexedDbAdapter({ name }),
      encryption: { key, blindIndexKey, fields: ['idNumber', 'bankAccount', 'phone'] },
    });
    try {
      await crm.customers.create({
        id: 'c1',
        name: '张伟明',
        idNumber: ID_NUMBERS[0],
        phones: [{ number: PHONE }],
      });
      await crm.contacts.create({ id: 'k1', name: '王芳', idNumber: ID_NUMBERS[1] });
      await crm.customers.update('c1', { bankAccount: BANK, notes: '已核实' });
      await crm.contacts.update('k1', { title: '经理' });
      assertEqual((await crm.customers.get('c1')).idNumber, ID_NUMBERS[0]);
      assertEqual(
        (await crm.customers.list({ where: { idNumber: { eq: ID_NUMBERS[0] } } })).total,
        1,
        'blind-index lookup on IndexedDB',
      );
    } finally {
      await crm.close();
    }

    const db = await openDB(name);
    const dump: unknown[] = [];
    for (const store of db.objectStoreNames) dump.push(...(await db.getAll(store)));
    db.close();
    const text = JSON.stringify(dump);
    assert(text.includes('张伟明'), 'the dump holds the records');
    for (const secret of [...ID_NUMBERS, BANK, PHONE, '19900101', '0013800'])
      assert(!text.includes(secret), `raw IndexedDB contains "${secret}"`);
    await deleteDatabase(name);
  });
});
