import {
  ValidationError,
  createCrm,
  createMemoryAdapter,
  defaultRolePolicy,
  type Crm,
} from '../index.js';
import type { AnalyticsEvent } from './analytics-events.js';

let crm: Crm;
let now = Date.parse('2026-04-30T02:00:00.000Z');
const APRIL = { period: 'month', from: '2026-04-01', to: '2026-05-01' } as const;

/**
 * Through the client, with `defaultRolePolicy`: the admin `boss` sees everything, the sales reps
 * `li` and `wang` only their own records.
 *   deals (pipeline std): li won 100 000 (04-10), li lost 50 000 (04-20), wang won 30 000 (04-25),
 *                         li open 200 000 in proposal (0.5), close 2026-05-20
 *   customer c1 (li), last contact 2026-01-01
 */
beforeEach(async () => {
  now = Date.parse('2026-04-30T02:00:00.000Z');
  crm = await createCrm({
    storage: createMemoryAdapter(),
    policy: defaultRolePolicy,
    principal: { id: 'boss', roles: ['admin'] },
    clock: () => new Date(now),
  });
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
  const closed = (id: string, ownerId: string, stageId: string, amount: number, closedAt: string) =>
    crm.deals.create({
      id,
      name: id,
      pipelineId: 'std',
      stageId,
      ownerId,
      amount,
      closedAt,
      ...(stageId === 'lost' && { lostReason: '预算取消' }),
    });
  await closed('d1', 'li', 'won', 100_000, '2026-04-10T02:00:00.000Z');
  await closed('d2', 'li', 'lost', 50_000, '2026-04-20T02:00:00.000Z');
  await closed('d3', 'wang', 'won', 30_000, '2026-04-25T02:00:00.000Z');
  await crm.deals.create({
    id: 'd4',
    name: 'd4',
    pipelineId: 'std',
    stageId: 'proposal',
    ownerId: 'li',
    amount: 200_000,
    expectedCloseDate: '2026-05-20',
  });
  await crm.customers.create({
    id: 'c1',
    name: '杭州云帆贸易有限公司',
    ownerId: 'li',
    lastContactAt: '2026-01-01T00:00:00.000Z',
  });
});

afterEach(() => crm.close());

