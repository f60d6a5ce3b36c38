import { ValidationError } from '../errors.js';
import { isPurchase, type OrderFacts } from './customer-orders.js';

/** One "also bought" product, with the counts that support it. */
export interface AlsoBought {
  /** `productId`, or the product name for lines without one. */
  readonly product: string;
  /** The product's name (from its most recent line). */
  readonly label: string;
  /** Customers who bought both. */
  readonly customers: number;
  /** `both / all customers`: how common the pair is. */
  readonly support: number;
  /** `both / bought X`: the chance a buyer of X also bought this. */
  readonly confidence: number;
  /** `confidence / (bought this / all customers)`: > 1 when buying X makes this more likely. */
  readonly lift: number;
  readonly counts: {
    readonly both: number;
    /** Customers who bought X. */
    readonly x: number;
    /** Customers who bought this product. */
    readonly y: number;
    /** Customers with any purchase. */
    readonly total: number;
  };
}

/** A line's product key: `productId`, else `productName`. */
export const productKey = (line: { productId?: string; productName: string }) =>
  line.productId ?? line.productName;

/**
 * "Customers who bought X also bought Y", counted per customer (not per order) over purchases
 * (orders neither draft nor cancelled). `product` is matched against each line's `productId`, or
 * its `productName` when the line has no id.
 *
 * For each other product Y: `both` = customers who bought X and Y, `support = both / total`,
 * `confidence = both / x`, `lift = confidence / (y / total)`. Sorted by `both`, then
 * `confidence`, then `lift` (all descending), then product; at most `limit` (default 10).
 * Empty when nobody bought X.
 *
 * @example
 * ```ts
 * alsoBought(orders, 'p-green-tea', { limit: 3 });
 * // [{ product: 'p-teapot', label: '紫砂壶', customers: 2, support: 0.5, confidence: 0.667, lift: 1.333, counts: { both: 2, x: 3, y: 2, total: 4 } }]
 * ```
 * @throws ValidationError for an empty product or a bad limit
 */
export function alsoBought(
  orders: readonly Pick<OrderFacts, 'customerId' | 'status' | 'lines'>[],
  product: string,
  options: { readonly limit?: number } = {},
): AlsoBought[] {
  if (typeof product !== 'string' || product.length === 0)
    throw new ValidationError([{ path: ['product'], message: 'Give a product id or name' }]);
  const limit = options.limit ?? 10;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1000))
    throw new ValidationError([{ path: ['limit'], message: 'Give a whole number 1–1000' }]);

  const basket = new Map<string, Set<string>>(); // customer → products
  const labels = new Map<string, string>();
  for (const order of orders) {
    if (!isPurchase(order)) continue;
    let products = basket.get(order.customerId);
    if (!products) basket.set(order.customerId, (products = new Set()));
    for (const line of order.lines) {
      const key = productKey(line);
      products.add(key);
      labels.set(key, line.productName);
    }
  }
  const total = [...basket.values()].filter((p) => p.size > 0).length;
  const buyers = new Map<string, number>(); // product → customers
  const both = new Map<string, number>(); // product → customers who also bought X
  let x = 0;
  for (const products of basket.values()) {
    const boughtX = products.has(product);
    if (boughtX) x++;
    for (const p of products) {
      buyers.set(p, (buyers.get(p) ?? 0) + 1);
      if (boughtX && p !== product) both.set(p, (both.get(p) ?? 0) + 1);
    }
  }
  if (x === 0) return [];
  return [...both.entries()]
    .map(([p, n]): AlsoBought => {
      const y = buyers.get(p)!;
      const confidence = n / x;
      return {
        product: p,
        label: labels.get(p) ?? p,
        customers: n,
        support: n / total,
        confidence,
        lift: confidence / (y / total),
        counts: { both: n, x, y, total },
      };
    })
    .sort(
      (a, b) =>
        b.customers - a.customers ||
        b.confidence - a.confidence ||
        b.lift - a.lift ||
        (a.product < b.product ? -1 : a.product > b.product ? 1 : 0),
    )
    .slice(0, limit);
}
