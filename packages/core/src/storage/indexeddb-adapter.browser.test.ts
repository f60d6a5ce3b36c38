import { openDB } from 'idb';
import { StorageError } from '../errors.js';
import { assert, assertEqual, assertRejects, describeStorageAdapter } from '../testing/index.js';
import type { ChangeEvent, StorageAdapter } from './storage-adapter.js';
import { createIndexedDbAdapter } from './indexeddb-adapter.js';
import { deleteDatabase, freshDatabases } from '../testing/delete-database.js';

const uniqueName = () => `rapport-test-${crypto.randomUUID()}`;

describeStorageAdapter(
  'indexeddb',
  freshDatabases((name) => createIndexedDbAdapter({ name })),
);

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
    // One `eq`, ordered by id (the default): the [ownerId, id] index walked a page at a time.
    assertEqual(await adapter.explain!('customers', { where: { ownerId: { eq: 'u1' } } }), {
      strategy: 'index',
      index: 'ownerId',
      ordered: true,
    });
    // No filter, ordered by id: the primary key walked a page at a time, never read whole.
    assertEqual(await adapter.explain!('customers', {}), {
      strategy: 'index',
      index: 'id',
      ordered: true,
    });
    // Two conditions: candidates from the most selective index, then filtered.
    assertEqual(
      await adapter.explain!('customers', {
        where: { ownerId: { eq: 'u1' }, tier: { in: ['vip', 'key'] } },
      }),
      { strategy: 'index', index: 'ownerId', ordered: false },
    );
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

  it('pages by id over the primary key and over one eq, like a scan, both directions', async () => {
    const adapter = open();
    await adapter.commit(
      Array.from({ length: 120 }, (_, i) => ({
        type: 'insert' as const,
        collection: 'customers',
        record: {
          id: `k${String((i * 37) % 120).padStart(3, '0')}`,
          name: `客户${i}`,
          ownerId: `u${i % 3}`,
        },
      })),
    );
    const pages = async (spec: Record<string, unknown>) => {
      const ids: string[] = [];
      let cursor: string | null | undefined;
      let total = -1;
      do {
        const page = await adapter.query('customers', {
          ...spec,
          limit: 11,
          ...(cursor && { cursor }),
        });
        ids.push(...page.items.map((r) => r.id));
        total = page.total;
        cursor = page.nextCursor;
      } while (cursor);
      return { ids, total };
    };
    for (const direction of ['asc', 'desc'] as const) {
      const orderBy = [{ field: 'id', direction }];
      for (const where of [undefined, { ownerId: { eq: 'u1' } }]) {
        const walked = await pages({ ...(where && { where }), orderBy });
        // `notes` is not indexed: the same query forced through a scan.
        const scanned = await adapter.query('customers', {
          where: { ...where, notes: { exists: false } },
          orderBy,
          limit: 1000,
        });
        assertEqual(
          walked.ids,
          scanned.items.map((r) => r.id),
        );
        assertEqual(walked.total, scanned.total);
      }
    }
  });

  it('keeps a paged total true when records change between pages', async () => {
    const adapter = open();
    const insert = (id: string) =>
      adapter.commit([
        { type: 'insert', collection: 'customers', record: { id, name: id, ownerId: 'u1' } },
      ]);
    for (let i = 0; i < 30; i++) await insert(`p${String(i).padStart(2, '0')}`);
    const where = { ownerId: { eq: 'u1' } };
    const first = await adapter.query('customers', { where, limit: 10 });
    assertEqual(first.total, 30);
    const second = await adapter.query('customers', {
      where,
      limit: 10,
      cursor: first.nextCursor!,
    });
    assertEqual(second.total, 30);
    await insert('p99');
    const third = await adapter.query('customers', {
      where,
      limit: 10,
      cursor: second.nextCursor!,
    });
    assertEqual(third.total, 31);
    // Another tab's commit counts too.
    const other = open();
    await other.commit([
      { type: 'insert', collection: 'customers', record: { id: 'q1', name: 'q1', ownerId: 'u1' } },
    ]);
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fourth = await adapter.query('customers', {
      where,
      limit: 10,
      cursor: second.nextCursor!,
    });
    assertEqual(fourth.total, 32);
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
