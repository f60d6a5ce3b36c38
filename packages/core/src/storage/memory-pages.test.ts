import type { QueryResult, QuerySpec } from '../query/query-spec.js';
import { runQuery } from '../query/run-query.js';
import { createMemoryAdapter } from './memory-adapter.js';
import type { StorageAdapter, StoredRecord } from './storage-adapter.js';

// Later pages of a paged query come from the ordered matches the memory adapter keeps
// (memory-pages.ts): the same pages as the reference engine, and never stale after a write.

const TIERS = ['vip', 'key', 'normal'];

async function seeded(n: number): Promise<StorageAdapter> {
  const adapter = createMemoryAdapter();
  await adapter.commit(
    Array.from({ length: n }, (_, i) => ({
      type: 'insert' as const,
      collection: 'customers',
      record: {
        id: `cus_${String(i).padStart(4, '0')}`,
        name: `Customer ${(i * 7919) % n}`,
        tier: TIERS[i % 3],
        score: (i * 31) % 17,
      },
    })),
  );
  return adapter;
}

async function allPages(
  query: (spec: QuerySpec) => Promise<QueryResult<StoredRecord>>,
  spec: QuerySpec,
): Promise<QueryResult<StoredRecord>[]> {
  const pages: QueryResult<StoredRecord>[] = [];
  let cursor: string | undefined;
  do {
    const page = await query(cursor === undefined ? spec : { ...spec, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describe('memory adapter: later pages of a paged query', () => {
  const specs: QuerySpec[] = [
    { limit: 7 },
    { orderBy: [{ field: 'score', direction: 'desc' }], limit: 10 },
    { where: { tier: { in: ['vip', 'key'] } }, orderBy: [{ field: 'name' }], limit: 9 },
    { where: { score: { gte: 5 } }, orderBy: [{ field: 'tier' }, { field: 'score' }], limit: 4 },
  ];

  it.each(specs)('are the reference engine’s pages: %j', async (spec) => {
    const adapter = await seeded(120);
    const records = (await adapter.query('customers', { limit: 10_000 })).items;
    const expected = await allPages(async (s) => runQuery(records, s, []), spec);
    expect(await allPages((s) => adapter.query('customers', s), spec)).toEqual(expected);
    // Asked again (now from what was kept): the same pages.
    expect(await allPages((s) => adapter.query('customers', s), spec)).toEqual(expected);
  });

  it('see writes made between pages', async () => {
    const adapter = await seeded(30);
    const spec: QuerySpec = { orderBy: [{ field: 'name' }], limit: 5 };
    const first = await adapter.query('customers', spec);
    const second = await adapter.query('customers', { ...spec, cursor: first.nextCursor! });
    const doomed = (await adapter.query('customers', { ...spec, cursor: second.nextCursor! }))
      .items[0]!;
    await adapter.commit([
      { type: 'delete', collection: 'customers', id: doomed.id },
      { type: 'insert', collection: 'customers', record: { id: 'cus_new', name: 'Customer 9999' } },
    ]);
    const third = await adapter.query('customers', { ...spec, cursor: second.nextCursor! });
    expect(third.total).toBe(30);
    expect(third.items.map((r) => r.id)).not.toContain(doomed.id);
    const rest = await allPages((s) => adapter.query('customers', s), {
      ...spec,
      cursor: second.nextCursor!,
    });
    expect(rest.flatMap((p) => p.items).map((r) => r.id)).toContain('cus_new');
  });
});
