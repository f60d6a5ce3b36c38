import { ConflictError, NotFoundError } from '../errors.js';
import type { Where } from '../query/query-spec.js';
import { createMemoryAdapter } from './memory-adapter.js';
import type { StorageAdapter } from './storage-adapter.js';

const deal = (id: string, stageId: string, ownerId = 'u1', amount = 100) => ({
  id,
  name: id,
  pipelineId: 'std',
  stageId,
  ownerId,
  amount,
  currency: 'CNY',
});

/**
 * What `where` matches, read the slow way: inside `or`, which the memory adapter never answers
 * from an index, so every record is filtered.
 */
async function scanned(adapter: StorageAdapter, collection: string, where: Where) {
  const { items, total } = await adapter.query(collection, { where: { or: [where] }, limit: 500 });
  return { ids: items.map((r) => r.id), total };
}

/** The indexed answers (query ids, total, count) must equal the scan's for every filter. */
async function expectIndexedEqualsScan(adapter: StorageAdapter, wheres: readonly Where[]) {
  for (const where of wheres) {
    const { items, total } = await adapter.query('deals', { where, limit: 500 });
    const reference = await scanned(adapter, 'deals', where);
    expect({ where, ids: items.map((r) => r.id), total }).toEqual({ where, ...reference });
    expect(await adapter.count('deals', { where })).toBe(reference.total);
  }
}