describe('crm.analytics', () => {
  it('computes a rep’s win rate over the rep’s own deals only', async () => {
    const all = await crm.analytics.winRate(APRIL);
    expect(all.total.points[0]).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });

    const li = crm.as({ id: 'li', roles: ['sales'] });
    const wang = crm.as({ id: 'wang', roles: ['sales'] });
    expect((await li.analytics.winRate(APRIL)).total.points[0]).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    expect((await wang.analytics.winRate(APRIL)).total.points[0]).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1,
    });
    // Grouped by owner, the rep still sees only their own series.
    const byOwner = await li.analytics.winRate({ ...APRIL, groupBy: 'owner' });
    expect(byOwner.series.map((s) => s.key)).toEqual(['li']);
  });

  it('agrees with crm.sales.forecast on the weighted forecast of a quarter', async () => {
    const forecast = await crm.sales.forecast({ period: 'quarter', periodStart: '2026-04-01' });
    const report = await crm.analytics.weightedForecast({
      period: 'quarter',
      from: '2026-04-01',
      to: '2026-07-01',
    });
    // won 100 000 + 30 000, open 200 000 × 0.5
    expect(report.total.points[0]!.value).toBe(230_000);
    expect(report.total.points[0]!.value).toBe(forecast.total.expected);
  });

  it('reports quota attainment computed by sales/quotas.ts, scoped to the rep', async () => {
    await crm.quotas.create({
      ownerId: 'li',
      period: 'quarter',
      periodStart: '2026-04-01',
      target: 200_000,
    });
    await crm.quotas.create({
      ownerId: 'wang',
      period: 'quarter',
      periodStart: '2026-04-01',
      target: 60_000,
    });
    const query = {
      period: 'quarter',
      from: '2026-04-01',
      to: '2026-07-01',
      groupBy: 'owner',
    } as const;
    const report = await crm.analytics.quotaAttainment(query);
    expect(report.series.map((s) => [s.key, s.points[0]!.value])).toEqual([
      ['li', 0.5],
      ['wang', 0.5],
    ]);
    const li = await crm.as({ id: 'li', roles: ['sales'] }).analytics.quotaAttainment(query);
    expect(li.series.map((s) => s.key)).toEqual(['li']);
  });

  it('ranks stages by time spent in them', async () => {
    now = Date.parse('2026-04-01T02:00:00.000Z');
    await crm.deals.create({ id: 'd5', name: 'd5', pipelineId: 'std', stageId: 'qualify' });
    now = Date.parse('2026-04-03T02:00:00.000Z');
    await crm.deals.move('d5', 'proposal');
    now = Date.parse('2026-04-13T02:00:00.000Z');
    await crm.deals.move('d5', 'won');
    const report = await crm.analytics.timeInStage({ ...APRIL, pipelineId: 'std' });
    expect(report.bottlenecks.map((b) => [b.stageId, b.averageDays])).toEqual([
      ['proposal', 10],
      ['qualify', 2],
    ]);
    const conversion = await crm.analytics.stageConversion({ ...APRIL, pipelineId: 'std' });
    // qualify: d5 advanced (1/1). proposal: d5 won, d4 (entered 04-30 at creation) still there → 1/2.
    expect(conversion.series.map((s) => s.points[0]!.value)).toEqual([1, 0.5]);
  });

  it('stores health scores, warns when one drops, and lists churn risks with reasons', async () => {
    const events: AnalyticsEvent[] = [];
    const unsubscribe = crm.analytics.subscribe((e) => events.push(e));

    // Only "no contact for 30 days" applies: 100 − 15 = 85, above the risk threshold → no warning.
    const first = await crm.analytics.checkHealth();
    expect(first).toMatchObject({ evaluated: 1, updated: 1, alerts: [], skipped: [] });
    expect(await crm.customers.get('c1')).toMatchObject({
      healthScore: 85,
      healthCheckedAt: '2026-04-30T02:00:00.000Z',
    });

    // Three open complaints: − 30 → 55, a fall of 30 points and below 60.
    now = Date.parse('2026-05-02T02:00:00.000Z');
    for (const n of [1, 2, 3])
      await crm.tickets.create({ subject: `投诉 ${n}`, category: 'complaint', customerId: 'c1' });
    const second = await crm.analytics.checkHealth();
    expect(second.updated).toBe(1);
    expect(events).toEqual([
      {
        type: 'health_dropped',
        customerId: 'c1',
        previous: 85,
        current: 55,
        reasons: second.alerts[0]!.reasons,
        at: '2026-05-02T02:00:00.000Z',
      },
    ]);
    expect(events[0]!.reasons.map((r) => [r.signal, r.penalty])).toEqual([
      ['open_complaints', 30],
      ['no_contact', 15],
    ]);

    // Nothing changed: nothing stored, no warning.
    expect(await crm.analytics.checkHealth()).toMatchObject({ updated: 0, alerts: [] });
    expect(events).toHaveLength(1);

    const risks = await crm.analytics.churnRisks({ threshold: 60 });
    expect(risks.map((r) => [r.customerId, r.score])).toEqual([['c1', 55]]);
    expect(await crm.analytics.churnRisks({ threshold: 50 })).toEqual([]);
    expect((await crm.analytics.health('c1')).score).toBe(55);
    unsubscribe();
  });

  it('recommends from the visible orders', async () => {
    await crm.customers.create({ id: 'c2', name: '上海星辰科技', ownerId: 'wang' });
    const order = (number: string, customerId: string, ownerId: string, products: string[]) =>
      crm.orders.create({
        number,
        customerId,
        ownerId,
        status: 'confirmed',
        lines: products.map((p) => ({ productId: p, productName: p, quantity: 1, unitPrice: 10 })),
      });
    await order('o1', 'c1', 'li', ['tea', 'pot']);
    await order('o2', 'c2', 'wang', ['tea', 'cup']);
    const all = await crm.analytics.alsoBought('tea');
    expect(all.map((r) => [r.product, r.counts.both, r.counts.total])).toEqual([
      ['cup', 1, 2],
      ['pot', 1, 2],
    ]);
    const li = await crm.as({ id: 'li', roles: ['sales'] }).analytics.alsoBought('tea');
    expect(li.map((r) => r.product)).toEqual(['pot']);
  });

  it('rejects bad queries and options with typed errors and paths', async () => {
    await expect(
      crm.analytics.winRate({ ...APRIL, groupBy: 'planet' as never }),
    ).rejects.toMatchObject({ issues: [{ path: ['groupBy'] }] });
    await expect(
      crm.analytics.churnRate({ ...APRIL, period: 'fortnight' as never }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createCrm({ storage: createMemoryAdapter(), analytics: { timeZone: 'Mars/Base' } }),
    ).rejects.toMatchObject({ issues: [{ path: ['analytics', 'timeZone'] }] });
  });
});
