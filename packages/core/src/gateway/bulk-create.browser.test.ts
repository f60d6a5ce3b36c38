import { createCrm, type Crm } from '../crm.js';
import { generateDemoData } from '../demo/index.js';
import { ValidationError } from '../errors.js';
import { createIndexedDbAdapter } from '../storage/indexeddb-adapter.js';
import { createMemoryAdapter } from '../storage/memory-adapter.js';
import type { StorageAdapter } from '../storage/storage-adapter.js';
import { assert, assertEqual, assertRejects } from '../testing/index.js';
import { deleteDatabase } from '../testing/delete-database.js';

// A large createMany validates each chunk while the chunk before is written (IndexedDB) and must
// still be all-or-nothing: a bad record late in the batch leaves nothing stored, and the error
// names every bad record and field, as when everything was validated before writing.

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const SIZE = 3000;
const { contacts } = generateDemoData({ seed: 7, contacts: SIZE, customers: 1200 });

const backends: [string, () => { storage: StorageAdapter; name?: string }][] = [
  ['memory', () => ({ storage: createMemoryAdapter() })],
  [
    'IndexedDB',
    () => {
      const name = `rapport-bulk-${crypto.randomUUID()}`;
      return { storage: createIndexedDbAdapter({ name }), name };
    },
  ],
];

for (const [backend, open] of backends) {
  describe(`createMany of ${SIZE} contacts (${backend})`, () => {
    let crm: Crm;
    let storage: StorageAdapter;
    let name: string | undefined;
    beforeEach(async () => {
      const opened = open();
      name = opened.name;
      storage = opened.storage;
      crm = await createCrm({ storage });
    });
    afterEach(async () => {
      await crm.close();
      if (name) await deleteDatabase(name);
    });

    it('stores nothing when a record in the last chunk is invalid, and names every bad field', async () => {
      const inputs = contacts.map((c, i) =>
        i === 1200 ? { ...c, name: '' } : i === SIZE - 10 ? { ...c, gender: 'robot' } : c,
      );
      const error = await assertRejects(
        crm.contacts.createMany(inputs as typeof contacts),
        ValidationError,
      );
      const paths = error.issues.map((i) => i.path.join('.'));
      assertEqual(paths, ['1200.name', `${SIZE - 10}.gender`]);
      assertEqual(await crm.contacts.count(), 0);
      // The batch is whole again after the fix, and nothing of the failed attempt is in the way.
      const stored = await crm.contacts.createMany(contacts);
      assertEqual(stored.length, SIZE);
      assertEqual(await crm.contacts.count(), SIZE);
    });

    it('reports progress that only grows and ends at the number of records', async () => {
      const seen: [number, number][] = [];
      await crm.contacts.createMany(contacts, {
        onProgress: (done, total) => seen.push([done, total]),
      });
      assert(seen.length >= 1, 'progress was reported');
      assert(
        seen.every(([done, total], i) => total === SIZE && (i === 0 || done > seen[i - 1]![0])),
        `progress only grows, out of ${SIZE}: ${JSON.stringify(seen.slice(0, 5))}…`,
      );
      assertEqual(seen[seen.length - 1], [SIZE, SIZE]);
    });

    it('stores a batch once, whole, when another client moves the audit chain meanwhile', async () => {
      // Another client appends to the audit log just before this batch commits: the batch's
      // commit fails on the chain's head and is retried on the new head.
      const other = await createCrm({ storage });
      let raced = false;
      const racing: StorageAdapter = {
        ...storage,
        async commit(mutations, options) {
          if (!raced && !Array.isArray(mutations)) {
            raced = true;
            await other.customers.create({ name: '插队客户' });
          }
          return storage.commit(mutations, options);
        },
      };
      const racer = await createCrm({ storage: racing });
      try {
        const stored = await racer.contacts.createMany(contacts);
        assert(raced, 'the other client appended during the batch');
        assertEqual(stored.length, SIZE);
        assertEqual(await crm.contacts.count(), SIZE);
        assertEqual(await crm.customers.count(), 1);
        assertEqual((await crm.audit.verify()).problems, []);
      } finally {
        await racer.close();
        await other.close();
      }
    });

    it('does not change the records it is given', async () => {
      const inputs = deepFreeze(structuredClone(contacts));
      const stored = await crm.contacts.createMany(inputs);
      assertEqual(JSON.stringify(inputs), JSON.stringify(contacts));
      assertEqual(stored[SIZE - 1]!.name, contacts[SIZE - 1]!.name);
      assert(stored[0] !== (inputs[0] as unknown), 'the stored record is a record of its own');
      assertEqual(stored[0]!.version, 1);
    });
  });
}
