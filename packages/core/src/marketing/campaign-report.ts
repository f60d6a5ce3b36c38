import type { Campaign } from '../entities/campaign.js';
import type { CampaignDelivery } from '../entities/campaign-delivery.js';
import type { Deal } from '../entities/deal.js';
import type { Lead } from '../entities/lead.js';

/** What {@link campaignReport} needs: plain records, so analytics can reuse it over any source. */
export interface CampaignReportData {
  readonly campaign: Pick<Campaign, 'actualCost' | 'budget' | 'currency'> & { readonly id: string };
  /** Members of the campaign's segment now; `null` when the campaign has no segment. */
  readonly audience: number | null;
  readonly deliveries: readonly Pick<
    CampaignDelivery,
    | 'status'
    | 'sentAt'
    | 'deliveredAt'
    | 'openedAt'
    | 'clickedAt'
    | 'repliedAt'
    | 'bouncedAt'
    | 'unsubscribedAt'
    | 'failedAt'
  >[];
  /** Leads with any touch from the campaign (more may be given; they are filtered). */
  readonly leads: readonly (Pick<Lead, 'campaignId' | 'touches' | 'status'> & {
    readonly id: string;
  })[];
  /** Deals with `campaignId` of the campaign or from one of its leads (more may be given). */
  readonly deals: readonly (Pick<
    Deal,
    'campaignId' | 'leadId' | 'status' | 'amount' | 'currency'
  > & {
    readonly id: string;
  })[];
}

export interface CampaignReport {
  readonly campaignId: string;
  readonly currency: string;
  /** Current members of the campaign's segment (`null`: no segment). */
  readonly audience: number | null;
  /** Recipients the channel accepted (`sentAt` set). */
  readonly sent: number;
  readonly delivered: number;
  readonly opened: number;
  readonly clicked: number;
  readonly replied: number;
  readonly bounced: number;
  readonly unsubscribed: number;
  readonly failed: number;
  /** Recipients who opened, clicked or replied (each counted once). */
  readonly responses: number;
  /** responses / sent; `null` when nothing was sent. */
  readonly responseRate: number | null;
  /** Leads whose first touch is this campaign (first-touch attribution). */
  readonly leads: number;
  /** Leads with any touch from this campaign, first or later (influence; not used for ROI). */
  readonly influencedLeads: number;
  /** Attributed leads now `converted`. */
  readonly convertedLeads: number;
  /** Deals attributed to this campaign: `deal.campaignId`, else the first touch of `deal.leadId`. */
  readonly deals: number;
  readonly wonDeals: number;
  /** Sum of `amount` of won attributed deals in the campaign's currency (others are left out). */
  readonly wonRevenue: number;
  /** Won deals in another currency, not in `wonRevenue` (Rapport does not convert currencies). */
  readonly otherCurrencyWonDeals: number;
  /** The campaign's `actualCost`. */
  readonly cost: number;
  readonly budget: number;
  /** cost / budget; `null` without a budget. */
  readonly budgetUsed: number | null;
  /** (wonRevenue − cost) / cost; `null` when cost is 0. */
  readonly roi: number | null;
  /** cost / leads; `null` without leads. */
  readonly costPerLead: number | null;
  /** convertedLeads / leads; `null` without leads. */
  readonly conversionRate: number | null;
}

/** The first-touch campaign of a lead: `campaignId`, else the first touch with a campaign. */
export function firstTouchCampaign(lead: Pick<Lead, 'campaignId' | 'touches'>): string | undefined {
  return lead.campaignId ?? lead.touches?.find((t) => t.campaignId !== undefined)?.campaignId;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const money = (n: number): number => Math.round(n * 100) / 100;

/**
 * A campaign's funnel and return, as a pure function of its records. Attribution is first touch:
 * a lead counts for the campaign of its first touch, a deal for its `campaignId` (set at
 * conversion from the lead) or, when it has none, its lead's first-touch campaign. Every ratio is
 * `null` (never `NaN` or `Infinity`) when its denominator is 0.
 *
 * @example
 * ```ts
 * campaignReport({ campaign: { id: 'c1', actualCost: 1000, budget: 2000, currency: 'CNY' }, audience: 10, deliveries: [], leads: [], deals: [] });
 * // → { …, leads: 0, cost: 1000, roi: -1, costPerLead: null, conversionRate: null }
 * ```
 */
export function campaignReport(data: CampaignReportData): CampaignReport {
  const { campaign } = data;
  const id = campaign.id;
  const d = data.deliveries;
  const count = (f: (x: (typeof d)[number]) => unknown) => d.filter(f).length;
  const sent = count((x) => x.sentAt !== undefined);
  const responses = count(
    (x) => x.openedAt !== undefined || x.clickedAt !== undefined || x.repliedAt !== undefined,
  );

  const influenced = data.leads.filter(
    (l) => l.campaignId === id || (l.touches ?? []).some((t) => t.campaignId === id),
  );
  const leads = data.leads.filter((l) => firstTouchCampaign(l) === id);
  const leadIds = new Set(leads.map((l) => l.id));
  const deals = data.deals.filter((deal) =>
    deal.campaignId !== undefined
      ? deal.campaignId === id
      : deal.leadId !== undefined && leadIds.has(deal.leadId),
  );
  const won = deals.filter((deal) => deal.status === 'won');
  const sameCurrency = won.filter((deal) => deal.currency === campaign.currency);
  const wonRevenue = money(sameCurrency.reduce((sum, deal) => sum + deal.amount, 0));
  const cost = campaign.actualCost;
  const converted = leads.filter((l) => l.status === 'converted').length;

  return {
    campaignId: id,
    currency: campaign.currency,
    audience: data.audience,
    sent,
    delivered: count((x) => x.deliveredAt !== undefined),
    opened: count((x) => x.openedAt !== undefined),
    clicked: count((x) => x.clickedAt !== undefined),
    replied: count((x) => x.repliedAt !== undefined),
    bounced: count((x) => x.bouncedAt !== undefined),
    unsubscribed: count((x) => x.unsubscribedAt !== undefined),
    failed: count((x) => x.failedAt !== undefined),
    responses,
    responseRate: ratio(responses, sent),
    leads: leads.length,
    influencedLeads: influenced.length,
    convertedLeads: converted,
    deals: deals.length,
    wonDeals: won.length,
    wonRevenue,
    otherCurrencyWonDeals: won.length - sameCurrency.length,
    cost,
    budget: campaign.budget,
    budgetUsed: ratio(cost, campaign.budget),
    roi: cost > 0 ? (wonRevenue - cost) / cost : null,
    costPerLead: ratio(cost, leads.length),
    conversionRate: ratio(converted, leads.length),
  };
}
