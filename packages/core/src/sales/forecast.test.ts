import { ValidationError, createCrm, createMemoryAdapter, type Crm } from '../index.js';

let crm: Crm;
let now = Date.parse('2026-04-10T02:00:00.000Z');

/**
 * Fixture (Q2 2026, Asia/Shanghai), amounts in CNY:
 *   pipeline std: qualify 0.1, proposal 0.5, won, lost;  pipeline renew: renewing 0.8
 *   d1 li   east  std/qualify   100 000  close 2026-05-10 → weighted  10 000
 *   d2 li   east  std/proposal  200 000  close 2026-06-30 → weighted 100 000
 *   d3 wang west  renew/renewing 50 000  close 2026-04-01 → weighted  40 000
 *   d4 wang west  std/proposal  999 999  close 2026-07-01 → outside Q2
 *   d5 li   east  std → won 2026-04-10 (Shanghai)  80 000
 *   d6 wang west  std → won 2026-03-31T16:30Z = 2026-04-01 00:30 Shanghai  30 000 → in Q2
 *   d7 li   east  std → lost  (never counts)
 *   d8 li   east  std/proposal 10 000 USD → skipped
 */
beforeEach(async () => {
  now = Date.parse('2026-04-10T02:00:00.000Z');
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(now) });
  await crm.pipelines.create({
    id: 'std',
    name: '标准',
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
    stages: [{ id: 'renewing', name: '续约中', probability: 0.8 }],
  });
  const deal = (
    id: string,
    ownerId: string,
    teamId: string,
    pipelineId: string,
    stageId: string,
    amount: number,
    expectedCloseDate: string,
    currency = 'CNY',
  ) =>
    crm.deals.create({
      id,
      name: id,
      ownerId,
      teamId,
      pipelineId,
      stageId,
      amount,
      expectedCloseDate,
      currency,
    });
  await deal('d1', 'li', 'east', 'std', 'qualify', 100_000, '2026-05-10');
  await deal('d2', 'li', 'east', 'std', 'proposal', 200_000, '2026-06-30');
  await deal('d3', 'wang', 'west', 'renew', 'renewing', 50_000, '2026-04-01');
  await deal('d4', 'wang', 'west', 'std', 'proposal', 999_999, '2026-07-01');
  await deal('d5', 'li', 'east', 'std', 'proposal', 80_000, '2026-04-30');
  await crm.deals.move('d5', 'won');
  await deal('d6', 'wang', 'west', 'std', 'proposal', 30_000, '2026-03-31');
  now = Date.parse('2026-03-31T16:30:00.000Z');
  await crm.deals.move('d6', 'won');
  now = Date.parse('2026-04-10T02:00:00.000Z');
  await deal('d7', 'li', 'east', 'std', 'proposal', 70_000, '2026-05-01');
  await crm.deals.move('d7', 'lost', { lostReason: '价格' });
  await deal('d8', 'li', 'east', 'std', 'proposal', 10_000, '2026-05-01', 'USD');
});
afterEach(() => crm.close());

describe('crm.sales.forecast', () => {
  it('weights open deals by stage probability, per pipeline', async () => {
    const q2 = await crm.sales.forecast({ period: 'quarter', periodStart: '2026-04-01' });
    expect(q2).toMatchObject({
      start: '2026-04-01',
      end: '2026-07-01',
      currency: 'CNY',
      skipped: 1,
    });
    expect(q2.rows).toEqual([
      {
        key: 'renew',
        openCount: 1,
        openAmount: 50_000,
        weighted: 40_000,
        wonCount: 0,
        wonAmount: 0,
        expected: 40_000,
      },
      {
        key: 'std',
        openCount: 2,
        openAmount: 300_000,
        weighted: 110_000,
        wonCount: 2,
        wonAmount: 110_000,
        expected: 220_000,
      },
    ]);
    expect(q2.total).toMatchObject({ weighted: 150_000, wonAmount: 110_000, expected: 260_000 });
  });

  it('groups per owner and per team, and per month', async () => {
    const byOwner = await crm.sales.forecast({
      period: 'quarter',
      periodStart: '2026-04-01',
      groupBy: 'owner',
    });
    expect(byOwner.rows.map((r) => [r.key, r.weighted, r.wonAmount])).toEqual([
      ['li', 110_000, 80_000],
      ['wang', 40_000, 30_000],
    ]);
    const byTeam = await crm.sales.forecast({
      period: 'quarter',
      periodStart: '2026-04-01',
      groupBy: 'team',
    });
    expect(byTeam.rows.map((r) => r.key)).toEqual(['east', 'west']);
    const april = await crm.sales.forecast({
      period: 'month',
      periodStart: '2026-04-01',
      groupBy: 'owner',
    });
    expect(april.rows.map((r) => [r.key, r.weighted, r.wonAmount])).toEqual([
      ['li', 0, 80_000],
      ['wang', 40_000, 30_000],
    ]);
  });

  it('rejects a period start that is not the first day of the period', async () => {
    const error = await crm.sales
      .forecast({ period: 'quarter', periodStart: '2026-05-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['periodStart']);
  });
});

describe('crm.quotas attainment', () => {
  it('compares won amount against target per owner and team', async () => {
    const li = await crm.quotas.create({
      ownerId: 'li',
      period: 'quarter',
      periodStart: '2026-04-01',
      target: 200_000,
    });
    await crm.quotas.create({
      teamId: 'west',
      period: 'quarter',
      periodStart: '2026-04-01',
      target: 120_000,
    });
    await crm.quotas.create({
      ownerId: 'li',
      period: 'month',
      periodStart: '2026-03-01',
      target: 10_000,
    });
    const one = await crm.quotas.attainment(li.id);
    expect(one).toMatchObject({
      target: 200_000,
      won: 80_000,
      wonCount: 1,
      attainment: 0.4,
      remaining: 120_000,
    });
    const report = await crm.quotas.report({ period: 'quarter', periodStart: '2026-04-01' });
    expect(report.map((r) => [r.quota.ownerId ?? r.quota.teamId, r.won, r.attainment])).toEqual(
      expect.arrayContaining([
        ['li', 80_000, 0.4],
        ['west', 30_000, 0.25],
      ]),
    );
    expect(report).toHaveLength(2);
    // March in Shanghai: d6 closed 2026-04-01 00:30 local, so li's March quota has nothing.
    const march = await crm.quotas.report({ period: 'month', periodStart: '2026-03-01' });
    expect(march[0]).toMatchObject({ won: 0, attainment: 0 });
  });
});
