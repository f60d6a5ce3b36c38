import type { Order } from '../entities/order.js';

export type OrderFacts = Pick<
  Order,
  | 'customerId'
  | 'ownerId'
  | 'status'
  | 'orderedAt'
  | 'confirmedAt'
  | 'lines'
  | 'payments'
  | 'currency'
> & { readonly createdAt: string };

/** Orders that are purchases: neither a draft nor cancelled. */
export const isPurchase = (order: Pick<Order, 'status'>) =>
  order.status !== 'draft' && order.status !== 'cancelled';

/** When an order was placed: `orderedAt`, else `confirmedAt`, else `createdAt` (epoch ms). */
export const orderTime = (order: OrderFacts): number =>
  Date.parse(order.orderedAt ?? order.confirmedAt ?? order.createdAt);

/** One customer's purchases, oldest first. */
export interface CustomerPurchases {
  readonly customerId: string;
  /** Owner of the latest order (used when the customer record is not visible). */
  readonly ownerId?: string;
  readonly orders: readonly OrderFacts[];
  /** Placement times, ascending, epoch ms. */
  readonly times: readonly number[];
}

/** Purchases (see {@link isPurchase}) grouped by customer, each customer's oldest first. */
export function purchasesByCustomer(orders: readonly OrderFacts[]): CustomerPurchases[] {
  const byCustomer = new Map<string, OrderFacts[]>();
  for (const order of orders) {
    if (!isPurchase(order)) continue;
    const list = byCustomer.get(order.customerId);
    if (list) list.push(order);
    else byCustomer.set(order.customerId, [order]);
  }
  return [...byCustomer.entries()].map(([customerId, list]) => {
    const sorted = [...list].sort((a, b) => orderTime(a) - orderTime(b));
    const ownerId = sorted[sorted.length - 1]!.ownerId;
    return {
      customerId,
      ...(ownerId !== undefined && { ownerId }),
      orders: sorted,
      times: sorted.map(orderTime),
    };
  });
}
