import {
  NotFoundError,
  createCrm,
  createMemoryAdapter,
  crmKeys,
  type Crm,
  type Policy,
} from '../index.js';
import { createMemoryAdapter as createMemoryAdapterNow } from '../storage/memory-adapter.js';
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

describe('crm.deals.board under a policy', () => {
  // Reps see their own deals; managers see all. `amount` is hidden from interns.
  const policy: Policy = {
    scope: (principal) => (principal.roles.includes('manager') ? 'all' : 'own'),
    fieldAccess: (principal, entity, field) =>
      entity === 'deal' && field === 'amount' && principal.roles.includes('intern')
        ? 'hidden'
        : 'editable',
  };
  const manager = { id: 'boss', roles: ['manager'] };
  const deals = [
    { name: 'a', stageId: 'qualify', amount: 100, ownerId: 'u1' },
    { name: 'b', stageId: 'qualify', amount: 250.5, ownerId: 'u2' },
    { name: 'c', stageId: 'proposal', amount: 1000, ownerId: 'u1' },
    { name: 'd', stageId: 'proposal', amount: 40, ownerId: 'u1', currency: 'USD' },
    { name: 'e', stageId: 'won', amount: 7, ownerId: 'u2' },
    { name: 'f', stageId: 'gone', amount: 9, ownerId: 'u1' },
  ];
  let crm: Crm;
  const seed = async (storage = createMemoryAdapter()) => {
    crm = await createCrm({ storage, policy, principal: manager });
    await crm.pipelines.create({ ...pipeline, name: '标准销售' });
    await crm.deals.createMany(deals.map((d) => ({ ...d, pipelineId: 'std' })));
  };
  afterEach(() => crm.close());

  it("gives a rep the figures of only their own deals: the unscoped figures of that owner's deals", async () => {
    await seed();
    const rep = crm.as({ id: 'u1', roles: ['rep'] });
    const mine = await rep.deals.board('std');
    expect(mine).toEqual(await crm.deals.board('std', { where: { ownerId: { eq: 'u1' } } }));
    const all = await crm.deals.list({ limit: 100 });
    expect(mine).toEqual(
      summarizeBoard(
        pipeline,
        all.items.filter((d) => d.ownerId === 'u1'),
      ),
    );
    expect(mine.columns.map((c) => [c.count, c.amount, c.otherCurrency])).toEqual([
      [1, 100, 0],
      [2, 1000, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(mine.unstaged).toBe(1);
    // The manager sees every deal.
    expect((await crm.deals.board('std')).total).toMatchObject({ count: 5, amount: 1357.5 });
  });

  it('counts deals whose amount is hidden from the principal, and sums none of it', async () => {
    await seed();
    const intern = crm.as({ id: 'u2', roles: ['intern'] });
    const figures = await intern.deals.board('std');
    expect(figures.columns.map((c) => [c.count, c.amount, c.weighted])).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('gives the same figures over storage that cannot aggregate', async () => {
    const { aggregate: _, ...plain } = createMemoryAdapterNow();
    await seed(plain);
    const rep = crm.as({ id: 'u1', roles: ['rep'] });
    const all = await crm.deals.list({ limit: 100 });
    expect(await rep.deals.board('std')).toEqual(
      summarizeBoard(
        pipeline,
        all.items.filter((d) => d.ownerId === 'u1'),
      ),
    );
    expect((await crm.deals.board('std')).total.count).toBe(5);
  });
});
