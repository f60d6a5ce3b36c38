import type { Campaign } from '../entities/campaign.js';
import { campaignReport, type CampaignReportData } from '../marketing/campaign-report.js';
import { buildKpiReport, ratio, type KpiReport, type MoneyQuery } from './kpi-report.js';

export type CampaignFacts = Pick<
  Campaign,
  'actualCost' | 'budget' | 'currency' | 'ownerId' | 'startAt'
> & { readonly id: string; readonly createdAt: string };

/**
 * Campaign ROI per period, from the marketing module's `campaignReport` (attribution and revenue
 * are computed there, not here).
 *
 * Campaigns in the query's currency (default CNY) count in the period of their `startAt` (else
 * `createdAt`): `value = (Σ wonRevenue − Σ cost) / Σ cost`, `numerator` = Σ wonRevenue − Σ cost,
 * `denominator` = Σ cost (`actualCost`); `null` when the campaigns cost nothing. Grouped by the
 * campaign's owner (team and region: `(none)`). Unit: ratio.
 *
 * @example
 * ```ts
 * campaignRoi(campaigns, leads, deals, { period: 'quarter', from: '2026-01-01', to: '2027-01-01' });
 * ```
 */
export function campaignRoi(
  campaigns: readonly CampaignFacts[],
  leads: CampaignReportData['leads'],
  deals: CampaignReportData['deals'],
  query: MoneyQuery,
): KpiReport {
  const currency = query.currency ?? 'CNY';
  const items = campaigns
    .filter((c) => c.currency === currency)
    .map((campaign) => ({
      campaign,
      report: campaignReport({ campaign, audience: null, deliveries: [], leads, deals }),
    }));
  return buildKpiReport(items, query, {
    kpi: 'campaignRoi',
    unit: 'ratio',
    at: (i) => i.campaign.startAt ?? i.campaign.createdAt,
    key: (i) => (query.groupBy === 'owner' ? i.campaign.ownerId : undefined),
    reduce: (list) => {
      const cost = list.reduce((s, i) => s + i.report.cost, 0);
      const revenue = list.reduce((s, i) => s + i.report.wonRevenue, 0);
      return ratio(Math.round((revenue - cost) * 100) / 100, cost);
    },
  });
}
