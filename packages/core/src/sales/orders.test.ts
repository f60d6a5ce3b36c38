import {
  ConflictError,
  ValidationError,
  createCrm,
  createMemoryAdapter,
  type Crm,
} from '../index.js';

let crm: Crm;
const at = '2026-03-02T01:00:00.000Z';
let customerId = '';
let wonDealId = '';

beforeEach(async () => {
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(at) });
  await crm.pipelines.create({
    id: 'p',
    name: 'P',
    stages: [
      { id: 'open', name: '进行中', probability: 0.5 },
      { id: 'won', name: '赢单', probability: 1, kind: 'won' },
    ],
  });
  customerId = (await crm.customers.create({ name: '云帆' })).id;
  const deal = await crm.deals.create({
    name: 'd',
    pipelineId: 'p',
    stageId: 'open',
    customerId,
    ownerId: 'u-li',
  });
  await crm.deals.move(deal.id, 'won');
  wonDealId = deal.id;
});
afterEach(() => crm.close());

const lines = [
  { productName: '年度订阅', quantity: 2, unitPrice: 50_000 },
  { productName: '实施服务', quantity: 1, unitPrice: 20_000, discount: 0.1 },
];

describe('orders from won deals', () => {
  it('creates a draft order from a won deal only', async () => {
    const order = await crm.orders.fromDeal(wonDealId, { lines });
    expect(order).toMatchObject({
      status: 'draft',
      customerId,
      dealId: wonDealId,
      ownerId: 'u-li',
      currency: 'CNY',
    });
    expect(order.number).toMatch(/^SO-20260302-/);
    expect(await crm.orders.balance(order.id)).toEqual({ total: 118_000, paid: 0, outstanding: 0 });
    const open = await crm.deals.create({
      name: 'o',
      pipelineId: 'p',
      stageId: 'open',
      customerId,
    });
    await expect(crm.orders.fromDeal(open.id, { lines })).rejects.toBeInstanceOf(ConflictError);
  });

  it('rejects negative quantities and prices', async () => {
    const error = await crm.orders
      .fromDeal(wonDealId, { lines: [{ productName: 'x', quantity: -1, unitPrice: -5 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      ['lines', 0, 'quantity'],
      ['lines', 0, 'unitPrice'],
    ]);
  });
});

describe('order status and payments', () => {
  it('enforces draft → confirmed → delivered → paid', async () => {
    const order = await crm.orders.fromDeal(wonDealId, { lines });
    await expect(crm.orders.transition(order.id, 'delivered')).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(crm.orders.transition(order.id, 'paid')).rejects.toBeInstanceOf(ConflictError);
    await expect(crm.orders.recordPayment(order.id, { amount: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    // A plain update cannot skip the workflow either.
    await expect(crm.orders.update(order.id, { status: 'paid' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const confirmed = await crm.orders.transition(order.id, 'confirmed');
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedAt: at });
    await crm.orders.recordPayment(order.id, { amount: 100_000, method: 'alipay' });
    expect(await crm.orders.balance(order.id)).toEqual({
      total: 118_000,
      paid: 100_000,
      outstanding: 18_000,
    });
    const overpay = await crm.orders
      .recordPayment(order.id, { amount: 18_000.01 })
      .catch((e: unknown) => e);
    expect(overpay).toBeInstanceOf(ValidationError);
    await expect(crm.orders.recordPayment(order.id, { amount: -1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await crm.orders.transition(order.id, 'delivered');
    await expect(crm.orders.transition(order.id, 'paid')).rejects.toBeInstanceOf(ConflictError);
    const paid = await crm.orders.recordPayment(order.id, { amount: 18_000 });
    expect(paid).toMatchObject({ status: 'paid', paidAt: at });
    await expect(crm.orders.transition(order.id, 'cancelled')).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('cancels a draft or confirmed order without payments', async () => {
    const order = await crm.orders.fromDeal(wonDealId, { lines });
    const cancelled = await crm.orders.transition(order.id, 'cancelled', { reason: '客户撤单' });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: '客户撤单',
      cancelledAt: at,
    });
    expect(await crm.orders.balance(order.id)).toMatchObject({ outstanding: 0 });
  });

  it('sums the receivable per customer over confirmed and delivered orders', async () => {
    const a = await crm.orders.fromDeal(wonDealId, { lines });
    const b = await crm.orders.fromDeal(wonDealId, {
      lines: [{ productName: '加购', quantity: 3, unitPrice: 1000 }],
    });
    await crm.orders.fromDeal(wonDealId, { lines }); // draft: owes nothing yet
    await crm.orders.transition(a.id, 'confirmed');
    await crm.orders.transition(b.id, 'confirmed');
    await crm.orders.recordPayment(a.id, { amount: 18_000 });
    const receivable = await crm.customers.receivable(customerId);
    expect(receivable).toMatchObject({ total: 121_000, paid: 18_000, outstanding: 103_000 });
    expect(receivable.orders.map((o) => [o.id, o.outstanding])).toEqual(
      expect.arrayContaining([
        [a.id, 100_000],
        [b.id, 3_000],
      ]),
    );
  });
});
