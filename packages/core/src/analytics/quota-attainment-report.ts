import type { QuotaAttainment } from '../sales/quotas.js';
import { buildKpiReport, ratio, type AnalyticsQuery, type KpiReport } from './kpi-report.js';
import { bucketIndexOfDate } from './period-buckets.js';

export type QuotaAttainmentFacts = Pick<QuotaAttainment, 'start' | 'target' | 'won'> & {
  readonly quota: Pick<QuotaAttainment['quota'], 'ownerId' | 'teamId'>;
};

/**
 * Quota attainment as a chartable report, from the attainments `crm.quotas.report`
 * (sales/quotas.ts) computes — the won amount of each quota is not recomputed here.
 *
 * A quota counts in the period holding its first day. `value = Σ won / Σ target` over the quotas
 * of the period and group (1 = 100 %); `null` when their targets sum to 0 or there are none.
 * Grouped by the quota's owner or team (region: `(none)`, quotas have no region). Mixing owner
 * and team quotas in one total double-counts; filter first if both exist.
 *
 * @example
 * ```ts
 * const attainments = await crm.quotas.report({ period: 'quarter', periodStart: '2026-04-01' });
 * quotaAttainmentReport(attainments, { period: 'quarter', from: '2026-04-01', to: '2026-07-01', groupBy: 'owner' });
 * ```
 */
export function quotaAttainmentReport(
  attainments: readonly QuotaAttainmentFacts[],
  query: AnalyticsQuery,
): KpiReport {
  return buildKpiReport(attainments, query, {
    kpi: 'quotaAttainment',
    unit: 'ratio',
    bucketOf: (a, buckets) => bucketIndexOfDate(buckets, a.start),
    key: (a) =>
      query.groupBy === 'owner'
        ? a.quota.ownerId
        : query.groupBy === 'team'
          ? a.quota.teamId
          : undefined,
    reduce: (list) =>
      ratio(
        Math.round(list.reduce((s, a) => s + a.won, 0) * 100) / 100,
        list.reduce((s, a) => s + a.target, 0),
      ),
  });
}
