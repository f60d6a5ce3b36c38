import { ValidationError, createCrm, createMemoryAdapter, type Crm } from '../index.js';
import { customerMetrics } from './customer-metrics.js';
import { resolveSegmentWhere } from './segment-fields.js';

let crm: Crm;
let now = Date.parse('2026-03-10T00:00:00.000Z');
const day = 86_400_000;

beforeEach(async () => {
  now = Date.parse('2026-03-10T00:00:00.000Z');
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(now) });
  await crm.customers.createMany([
    {
      id: 'c-hz',
      name: '杭州云帆贸易',
      tier: 'vip',
      industry: '零售',
      region: { province: '浙江省', city: '杭州市' },
      tags: ['重点'],
      kind: 'person',
      gender: 'female',
      birthday: '1990-03-10', // 36 today
      incomeBand: 'high',
      lifecycleStage: 'loyal',
    },
    {
      id: 'c-nb',
      name: '宁波海联',
      tier: 'key',
      industry: '制造',
      region: { province: '浙江省', city: '宁波市' },
      tags: [],
      kind: 'person',
      gender: 'male',
      birthday: '1990-03-11', // 35 today, 36 tomorrow
      incomeBand: 'middle',
      lifecycleStage: 'customer',
    },
    {
      id: 'c-bj',
      name: '北京星辰科技',
      tier: 'vip',
      industry: '零售',
      region: { province: '北京市', city: '北京市' },
      tags: ['重点'],
      lifecycleStage: 'prospect',
    },
  ]);
});
afterEach(() => crm.close());

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

