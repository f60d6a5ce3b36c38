import type { Order } from '../entities/order.js';
import { orderTotal } from '../sales/orders.js';

/** Orders that count as purchases: paid, or delivered (goods with the customer, on credit). */
export const PURCHASE_STATUSES: readonly Order['status'][] = ['paid', 'delivered'];

/**
 * Fixed RFM thresholds (not quintiles of the current population, so a customer's scores change
 * only with its own orders and time, and recomputing one customer never rescores the others).
 * Each list gives the lower bound for scores 2, 3, 4 and 5 (recency: the upper bound in days).
 */
export interface RfmThresholds {
  /** Days since the last purchase at most this many → score 5, 4, 3, 2; older → 1. */
  readonly recencyDays: readonly [number, number, number, number];
  /** Purchases at least this many → score 2, 3, 4, 5; one purchase → 1. */
  readonly frequency: readonly [number, number, number, number];
  /** Total spend at least this much → score 2, 3, 4, 5. */
  readonly monetary: readonly [number, number, number, number];
}

export const DEFAULT_RFM_THRESHOLDS: RfmThresholds = {
  recencyDays: [30, 90, 180, 365],
  frequency: [2, 3, 5, 10],
  monetary: [10_000, 50_000, 200_000, 1_000_000],
};

/** What is kept on the customer record (all optional fields of `CustomerSchema`). */
export interface CustomerMetrics {
  readonly lastPurchaseAt: string | null;
  readonly totalSpend: number;
  readonly orderCount: number;
  /** `null` for a customer without purchases. */
  readonly rfm: { r: number; f: number; m: number; score: number } | null;
}

const DAY_MS = 86_400_000;

/** When an order counts as purchased: `paidAt`, else `deliveredAt`, `orderedAt`, `createdAt`. */
export function purchasedAt(
  order: Pick<Order, 'paidAt' | 'deliveredAt' | 'orderedAt'> & { createdAt?: string },
): string | null {
  return order.paidAt ?? order.deliveredAt ?? order.orderedAt ?? order.createdAt ?? null;
}

/**
 * A customer's purchase metrics from its orders (any order; only paid and delivered ones count),
 * as of `now`. Spend is the sum of order totals (lines after discount) in the orders' currency:
 * Rapport does not convert currencies.
 *
 * @example
 * ```ts
 * customerMetrics([{ status: 'paid', paidAt: '2026-03-01T00:00:00.000Z', lines: [{ productName: 'A', quantity: 2, unitPrice: 6000, discount: 0 }] }], '2026-03-11T00:00:00.000Z');
 * // → { lastPurchaseAt: '2026-03-01T00:00:00.000Z', totalSpend: 12000, orderCount: 1, rfm: { r: 5, f: 1, m: 2, score: 8 } }
 * ```
 */
export function customerMetrics(
  orders: readonly Pick<Order, 'status' | 'lines' | 'paidAt' | 'deliveredAt' | 'orderedAt'>[],
  now: string,
  thresholds: RfmThresholds = DEFAULT_RFM_THRESHOLDS,
): CustomerMetrics {
  let last: string | null = null;
  let total = 0;
  let count = 0;
  for (const order of orders) {
    if (!PURCHASE_STATUSES.includes(order.status)) continue;
    count += 1;
    total += orderTotal(order.lines);
    const at = purchasedAt(order);
    if (at !== null && (last === null || at > last)) last = at;
  }
  total = Math.round(total * 100) / 100;
  if (count === 0) return { lastPurchaseAt: null, totalSpend: 0, orderCount: 0, rfm: null };
  const days = last === null ? Infinity : (Date.parse(now) - Date.parse(last)) / DAY_MS;
  const r = 5 - thresholds.recencyDays.filter((limit) => days > limit).length;
  const f = 1 + thresholds.frequency.filter((min) => count >= min).length;
  const m = 1 + thresholds.monetary.filter((min) => total >= min).length;
  return {
    lastPurchaseAt: last,
    totalSpend: total,
    orderCount: count,
    rfm: { r, f, m, score: r + f + m },
  };
}
