import { openDB } from 'idb';
import { StorageError } from '../errors.js';
import { assert, assertEqual, assertRejects, describeStorageAdapter } from '../testing/index.js';
import type { ChangeEvent, StorageAdapter } from './storage-adapter.js';
import { createIndexedDbAdapter } from './indexeddb-adapter.js';

const names = new WeakMap<StorageAdapter, string>();
const uniqueName = () => `rapport-test-${crypto.randomUUID()}`;

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

describeStorageAdapter('indexeddb', {
  create() {
    const name = uniqueName();
    const adapter = createIndexedDbAdapter({ name });
    names.set(adapter, name);
    return adapter;
  },
  teardown: (adapter) => deleteDatabase(names.get(adapter)!),
});

describe('indexeddb adapter', () => {
  let name: string;
  let adapters: StorageAdapter[];
  const open = (options: Partial<Parameters<typeof createIndexedDbAdapter>[0]> = {}) => {
    const adapter = createIndexedDbAdapter({ name, ...options });
    adapters.push(adapter);
    return adapter;
  };
  beforeEach(() => {
    name = uniqueName();
    adapters = [];
  });
  afterEach(async () => {
    for (const adapter of adapters) await adapter.close();
    await deleteDatabase(name);
  });

  it('persists across connections (a reload)', async () => {
    const first = open();
    await first.commit([
      { type: 'insert', collection: 'customers', record: { id: 'c1', name: '张伟明' } },
    ]);
    await first.close();
    const second = open();
    assertEqual((await second.get('customers', 'c1'))?.name, '张伟明');
  });

  it('creates one store per collection with [field, id] indexes', async () => {
    const adapter = open();
    await adapter.count('customers');
    const raw = await openDB(name);
    try {
      assert(
        raw.objectStoreNames.contains('customers') && raw.objectStoreNames.contains('tickets'),
        'stores',
      );
      const index = raw.transaction('customers').objectStore('customers').index('ownerId');
      assertEqual(index.keyPath, ['ownerId', 'id']);
    } finally {
      raw.close();
    }
  });

  it('plans queries onto indexes and says so', async () => {
    const adapter = open();
    assertEqual(await adapter.explain!('customers', { where: { ownerId: { eq: 'u1' } } }), {
      strategy: 'index',
      index: 'ownerId',
      ordered: false,
    });
    assertEqual(
      await adapter.explain!('customers', { orderBy: [{ field: 'updatedAt', direction: 'desc' }] }),
      {
        strategy: 'index',
        index: 'updatedAt',
        ordered: true,
      },
    );
    assertEqual(await adapter.explain!('customers', { where: { notes: { contains: 'x' } } }), {
      strategy: 'scan',
    });
    assert(
      adapter.capabilities.indexes.customers?.includes('ownerId'),
      'capabilities list the indexes',
    );
  });

  it('returns an indexed page identical to a full scan', async () => {
    const adapter = open();
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: `c${String(i).padStart(3, '0')}`,
      name: `客户${i % 17}`,
      ownerId: `u${i % 5}`,
      tier: ['vip', 'key', 'regular'][i % 3],
    }));
    await adapter.commit(
      records.map((record) => ({ type: 'insert' as const, collection: 'customers', record })),
    );
    const indexed = await adapter.query('customers', {
      where: { ownerId: { eq: 'u2' } },
      orderBy: [{ field: 'name' }],
      limit: 500,
    });
    // `notes` is not indexed: the same filter written to force a scan.
    const scanned = await adapter.query('customers', {
      where: { ownerId: { eq: 'u2' }, notes: { exists: false } },
      orderBy: [{ field: 'name' }],
      limit: 500,
    });
    assertEqual(
      indexed.items.map((r) => r.id),
      scanned.items.map((r) => r.id),
    );
    assertEqual(indexed.total, 60);
    // Ordered walk over the name index, paged, against the scan.
    const walked: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await adapter.query('customers', {
        orderBy: [{ field: 'name', direction: 'desc' }],
        limit: 7,
        ...(cursor && { cursor }),
      });
      walked.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await adapter.query('customers', {
      where: { notes: { exists: false } },
      orderBy: [{ field: 'name', direction: 'desc' }],
      limit: 1000,
    });
    assertEqual(
      walked,
      all.items.map((r) => r.id),
    );
  });

  it('tells a second connection (another tab) about changes', async () => {
    const tabA = open();
    const tabB = open();
    const seen: ChangeEvent[] = [];
    tabB.subscribe((changes) => seen.push(...changes));
    await tabA.commit([
      { type: 'insert', collection: 'customers', record: { id: 'c1', name: 'a' } },
    ]);
    await tabA.commit([{ type: 'delete', collection: 'customers', id: 'c1' }]);
    for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    assertEqual(
      seen.map(({ type, id, version, source }) => ({ type, id, version, source })),
      [
        { type: 'created', id: 'c1', version: 1, source: 'remote' },
        { type: 'deleted', id: 'c1', version: 1, source: 'remote' },
      ],
    );
    assertEqual(await tabB.get('customers', 'c1'), null, 'and reads what it wrote');
  });

  it('upgrades an older database and keeps its data', async () => {
    const v1 = open({
      version: 1,
      collections: [
        { name: 'customers', indexes: [{ field: 'name', sortable: true }], searchFields: ['name'] },
      ],
    });
    await v1.commit([
      {
        type: 'insert',
        collection: 'customers',
        record: { id: 'c1', name: '王芳', ownerId: 'u1' },
      },
    ]);
    await v1.close();
    const v2 = open({
      version: 2,
      collections: [
        { name: 'customers', indexes: [{ field: 'ownerId' }], searchFields: ['name'] },
        { name: 'deals', indexes: [], searchFields: [] },
      ],
    });
    assertEqual(
      (await v2.query('customers', { where: { ownerId: { eq: 'u1' } } })).items.map((r) => r.id),
      ['c1'],
    );
    assertEqual(await v2.count('deals'), 0);
    const raw = await openDB(name);
    try {
      assertEqual(
        [...raw.transaction('customers').objectStore('customers').indexNames],
        ['ownerId'],
      );
    } finally {
      raw.close();
    }
  });

  it('steps aside for a newer version in another tab with a typed error', async () => {
    let told = false;
    const old = open({ version: 1, onVersionChange: () => (told = true) });
    await old.count('customers');
    const newer = open({ version: 2 });
    assertEqual(await newer.count('customers'), 0);
    assert(told, 'the old connection was told');
    const error = await assertRejects(old.count('customers'), StorageError);
    assertEqual(error.code, 'STORAGE_VERSION_CHANGE');
  });

  it('reports a blocked upgrade as STORAGE_BLOCKED', async () => {
    // A raw connection that ignores versionchange blocks the upgrade.
    const raw = await openDB(name, 1, {
      upgrade: (db) => db.createObjectStore('customers', { keyPath: 'id' }),
    });
    try {
      const adapter = open({ version: 2 });
      const error = await assertRejects(adapter.count('customers'), StorageError);
      assertEqual(error.code, 'STORAGE_BLOCKED');
    } finally {
      raw.close();
    }
  });

  it('maps a quota failure to STORAGE_QUOTA_EXCEEDED and keeps the cause', () => {
    const cause = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const error = StorageError.from(cause, 'Committing');
    assert(error instanceof StorageError, 'a StorageError');
    assertEqual([error.code, error.cause], ['STORAGE_QUOTA_EXCEEDED', cause]);
  });
});
