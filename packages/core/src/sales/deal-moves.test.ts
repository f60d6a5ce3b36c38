import {
  ConflictError,
  ValidationError,
  createCrm,
  createMemoryAdapter,
  type Crm,
} from '../index.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
let now = T0;
let crm: Crm;
const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(async () => {
  now = T0;
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(now) });
  await crm.pipelines.create({
    id: 'std',
    name: '标准销售',
    stages: [
      { id: 'qualify', name: '验证', probability: 0.1 },
      { id: 'proposal', name: '方案', probability: 0.5 },
      { id: 'won', name: '赢单', probability: 1, kind: 'won' },
      { id: 'lost', name: '输单', probability: 0, kind: 'lost' },
    ],
  });
  await crm.pipelines.create({
    id: 'renew',
    name: '续约',
    stages: [{ id: 'renew-open', name: '续约中', probability: 0.6 }],
  });
});
afterEach(() => crm.close());

describe('crm.deals.create', () => {
  it('starts in the first open stage with CNY and a first stage visit', async () => {
    const deal = await crm.deals.create({
      name: '年度订阅',
      pipelineId: 'std',
      stageId: 'qualify',
      amount: 1000,
    });
    expect(deal).toMatchObject({
      status: 'open',
      currency: 'CNY',
      stageHistory: [{ stageId: 'qualify', enteredAt: iso(T0) }],
    });
  });

  it('rejects negative amounts and a stage of another pipeline', async () => {
    const negative = await crm.deals
      .create({ name: '负数', pipelineId: 'std', stageId: 'qualify', amount: -1 })
      .catch((e: unknown) => e);
    expect(negative).toBeInstanceOf(ValidationError);
    expect((negative as ValidationError).issues[0]!.path).toEqual(['amount']);
    await expect(
      crm.deals.create({ name: 'x', pipelineId: 'std', stageId: 'renew-open' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const deal = await crm.deals.create({ name: 'ok', pipelineId: 'std', stageId: 'qualify' });
    await expect(crm.deals.update(deal.id, { amount: -100 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await crm.deals.count()).toBe(1);
  });
});

describe('crm.deals.move', () => {
  it('records every move with timestamps, sets closedAt on won and wins the customer', async () => {
    const customer = await crm.customers.create({ name: '云帆', lifecycleStage: 'prospect' });
    const deal = await crm.deals.create({
      name: 'd',
      pipelineId: 'std',
      stageId: 'qualify',
      customerId: customer.id,
    });
    now = T0 + 1000;
    await crm.deals.move(deal.id, 'proposal');
    now = T0 + 5000;
    const won = await crm.deals.move(deal.id, 'won');
    expect(won).toMatchObject({ stageId: 'won', status: 'won', closedAt: iso(T0 + 5000) });
    expect(won.stageHistory).toEqual([
      { stageId: 'qualify', enteredAt: iso(T0), leftAt: iso(T0 + 1000) },
      { stageId: 'proposal', enteredAt: iso(T0 + 1000), leftAt: iso(T0 + 5000) },
      { stageId: 'won', enteredAt: iso(T0 + 5000) },
    ]);
    expect((await crm.customers.get(customer.id)).lifecycleStage).toBe('customer');
  });

  it('refuses a stage of another pipeline with ValidationError', async () => {
    const deal = await crm.deals.create({ name: 'd', pipelineId: 'std', stageId: 'qualify' });
    const error = await crm.deals.move(deal.id, 'renew-open').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['stageId']);
    expect((await crm.deals.get(deal.id)).stageId).toBe('qualify');
  });

  it('requires a reason to move to lost, and keeps it', async () => {
    const deal = await crm.deals.create({ name: 'd', pipelineId: 'std', stageId: 'qualify' });
    const error = await crm.deals.move(deal.id, 'lost').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['lostReason']);
    await expect(crm.deals.move(deal.id, 'lost', { lostReason: ' ' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const lost = await crm.deals.move(deal.id, 'lost', { lostReason: '预算取消' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: '预算取消', closedAt: iso(T0) });
  });

  it('reopens a lost deal: back to an open stage clears closedAt and lostReason', async () => {
    const deal = await crm.deals.create({ name: 'd', pipelineId: 'std', stageId: 'qualify' });
    await crm.deals.move(deal.id, 'lost', { lostReason: '竞品' });
    now = T0 + 60_000;
    const reopened = await crm.deals.move(deal.id, 'proposal');
    expect(reopened.status).toBe('open');
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.lostReason).toBeUndefined();
    expect(reopened.stageHistory.map((v) => v.stageId)).toEqual(['qualify', 'lost', 'proposal']);
  });

  it('honours expectedVersion', async () => {
    const deal = await crm.deals.create({ name: 'd', pipelineId: 'std', stageId: 'qualify' });
    await crm.deals.move(deal.id, 'proposal');
    await expect(
      crm.deals.move(deal.id, 'won', { expectedVersion: deal.version }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('crm.pipelines: editing stages without breaking deals', () => {
  const stages = [
    { id: 'qualify', name: '需求验证', probability: 0.2 },
    { id: 'won', name: '赢单', probability: 1, kind: 'won' as const },
    { id: 'lost', name: '输单', probability: 0, kind: 'lost' as const },
  ];

  it('renames, re-weights and removes empty stages freely', async () => {
    const updated = await crm.pipelines.updateStages('std', stages);
    expect(updated.stages.map((s) => s.id)).toEqual(['qualify', 'won', 'lost']);
  });

  it('refuses to remove an occupied stage without a target, naming the deals', async () => {
    const deal = await crm.deals.create({ name: 'd', pipelineId: 'std', stageId: 'proposal' });
    const error = await crm.pipelines.updateStages('std', stages).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['reassign', 'proposal']);
    expect((error as ValidationError).message).toContain(deal.id);
    // A plain update goes through the same check.
    await expect(crm.pipelines.update('std', { stages })).rejects.toBeInstanceOf(ValidationError);
    expect((await crm.pipelines.get('std')).stages).toHaveLength(4);
  });

  it('moves the deals of a removed stage to the target in the same write', async () => {
    const deal = await crm.deals.create({ name: 'd', pipelineId: 'std', stageId: 'proposal' });
    now = T0 + 1000;
    await crm.pipelines.updateStages('std', stages, { reassign: { proposal: 'qualify' } });
    const moved = await crm.deals.get(deal.id);
    expect(moved.stageId).toBe('qualify');
    expect(moved.stageHistory.map((v) => [v.stageId, v.enteredAt])).toEqual([
      ['proposal', iso(T0)],
      ['qualify', iso(T0 + 1000)],
    ]);
  });

  it('refuses a kind change of an occupied stage and removing a pipeline with deals', async () => {
    await crm.deals.create({ name: 'd', pipelineId: 'std', stageId: 'qualify' });
    const changed = [
      { id: 'qualify', name: '验证', probability: 1, kind: 'won' as const },
      { id: 'proposal', name: '方案', probability: 0.5 },
      { id: 'won', name: '赢单', probability: 1, kind: 'won' as const },
      { id: 'lost', name: '输单', probability: 0, kind: 'lost' as const },
    ];
    const error = await crm.pipelines.updateStages('std', changed).catch((e: unknown) => e);
    expect((error as ValidationError).issues[0]!.path).toEqual(['stages', 0, 'kind']);
    await expect(crm.pipelines.remove('std')).rejects.toBeInstanceOf(ConflictError);
    await expect(crm.pipelines.remove('renew')).resolves.toBeUndefined();
  });
});

describe('plain updates of a deal', () => {
  it('refuse stage changes, which go through crm.deals.move', async () => {
    const crm = await createCrm({ storage: createMemoryAdapter() });
    const pipeline = await crm.pipelines.create({
      name: 'P',
      stages: [
        { id: 'a', name: 'A', probability: 0.2 },
        { id: 'b', name: 'B', probability: 0.5 },
      ],
    });
    const deal = await crm.deals.create({ name: 'D', pipelineId: pipeline.id, stageId: 'a' });
    const error = await crm.deals.update(deal.id, { stageId: 'b', status: 'won' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([['stageId'], ['status']]);
    expect((await crm.deals.get(deal.id)).stageId).toBe('a');
    expect((await crm.deals.update(deal.id, { notes: '客户要求延期' })).notes).toBe('客户要求延期');
    await crm.close();
  });
});
