import type { SlaPolicy } from '../entities/sla-policy.js';
import type { Ticket } from '../entities/ticket.js';
import { ValidationError } from '../errors.js';
import { alsoBought } from './also-bought.js';
import { churnRate, retentionRate } from './churn-rate.js';
import { complaintRate } from './complaint-rate.js';
import type { OrderFacts } from './customer-orders.js';
import { firstResponseTime } from './first-response-time.js';
import type { CustomerDimensions } from './group-key.js';
import type { KpiReport } from './kpi-report.js';
import { leadConversionRate, type LeadFacts } from './lead-conversion-rate.js';
import { customerLifetimeValue, lifetimeValues } from './lifetime-value.js';
import { pipelineValue } from './pipeline-value.js';
import { quotaAttainmentReport } from './quota-attainment-report.js';
import { averageSalesCycle } from './sales-cycle.js';
import { csatScore, npsScore, type SurveyFacts } from './satisfaction-scores.js';
import { slaCompliance } from './sla-compliance.js';
import { stageConversion } from './stage-conversion.js';
import { rankBottlenecks, timeInStage } from './time-in-stage.js';
import { weightedForecast } from './weighted-forecast.js';
import { winRate, type DealFacts } from './win-rate.js';

/**
 * The fixture, in Asia/Shanghai (UTC+8): a month starts at 16:00Z the day before, so
 * `2026-03-31T16:00:00.000Z` is the very first instant of April and `2026-04-30T16:00:00.000Z`
 * the first of May. Reports run April–June 2026 by month; June is left empty on purpose.
 */
const MONTHS = { period: 'month', from: '2026-04-01', to: '2026-07-01' } as const;

/** `[period, value, numerator, denominator]` of a series, for compact assertions. */
const rows = (report: KpiReport, key = 'all') =>
  (key === 'all' ? report.total : report.series.find((s) => s.key === key)!).points.map((p) => [
    p.period,
    p.value,
    p.numerator,
    p.denominator,
  ]);
const values = (report: KpiReport, key = 'all') => rows(report, key).map((r) => r[1]);

// ---- leads ----------------------------------------------------------------------------------
//   L1 li   2026-03-31T16:00:00.000Z  = April 1st 00:00 local, first instant of April  converted
//   L2 li   2026-04-15                                                               contacted
//   L3 wang 2026-04-20                                                               converted
//   L4 wang 2026-04-30T16:00:00.000Z  = first instant of May                          new
//   L5 li   2026-04-30T15:59:59.999Z  = last instant of April                         unqualified
//   L6 li   2026-03-31T15:59:59.999Z  = March: outside the range                      converted
//   April: 2 converted / 4 = 0.5;  May: 0 / 1 = 0;  June: no leads → null
const lead = (ownerId: string, createdAt: string, status: LeadFacts['status']): LeadFacts => ({
  ownerId,
  createdAt,
  status,
  region: { province: ownerId === 'li' ? '浙江省' : '上海市' },
});
const leads = [
  lead('li', '2026-03-31T16:00:00.000Z', 'converted'),
  lead('li', '2026-04-15T02:00:00.000Z', 'contacted'),
  lead('wang', '2026-04-20T02:00:00.000Z', 'converted'),
  lead('wang', '2026-04-30T16:00:00.000Z', 'new'),
  lead('li', '2026-04-30T15:59:59.999Z', 'unqualified'),
  lead('li', '2026-03-31T15:59:59.999Z', 'converted'),
];

