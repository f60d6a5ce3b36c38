import type { BoardSummary } from '../sales/board.js';
import { ValidationError } from '../errors.js';
import type { HealthScore, HealthSignal } from './health-score.js';
import {
  checkGroupBy,
  type AnalyticsQuery,
  type GroupBy,
  type KpiReport,
  type KpiUnit,
  type Measure,
  type MoneyQuery,
} from './kpi-report.js';
import { periodBuckets, type AnalyticsPeriod } from './period-buckets.js';

/** The ranges a dashboard shows: the month, quarter or year holding a day, or a custom range. */
export const DASHBOARD_PERIODS = ['month', 'quarter', 'year', 'custom'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export interface KpiDashboardQuery {
  /** `month`, `quarter` or `year` holding `from` (default: today in the analytics time zone), or `custom`. */
  readonly period: DashboardPeriod;
  /** A day in the period, or the first day of a custom range (`YYYY-MM-DD`). */
  readonly from?: string;
  /** Custom ranges only: the day after the range (`YYYY-MM-DD`, exclusive, as in every KPI). */
  readonly to?: string;
  /** Adds `groups`: revenue against quota per owner, team or region over the range. */
  readonly groupBy?: GroupBy;
  /** The pipeline of the funnel and the stage chart; default the default pipeline, else the first. */
  readonly pipelineId?: string;
  /** Money KPIs sum this currency only. Default `CNY`. */
  readonly currency?: string;
  /** At most this many churn risks, lowest score first. Default 10. */
  readonly churnLimit?: number;
}

/** The tiles, in the order a dashboard shows them. */
export const DASHBOARD_TILES = [
  'wonRevenue',
  'quotaAttainment',
  'pipelineValue',
  'winRate',
  'leadConversion',
  'slaCompliance',
  'csat',
  'nps',
] as const;
export type DashboardTile = (typeof DASHBOARD_TILES)[number];

/** One headline figure over the whole range (`unit` as in {@link KpiReport}; `money` in `currency`). */
export interface KpiTile extends Measure {
  readonly kpi: DashboardTile;
  readonly unit: KpiUnit;
}

/** A customer at risk of churning, with the reasons that add up to its score. */
export interface ChurnRiskRow {
  readonly customerId: string;
  /** The customer's name as the principal may see it; absent when not visible. */
  readonly name?: string;
  readonly score: number;
  readonly reasons: readonly HealthSignal[];
}

/** Everything `<crm-kpi-dashboard>` shows, computed over what the principal may see. */
export interface KpiDashboard {
  readonly period: DashboardPeriod;
  /** The range `[from, to)` the figures cover. */
  readonly from: string;
  readonly to: string;
  /** Periods of the trend charts: `week` for a month or less, `month` up to two years, else `quarter`. */
  readonly trend: Exclude<AnalyticsPeriod, 'custom' | 'year'>;
  readonly timeZone: string;
  readonly currency: string;
  readonly groupBy: GroupBy | null;
  readonly tiles: readonly KpiTile[];
  /** {@link KpiReport} of `stageConversion` over the range (one point per stage); `null` without a pipeline. */
  readonly funnel: KpiReport | null;
  /** The pipeline's stages now (`crm.deals.board`); `null` without a pipeline. */
  readonly pipeline: (BoardSummary & { readonly name: string }) | null;
  /** `revenueAgainstQuota` per trend period: numerator won, denominator target. */
  readonly revenue: KpiReport;
  readonly sla: KpiReport;
  readonly csat: KpiReport;
  readonly nps: KpiReport;
  readonly churnRisks: readonly ChurnRiskRow[];
  /** `revenueAgainstQuota` over the range per group (one point per series); `null` without `groupBy`. */
  readonly groups: KpiReport | null;
}

/** What {@link kpiDashboard} reads: `crm.analytics` methods and a few records. */
export interface KpiDashboardSource {
  readonly timeZone: string;
  /** Today, `YYYY-MM-DD`, in the time zone. */
  today(): string;
  leadConversion(q: AnalyticsQuery): Promise<KpiReport>;
  winRate(q: AnalyticsQuery): Promise<KpiReport>;
  pipelineValue(q: MoneyQuery): Promise<KpiReport>;
  revenueAgainstQuota(q: MoneyQuery): Promise<KpiReport>;
  slaCompliance(q: AnalyticsQuery): Promise<KpiReport>;
  csat(q: AnalyticsQuery): Promise<KpiReport>;
  nps(q: AnalyticsQuery): Promise<KpiReport>;
  stageConversion(q: AnalyticsQuery & { pipelineId: string }): Promise<KpiReport>;
  churnRisks(o: { limit: number }): Promise<HealthScore[]>;
  /** Visible pipelines (id, name, isDefault). */
  pipelines(): Promise<readonly { id: string; name: string; isDefault?: boolean }[]>;
  board(pipelineId: string): Promise<BoardSummary>;
  /** Names of visible customers by id. */
  customerNames(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The range `[from, to)` of a dashboard query and the periods of its trend charts.
 *
 * @example
 * ```ts
 * dashboardRange({ period: 'quarter', from: '2026-05-20' }, '2026-06-30');
 * // { from: '2026-04-01', to: '2026-07-01', trend: 'month' }
 * ```
 * @throws ValidationError (path `period`, `from` or `to`) for a bad query
 */
export function dashboardRange(
  query: Pick<KpiDashboardQuery, 'period' | 'from' | 'to'>,
  today: string,
): { from: string; to: string; trend: KpiDashboard['trend'] } {
  const period = query?.period;
  if (!DASHBOARD_PERIODS.includes(period))
    throw new ValidationError([
      { path: ['period'], message: `Use one of ${DASHBOARD_PERIODS.join(', ')}` },
    ]);
  let from: string;
  let to: string;
  if (period === 'custom') {
    if (typeof query.from !== 'string' || typeof query.to !== 'string')
      throw new ValidationError([
        { path: [query.from === undefined ? 'from' : 'to'], message: 'Give a date YYYY-MM-DD' },
      ]);
    from = query.from;
    to = query.to;
  } else {
    const day = query.from ?? today;
    if (typeof day !== 'string' || !DATE.test(day))
      throw new ValidationError([{ path: ['from'], message: 'Give a date YYYY-MM-DD' }]);
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
    const first = Math.floor((m - 1) / months) * months;
    const end = y * 12 + first + months;
    from = `${y}-${pad(first + 1)}-01`;
    to = `${Math.floor(end / 12)}-${pad((end % 12) + 1)}-01`;
  }
  periodBuckets({ period: 'custom', from, to }); // validates the dates and their order
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
  return { from, to, trend: days <= 31 ? 'week' : days <= 731 ? 'month' : 'quarter' };
}

/** The single point of a custom-range report's total (`value: null` when there is none). */
const only = (report: KpiReport): Measure => {
  const { value, numerator, denominator, count } = report.total.points[0] ?? { value: null };
  return {
    value,
    ...(numerator !== undefined && { numerator }),
    ...(denominator !== undefined && { denominator }),
    ...(count !== undefined && { count }),
  };
};

/**
 * The management dashboard: headline tiles over the range, the stage funnel and the pipeline
 * by stage, won revenue against quota, SLA compliance, CSAT and NPS per trend period, the
 * customers most at risk of churning with their reasons and, with `groupBy`, revenue against
 * quota per group. Every figure is one of the KPIs of this folder; nothing is computed here but
 * the range.
 *
 * @throws ValidationError for a bad query; NotFoundError for an unknown `pipelineId`
 */
export async function kpiDashboard(
  source: KpiDashboardSource,
  query: KpiDashboardQuery,
): Promise<KpiDashboard> {
  const { from, to, trend } = dashboardRange(query, source.today());
  checkGroupBy(query.groupBy);
  const limit = query.churnLimit ?? 10;
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new ValidationError([{ path: ['churnLimit'], message: 'Give a whole number ≥ 1' }]);
  const currency = query.currency ?? 'CNY';
  const whole = { period: 'custom', from, to, timeZone: source.timeZone } as const;
  const trends = { period: trend, from, to, timeZone: source.timeZone } as const;

  const pipelines = await source.pipelines();
  const pipeline =
    query.pipelineId !== undefined
      ? { id: query.pipelineId, name: pipelines.find((p) => p.id === query.pipelineId)?.name }
      : (pipelines.find((p) => p.isDefault) ?? pipelines[0]);

  const [
    wonVsQuota,
    pipelineValue,
    winRate,
    leadConversion,
    slaWhole,
    csatWhole,
    npsWhole,
    revenue,
    sla,
    csat,
    nps,
    funnel,
    board,
    risks,
    groups,
  ] = await Promise.all([
    source.revenueAgainstQuota({ ...whole, currency }),
    source.pipelineValue({ ...whole, currency }),
    source.winRate(whole),
    source.leadConversion(whole),
    source.slaCompliance(whole),
    source.csat(whole),
    source.nps(whole),
    source.revenueAgainstQuota({ ...trends, currency }),
    source.slaCompliance(trends),
    source.csat(trends),
    source.nps(trends),
    pipeline ? source.stageConversion({ ...whole, pipelineId: pipeline.id }) : null,
    pipeline ? source.board(pipeline.id) : null,
    source.churnRisks({ limit }),
    query.groupBy
      ? source.revenueAgainstQuota({ ...whole, currency, groupBy: query.groupBy })
      : null,
  ]);
  const names = await source.customerNames(risks.map((r) => r.customerId));
  const won = only(wonVsQuota);
  const tile = (kpi: DashboardTile, unit: KpiUnit, measure: Measure): KpiTile => ({
    kpi,
    unit,
    ...measure,
  });
  return {
    period: query.period,
    from,
    to,
    trend,
    timeZone: source.timeZone,
    currency,
    groupBy: query.groupBy ?? null,
    tiles: [
      tile('wonRevenue', 'money', {
        value: won.numerator ?? 0,
        ...(won.count !== undefined && { count: won.count }),
      }),
      tile('quotaAttainment', 'ratio', won),
      tile('pipelineValue', 'money', only(pipelineValue)),
      tile('winRate', 'ratio', only(winRate)),
      tile('leadConversion', 'ratio', only(leadConversion)),
      tile('slaCompliance', 'ratio', only(slaWhole)),
      tile('csat', 'percent', only(csatWhole)),
      tile('nps', 'score', only(npsWhole)),
    ],
    funnel,
    pipeline: board && pipeline ? { ...board, name: pipeline.name ?? pipeline.id } : null,
    revenue,
    sla,
    csat,
    nps,
    churnRisks: risks.map((r) => ({
      customerId: r.customerId,
      ...(names.has(r.customerId) && { name: names.get(r.customerId)! }),
      score: r.score,
      reasons: r.reasons,
    })),
    groups,
  };
}
