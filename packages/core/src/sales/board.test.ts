import { NotFoundError, createCrm, createMemoryAdapter, crmKeys, type Crm } from '../index.js';
import { moveInSummary, stageDealsQuery, summarizeBoard } from './index.js';

const pipeline = {
  id: 'std',
  currency: 'CNY',
  stages: [
    { id: 'qualify', name: '验证', probability: 0.1, kind: 'open' as const },
    { id: 'proposal', name: '方案', probability: 0.6, kind: 'open' as const },
    { id: 'won', name: '赢单', probability: 1, kind: 'won' as const },
    { id: 'lost', name: '输单', probability: 0, kind: 'lost' as const },
  ],
};

describe('summarizeBoard', () => {
  it('counts, sums and weights per stage in stage order, with totals', () => {
    const summary = summarizeBoard(pipeline, [
      { stageId: 'qualify', amount: 1000, currency: 'CNY' },
      { stageId: 'proposal', amount: 100_000, currency: 'CNY' },
      { stageId: 'proposal', amount: 0.1, currency: 'CNY' },
      { stageId: 'proposal', amount: 0.2, currency: 'CNY' },
      { stageId: 'won', amount: 5000, currency: 'CNY' },
    ]);
    expect(summary.columns.map((c) => c.stageId)).toEqual(['qualify', 'proposal', 'won', 'lost']);
    expect(summary.columns[0]).toMatchObject({ count: 1, amount: 1000, weighted: 100 });
    // 100000.3 × 0.6, rounded to cents (no 0.1 + 0.2 drift).
    expect(summary.columns[1]).toMatchObject({ count: 3, amount: 100_000.3, weighted: 60_000.18 });
    expect(summary.columns[2]).toMatchObject({ count: 1, amount: 5000, weighted: 5000 });
    expect(summary.columns[3]).toMatchObject({ count: 0, amount: 0, weighted: 0 });
    expect(summary.total).toEqual({
      count: 5,
      amount: 106_000.3,
      weighted: 65_100.18,
      otherCurrency: 0,
    });
  });

  it('counts deals in another currency without summing them, and stray stages apart', () => {
    const summary = summarizeBoard(pipeline, [
      { stageId: 'qualify', amount: 1000, currency: 'USD' },
      { stageId: 'qualify', amount: 10, currency: 'CNY' },
      { stageId: 'gone', amount: 99, currency: 'CNY' },
    ]);
    expect(summary.columns[0]).toMatchObject({ count: 2, amount: 10, otherCurrency: 1 });
    expect(summary.unstaged).toBe(1);
    expect(summary.total.count).toBe(2);
  });
});

describe('moveInSummary', () => {
  it('shifts one deal between columns and re-weights both', () => {
    const before = summarizeBoard(pipeline, [
      { stageId: 'qualify', amount: 1000, currency: 'CNY' },
      { stageId: 'qualify', amount: 500, currency: 'CNY' },
    ]);
    const after = moveInSummary(
      before,
      { stageId: 'qualify', amount: 1000, currency: 'CNY' },
      'proposal',
    );
    expect(after.columns[0]).toMatchObject({ count: 1, amount: 500, weighted: 50 });
    expect(after.columns[1]).toMatchObject({ count: 1, amount: 1000, weighted: 600 });
    expect(after.total).toMatchObject({ count: 2, amount: 1500, weighted: 650 });
    // The same figures a full recount gives.
    expect(after).toEqual(
      summarizeBoard(pipeline, [
        { stageId: 'proposal', amount: 1000, currency: 'CNY' },
        { stageId: 'qualify', amount: 500, currency: 'CNY' },
      ]),
    );
    expect(before.columns[0]!.count).toBe(2);
  });

  it('leaves the summary alone for an unknown or unchanged stage', () => {
    const before = summarizeBoard(pipeline, []);
    const deal = { stageId: 'qualify', amount: 1, currency: 'CNY' };
    expect(moveInSummary(before, deal, 'nowhere')).toBe(before);
    expect(moveInSummary(before, deal, 'qualify')).toBe(before);
  });
});

describe('stageDealsQuery', () => {
  it('puts stageId first (the stageId index), newest first, 50 a page', () => {
    const spec = stageDealsQuery('std', 'proposal', {
      where: { ownerId: { eq: 'u1' } },
      cursor: 'c',
    });
    expect(Object.keys(spec.where!)[0]).toBe('stageId');
    expect(spec).toEqual({
      where: {
        stageId: { eq: 'proposal' },
        pipelineId: { eq: 'std' },
        and: [{ ownerId: { eq: 'u1' } }],
      },
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 50,
      cursor: 'c',
    });
  });
});

describe('crm.deals.board', () => {
  let crm: Crm;
  beforeEach(async () => {
    crm = await createCrm({ storage: createMemoryAdapter() });
    await crm.pipelines.create({ ...pipeline, name: '标准销售' });
    await crm.pipelines.create({
      id: 'other',
      name: '续约',
      stages: [{ id: 'qualify', name: '续约中', probability: 0.5 }],
    });
  });
  afterEach(() => crm.close());

  it('sums the deals of one pipeline only, narrowed by where', async () => {
    await crm.deals.createMany([
      { name: 'a', pipelineId: 'std', stageId: 'qualify', amount: 100, ownerId: 'u1' },
      { name: 'b', pipelineId: 'std', stageId: 'proposal', amount: 200, ownerId: 'u2' },
      { name: 'c', pipelineId: 'other', stageId: 'qualify', amount: 999, ownerId: 'u1' },
    ]);
    const all = await crm.deals.board('std');
    expect(all.columns.map((c) => [c.stageId, c.count, c.amount])).toEqual([
      ['qualify', 1, 100],
      ['proposal', 1, 200],
      ['won', 0, 0],
      ['lost', 0, 0],
    ]);
    const mine = await crm.deals.board('std', { where: { ownerId: { eq: 'u1' } } });
    expect(mine.total).toMatchObject({ count: 1, amount: 100, weighted: 10 });
  });

  it('follows moves, and its query is invalidated by deal changes', async () => {
    const deal = await crm.deals.create({
      name: 'a',
      pipelineId: 'std',
      stageId: 'qualify',
      amount: 100,
    });
    const { queryKey, queryFn } = crm.queries.board('std');
    expect(queryKey).toEqual(crmKeys.board('std', {}));
    const first = await crm.queryClient.fetchQuery({ queryKey, queryFn });
    expect(first.columns[0]!.count).toBe(1);
    await crm.deals.move(deal.id, 'proposal');
    await vi.waitFor(() =>
      expect(crm.queryClient.getQueryState(queryKey)?.isInvalidated).toBe(true),
    );
    const second = await crm.queryClient.fetchQuery({ queryKey, queryFn });
    expect(second.columns.map((c) => c.count)).toEqual([0, 1, 0, 0]);
    expect(second.columns[1]!.weighted).toBe(60);
  });

  it('rejects an unknown pipeline', async () => {
    await expect(crm.deals.board('nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