// ---- deals: pipeline std = qualify 0.1 → proposal 0.5 → won | lost ---------------------------
//   D1 li  C1  won  100 000  qualify 03-01→03-11 (10 d), proposal 03-11→04-10 (30 d), won 04-10
//   D2 li  C2  lost  50 000  qualify 04-01→04-20 (19 d), lost 04-20
//   D3 wang —  won   30 000  qualify 04-15T16→04-20T16 (5 d), proposal →04-30T16 (10 d), won at
//                            2026-04-30T16:00Z = first instant of May
//   D4 li  —  open 200 000  proposal, close 2026-05-31; qualify 04-02→04-12 (10 d), proposal since 04-12
//   D5 wang —  open  80 000  qualify since 05-03, close 2026-05-01
//   D6 li  —  open  10 000 USD proposal, close 2026-05-10 (other currency: left out of money KPIs)
const pipeline = {
  id: 'std',
  stages: [
    { id: 'qualify', name: '验证', probability: 0.1, kind: 'open' as const },
    { id: 'proposal', name: '方案', probability: 0.5, kind: 'open' as const },
    { id: 'won', name: '赢单', probability: 1, kind: 'won' as const },
    { id: 'lost', name: '输单', probability: 0, kind: 'lost' as const },
  ],
};
const visit = (stageId: string, enteredAt: string, leftAt?: string) => ({
  stageId,
  enteredAt,
  ...(leftAt && { leftAt }),
});
const deal = (
  d: Partial<DealFacts> & Pick<DealFacts, 'status' | 'amount' | 'stageId'>,
): DealFacts => ({
  currency: 'CNY',
  pipelineId: 'std',
  createdAt: d.stageHistory?.[0]?.enteredAt ?? '2026-01-01T00:00:00.000Z',
  stageHistory: [],
  ...d,
});
const deals: DealFacts[] = [
  deal({
    ownerId: 'li',
    teamId: 'east',
    customerId: 'C1',
    status: 'won',
    stageId: 'won',
    amount: 100_000,
    closedAt: '2026-04-10T02:00:00.000Z',
    stageHistory: [
      visit('qualify', '2026-03-01T02:00:00.000Z', '2026-03-11T02:00:00.000Z'),
      visit('proposal', '2026-03-11T02:00:00.000Z', '2026-04-10T02:00:00.000Z'),
      visit('won', '2026-04-10T02:00:00.000Z'),
    ],
  }),
  deal({
    ownerId: 'li',
    teamId: 'east',
    customerId: 'C2',
    status: 'lost',
    stageId: 'lost',
    amount: 50_000,
    closedAt: '2026-04-20T02:00:00.000Z',
    stageHistory: [
      visit('qualify', '2026-04-01T02:00:00.000Z', '2026-04-20T02:00:00.000Z'),
      visit('lost', '2026-04-20T02:00:00.000Z'),
    ],
  }),
  deal({
    ownerId: 'wang',
    teamId: 'west',
    status: 'won',
    stageId: 'won',
    amount: 30_000,
    closedAt: '2026-04-30T16:00:00.000Z',
    stageHistory: [
      visit('qualify', '2026-04-15T16:00:00.000Z', '2026-04-20T16:00:00.000Z'),
      visit('proposal', '2026-04-20T16:00:00.000Z', '2026-04-30T16:00:00.000Z'),
      visit('won', '2026-04-30T16:00:00.000Z'),
    ],
  }),
  deal({
    ownerId: 'li',
    teamId: 'east',
    status: 'open',
    stageId: 'proposal',
    amount: 200_000,
    expectedCloseDate: '2026-05-31',
    stageHistory: [
      visit('qualify', '2026-04-02T02:00:00.000Z', '2026-04-12T02:00:00.000Z'),
      visit('proposal', '2026-04-12T02:00:00.000Z'),
    ],
  }),
  deal({
    ownerId: 'wang',
    teamId: 'west',
    status: 'open',
    stageId: 'qualify',
    amount: 80_000,
    expectedCloseDate: '2026-05-01',
    stageHistory: [visit('qualify', '2026-05-03T02:00:00.000Z')],
  }),
  deal({
    ownerId: 'li',
    status: 'open',
    stageId: 'proposal',
    amount: 10_000,
    currency: 'USD',
    expectedCloseDate: '2026-05-10',
  }),
];
const customers = new Map<string, CustomerDimensions>([
  ['C1', { id: 'C1', ownerId: 'li', teamId: 'east', region: { province: '浙江省' } }],
  ['C2', { id: 'C2', ownerId: 'li', teamId: 'east', region: { province: '上海市' } }],
  ['C3', { id: 'C3', ownerId: 'wang', teamId: 'west', region: { province: '上海市' } }],
]);

