import { ValidationError, createCrm, createMemoryAdapter, type Crm } from '../index.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const MIN = 60_000;
let now = T0;
let crm: Crm;
const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(async () => {
  now = T0;
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(now) });
  await crm.pipelines.create({
    id: 'p',
    name: 'P',
    stages: [
      { id: 'open', name: '进行中', probability: 0.5 },
      { id: 'won', name: '赢单', probability: 1, kind: 'won' },
    ],
  });
});
afterEach(() => crm.close());

describe('crm.customers.timeline', () => {
  it('merges activities, deal stage changes, orders, payments, tickets and campaign touches, newest first', async () => {
    await crm.leads.capture({
      name: '王芳',
      company: '云帆贸易有限公司',
      campaignId: 'cmp-1',
      source: 'event',
    });
    const lead = (await crm.leads.list()).items[0]!;
    now += MIN;
    const { customer } = await crm.leads.convert(lead.id);
    now += MIN;
    await crm.activities.create({
      type: 'call',
      subject: '电话',
      customerId: customer.id,
      status: 'done',
    });
    now += MIN;
    const deal = await crm.deals.create({
      name: '订阅',
      pipelineId: 'p',
      stageId: 'open',
      customerId: customer.id,
      amount: 1000,
    });
    now += MIN;
    await crm.deals.move(deal.id, 'won');
    now += MIN;
    const order = await crm.orders.fromDeal(deal.id, {
      lines: [{ productName: 'x', quantity: 1, unitPrice: 1000 }],
    });
    await crm.orders.transition(order.id, 'confirmed');
    now += MIN;
    await crm.orders.recordPayment(order.id, { amount: 400 });
    now += MIN;
    await crm.tickets.create({ subject: '无法登录', customerId: customer.id });
    await crm.customers.create({ name: '别家' });

    const page = await crm.customers.timeline(customer.id);
    expect(page.items.map((e) => [e.kind, e.at])).toEqual([
      ['ticket_opened', iso(T0 + 7 * MIN)],
      ['payment', iso(T0 + 6 * MIN)],
      ['order_placed', iso(T0 + 5 * MIN)],
      ['deal_stage_changed', iso(T0 + 4 * MIN)],
      ['deal_created', iso(T0 + 3 * MIN)],
      ['activity', iso(T0 + 2 * MIN)],
      ['campaign_touch', iso(T0)],
    ]);
    expect(page.items[3]!.details).toMatchObject({
      stageId: 'won',
      stageName: '赢单',
      stageKind: 'won',
      fromStageId: 'open',
    });
    expect(page.nextCursor).toBeNull();
    const deals = await crm.customers.timeline(customer.id, {
      kinds: ['deal_created', 'deal_stage_changed'],
    });
    expect(deals.total).toBe(2);
  });

  it('pages with a stable cursor while new events arrive', async () => {
    const customer = await crm.customers.create({ name: '云帆' });
    for (let i = 0; i < 5; i++) {
      now = T0 + i * MIN;
      await crm.activities.create({
        type: 'note',
        subject: `n${i}`,
        customerId: customer.id,
        status: 'done',
        completedAt: iso(now),
      });
    }
    const first = await crm.customers.timeline(customer.id, { limit: 2 });
    expect(first.items.map((e) => e.title)).toEqual(['n4', 'n3']);
    // A newer event and a same-time event arrive between pages.
    now = T0 + 10 * MIN;
    await crm.activities.create({
      type: 'note',
      subject: 'new',
      customerId: customer.id,
      status: 'done',
      completedAt: iso(now),
    });
    const second = await crm.customers.timeline(customer.id, {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((e) => e.title)).toEqual(['n2', 'n1']);
    const third = await crm.customers.timeline(customer.id, {
      limit: 2,
      cursor: second.nextCursor!,
    });
    expect(third.items.map((e) => e.title)).toEqual(['n0']);
    expect(third.nextCursor).toBeNull();
    await expect(crm.customers.timeline(customer.id, { cursor: 'garbage' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(crm.customers.timeline(customer.id, { limit: 0 })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