describe('dynamic segments', () => {
  it('selects by region, tier, tags, industry, gender, income band and lifecycle stage', async () => {
    const zjVip = await crm.segments.create({
      name: '浙江 VIP',
      entity: 'customer',
      where: { 'region.province': { eq: '浙江省' }, tier: { in: ['vip', 'key'] } },
    });
    expect(ids((await crm.segments.members(zjVip.id)).items)).toEqual(['c-hz', 'c-nb']);
    expect(await crm.segments.count(zjVip.id)).toBe(2);

    const focus = await crm.segments.create({
      name: '重点零售',
      entity: 'customer',
      where: {
        tags: { contains: '重点' },
        industry: { eq: '零售' },
        lifecycleStage: { ne: 'prospect' },
      },
    });
    expect(ids((await crm.segments.members(focus.id)).items)).toEqual(['c-hz']);

    const women = await crm.segments.create({
      name: '高收入女性',
      entity: 'customer',
      where: { gender: { eq: 'female' }, incomeBand: { in: ['upper_middle', 'high'] } },
    });
    expect(await crm.segments.count(women.id)).toBe(1);
  });

  it('computes age from birthday on the injected clock, so membership moves with time', async () => {
    const over36 = await crm.segments.create({
      name: '36 岁及以上',
      entity: 'customer',
      where: { age: { gte: 36 } },
    });
    expect(ids((await crm.segments.members(over36.id)).items)).toEqual(['c-hz']);
    now += day; // c-nb turns 36
    expect(ids((await crm.segments.members(over36.id)).items)).toEqual(['c-hz', 'c-nb']);
    expect(resolveSegmentWhere({ age: { eq: 36 } }, '2026-03-10T08:00:00.000Z')).toEqual({
      and: [{ birthday: { lte: '1990-03-10' } }, { birthday: { gt: '1989-03-10' } }],
    });
  });

  it('pages members with a cursor', async () => {
    const all = await crm.segments.create({ name: '全部', entity: 'customer', where: {} });
    const first = await crm.segments.members(all.id, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = await crm.segments.members(all.id, { limit: 2, cursor: first.nextCursor! });
    expect(ids([...first.items, ...second.items])).toEqual(['c-bj', 'c-hz', 'c-nb']);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects a filter on a field the entity does not have, naming the field', async () => {
    const attempt = crm.segments.create({
      name: 'bad',
      entity: 'contact',
      where: { or: [{ tier: { eq: 'vip' } }, { shoeSize: { gt: 40 } }] },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.map((i) => i.path.join('.'))).toEqual([
      'where.or.0.tier',
      'where.or.1.shoeSize',
    ]);
    expect(error.issues[1]!.message).toContain('shoeSize');
    expect(await crm.segments.count()).toBe(0);

    const seg = await crm.segments.create({
      name: 'ok',
      entity: 'customer',
      where: { tier: { eq: 'vip' } },
    });
    await expect(
      crm.segments.update(seg.id, { where: { 'region.street': { eq: 'x' } } }),
    ).rejects.toThrow(/region\.street/);
    await expect(
      crm.segments.update(seg.id, { where: { age: { contains: 'x' } } }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('static segments', () => {
  it('keeps a list; add and remove members; deleted records drop out', async () => {
    const list = await crm.segments.create({
      name: '展会名单',
      entity: 'customer',
      kind: 'static',
    });
    await crm.segments.addMembers(list.id, ['c-bj', 'c-hz', 'c-bj']);
    expect(ids((await crm.segments.members(list.id)).items)).toEqual(['c-bj', 'c-hz']);
    await expect(crm.segments.addMembers(list.id, ['nope'])).rejects.toBeInstanceOf(
      ValidationError,
    );
    await crm.segments.removeMembers(list.id, ['c-bj']);
    expect(await crm.segments.count(list.id)).toBe(1);
    await crm.customers.remove('c-hz');
    expect(await crm.segments.count(list.id)).toBe(0);

    const dynamic = await crm.segments.create({ name: 'd', entity: 'customer' });
    await expect(crm.segments.addMembers(dynamic.id, ['c-nb'])).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('purchase metrics', () => {
  const line = (unitPrice: number) => [{ productName: '服务', quantity: 1, unitPrice }];

  it('derives last purchase, total spend and RFM from paid and delivered orders only', () => {
    const metrics = customerMetrics(
      [
        { status: 'paid', paidAt: '2026-03-01T00:00:00.000Z', lines: line(30_000) },
        { status: 'delivered', deliveredAt: '2026-01-01T00:00:00.000Z', lines: line(25_000) },
        { status: 'cancelled', paidAt: '2026-03-09T00:00:00.000Z', lines: line(1_000_000) },
        { status: 'draft', lines: line(5) },
      ] as never,
      '2026-03-10T00:00:00.000Z',
    );
    // 9 days → r 5; 2 purchases → f 2; 55 000 → m 3 (≥ 50 000)
    expect(metrics).toEqual({
      lastPurchaseAt: '2026-03-01T00:00:00.000Z',
      totalSpend: 55_000,
      orderCount: 2,
      rfm: { r: 5, f: 2, m: 3, score: 10 },
    });
    expect(customerMetrics([], '2026-03-10T00:00:00.000Z').rfm).toBeNull();
  });

  it('keeps the customer fields current when orders change, so segments filter on them', async () => {
    const spenders = await crm.segments.create({
      name: '近期高消费',
      entity: 'customer',
      where: {
        totalSpend: { gte: 50_000 },
        lastPurchaseAt: { gte: '2026-02-01T00:00:00.000Z' },
        'rfm.score': { gte: 9 },
      },
    });
    const order = await crm.orders.create({
      number: 'SO-1',
      customerId: 'c-bj',
      status: 'confirmed',
      lines: line(60_000),
    });
    await crm.automation.settled();
    expect((await crm.customers.get('c-bj')).totalSpend).toBeUndefined(); // not a purchase yet
    expect(await crm.segments.count(spenders.id)).toBe(0);

    await crm.orders.update(order.id, { status: 'delivered' }); // deliveredAt: now
    await crm.automation.settled();
    expect(await crm.customers.get('c-bj')).toMatchObject({
      lastPurchaseAt: '2026-03-10T00:00:00.000Z',
      totalSpend: 60_000,
      orderCount: 1,
      rfm: { r: 5, f: 1, m: 3, score: 9 },
      metricsAt: '2026-03-10T00:00:00.000Z',
    });
    expect(ids((await crm.segments.members(spenders.id)).items)).toEqual(['c-bj']);
  });

  it('refreshMetrics ages recency with the clock and writes only what changed', async () => {
    await crm.orders.create({
      number: 'SO-2',
      customerId: 'c-hz',
      status: 'paid',
      paidAt: '2026-03-01T00:00:00.000Z',
      lines: line(1000),
    });
    await crm.automation.settled();
    expect((await crm.customers.get('c-hz')).rfm?.r).toBe(5);
    now += 100 * day; // 109 days since the purchase → r 3
    expect(await crm.segments.refreshMetrics()).toEqual({ checked: 3, updated: 1 });
    expect((await crm.customers.get('c-hz')).rfm).toEqual({ r: 3, f: 1, m: 1, score: 5 });
    expect(await crm.segments.refreshMetrics()).toEqual({ checked: 3, updated: 0 });
  });
});