describe('sales KPIs', () => {
  it('lead conversion rate: cohort by creation, exact month boundaries, empty month null', () => {
    expect(rows(leadConversionRate(leads, MONTHS))).toEqual([
      ['2026-04', 0.5, 2, 4],
      ['2026-05', 0, 0, 1],
      ['2026-06', null, 0, 0],
    ]);
    const byOwner = leadConversionRate(leads, { ...MONTHS, groupBy: 'owner' });
    expect(byOwner.series.map((s) => s.key)).toEqual(['li', 'wang']);
    expect(rows(byOwner, 'li')).toEqual([
      ['2026-04', 1 / 3, 1, 3],
      ['2026-05', null, 0, 0],
      ['2026-06', null, 0, 0],
    ]);
    expect(values(byOwner, 'wang')).toEqual([1, 0, null]);
    expect(values(leadConversionRate(leads, { ...MONTHS, groupBy: 'region' }), '上海市')).toEqual([
      1,
      0,
      null,
    ]);
  });

  it('win rate: won / (won + lost) by close month', () => {
    // April: D1 won, D2 lost → 1/2. May: D3 won at May's first instant → 1/1. June: null.
    expect(rows(winRate(deals, MONTHS))).toEqual([
      ['2026-04', 0.5, 1, 2],
      ['2026-05', 1, 1, 1],
      ['2026-06', null, 0, 0],
    ]);
    const byRegion = winRate(deals, { ...MONTHS, groupBy: 'region' }, customers);
    expect(byRegion.series.map((s) => s.key)).toEqual(['上海市', '浙江省', '(none)']);
    expect(values(byRegion, '浙江省')).toEqual([1, null, null]);
    expect(values(byRegion, '上海市')).toEqual([0, null, null]);
    expect(values(winRate(deals, { ...MONTHS, groupBy: 'team' }), 'west')).toEqual([null, 1, null]);
  });

  it('average sales cycle: days from the first stage entry to the win', () => {
    // D1: 2026-03-01 → 2026-04-10 = 40 days. D3: 04-15T16 → 04-30T16 = 15 days.
    expect(rows(averageSalesCycle(deals, MONTHS))).toEqual([
      ['2026-04', 40, 40, 1],
      ['2026-05', 15, 15, 1],
      ['2026-06', null, 0, 0],
    ]);
  });

  it('pipeline value: open CNY deals by expected close date', () => {
    // May: D4 200 000 + D5 80 000 (D6 is USD). April, June: no open deals → null.
    const report = pipelineValue(deals, MONTHS);
    expect(report.total.points.map((p) => [p.value, p.count])).toEqual([
      [null, 0],
      [280_000, 2],
      [null, 0],
    ]);
    expect(values(pipelineValue(deals, { ...MONTHS, currency: 'USD' }))).toEqual([
      null,
      10_000,
      null,
    ]);
  });

  it('weighted forecast: won amount + Σ amount × stage probability', () => {
    // April: D1 won 100 000. May: D3 won 30 000 + D4 200 000 × 0.5 + D5 80 000 × 0.1 = 138 000.
    expect(values(weightedForecast(deals, [pipeline], MONTHS))).toEqual([100_000, 138_000, null]);
  });

  it('stage-to-stage conversion: first entries that reached a later, not-lost stage', () => {
    // qualify: D1 ✓, D2 ✗ (lost), D3 ✓, D4 ✓, D5 ✗ (still there) → 3/5.
    // proposal: D1 ✓ (won), D3 ✓ (won), D4 ✗ (still there) → 2/3.
    const report = stageConversion(deals, pipeline, {
      period: 'custom',
      from: '2026-03-01',
      to: '2026-06-01',
    });
    expect(report.groupBy).toBe('stage');
    expect(
      report.series.map((s) => [s.key, s.label, s.points[0]!.numerator, s.points[0]!.denominator]),
    ).toEqual([
      ['qualify', '验证', 3, 5],
      ['proposal', '方案', 2, 3],
    ]);
    expect(report.series[0]!.points[0]!.value).toBe(0.6);
  });

  it('average time in stage and the bottleneck', () => {
    // Completed visits: qualify 10, 19, 5, 10 days → 11; proposal 30, 10 days → 20.
    const report = timeInStage(deals, pipeline, {
      period: 'custom',
      from: '2026-03-01',
      to: '2026-06-01',
    });
    expect(report.series.map((s) => [s.key, s.points[0]!.value, s.points[0]!.denominator])).toEqual(
      [
        ['qualify', 11, 4],
        ['proposal', 20, 2],
      ],
    );
    expect(rankBottlenecks(report).map((b) => [b.stageId, b.averageDays, b.visits])).toEqual([
      ['proposal', 20, 2],
      ['qualify', 11, 4],
    ]);
    // By month, visits count where they ended: April holds D1's proposal (30 d) and D3's proposal
    // ended at May's first instant (10 d) → May.
    const monthly = timeInStage(deals, pipeline, MONTHS);
    expect(values(monthly, 'proposal')).toEqual([30, 10, null]);
  });

  it('quota attainment: Σ won / Σ target of the quotas starting in the period', () => {
    const quarters = {
      period: 'quarter',
      from: '2026-04-01',
      to: '2026-10-01',
      groupBy: 'owner',
    } as const;
    const report = quotaAttainmentReport(
      [
        { start: '2026-04-01', target: 200_000, won: 100_000, quota: { ownerId: 'li' } },
        { start: '2026-04-01', target: 100_000, won: 30_000, quota: { ownerId: 'wang' } },
        { start: '2026-07-01', target: 0, won: 5_000, quota: { ownerId: 'li' } },
      ],
      quarters,
    );
    expect(rows(report, 'li')).toEqual([
      ['2026-Q2', 0.5, 100_000, 200_000],
      ['2026-Q3', null, 5_000, 0],
    ]);
    expect(values(report)).toEqual([130_000 / 300_000, null]);
  });
});

