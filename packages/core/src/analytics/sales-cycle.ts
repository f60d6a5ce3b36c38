import type { CustomerDimensions } from './group-key.js';
import { buildKpiReport, mean, type AnalyticsQuery, type KpiReport } from './kpi-report.js';
import { dealKey, type DealFacts } from './win-rate.js';

const DAY_MS = 86_400_000;

/** When a deal started: its first stage visit, else its creation. */
export const dealStartedAt = (deal: Pick<DealFacts, 'stageHistory' | 'createdAt'>): string =>
  deal.stageHistory[0]?.enteredAt ?? deal.createdAt;

/**
 * Average sales cycle of the deals won in a period, in days.
 *
 * `value = Σ (closedAt − startedAt) / won deals`, over deals with `status: 'won'` whose `closedAt`
 * falls in the period; `startedAt` is the first stage visit's `enteredAt` (else `createdAt`);
 * days are 24-hour days, unrounded. `numerator` is the total of days, `denominator` the count.
 *
 * @example
 * ```ts
 * averageSalesCycle(deals, { period: 'year', from: '2025-01-01', to: '2027-01-01' });
 * ```
 */
export function averageSalesCycle(
  deals: readonly DealFacts[],
  query: AnalyticsQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return buildKpiReport(
    deals.filter((d) => d.status === 'won' && d.closedAt !== undefined),
    query,
    {
      kpi: 'averageSalesCycle',
      unit: 'days',
      at: (deal) => deal.closedAt,
      key: dealKey(query, customers),
      reduce: (list) =>
        mean(list.map((d) => (Date.parse(d.closedAt!) - Date.parse(dealStartedAt(d))) / DAY_MS)),
    },
  );
}
