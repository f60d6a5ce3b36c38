import type { Quota } from '../entities/quota.js';
import { periodRange } from '../sales/sales-period.js';
import { groupKeyOf, type CustomerDimensions } from './group-key.js';
import { buildKpiReport, ratio, type KpiReport, type MoneyQuery } from './kpi-report.js';
import { periodBuckets, type PeriodBucket } from './period-buckets.js';
import type { DealFacts } from './win-rate.js';

export type QuotaFacts = Pick<
  Quota,
  'ownerId' | 'teamId' | 'period' | 'periodStart' | 'target' | 'currency'
>;

type Item =
  | { readonly kind: 'deal'; readonly deal: DealFacts; readonly at: number }
  | {
      readonly kind: 'quota';
      readonly quota: QuotaFacts;
      readonly startMs: number;
      readonly endMs: number;
    };

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * Which quotas make up the target, so owner and team quotas are never added together: by owner,
 * the owner quotas; otherwise the team quotas (no `ownerId`) when there are any, else the owner
 * quotas (whose teams then carry their targets).
 */
function targetQuotas(quotas: readonly QuotaFacts[], query: MoneyQuery): QuotaFacts[] {
  const owners = quotas.filter((q) => q.ownerId !== undefined);
  if (query.groupBy === 'owner') return owners;
  const teams = quotas.filter((q) => q.ownerId === undefined);
  return teams.length > 0 ? teams : owners;
}

/**
 * Won revenue per period against the sales target.
 *
 * `numerator` = Σ `amount` of deals with `status: 'won'` in the query's currency (default CNY)
 * whose `closedAt` falls in the period (rounded to cents); `denominator` = the target: each
 * quota's `target`, spread over its month / quarter / year by calendar days, summed over the
 * days it shares with the period (so a quarterly quota of 900 000 gives a 30-day month
 * 900 000 × 30 / 91 of it; rounded to cents). `value = numerator / denominator` (1 = 100 %),
 * `null` when no quota covers the period. Quotas in another currency are left out.
 *
 * Which quotas: grouped by owner, the owner quotas; otherwise the team quotas (without an owner)
 * when there are any, else the owner quotas — owner and team quotas are never added together.
 * Grouped by owner or team (a quota's `teamId`); by region the revenue splits by the deal's (or
 * its customer's) province and every target goes to `(none)`, as quotas have no region.
 * Unit: ratio.
 *
 * @example
 * ```ts
 * revenueAgainstQuota(deals, quotas, { period: 'month', from: '2026-01-01', to: '2026-04-01' });
 * // total.points[0] → { period: '2026-01', value: 0.42, numerator: 126000, denominator: 300000 }
 * ```
 */
export function revenueAgainstQuota(
  deals: readonly DealFacts[],
  quotas: readonly QuotaFacts[],
  query: MoneyQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  const currency = query.currency ?? 'CNY';
  const buckets = periodBuckets(query);
  const [first, last] = [buckets[0]!, buckets[buckets.length - 1]!];
  const items: Item[] = [];
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.currency !== currency || !deal.closedAt) continue;
    const at = Date.parse(deal.closedAt);
    if (at >= first.startMs && at < last.endMs) items.push({ kind: 'deal', deal, at });
  }
  for (const quota of targetQuotas(
    quotas.filter((q) => q.currency === currency),
    query,
  )) {
    const range = periodRange(quota.period, quota.periodStart);
    if (range.end <= first.start || range.start >= last.end) continue;
    items.push({ kind: 'quota', quota, startMs: utc(range.start), endMs: utc(range.end) });
  }
  const dealGroup = (deal: DealFacts) => groupKeyOf(query.groupBy, deal, customers);
  /** The share of a quota's target falling on the bucket's calendar days. */
  const share = (item: Extract<Item, { kind: 'quota' }>, bucket: PeriodBucket) => {
    const overlap =
      Math.min(item.endMs, utc(bucket.end)) - Math.max(item.startMs, utc(bucket.start));
    if (overlap <= 0) return 0;
    return (
      (item.quota.target * Math.round(overlap / DAY_MS)) /
      Math.round((item.endMs - item.startMs) / DAY_MS)
    );
  };
  return buildKpiReport(items, query, {
    kpi: 'revenueAgainstQuota',
    unit: 'ratio',
    key: (item) =>
      item.kind === 'deal'
        ? dealGroup(item.deal)
        : query.groupBy === 'owner'
          ? item.quota.ownerId
          : query.groupBy === 'team'
            ? item.quota.teamId
            : undefined,
    reduce: (list, bucket) => {
      let won = 0;
      let count = 0;
      let target = 0;
      for (const item of list) {
        if (item.kind === 'deal') {
          if (item.at >= bucket.startMs && item.at < bucket.endMs) {
            won += item.deal.amount;
            count++;
          }
        } else target += share(item, bucket);
      }
      return { ...ratio(cents(won), cents(target)), count };
    },
  });
}