// ---- orders (churnDays 30) -------------------------------------------------------------------
//   C1: 2026-03-20 (paid 1000 + 0), 2026-04-25 (paid 500)   lines tea+pot, tea
//   C2: 2026-03-10 (paid 2000)                                lines tea+cup
//   C3: 2026-04-05 (no payment), 2026-05-20 (paid 300)        lines pot, cup+tea
//   C4: 2026-03-25 cancelled — never counts                   lines tea+pot
//   C5: 2026-02-01 (paid 100)                                 lines pot
const line = (productId: string, productName: string, unitPrice = 100) => ({
  productId,
  productName,
  quantity: 1,
  unitPrice,
  discount: 0,
});
const TEA = line('tea', '龙井茶');
const POT = line('pot', '紫砂壶');
const CUP = line('cup', '茶杯');
const order = (
  customerId: string,
  orderedAt: string,
  paid: number[],
  lines: OrderFacts['lines'],
  status: OrderFacts['status'] = 'paid',
): OrderFacts => ({
  customerId,
  status,
  orderedAt: `${orderedAt}T02:00:00.000Z`,
  createdAt: `${orderedAt}T02:00:00.000Z`,
  currency: 'CNY',
  lines,
  payments: paid.map((amount, i) => ({
    id: `p${i}`,
    amount,
    paidAt: `${orderedAt}T03:00:00.000Z`,
    method: 'bank_transfer' as const,
  })),
});
const orders = [
  order('C1', '2026-03-20', [1000], [TEA, POT]),
  order('C1', '2026-04-25', [500], [TEA]),
  order('C2', '2026-03-10', [2000], [TEA, CUP]),
  order('C3', '2026-04-05', [], [POT], 'confirmed'),
  order('C3', '2026-05-20', [300], [CUP, TEA]),
  order('C4', '2026-03-25', [900], [TEA, POT], 'cancelled'),
  order('C5', '2026-02-01', [100], [POT]),
];

