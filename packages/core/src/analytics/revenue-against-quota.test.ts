import { describe, expect, it } from 'vitest';
import { revenueAgainstQuota, type QuotaFacts } from './revenue-against-quota.js';
import type { DealFacts } from './win-rate.js';

// Asia/Shanghai (UTC+8): April starts at 2026-03-31T16:00:00.000Z.
const deal = (
  amount: number,
  closedAt: string | undefined,
  extra: Partial<DealFacts> = {},
): DealFacts => ({
  status: 'won',
  amount,
  currency: 'CNY',
  pipelineId: 'p',
  stageId: 'won',
  stageHistory: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  ownerId: 'li',
  teamId: 'east',
  ...(closedAt !== undefined && { closedAt }),
  ...extra,
});
const quota = (q: Partial<QuotaFacts>): QuotaFacts => ({
  period: 'quarter',
  periodStart: '2026-04-01',
  target: 910_000,
  currency: 'CNY',
  ...q,
});

const deals = [
  deal(100_000, '2026-03-31T16:00:00.000Z'), // first instant of April
  deal(50_000.5, '2026-04-30T15:59:59.999Z', { ownerId: 'wang' }), // last instant of April
  deal(70_000, '2026-05-10T02:00:00.000Z'),
  deal(999, '2026-03-31T15:59:59.999Z'), // March: outside
  deal(5_000, '2026-05-10T02:00:00.000Z', { currency: 'USD' }), // other currency
  deal(8_000, '2026-05-10T02:00:00.000Z', { status: 'lost' }),
  deal(8_000, undefined),
];
// Q2 has 91 days: April 30, May 31, June 30.
const quotas = [
  quota({ ownerId: 'li', teamId: 'east', target: 455_000 }),
  quota({ ownerId: 'wang', teamId: 'east', target: 455_000 }),
  quota({ teamId: 'east', target: 910_000 }),
  quota({ teamId: 'east', target: 1, currency: 'USD' }),
];
const MONTHS = { period: 'month', from: '2026-04-01', to: '2026-07-01' } as const;
const rows = (r: ReturnType<typeof revenueAgainstQuota>, key?: string) =>
  (key ? r.series.find((s) => s.key === key)! : r.total).points.map((p) => [
    p.period,
    p.numerator,
    p.denominator,
    p.value,
  ]);

describe('revenueAgainstQuota', () => {
  it('won revenue per month against the team target spread over the quarter by days', () => {
    const report = revenueAgainstQuota(deals, quotas, MONTHS);
    expect(report.kpi).toBe('revenueAgainstQuota');
    expect(report.unit).toBe('ratio');
    expect(rows(report)).toEqual([
      ['2026-04', 150_000.5, 300_000, 150_000.5 / 300_000],
      ['2026-05', 70_000, 310_000, 70_000 / 310_000],
      ['2026-06', 0, 300_000, 0],
    ]);
    expect(report.total.points[0]!.count).toBe(2);
  });

  it('by owner: the owner quotas, never added to the team quota', () => {
    const report = revenueAgainstQuota(deals, quotas, { ...MONTHS, groupBy: 'owner' });
    expect(report.series.map((s) => s.key)).toEqual(['li', 'wang']);
    expect(rows(report, 'li')[0]).toEqual(['2026-04', 100_000, 150_000, 100_000 / 150_000]);
    expect(rows(report, 'wang')[0]).toEqual(['2026-04', 50_000.5, 150_000, 50_000.5 / 150_000]);
    expect(rows(report)[1]).toEqual(['2026-05', 70_000, 310_000, 70_000 / 310_000]);
  });

  it('a custom range takes the days it covers; no quota gives null, never NaN', () => {
    const custom = revenueAgainstQuota(deals, quotas, {
      period: 'custom',
      from: '2026-04-01',
      to: '2026-04-11',
    });
    expect(rows(custom)).toEqual([['2026-04-01..2026-04-11', 100_000, 100_000, 1]]);
    const none = revenueAgainstQuota(deals, [], MONTHS);
    expect(none.total.points.map((p) => p.value)).toEqual([null, null, null]);
    expect(none.total.points[0]!.numerator).toBe(150_000.5);
  });

  it('falls back to owner quotas when there are no team quotas', () => {
    const report = revenueAgainstQuota(deals, quotas.slice(0, 2), {
      ...MONTHS,
      groupBy: 'team',
    });
    expect(rows(report, 'east')[0]).toEqual(['2026-04', 150_000.5, 300_000, 150_000.5 / 300_000]);
  });
});