describe('memory adapter indexes', () => {
  let adapter: StorageAdapter;
  beforeEach(async () => {
    adapter = createMemoryAdapter();
    await adapter.commit(
      [deal('d1', 's1'), deal('d2', 's1', 'u2'), deal('d3', 's2'), deal('d4', 's3', 'u2')].map(
        (record) => ({ type: 'insert' as const, collection: 'deals', record }),
      ),
    );
  });
  afterEach(() => adapter.close());

  const byStage = (stageId: string): Where => ({ stageId: { eq: stageId } });
  const filters: Where[] = [
    byStage('s1'),
    byStage('s2'),
    byStage('s3'),
    byStage('s9'),
    { stageId: { eq: 's1' }, pipelineId: { eq: 'std' } },
    { stageId: { eq: 's1' }, ownerId: { eq: 'u2' } },
    { and: [{ ownerId: { eq: 'u1' } }, { stageId: { in: ['s1', 's2', 's9'] } }] },
    { stageId: { eq: 's1', ne: 's2' } },
    { ownerId: { eq: null } },
  ];

  it('answers eq and in filters on indexed fields exactly as a scan does', async () => {
    await expectIndexedEqualsScan(adapter, filters);
    expect(await adapter.count('deals', { where: byStage('s1') })).toBe(2);
  });

  it('explains which index a query reads, as it answers it', async () => {
    const explain = (spec: Parameters<NonNullable<StorageAdapter['explain']>>[1]) =>
      adapter.explain!('deals', spec);
    // d4 is the only deal of s3: one bucket; the smallest of two conditions wins.
    expect(await explain({ where: byStage('s3') })).toEqual({
      strategy: 'index',
      index: 'stageId',
    });
    expect(await explain({ where: { pipelineId: { eq: 'std' }, stageId: { eq: 's2' } } })).toEqual({
      strategy: 'index',
      index: 'stageId',
    });
    // A short page over a sorted field walks its ordered list.
    expect(await explain({ orderBy: [{ field: 'status' }], limit: 1 })).toEqual({
      strategy: 'index',
      index: 'status',
      ordered: true,
    });
    expect(await explain({ where: { name: { contains: 'd' } } })).toEqual({ strategy: 'scan' });
    expect(await explain({ where: byStage('s1'), search: 'd1' })).toEqual({
      strategy: 'index',
      index: 'stageId',
      search: 'scan',
    });
  });

  it('follows creates, updates that change the indexed value, and deletes', async () => {
    await adapter.commit([
      { type: 'insert', collection: 'deals', record: deal('d5', 's1') },
      // d1 moves from s1 to s2; d3 keeps its stage but changes owner.
      { type: 'update', collection: 'deals', record: deal('d1', 's2') },
      { type: 'update', collection: 'deals', record: deal('d3', 's2', 'u2') },
      { type: 'delete', collection: 'deals', id: 'd4' },
    ]);
    expect((await adapter.query('deals', { where: byStage('s1') })).items.map((r) => r.id)).toEqual(
      ['d2', 'd5'],
    );
    expect((await adapter.query('deals', { where: byStage('s2') })).items.map((r) => r.id)).toEqual(
      ['d1', 'd3'],
    );
    expect(await adapter.count('deals', { where: byStage('s3') })).toBe(0);
    expect(await adapter.count('deals', { where: { ownerId: { eq: 'u2' } } })).toBe(2);
    await expectIndexedEqualsScan(adapter, filters);
    // A later page by cursor reads the same bucket.
    const first = await adapter.query('deals', { where: byStage('s2'), limit: 1 });
    const second = await adapter.query('deals', {
      where: byStage('s2'),
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(['d1', 'd3']);
  });

  it('keeps its entries when a commit fails part-way (nothing of it is applied)', async () => {
    await expect(
      adapter.commit([
        { type: 'update', collection: 'deals', record: deal('d1', 's3') },
        { type: 'delete', collection: 'deals', id: 'd2' },
        { type: 'insert', collection: 'deals', record: deal('d6', 's3') },
        // Already exists: the whole commit fails after three mutations were staged.
        { type: 'insert', collection: 'deals', record: deal('d3', 's3') },
      ]),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      adapter.commit([
        { type: 'update', collection: 'deals', record: deal('d2', 's3') },
        { type: 'update', collection: 'deals', record: deal('missing', 's3') },
      ]),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await adapter.query('deals', { where: byStage('s1') })).items.map((r) => r.id)).toEqual(
      ['d1', 'd2'],
    );
    expect((await adapter.query('deals', { where: byStage('s3') })).items.map((r) => r.id)).toEqual(
      ['d4'],
    );
    expect(await adapter.count('deals', { where: byStage('s3') })).toBe(1);
    await expectIndexedEqualsScan(adapter, filters);
  });

  it('walks a sorted field for every page exactly as ordering every match does', async () => {
    const many = createMemoryAdapter();
    const at = (i: number) => `2026-06-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`;
    const record = (i: number, stageId: string) => ({
      ...deal(`d${String(i).padStart(4, '0')}`, stageId, `u${i % 3}`, i),
      expectedCloseDate: at(i * 7),
      ...(i % 5 === 0 ? {} : { status: i % 2 ? 'open' : 'won' }),
    });
    const insert = (from: number, to: number, stage: (i: number) => string) =>
      many.commit(
        Array.from({ length: to - from }, (_, k) => ({
          type: 'insert' as const,
          collection: 'deals',
          record: record(from + k, stage(from + k)),
        })),
      );
    const check = async () => {
      for (const where of [
        undefined,
        { stageId: { eq: 's1' } },
        { stageId: { eq: 's2' }, ownerId: { eq: 'u1' } },
        { pipelineId: { eq: 'std' }, stageId: { in: ['s1', 's3'] } },
      ] satisfies (Where | undefined)[]) {
        for (const orderBy of [
          [{ field: 'status' }],
          [{ field: 'status', direction: 'desc' }],
          [{ field: 'stageId', direction: 'desc' }],
        ] as const) {
          for (const limit of [1, 7, 50]) {
            const spec = { ...(where && { where }), orderBy, limit };
            const walked = await many.query('deals', spec);
            const sorted = await many.query('deals', { ...spec, where: { or: [where ?? {}] } });
            expect({ spec, ...walked }).toEqual({ spec, ...sorted });
            // Every later page, by cursor, as the reference orders them (a table scrolled to
            // the end); the reference query's cursors differ only in the where they carry.
            let cursor = walked.nextCursor;
            let pages = 0;
            while (cursor && limit > 1) {
              const next = { ...spec, cursor };
              const page = await many.query('deals', next);
              expect({ next, ...page }).toEqual({
                next,
                ...(await many.query('deals', { ...next, where: { or: [where ?? {}] } })),
              });
              cursor = page.nextCursor;
              pages++;
            }
            if (limit > 1) expect(pages).toBe(Math.ceil(walked.total / limit) - 1);
          }
        }
      }
    };
    await insert(0, 600, (i) => (i % 4 === 0 ? 's1' : i % 4 === 1 ? 's2' : 's3'));
    await check();
    // A few changes move records within the kept order; a large commit has it sorted again.
    await many.commit([
      { type: 'update', collection: 'deals', record: { ...record(4, 's2'), status: 'lost' } },
      { type: 'delete', collection: 'deals', id: 'd0008' },
      { type: 'insert', collection: 'deals', record: record(900, 's1') },
    ]);
    await check();
    await insert(1000, 1400, () => 's1');
    await check();
    await many.close();
  });

  it('indexes each element of an array field, as eq matches any element', async () => {
    const tagged = createMemoryAdapter({
      collections: [{ name: 'things', indexes: [{ field: 'tags' }], searchFields: [] }],
    });
    await tagged.commit([
      { type: 'insert', collection: 'things', record: { id: 'a', tags: ['x', 'y', 'x'] } },
      { type: 'insert', collection: 'things', record: { id: 'b', tags: ['y'] } },
      { type: 'insert', collection: 'things', record: { id: 'c', tags: [] } },
      { type: 'insert', collection: 'things', record: { id: 'd' } },
    ]);
    await tagged.commit([{ type: 'update', collection: 'things', record: { id: 'b', tags: 'x' } }]);
    for (const where of [
      { tags: { eq: 'x' } },
      { tags: { eq: 'y' } },
      { tags: { in: ['x', 'y'] } },
      { tags: { eq: null } },
    ] satisfies Where[]) {
      const { items, total } = await tagged.query('things', { where });
      expect({ where, ids: items.map((r) => r.id), total }).toEqual({
        where,
        ...(await scanned(tagged, 'things', where)),
      });
    }
    expect(await tagged.count('things', { where: { tags: { eq: 'x' } } })).toBe(2);
    await tagged.close();
  });

  it('counts and sums per group exactly as folding the matching records', async () => {
    await adapter.commit([
      { type: 'insert', collection: 'deals', record: { ...deal('d7', 's1'), currency: 'USD' } },
      { type: 'update', collection: 'deals', record: deal('d3', 's1', 'u1', 50.5) },
    ]);
    const result = await adapter.aggregate!('deals', {
      where: { pipelineId: { eq: 'std' }, ownerId: { eq: 'u1' } },
      groupBy: ['stageId', 'currency'],
      sum: ['amount'],
    });
    expect(result.groups).toEqual(
      expect.arrayContaining([
        { key: ['s1', 'CNY'], count: 2, sums: [150.5] },
        { key: ['s1', 'USD'], count: 1, sums: [100] },
      ]),
    );
    expect(result.groups).toHaveLength(2);
    expect(
      await adapter.aggregate!('deals', { where: byStage('s9'), groupBy: ['stageId'] }),
    ).toEqual({ groups: [] });
  });
});
