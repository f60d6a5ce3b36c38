import type { Deal } from '../entities/deal.js';
import { groupKeyOf, type CustomerDimensions } from './group-key.js';
import { buildKpiReport, ratio, type AnalyticsQuery, type KpiReport } from './kpi-report.js';

export type DealFacts = Pick<
  Deal,
  | 'status'
  | 'amount'
  | 'currency'
  | 'pipelineId'
  | 'stageId'
  | 'stageHistory'
  | 'closedAt'
  | 'expectedCloseDate'
  | 'ownerId'
  | 'teamId'
  | 'customerId'
> & { readonly createdAt: string };

/** A deal's group key (owner, team, or its customer's team / region). */
export const dealKey =
  (query: AnalyticsQuery, customers?: ReadonlyMap<string, CustomerDimensions>) =>
  (deal: DealFacts) =>
    groupKeyOf(query.groupBy, deal, customers);

/**
 * Win rate: of the deals closed in a period, the share won.
 *
 * `value = won / (won + lost)` over deals with `status` `won` or `lost` whose `closedAt` falls
 * in the period. Open deals do not count. Unit: ratio (0–1).
 *
 * @example
 * ```ts
 * winRate(deals, { period: 'quarter', from: '2026-01-01', to: '2027-01-01', groupBy: 'owner' });
 * ```
 */
export function winRate(
  deals: readonly DealFacts[],
  query: AnalyticsQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return buildKpiReport(
    deals.filter((d) => d.status === 'won' || d.status === 'lost'),
    query,
    {
      kpi: 'winRate',
      unit: 'ratio',
      at: (deal) => deal.closedAt,
      key: dealKey(query, customers),
      reduce: (list) => ratio(list.filter((d) => d.status === 'won').length, list.length),
    },
  );
}
