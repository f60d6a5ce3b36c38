import type { CustomerDimensions } from './group-key.js';
import { buildKpiReport, sum, type KpiReport, type MoneyQuery } from './kpi-report.js';
import { bucketIndexOfDate } from './period-buckets.js';
import { dealKey, type DealFacts } from './win-rate.js';

/**
 * Open pipeline value by expected close period.
 *
 * `value = Σ amount` over deals with `status: 'open'` in the query's currency (default CNY) whose
 * `expectedCloseDate` (a calendar date) falls in the period; `count` = those deals. Open deals
 * without an expected close date are left out. Unit: money.
 *
 * @example
 * ```ts
 * pipelineValue(deals, { period: 'month', from: '2026-04-01', to: '2026-07-01', groupBy: 'team' });
 * ```
 */
export function pipelineValue(
  deals: readonly DealFacts[],
  query: MoneyQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  const currency = query.currency ?? 'CNY';
  return buildKpiReport(
    deals.filter((d) => d.status === 'open' && d.currency === currency),
    query,
    {
      kpi: 'pipelineValue',
      unit: 'money',
      bucketOf: (deal, buckets) => bucketIndexOfDate(buckets, deal.expectedCloseDate),
      key: dealKey(query, customers),
      reduce: (list) => sum(list.map((d) => d.amount)),
    },
  );
}
