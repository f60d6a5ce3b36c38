import { generateDemoContacts } from '../demo/iterate-demo-contacts.js';
import type { QuerySpec } from '../query/query-spec.js';
import { runAdapterModel } from '../testing/adapter-model.js';
import { assert, assertEqual, describeStorageAdapter } from '../testing/index.js';
import { createIndexedDbAdapter, type IndexedDbAdapterOptions } from './indexeddb-adapter.js';
import type { ChangeEvent, StorageAdapter } from './storage-adapter.js';
import { deleteDatabase, freshDatabases } from '../testing/delete-database.js';

// The IndexedDB adapter's full-text index (indexeddb-search.ts, search-client.ts, search-host.ts,
// search-worker.ts) against the same adapter scanning (`searchIndex: false`) over one database.

const names = new WeakMap<StorageAdapter, string>();
const uniqueName = () => `rapport-search-${crypto.randomUUID()}`;

/** Waits until `collection`'s searches are answered from the index (the build ran). */
async function untilIndexed(adapter: StorageAdapter, collection = 'contacts'): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await adapter.query(collection, { search: '张', limit: 1 }); // the first search starts the build
    if ((await adapter.explain!(collection, { search: '张' })).search === 'index') return;
    if (Date.now() > deadline) throw new Error(`${collection} was not indexed within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Counts the workers started (and those that failed to load) until `stop()`. */
function watchWorkers() {
  const RealWorker = globalThis.Worker;
  const seen = { started: 0, failed: 0, stop: () => void (globalThis.Worker = RealWorker) };
  globalThis.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      seen.started++;
      this.addEventListener('error', () => seen.failed++);
    }
  };
  return seen;
}

/** Every page of a query, following cursors. */
async function allPages(adapter: StorageAdapter, collection: string, spec: QuerySpec) {
  const pages: { ids: string[]; total: number; nextCursor: string | null }[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 200; guard++) {
    const page = await adapter.query(collection, { ...spec, ...(cursor && { cursor }) });
    pages.push({
      ids: page.items.map((r) => r.id),
      total: page.total,
      nextCursor: page.nextCursor,
    });
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

const QUERIES = [
  '张伟',
  '张',
  '王芳',
  '总经理',
  '科技',
  'zhang',
  'ＺＨＡＮＧ',
  'Wang',
  'gmail.com',
  'l',
  '138 0013 8000',
  '13800138000',
  '+86 138',
  '0755',
  '1380',
  '决策人',
  'li wang',
];

const SPECS: QuerySpec[] = [
  { limit: 50 },
  { limit: 7 },
  { orderBy: [{ field: 'updatedAt', direction: 'desc' }], limit: 20 },
  { orderBy: [{ field: 'name' }], limit: 30 },
  { where: { ownerId: { in: ['usr_chenjing', 'usr_liuyang'] } }, limit: 25 },
  // `department` is not kept by the index: it answers ids, the adapter reads and filters.
  { where: { department: { exists: true } }, orderBy: [{ field: 'name', direction: 'desc' }] },
  { searchFields: ['name', 'title'], limit: 40 },
];

describeStorageAdapter(
  'indexeddb, search index from the first search',
  freshDatabases(
    (name) => createIndexedDbAdapter({ name, searchIndex: { minRecords: 0 } }),
    'rapport-search',
  ),
);

for (const worker of [true, false]) {
  describe(`indexeddb search index (${worker ? 'in a worker' : 'on the main thread'})`, () => {
    let name: string;
    let adapters: StorageAdapter[];
    const open = (options: Partial<IndexedDbAdapterOptions> = {}) => {
      const adapter = createIndexedDbAdapter({
        name,
        searchIndex: { minRecords: 100, worker },
        ...options,
      });
      adapters.push(adapter);
      return adapter;
    };
    const contacts = generateDemoContacts(1500, { seed: 3 });

    beforeEach(async () => {
      name = uniqueName();
      adapters = [];
      const seeder = open({ searchIndex: false });
      await seeder.commit(
        contacts.map((record) => ({ type: 'insert' as const, collection: 'contacts', record })),
        { at: '2026-01-01T00:00:00.000Z' },
      );
    });
    afterEach(async () => {
      for (const adapter of adapters) await adapter.close();
      await deleteDatabase(name);
    });

    it('scans until the index is built, then answers exactly as the scan does', async () => {
      const workers = watchWorkers();
      const indexed = open();
      const scanning = open({ searchIndex: false });
      const first = await indexed.query('contacts', { search: '张伟' });
      assertEqual(
        (await indexed.explain!('contacts', { search: '张伟' })).search,
        'scan',
        'before the build',
      );
      assertEqual(first, await scanning.query('contacts', { search: '张伟' }), 'fallback');
      await untilIndexed(indexed);
      workers.stop();
      assertEqual(
        { started: workers.started, failed: workers.failed },
        { started: worker ? 1 : 0, failed: 0 },
        'workers',
      );
      for (const search of QUERIES) {
        for (const spec of SPECS) {
          const label = `${search} ${JSON.stringify(spec)}`;
          assertEqual(
            await allPages(indexed, 'contacts', { ...spec, search }),
            await allPages(scanning, 'contacts', { ...spec, search }),
            label,
          );
          const countQuery = {
            search,
            ...(spec.where && { where: spec.where }),
            ...(spec.searchFields && { searchFields: spec.searchFields }),
          };
          assertEqual(
            await indexed.count('contacts', countQuery),
            await scanning.count('contacts', countQuery),
            `count ${label}`,
          );
        }
      }
    });

    it('follows creates, updates and removes at once', async () => {
      const adapter = open();
      await untilIndexed(adapter);
      const search = (s: string) =>
        adapter.query('contacts', { search: s, limit: 500 }).then((p) => p.items.map((r) => r.id));
      await adapter.commit([
        { type: 'insert', collection: 'contacts', record: { id: 'zz1', name: '司徒雷登' } },
      ]);
      assertEqual(await search('司徒'), ['zz1'], 'created');
      const target = contacts[10]!;
      await adapter.commit([
        {
          type: 'update',
          collection: 'contacts',
          record: { ...target, name: '上官婉儿', phones: [{ number: '199 8888 7777' }] },
        },
      ]);
      assertEqual(await search('上官婉儿'), [target.id], 'updated: new name');
      assertEqual(await search('19988887777'), [target.id], 'updated: new phone');
      assert(!(await search(target.name)).includes(target.id), 'updated: old name gone');
      await adapter.commit([{ type: 'delete', collection: 'contacts', id: 'zz1' }]);
      assertEqual(await search('司徒'), [], 'removed');
      assertEqual((await adapter.explain!('contacts', { search: '司徒' })).search, 'index');
    });

    it('sees changes another tab makes, once they are reported', async () => {
      const adapter = open();
      const other = open({ searchIndex: false });
      await untilIndexed(adapter);
      const reported = new Promise<readonly ChangeEvent[]>((resolve) => {
        const stop = adapter.subscribe((events) => {
          if (events.some((e) => e.source === 'remote')) {
            stop();
            resolve(events);
          }
        });
      });
      await other.commit([
        { type: 'insert', collection: 'contacts', record: { id: 'zz2', name: '诸葛明远' } },
      ]);
      await reported;
      assertEqual(
        (await adapter.query('contacts', { search: '诸葛' })).items.map((r) => r.id),
        ['zz2'],
      );
    });

    it('follows bulk changes: re-reading them, or reading everything again', async () => {
      const adapter = open();
      await untilIndexed(adapter);
      const insert = (from: number, count: number, name: string) =>
        adapter.commit(
          Array.from({ length: count }, (_, i) => ({
            type: 'insert' as const,
            collection: 'contacts',
            record: { id: `bulk${from + i}`, name: `${name}${from + i}号` },
          })),
        );
      await insert(0, 6000, '批量');
      assertEqual((await adapter.query('contacts', { search: '批量5999号' })).total, 1);
      assertEqual((await adapter.query('contacts', { search: '批量' })).total, 6000);
      // More than the threshold (and half the collection): rebuilt, scanning until then.
      await insert(6000, 21_000, '大批');
      assertEqual((await adapter.query('contacts', { search: '大批' })).total, 21_000);
      await untilIndexed(adapter);
      assertEqual((await adapter.query('contacts', { search: '大批26999号' })).total, 1);
      assertEqual((await adapter.query('contacts', { search: '批' })).total, 27_000);
    });
  });
}

describe('indexeddb search index: a worker that cannot start', () => {
  let name: string;
  const RealWorker = globalThis.Worker;
  beforeEach(() => {
    name = uniqueName();
    // As a page whose Content-Security-Policy blocks the worker would see it: it never loads.
    globalThis.Worker = class extends RealWorker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super(new URL('/no-such-search-worker.js', location.href), options);
      }
    };
  });
  afterEach(async () => {
    globalThis.Worker = RealWorker;
    await deleteDatabase(name);
  });

  it('builds on the main thread instead', async () => {
    const adapter = createIndexedDbAdapter({ name, searchIndex: { minRecords: 0 } });
    try {
      await adapter.commit([
        { type: 'insert', collection: 'contacts', record: { id: 'a', name: '张伟明' } },
        { type: 'insert', collection: 'contacts', record: { id: 'b', name: '李娜' } },
      ]);
      await untilIndexed(adapter);
      assertEqual(
        (await adapter.query('contacts', { search: '伟明' })).items.map((r) => r.id),
        ['a'],
      );
    } finally {
      await adapter.close();
    }
  });
});

describe('indexeddb search index: model-based check', () => {
  it('agrees with the reference model with the index on from the first search', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(10 * 60_000);
    const report = await runAdapterModel({
      // Every search of the run is answered by the index: it is built before the first command.
      create: async () => {
        const adapterName = uniqueName();
        const adapter = createIndexedDbAdapter({
          name: adapterName,
          broadcast: false,
          searchIndex: { minRecords: 0 },
        });
        names.set(adapter, adapterName);
        await untilIndexed(adapter, 'customers');
        await untilIndexed(adapter, 'deals');
        return adapter;
      },
      teardown: async (adapter) => {
        await adapter.close();
        await deleteDatabase(names.get(adapter)!);
      },
      numRuns: 40,
      maxCommands: 50,
    });
    console.log(
      `model: ${report.runs} runs, ${report.commands} commands, ${report.divergences} divergences, ` +
        `seed ${report.seed} (IndexedDB adapter with search index, ${(report.milliseconds / 1000).toFixed(1)} s)`,
    );
  });
});
