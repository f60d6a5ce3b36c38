import type { DomainContext } from '../client/domain-context.js';
import type { Patch, WriteOptions } from '../client/repository.js';
import type { OrderLineSchema, PaymentSchema } from '../entities/order.js';
import type { ORDER_STATUSES } from '../entities/enums.js';
import type { EntityRecord } from '../entities/registry.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { z } from 'zod';
import { salesIo } from './sales-io.js';

type OrderStatus = (typeof ORDER_STATUSES)[number];
type Order = EntityRecord<'order'>;

/** Allowed status changes; `paid` is reached by payments covering the total (or explicitly once they do). */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['delivered', 'cancelled'],
  delivered: ['paid'],
  paid: [],
  cancelled: [],
};

const cents = (n: number) => Math.round(n * 100) / 100;

/** Total, paid and outstanding amounts of an order (cancelled and draft orders owe nothing). */
export interface OrderBalance {
  readonly total: number;
  readonly paid: number;
  readonly outstanding: number;
}

export function orderTotal(
  lines: readonly { quantity: number; unitPrice: number; discount?: number }[],
): number {
  return cents(
    lines.reduce((sum, l) => sum + l.quantity * l.unitPrice * (1 - (l.discount ?? 0)), 0),
  );
}

export function orderBalance(order: Pick<Order, 'lines' | 'payments' | 'status'>): OrderBalance {
  const total = orderTotal(order.lines);
  const paid = cents(order.payments.reduce((sum, p) => sum + p.amount, 0));
  const owes = order.status !== 'cancelled' && order.status !== 'draft';
  return { total, paid, outstanding: owes ? cents(Math.max(0, total - paid)) : 0 };
}

function transitionError(order: Order, to: string): ConflictError {
  const allowed = ORDER_TRANSITIONS[order.status].join(', ') || 'none';
  return new ConflictError(
    'orders',
    order.id,
    order.version,
    order.version,
    `Order ${order.number} cannot go from ${order.status} to ${to} (allowed: ${allowed})`,
  );
}

/**
 * Orders and payments: an order from a won deal, enforced status transitions
 * (draft → confirmed → delivered → paid, or cancelled), payments that never exceed what is
 * outstanding, and receivables per order and per customer.
 *
 * @example
 * ```ts
 * const order = await crm.orders.fromDeal(deal.id, { lines: [{ productName: '年度订阅', quantity: 2, unitPrice: 50000 }] });
 * await crm.orders.transition(order.id, 'confirmed');
 * await crm.orders.recordPayment(order.id, { amount: 30000, method: 'alipay' });
 * const { outstanding } = await crm.orders.balance(order.id);
 * ```
 */