describe('customer KPIs', () => {
  it('churn rate: active at the start (a purchase in the 30 days before) and not at the end', () => {
    // April: active at 04-01 = C1 (03-20), C2 (03-10); at 05-01 C1 is (04-25), C2 is not → 1/2.
    // May: active at 05-01 = C1 (04-25), C3 (04-05); at 06-01 only C3 (05-20) → 1/2.
    // June: active at 06-01 = C3; at 07-01 nobody → 1/1.
    const query = { ...MONTHS, churnDays: 30 };
    expect(rows(churnRate(orders, query))).toEqual([
      ['2026-04', 0.5, 1, 2],
      ['2026-05', 0.5, 1, 2],
      ['2026-06', 1, 1, 1],
    ]);
    expect(rows(retentionRate(orders, query))).toEqual([
      ['2026-04', 0.5, 1, 2],
      ['2026-05', 0.5, 1, 2],
      ['2026-06', 0, 0, 1],
    ]);
    // June still running on 2026-06-10: C3's purchase of 05-20 is within 30 days → not churned.
    expect(values(churnRate(orders, { ...query, now: '2026-06-10T00:00:00.000Z' }))).toEqual([
      0.5, 0.5, 0,
    ]);
    // January: nobody active at the start → null, not NaN.
    expect(
      rows(churnRate(orders, { period: 'month', from: '2026-01-01', to: '2026-02-01' })),
    ).toEqual([['2026-01', null, 0, 0]]);
    // By the customer's region: April 上海市 = C2 churned 1/1, 浙江省 = C1 retained 0/1.
    const byRegion = churnRate(orders, { ...query, groupBy: 'region' }, customers);
    expect(values(byRegion, '上海市')).toEqual([1, 0, 1]);
    expect(values(byRegion, '浙江省')).toEqual([0, 1, null]);
    expect(() => churnRate(orders, { ...query, churnDays: 0 })).toThrow(ValidationError);
  });

  it('historical lifetime value: payments received, averaged over customers acquired in the period', () => {
    expect(lifetimeValues(orders).find((c) => c.customerId === 'C1')).toMatchObject({
      paid: 1500,
      orders: 2,
    });
    // March: C1 (1500) and C2 (2000) → 1750. April: C3 (0 + 300) → 300. May: nobody new → null.
    const report = customerLifetimeValue(orders, {
      period: 'month',
      from: '2026-03-01',
      to: '2026-06-01',
    });
    expect(rows(report)).toEqual([
      ['2026-03', 1750, 3500, 2],
      ['2026-04', 300, 300, 1],
      ['2026-05', null, 0, 0],
    ]);
  });

  it('also bought: per customer, with support, confidence and lift', () => {
    // Buyers: C1 {tea, pot}, C2 {tea, cup}, C3 {pot, cup, tea}, C5 {pot}; C4 is cancelled.
    // tea: x = 3 of total 4. cup: both 2, y 2 → confidence 2/3, lift (2/3)/(2/4) = 4/3.
    // pot: both 2, y 3 → confidence 2/3, lift (2/3)/(3/4) = 8/9. Tie on both and confidence → lift.
    const result = alsoBought(orders, 'tea');
    expect(result.map((r) => [r.product, r.label, r.counts])).toEqual([
      ['cup', '茶杯', { both: 2, x: 3, y: 2, total: 4 }],
      ['pot', '紫砂壶', { both: 2, x: 3, y: 3, total: 4 }],
    ]);
    expect(result[0]!.support).toBe(0.5);
    expect(result[0]!.confidence).toBeCloseTo(2 / 3, 12);
    expect(result[0]!.lift).toBeCloseTo(4 / 3, 12);
    expect(result[1]!.lift).toBeCloseTo(8 / 9, 12);
    expect(alsoBought(orders, 'tea', { limit: 1 })).toHaveLength(1);
    expect(alsoBought(orders, 'nothing')).toEqual([]);
    expect(() => alsoBought(orders, '')).toThrow(ValidationError);
  });
});

