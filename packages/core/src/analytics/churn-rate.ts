import { groupKeyOf, type CustomerDimensions } from './group-key.js';
import { purchasesByCustomer, type CustomerPurchases, type OrderFacts } from './customer-orders.js';
import { buildKpiReport, ratio, type AnalyticsQuery, type KpiReport } from './kpi-report.js';
import type { PeriodBucket } from './period-buckets.js';
import { ValidationError } from '../errors.js';

const DAY_MS = 86_400_000;

export interface ChurnQuery extends AnalyticsQuery {
  /** A customer is active while their last purchase is less than this many days old. Default 90. */
  readonly churnDays?: number;
  /** The clock's reading (ISO): a period still running is judged at `now`, not at its end. */
  readonly now?: string;
}

function churnDaysOf(query: ChurnQuery): number {
  const days = query.churnDays ?? 90;
  if (!(Number.isInteger(days) && days > 0 && days <= 3650))
    throw new ValidationError([{ path: ['churnDays'], message: 'Give whole days, 1–3650' }]);
  return days;
}

/** Active at `t`: a purchase in `[t − N days, t)`. */
const activeAt = (times: readonly number[], t: number, windowMs: number) =>
  times.some((time) => time >= t - windowMs && time < t);

function churnReport(
  orders: readonly OrderFacts[],
  query: ChurnQuery,
  customers: ReadonlyMap<string, CustomerDimensions> | undefined,
  kind: 'churnRate' | 'retentionRate',
): KpiReport {
  const windowMs = churnDaysOf(query) * DAY_MS;
  const now = query.now !== undefined ? Date.parse(query.now) : Infinity;
  const measure = (list: readonly CustomerPurchases[], bucket: PeriodBucket) => {
    const end = Math.min(bucket.endMs, now);
    const atStart = list.filter((c) => activeAt(c.times, bucket.startMs, windowMs));
    const churned = atStart.filter((c) => !activeAt(c.times, end, windowMs)).length;
    return ratio(kind === 'churnRate' ? churned : atStart.length - churned, atStart.length);
  };
  return buildKpiReport(purchasesByCustomer(orders), query, {
    kpi: kind,
    unit: 'ratio',
    key: (c) =>
      groupKeyOf(
        query.groupBy,
        { customerId: c.customerId, ownerId: customers?.get(c.customerId)?.ownerId ?? c.ownerId },
        customers,
      ),
    reduce: measure,
  });
}

/**
 * Churn rate, from purchases (lifecycle stages keep no history, orders do). A customer is
 * **active** at an instant when they made a purchase (an order neither draft nor cancelled,
 * placed at `orderedAt` / `confirmedAt` / `createdAt`) in the `churnDays` (default 90) before it.
 *
 * `value = churned / active at start`: of the customers active at the period's start, those no
 * longer active at its end (or at `now`, for a period still running). `null` when nobody was
 * active at the start. Unit: ratio. Grouped by the customer's owner, team or region.
 *
 * @example
 * ```ts
 * churnRate(orders, { period: 'quarter', from: '2026-01-01', to: '2027-01-01', churnDays: 90 }, customersById);
 * ```
 * @throws ValidationError for bad `churnDays` or period query
 */
export function churnRate(
  orders: readonly OrderFacts[],
  query: ChurnQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return churnReport(orders, query, customers, 'churnRate');
}

/**
 * Retention rate: `value = retained / active at start = 1 − churn rate`, with the definitions of
 * {@link churnRate} (customers active at the period's start still active at its end).
 */
export function retentionRate(
  orders: readonly OrderFacts[],
  query: ChurnQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return churnReport(orders, query, customers, 'retentionRate');
}