export function createOrderOperations(domain: DomainContext) {
  async function write(
    order: Order,
    patch: Record<string, unknown>,
    expectedVersion?: number,
  ): Promise<Order> {
    const [record] = await domain.gateway.write(domain.context(), [
      {
        type: 'update',
        entity: 'order',
        id: order.id,
        patch,
        expectedVersion: expectedVersion ?? order.version,
      },
    ]);
    return record as unknown as Order;
  }

  function transitionPatch(order: Order, to: OrderStatus, reason: string | undefined, now: string) {
    if (!ORDER_TRANSITIONS[order.status]?.includes(to)) throw transitionError(order, to);
    const patch: Record<string, unknown> = { status: to };
    if (to === 'confirmed') patch.confirmedAt = now;
    if (to === 'delivered') {
      patch.deliveredAt = now;
      // Delivered with nothing left to pay: the order is paid.
      if (
        orderBalance({ ...order, status: 'delivered' }).outstanding === 0 &&
        orderTotal(order.lines) > 0
      ) {
        patch.status = 'paid';
        patch.paidAt = now;
      }
    }
    if (to === 'paid') {
      const { outstanding } = orderBalance(order);
      if (outstanding > 0)
        throw new ConflictError(
          'orders',
          order.id,
          order.version,
          order.version,
          `Order ${order.number} still has ${outstanding} ${order.currency} outstanding`,
        );
      patch.paidAt = now;
    }
    if (to === 'cancelled') {
      if (order.payments.length > 0)
        throw new ConflictError(
          'orders',
          order.id,
          order.version,
          order.version,
          `Order ${order.number} has payments; refund them before cancelling`,
        );
      patch.cancelledAt = now;
      if (reason) patch.cancelReason = reason;
    }
    return patch;
  }

  async function numberFor(now: Date): Promise<string> {
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    return `SO-${day}-${domain
      .newId()
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 8)
      .toUpperCase()}`;
  }

  return {
    /**
     * Creates a draft order for a won deal: customer, contact, owner and currency come from the deal.
     * @throws ConflictError when the deal is not won; ValidationError for bad lines (e.g. negative prices)
     */
    async fromDeal(
      dealId: string,
      input: { lines: z.input<typeof OrderLineSchema>[]; number?: string; notes?: string },
    ): Promise<Order> {
      const deal = await salesIo.get(domain, 'deal', dealId);
      if (deal.status !== 'won')
        throw new ConflictError(
          'deals',
          dealId,
          deal.version,
          deal.version,
          `Deal ${dealId} is ${deal.status}; only a won deal becomes an order`,
        );
      if (!deal.customerId)
        throw new ValidationError([
          { path: ['dealId'], message: `Deal ${dealId} has no customer` },
        ]);
      const now = domain.clock();
      const [record] = await domain.gateway.write(domain.context(), [
        {
          type: 'create',
          entity: 'order',
          input: {
            number: input?.number ?? (await numberFor(now)),
            customerId: deal.customerId,
            dealId,
            currency: deal.currency,
            lines: input?.lines,
            orderedAt: now.toISOString(),
            ...(deal.contactId !== undefined && { contactId: deal.contactId }),
            ...(deal.ownerId !== undefined && { ownerId: deal.ownerId }),
            ...(input?.notes !== undefined && { notes: input.notes }),
          },
        },
      ]);
      return record as unknown as Order;
    },

    /**
     * Moves an order to another status along {@link ORDER_TRANSITIONS}.
     * @throws ConflictError for a transition that is not allowed (e.g. draft → paid)
     */
    async transition(
      id: string,
      to: OrderStatus,
      options: { reason?: string; expectedVersion?: number } = {},
    ): Promise<Order> {
      const order = await salesIo.get(domain, 'order', id);
      return write(
        order,
        transitionPatch(order, to, options.reason, domain.clock().toISOString()),
        options.expectedVersion,
      );
    },

    /**
     * Records a payment (in `confirmed` or `delivered`). A payment that settles a delivered order
     * makes it `paid`.
     * @throws ValidationError when the amount is not positive or exceeds what is outstanding;
     * ConflictError when the order takes no payments in its status
     */
    async recordPayment(
      id: string,
      payment: Omit<z.input<typeof PaymentSchema>, 'id' | 'paidAt'> & {
        id?: string;
        paidAt?: string;
      },
      options: { expectedVersion?: number } = {},
    ): Promise<Order> {
      const order = await salesIo.get(domain, 'order', id);
      if (order.status !== 'confirmed' && order.status !== 'delivered')
        throw new ConflictError(
          'orders',
          id,
          order.version,
          order.version,
          `Order ${order.number} is ${order.status}; payments are taken when confirmed or delivered`,
        );
      const amount = payment?.amount;
      const { outstanding } = orderBalance(order);
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0)
        throw new ValidationError([
          { path: ['amount'], message: 'A payment amount is a positive number' },
        ]);
      if (cents(amount) > outstanding)
        throw new ValidationError([
          { path: ['amount'], message: `Exceeds the outstanding ${outstanding} ${order.currency}` },
        ]);
      const now = domain.clock().toISOString();
      const entry = { ...payment, id: payment.id ?? domain.newId(), paidAt: payment.paidAt ?? now };
      const patch: Record<string, unknown> = { payments: [...order.payments, entry] };
      if (order.status === 'delivered' && cents(outstanding - amount) === 0) {
        patch.status = 'paid';
        patch.paidAt = now;
      }
      return write(order, patch, options.expectedVersion);
    },

    /** Total, paid and outstanding of one order. */
    async balance(id: string): Promise<OrderBalance> {
      return orderBalance(await salesIo.get(domain, 'order', id));
    },

    /**
     * A plain update that keeps the order rules: a `status` change must be an allowed transition,
     * and `payments` may not exceed the total.
     */
    async update(id: string, patch: Patch<'order'>, options: WriteOptions = {}): Promise<Order> {
      const current = await salesIo.current(domain, 'order', id);
      if (current === null) {
        const [record] = await domain.gateway.write(domain.context(), [
          {
            type: 'update',
            entity: 'order',
            id,
            patch,
            ...(options.expectedVersion !== undefined && {
              expectedVersion: options.expectedVersion,
            }),
          },
        ]);
        return record as unknown as Order;
      }
      const order = current;
      let full: Record<string, unknown> = { ...(patch as Record<string, unknown>) };
      if (typeof patch === 'object' && patch !== null) {
        if (patch.status !== undefined && patch.status !== null && patch.status !== order.status) {
          const { status, ...rest } = patch;
          full = {
            ...rest,
            ...transitionPatch(
              { ...order, ...(rest as Partial<Order>) },
              status,
              undefined,
              domain.clock().toISOString(),
            ),
          };
        }
        const next = { ...order, ...(full as Partial<Order>) };
        if (Array.isArray(next.lines) && Array.isArray(next.payments)) {
          const total = orderTotal(
            next.lines.filter(
              (l) => typeof l?.quantity === 'number' && typeof l?.unitPrice === 'number',
            ),
          );
          const paid = next.payments.reduce(
            (s, p) => s + (typeof p?.amount === 'number' ? p.amount : 0),
            0,
          );
          if (cents(paid) > total)
            throw new ValidationError([
              {
                path: ['payments'],
                message: `Payments (${cents(paid)}) exceed the order total (${total})`,
              },
            ]);
        }
      } else full = patch as never;
      return write(order, full, options.expectedVersion ?? order.version);
    },
  };
}

/**
 * What a customer owes across its confirmed and delivered orders.
 *
 * @example
 * ```ts
 * const { outstanding, orders } = await crm.customers.receivable(customer.id);
 * ```
 */
export function createReceivables(domain: DomainContext) {
  return async function receivable(customerId: string): Promise<
    OrderBalance & {
      orders: (OrderBalance & { id: string; number: string; status: OrderStatus })[];
    }
  > {
    await salesIo.get(domain, 'customer', customerId);
    const orders = await salesIo.all(domain, 'order', {
      customerId: { eq: customerId },
      status: { in: ['confirmed', 'delivered', 'paid'] },
    });
    const rows = orders.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      ...orderBalance(o),
    }));
    return {
      total: cents(rows.reduce((s, r) => s + r.total, 0)),
      paid: cents(rows.reduce((s, r) => s + r.paid, 0)),
      outstanding: cents(rows.reduce((s, r) => s + r.outstanding, 0)),
      orders: rows.filter((r) => r.outstanding > 0),
    };
  };
}
