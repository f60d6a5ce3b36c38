import { generateDemoContacts } from '../demo/iterate-demo-contacts.js';
import type { QuerySpec } from '../query/query-spec.js';
import { runAdapterModel } from '../testing/adapter-model.js';
import { describeStorageAdapter } from '../testing/index.js';
import { createMemoryAdapter } from './memory-adapter.js';
import type { StorageAdapter } from './storage-adapter.js';

// The memory adapter's full-text index (memory-search.ts) against the same adapter scanning.

describeStorageAdapter('memory, search index from the first search', {
  create: () => createMemoryAdapter({ searchIndex: { minRecords: 0 } }),
});

describe('memory adapter search index: model-based check', () => {
  it('agrees with the reference model with every search answered by the index', async () => {
    const report = await runAdapterModel({
      create: () => createMemoryAdapter({ searchIndex: { minRecords: 0 } }),
      numRuns: 100,
      maxCommands: 50,
    });
    expect(report.divergences).toBe(0);
  }, 300_000);
});

const QUERIES = [
  '张伟',
  '王',
  '总经理',
  'zhang',
  'ＺＨＡＮＧ',
  'gmail',
  'l',
  '138 0013 8000',
  '13800138000',
  '+86 138',
  '0755',
  '决策人',
  'li wang',
];

// Pages big enough that following every cursor stays quick for the scanning adapter.
const SPECS: QuerySpec[] = [
  { limit: 500 },
  { orderBy: [{ field: 'updatedAt', direction: 'desc' }], limit: 300 },
  { where: { ownerId: { in: ['usr_chenjing', 'usr_liuyang'] } }, limit: 250 },
  { searchFields: ['name', 'title'], limit: 400 },
];

async function allPages(adapter: StorageAdapter, spec: QuerySpec) {
  const pages: unknown[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await adapter.query('contacts', { ...spec, ...(cursor && { cursor }) });
    pages.push({ ids: page.items.map((r) => r.id), total: page.total, next: page.nextCursor });
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

describe('memory adapter search index', () => {
  const contacts = generateDemoContacts(5000, { seed: 5 });
  const seed = async (adapter: StorageAdapter) => {
    await adapter.commit(
      contacts.map((record) => ({ type: 'insert' as const, collection: 'contacts', record })),
      { at: '2026-01-01T00:00:00.000Z' },
    );
    return adapter;
  };
  const state = async (adapter: StorageAdapter) =>
    (await adapter.explain!('contacts', { search: '张' })).search;
  const untilIndexed = async (adapter: StorageAdapter) => {
    for (let i = 0; i < 1000 && (await state(adapter)) !== 'index'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await state(adapter)).toBe('index');
  };

  it('scans while it builds in steps, then answers exactly as the scan does', async () => {
    const indexed = await seed(createMemoryAdapter());
    const scanning = await seed(createMemoryAdapter({ searchIndex: false }));
    const first = await indexed.query('contacts', { search: '张伟' });
    expect(await state(indexed)).toBe('scan'); // 5000 records: built over several tasks
    expect(first).toEqual(await scanning.query('contacts', { search: '张伟' }));
    await untilIndexed(indexed);
    for (const search of QUERIES) {
      for (const spec of SPECS) {
        expect(
          await allPages(indexed, { ...spec, search }),
          `${search} ${JSON.stringify(spec)}`,
        ).toEqual(await allPages(scanning, { ...spec, search }));
      }
      expect(await indexed.count('contacts', { search })).toBe(
        await scanning.count('contacts', { search }),
      );
    }
  }, 120_000);

  it('leaves collections under minRecords to the scan', async () => {
    const adapter = createMemoryAdapter();
    await adapter.commit([
      { type: 'insert', collection: 'contacts', record: { id: 'a', name: '张伟' } },
    ]);
    expect((await adapter.query('contacts', { search: '张伟' })).total).toBe(1);
    expect(await state(adapter)).toBe('scan');
  });

  it('follows creates, updates and removes as they are committed', async () => {
    const adapter = await seed(createMemoryAdapter());
    await adapter.query('contacts', { search: '张' });
    // A commit during the build is picked up at its end.
    await adapter.commit([
      { type: 'insert', collection: 'contacts', record: { id: 'zz0', name: '慕容复' } },
    ]);
    await untilIndexed(adapter);
    const ids = async (search: string) =>
      (await adapter.query('contacts', { search, limit: 500 })).items.map((r) => r.id);
    expect(await ids('慕容')).toEqual(['zz0']);
    await adapter.commit([
      { type: 'insert', collection: 'contacts', record: { id: 'zz1', name: '司徒雷登' } },
    ]);
    expect(await ids('司徒')).toEqual(['zz1']);
    const target = contacts[42]!;
    await adapter.commit([
      {
        type: 'update',
        collection: 'contacts',
        record: { ...target, name: '上官婉儿', phones: [{ number: '199 8888 7777' }] },
      },
    ]);
    expect(await ids('上官婉儿')).toEqual([target.id]);
    expect(await ids('199 8888')).toEqual([target.id]);
    expect(await ids(target.name)).not.toContain(target.id);
    await adapter.commit([{ type: 'delete', collection: 'contacts', id: 'zz1' }]);
    expect(await ids('司徒')).toEqual([]);
    expect(await state(adapter)).toBe('index');
  });

  it('never finds a record by a field left out of searchFields (hidden for this principal)', async () => {
    const adapter = await seed(createMemoryAdapter({ searchIndex: { minRecords: 0 } }));
    const phone = contacts.find((c) => c.phones?.length)!.phones![0]!.number;
    expect((await adapter.query('contacts', { search: phone })).total).toBeGreaterThan(0);
    await untilIndexed(adapter);
    expect((await adapter.query('contacts', { search: phone })).total).toBeGreaterThan(0);
    expect(
      (await adapter.query('contacts', { search: phone, searchFields: ['name', 'title'] })).total,
    ).toBe(0);
    expect(await adapter.count('contacts', { search: phone, searchFields: ['name'] })).toBe(0);
  });

  it('packs an index of mostly replaced records while the old one answers', async () => {
    const adapter = await seed(createMemoryAdapter());
    const scanning = await seed(createMemoryAdapter({ searchIndex: false }));
    await adapter.query('contacts', { search: '张' });
    await untilIndexed(adapter);
    const rename = (round: number) =>
      contacts.map((c) => ({
        type: 'update' as const,
        collection: 'contacts',
        record: { ...c, name: `${c.name}${round}号` },
      }));
    for (const round of [1, 2]) {
      await adapter.commit(rename(round));
      await scanning.commit(rename(round));
    }
    for (const search of ['张', '伟2号', 'zhang']) {
      expect(await allPages(adapter, { search, limit: 1000 })).toEqual(
        await allPages(scanning, { search, limit: 1000 }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await state(adapter)).toBe('index');
    expect(await allPages(adapter, { search: '1号', limit: 1000 })).toEqual([
      { ids: [], total: 0, next: null },
    ]);
  });

  it('stops a build when closed', async () => {
    const adapter = await seed(createMemoryAdapter());
    await adapter.query('contacts', { search: '张' });
    await adapter.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
