import { groupKeyOf, type CustomerDimensions } from './group-key.js';
import { purchasesByCustomer, type OrderFacts } from './customer-orders.js';
import { buildKpiReport, type KpiReport, type MoneyQuery } from './kpi-report.js';

const cents = (n: number) => Math.round(n * 100) / 100;

export interface CustomerLifetimeValue {
  readonly customerId: string;
  /** Σ payments received on the customer's purchases in the currency (historical CLV). */
  readonly paid: number;
  readonly orders: number;
  /** First purchase (acquisition), ISO. */
  readonly firstOrderAt: string;
  readonly lastOrderAt: string;
}

/**
 * Historical lifetime value per customer: `paid = Σ payment.amount` over their purchases
 * (orders neither draft nor cancelled) in `currency` (default CNY) — money actually received,
 * not order totals, not a projection. Customers without a purchase are not listed.
 */
export function lifetimeValues(
  orders: readonly OrderFacts[],
  currency = 'CNY',
): CustomerLifetimeValue[] {
  return purchasesByCustomer(orders.filter((o) => o.currency === currency)).map((c) => ({
    customerId: c.customerId,
    paid: cents(c.orders.reduce((s, o) => s + o.payments.reduce((t, p) => t + p.amount, 0), 0)),
    orders: c.orders.length,
    firstOrderAt: new Date(c.times[0]!).toISOString(),
    lastOrderAt: new Date(c.times[c.times.length - 1]!).toISOString(),
  }));
}

/**
 * Average historical customer lifetime value of the customers acquired in a period.
 *
 * A customer is acquired in the period of their first purchase; `value = Σ paid / customers`,
 * with `paid` from {@link lifetimeValues} (payments received to date on their purchases, in the
 * query's currency). `numerator` = Σ paid, `denominator` = customers acquired. Unit: money.
 *
 * @example
 * ```ts
 * customerLifetimeValue(orders, { period: 'year', from: '2024-01-01', to: '2027-01-01' });
 * ```
 */
export function customerLifetimeValue(
  orders: readonly OrderFacts[],
  query: MoneyQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  const owners = new Map(
    purchasesByCustomer(orders).map((c) => [c.customerId, c.ownerId] as const),
  );
  return buildKpiReport(lifetimeValues(orders, query.currency ?? 'CNY'), query, {
    kpi: 'customerLifetimeValue',
    unit: 'money',
    at: (c) => c.firstOrderAt,
    key: (c) =>
      groupKeyOf(
        query.groupBy,
        {
          customerId: c.customerId,
          ownerId: customers?.get(c.customerId)?.ownerId ?? owners.get(c.customerId),
        },
        customers,
      ),
    reduce: (list) => {
      const paid = cents(list.reduce((s, c) => s + c.paid, 0));
      return {
        value: list.length ? paid / list.length : null,
        numerator: paid,
        denominator: list.length,
      };
    },
  });
}
