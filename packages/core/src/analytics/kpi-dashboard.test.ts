import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  createCrm,
  createMemoryAdapter,
  defaultRolePolicy,
  type Crm,
} from '../index.js';
import { dashboardRange } from './kpi-dashboard.js';

describe('dashboardRange', () => {
  it('the month, quarter or year holding a day (default today), or a custom range', () => {
    expect(dashboardRange({ period: 'month' }, '2026-02-17')).toEqual({
      from: '2026-02-01',
      to: '2026-03-01',
      trend: 'week',
    });
    expect(dashboardRange({ period: 'quarter', from: '2026-12-31' }, '2026-02-17')).toEqual({
      from: '2026-10-01',
      to: '2027-01-01',
      trend: 'month',
    });
    expect(dashboardRange({ period: 'year' }, '2026-02-17')).toMatchObject({
      from: '2026-01-01',
      to: '2027-01-01',
      trend: 'month',
    });
    expect(
      dashboardRange({ period: 'custom', from: '2024-01-01', to: '2026-07-01' }, '2026-02-17'),
    ).toMatchObject({ trend: 'quarter' });
  });

  it('refuses a bad period or range', () => {
    expect(() => dashboardRange({ period: 'week' as never }, '2026-02-17')).toThrow(
      ValidationError,
    );
    expect(() => dashboardRange({ period: 'custom', from: '2026-01-01' }, '2026-02-17')).toThrow(
      ValidationError,
    );
    expect(() =>
      dashboardRange({ period: 'custom', from: '2026-03-01', to: '2026-01-01' }, '2026-02-17'),
    ).toThrow(ValidationError);
  });
});

describe('crm.analytics.dashboard', () => {
  async function setup(): Promise<Crm> {
    const crm = await createCrm({
      storage: createMemoryAdapter(),
      policy: defaultRolePolicy,
      principal: { id: 'boss', roles: ['admin'] },
      clock: () => new Date('2026-04-30T02:00:00.000Z'),
    });
    await crm.pipelines.create({
      id: 'std',
      name: '标准',
      isDefault: true,
      stages: [
        { id: 'qualify', name: '验证', probability: 0.1 },
        { id: 'proposal', name: '方案', probability: 0.5 },
        { id: 'won', name: '赢单', probability: 1, kind: 'won' },
        { id: 'lost', name: '输单', probability: 0, kind: 'lost' },
      ],
    });
    const deal = (id: string, ownerId: string, stageId: string, amount: number, at: string) =>
      crm.deals.create({
        id,
        name: id,
        pipelineId: 'std',
        stageId,
        ownerId,
        amount,
        ...(stageId === 'won' || stageId === 'lost'
          ? { closedAt: at, ...(stageId === 'lost' && { lostReason: '预算取消' }) }
          : { expectedCloseDate: at.slice(0, 10) }),
      });
    await deal('d1', 'li', 'won', 100_000, '2026-04-10T02:00:00.000Z');
    await deal('d2', 'li', 'lost', 50_000, '2026-04-20T02:00:00.000Z');
    await deal('d3', 'wang', 'won', 30_000, '2026-05-25T02:00:00.000Z');
    await deal('d4', 'li', 'proposal', 200_000, '2026-05-20T00:00:00.000Z');
    await crm.quotas.create({
      ownerId: 'li',
      period: 'quarter',
      periodStart: '2026-04-01',
      target: 910_000,
    });
    return crm;
  }

  it('tiles and charts are the KPIs of the range; the period defaults to today', async () => {
    const crm = await setup();
    const d = await crm.analytics.dashboard({ period: 'quarter', groupBy: 'owner' });
    expect([d.from, d.to, d.trend, d.currency]).toEqual([
      '2026-04-01',
      '2026-07-01',
      'month',
      'CNY',
    ]);
    const tiles = Object.fromEntries(d.tiles.map((t) => [t.kpi, t]));
    expect(tiles.wonRevenue).toMatchObject({ value: 130_000, count: 2, unit: 'money' });
    expect(tiles.quotaAttainment).toMatchObject({ numerator: 130_000, denominator: 910_000 });
    expect(tiles.pipelineValue!.value).toBe(200_000);
    expect(tiles.winRate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(tiles.csat!.value).toBeNull();
    expect(d.revenue.total.points.map((p) => [p.period, p.numerator, p.denominator])).toEqual([
      ['2026-04', 100_000, 300_000],
      ['2026-05', 30_000, 310_000],
      ['2026-06', 0, 300_000],
    ]);
    expect(d.pipeline?.name).toBe('标准');
    expect(d.pipeline?.columns.map((c) => c.count)).toEqual([0, 1, 2, 1]);
    expect(d.funnel?.series.map((s) => s.key)).toEqual(['qualify', 'proposal']);
    expect(d.groups?.series.map((s) => [s.key, s.points[0]!.numerator])).toEqual([
      ['li', 100_000],
      ['wang', 30_000],
    ]);
    await crm.close();
  });

  it('crm.queries.kpiDashboard refetches after a change to any entity', async () => {
    const crm = await setup();
    const options = crm.queries.kpiDashboard({ period: 'month' });
    const first = await crm.queryClient.fetchQuery(options);
    expect(first.tiles[0]!.value).toBe(100_000);
    await crm.deals.create({
      name: 'd5',
      pipelineId: 'std',
      stageId: 'won',
      amount: 5_000,
      closedAt: '2026-04-11T02:00:00.000Z',
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(crm.queryClient.getQueryState(options.queryKey)?.isInvalidated).toBe(true);
    await crm.close();
  });
});
