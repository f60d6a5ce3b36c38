import type { Lead } from '../entities/lead.js';
import { groupKeyOf, type CustomerDimensions } from './group-key.js';
import { buildKpiReport, ratio, type AnalyticsQuery, type KpiReport } from './kpi-report.js';

export type LeadFacts = Pick<
  Lead,
  'status' | 'ownerId' | 'teamId' | 'region' | 'convertedAt' | 'convertedCustomerId'
> & { readonly createdAt: string };

/**
 * Lead conversion rate, by cohort: of the leads created in a period, the share converted so far.
 *
 * `value = converted / created`, where `created` = leads whose `createdAt` falls in the period and
 * `converted` = those of them with `status: 'converted'` (or a `convertedAt`), whenever they
 * converted. Unit: ratio (0–1). Grouped by the lead's owner, team or region.
 *
 * @example
 * ```ts
 * leadConversionRate(leads, { period: 'month', from: '2026-01-01', to: '2026-07-01', groupBy: 'owner' });
 * ```
 */
export function leadConversionRate(
  leads: readonly LeadFacts[],
  query: AnalyticsQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return buildKpiReport(leads, query, {
    kpi: 'leadConversionRate',
    unit: 'ratio',
    at: (lead) => lead.createdAt,
    key: (lead) =>
      groupKeyOf(query.groupBy, { ...lead, customerId: lead.convertedCustomerId }, customers),
    reduce: (list) =>
      ratio(
        list.filter((l) => l.status === 'converted' || l.convertedAt !== undefined).length,
        list.length,
      ),
  });
}