// ---- service ---------------------------------------------------------------------------------
//   policy: first response 60 min, resolution 240 min, around the clock; evaluated at 2026-06-01T00:00Z
//   T1 04-02T02:00 inquiry   answered +30 min, resolved +180 min   → met
//   T2 04-03T02:00 complaint answered +120 min, resolved +360 min  → missed
//   T3 04-04T02:00 fault     never answered or resolved            → missed (open past due)
//   T4 2026-04-30T16:00Z (May's first instant) complaint, +10 min, resolved +60 min → met
//   T5 2026-05-31T23:00Z (June 1st 07:00 local) inquiry, open 1 h  → undecided (running)
const policy = {
  id: 'p1',
  name: 'standard',
  active: true,
  priorities: [],
  categories: [],
  firstResponseMinutes: 60,
  resolutionMinutes: 240,
  pauseWhilePending: true,
  atRiskRatio: 0.8,
} as unknown as SlaPolicy;
const plus = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();
const ticket = (
  id: string,
  createdAt: string,
  category: Ticket['category'],
  respondAfter?: number,
  resolveAfter?: number,
): Ticket =>
  ({
    id,
    createdAt,
    category,
    priority: 'normal',
    status: resolveAfter === undefined ? 'open' : 'resolved',
    assigneeId: id === 'T4' ? 'a2' : 'a1',
    slaPauses: [],
    ...(respondAfter !== undefined && { firstRespondedAt: plus(createdAt, respondAfter) }),
    ...(resolveAfter !== undefined && { resolvedAt: plus(createdAt, resolveAfter) }),
  }) as unknown as Ticket;
const tickets = [
  ticket('T1', '2026-04-02T02:00:00.000Z', 'inquiry', 30, 180),
  ticket('T2', '2026-04-03T02:00:00.000Z', 'complaint', 120, 360),
  ticket('T3', '2026-04-04T02:00:00.000Z', 'fault'),
  ticket('T4', '2026-04-30T16:00:00.000Z', 'complaint', 10, 60),
  ticket('T5', '2026-05-31T23:00:00.000Z', 'inquiry'),
];
const NOW = '2026-06-01T00:00:00.000Z';

//   CSAT: 5 (April's first instant), 3, 4 in April; 2 at May's first instant → April 2/3, May 0/1
//   NPS:  10, 9, 6 in April; 8 in May → April (2 − 1)/3 × 100, May 0
const survey = (
  kind: 'csat' | 'nps',
  score: number,
  respondedAt: string,
  agentId = 'a1',
): SurveyFacts => ({
  kind,
  score,
  respondedAt,
  agentId,
});
const surveys = [
  survey('csat', 5, '2026-03-31T16:00:00.000Z'),
  survey('csat', 3, '2026-04-10T02:00:00.000Z'),
  survey('csat', 4, '2026-04-20T02:00:00.000Z', 'a2'),
  survey('csat', 2, '2026-04-30T16:00:00.000Z', 'a2'),
  survey('nps', 10, '2026-04-02T02:00:00.000Z'),
  survey('nps', 9, '2026-04-03T02:00:00.000Z'),
  survey('nps', 6, '2026-04-04T02:00:00.000Z'),
  survey('nps', 8, '2026-05-04T02:00:00.000Z'),
];

