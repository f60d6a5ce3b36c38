import type { Pipeline } from '../entities/pipeline.js';
import type { CustomerDimensions } from './group-key.js';
import { buildKpiReport, type KpiReport, type MoneyQuery } from './kpi-report.js';
import { bucketIndexOf, bucketIndexOfDate } from './period-buckets.js';
import { dealKey, type DealFacts } from './win-rate.js';

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * Weighted forecast per period — the same formula as `crm.sales.forecast`'s `expected`
 * (sales/forecast.ts), over any periods and groupings:
 *
 * `value = Σ amount × p(stage)` over open deals whose `expectedCloseDate` falls in the period
 * `+ Σ amount` over won deals whose `closedAt` falls in it; `p(stage)` is the stage's win
 * probability in its pipeline (0 for an unknown stage). Only deals in the query's currency
 * (default CNY). `count` = deals counted; `null` when there are none. Unit: money.
 *
 * @example
 * ```ts
 * weightedForecast(deals, pipelines, { period: 'quarter', from: '2026-04-01', to: '2026-07-01', groupBy: 'owner' });
 * ```
 */
export function weightedForecast(
  deals: readonly DealFacts[],
  pipelines: readonly Pick<Pipeline, 'id' | 'stages'>[],
  query: MoneyQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  const currency = query.currency ?? 'CNY';
  const probability = new Map(
    pipelines.map((p) => [p.id, new Map(p.stages.map((s) => [s.id, s.probability]))]),
  );
  const weight = (d: DealFacts) =>
    d.status === 'won' ? d.amount : d.amount * (probability.get(d.pipelineId)?.get(d.stageId) ?? 0);
  return buildKpiReport(
    deals.filter((d) => d.currency === currency && (d.status === 'open' || d.status === 'won')),
    query,
    {
      kpi: 'weightedForecast',
      unit: 'money',
      bucketOf: (deal, buckets) =>
        deal.status === 'won'
          ? bucketIndexOf(buckets, deal.closedAt)
          : bucketIndexOfDate(buckets, deal.expectedCloseDate),
      key: dealKey(query, customers),
      reduce: (list) => ({
        value: list.length ? cents(list.reduce((s, d) => s + weight(d), 0)) : null,
        count: list.length,
      }),
    },
  );
}