describe('service KPIs', () => {
  it('SLA compliance: decided clocks met / decided, by creation month', () => {
    expect(rows(slaCompliance(tickets, [policy], { ...MONTHS, now: NOW }))).toEqual([
      ['2026-04', 1 / 3, 1, 3],
      ['2026-05', 1, 1, 1],
      ['2026-06', null, 0, 0],
    ]);
    // First response: T1 met (30 ≤ 60), T2 missed (120), T3 missed (never answered); T5 has been
    // waiting exactly 60 minutes at NOW — an open clock at its due instant is breached → June 0/1.
    expect(
      values(slaCompliance(tickets, [policy], { ...MONTHS, now: NOW, clock: 'first_response' })),
    ).toEqual([1 / 3, 1, 0]);
    // No policy: nothing is decided.
    expect(values(slaCompliance(tickets, [], { ...MONTHS, now: NOW }))).toEqual([null, null, null]);
  });

  it('first-response time: mean minutes to the first response', () => {
    // April: T1 30, T2 120 → 75. May: T4 10. June: T5 unanswered → null.
    expect(rows(firstResponseTime(tickets, MONTHS))).toEqual([
      ['2026-04', 75, 150, 2],
      ['2026-05', 10, 10, 1],
      ['2026-06', null, 0, 0],
    ]);
    expect(values(firstResponseTime(tickets, { ...MONTHS, groupBy: 'owner' }), 'a2')).toEqual([
      null,
      10,
      null,
    ]);
  });

  it('complaint rate by category: tickets of a category / all tickets', () => {
    const report = complaintRate(tickets, MONTHS);
    expect(report.series.map((s) => s.key)).toEqual([
      'inquiry',
      'complaint',
      'suggestion',
      'fault',
      'field_service',
      'follow_up',
    ]);
    expect(rows(report, 'complaint')).toEqual([
      ['2026-04', 1 / 3, 1, 3],
      ['2026-05', 1, 1, 1],
      ['2026-06', 0, 0, 1],
    ]);
    expect(values(report, 'inquiry')).toEqual([1 / 3, 0, 1]);
    expect(rows(report)).toEqual(rows(report, 'complaint'));
    expect(values(complaintRate([], MONTHS))).toEqual([null, null, null]);
  });

  it('CSAT and NPS reuse summarizeSurveys', () => {
    expect(rows(csatScore(surveys, MONTHS))).toEqual([
      ['2026-04', (2 / 3) * 100, 2, 3],
      ['2026-05', 0, 0, 1],
      ['2026-06', null, 0, 0],
    ]);
    expect(rows(npsScore(surveys, MONTHS))).toEqual([
      ['2026-04', (1 / 3) * 100, 1, 3],
      ['2026-05', 0, 0, 1],
      ['2026-06', null, 0, 0],
    ]);
    expect(values(csatScore(surveys, { ...MONTHS, groupBy: 'owner' }), 'a2')).toEqual([
      100,
      0,
      null,
    ]);
  });
});

describe('query checks', () => {
  const pathOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues[0]!.path;
    }
    throw new Error('expected a ValidationError');
  };

  it('rejects an unknown groupBy, and any groupBy on stage or category KPIs', () => {
    expect(pathOf(() => winRate(deals, { ...MONTHS, groupBy: 'planet' as never }))).toEqual([
      'groupBy',
    ]);
    expect(pathOf(() => stageConversion(deals, pipeline, { ...MONTHS, groupBy: 'owner' }))).toEqual(
      ['groupBy'],
    );
    expect(pathOf(() => complaintRate(tickets, { ...MONTHS, groupBy: 'team' }))).toEqual([
      'groupBy',
    ]);
    expect(pathOf(() => winRate(deals, { ...MONTHS, period: 'decade' as never }))).toEqual([
      'period',
    ]);
  });

  it('never produces NaN anywhere', () => {
    const reports = [
      leadConversionRate([], MONTHS),
      winRate([], MONTHS),
      averageSalesCycle([], MONTHS),
      pipelineValue([], MONTHS),
      weightedForecast([], [], MONTHS),
      churnRate([], MONTHS),
      customerLifetimeValue([], MONTHS),
      csatScore([], MONTHS),
      npsScore([], MONTHS),
      slaCompliance([], [], { ...MONTHS, now: NOW }),
      firstResponseTime([], MONTHS),
    ];
    for (const report of reports) {
      expect(JSON.stringify(report)).not.toContain('NaN');
      expect(report.total.points.every((p) => p.value === null)).toBe(true);
    }
  });
});
