import {
  ConflictError,
  LimitError,
  PermissionError,
  ValidationError,
  createCrm,
  createMemoryAdapter,
  type Crm,
  type StorageAdapter,
} from '../index.js';
import type { SalesOptions } from './sales-options.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
let now = T0;
let storage: StorageAdapter;
let admin: Crm;

const sales: SalesOptions = {
  capacity: { leads: 2, customers: 1 },
  pools: { vip: { teams: ['key-accounts'] } },
  recycling: {
    leads: { noFollowUpDays: 3, noProgressDays: 10 },
    customers: { noFollowUpDays: 7 },
  },
};

beforeEach(async () => {
  now = T0;
  storage = createMemoryAdapter();
  admin = await createCrm({ storage, clock: () => new Date(now), sales });
});
afterEach(() => admin.close());

const rep = (id: string, teams: string[] = []) => admin.as({ id, roles: ['sales'], teams });

describe('pool: release and claim', () => {
  it('releases with a reason and lets a rep claim, recording owner history', async () => {
    const lead = await admin.leads.create({ name: '张伟', ownerId: 'u-li' });
    expect(lead.assignedAt).toBe(new Date(T0).toISOString());
    now += 1000;
    const released = await admin.leads.release(lead.id, '客户暂无需求');
    expect(released).toMatchObject({ poolId: 'public', releaseReason: '客户暂无需求' });
    expect(released.ownerId).toBeUndefined();
    expect((await admin.leads.pool()).items.map((l) => l.id)).toEqual([lead.id]);
    now += 1000;
    const claimed = await rep('u-wang').leads.claim(lead.id);
    expect(claimed).toMatchObject({ ownerId: 'u-wang', assignedAt: new Date(now).toISOString() });
    expect(claimed.poolId).toBeUndefined();
    const history = await admin.sales.ownerHistory('lead', lead.id);
    expect(history.map((h) => [h.kind, h.fromOwnerId, h.toOwnerId, h.reason])).toEqual([
      ['assign', undefined, 'u-li', undefined],
      ['release', 'u-li', undefined, '客户暂无需求'],
      ['claim', undefined, 'u-wang', undefined],
    ]);
    expect(history[2]!.actorId).toBe('u-wang');
  });

  it('refuses a release without a reason, and a claim of an owned record', async () => {
    const lead = await admin.leads.create({ name: '张伟', ownerId: 'u-li' });
    await expect(admin.leads.release(lead.id, '  ')).rejects.toBeInstanceOf(ValidationError);
    await expect(rep('u-wang').leads.claim(lead.id)).rejects.toBeInstanceOf(ConflictError);
    await admin.leads.release(lead.id, 'x');
    await expect(admin.leads.release(lead.id, 'again')).rejects.toBeInstanceOf(ConflictError);
  });

  it('lets only one of two reps racing for a record win', async () => {
    const customer = await admin.customers.create({ name: '云帆', poolId: 'public' });
    const results = await Promise.allSettled([
      rep('u-a').customers.claim(customer.id),
      rep('u-b').customers.claim(customer.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason,
    ).toBeInstanceOf(ConflictError);
  });

  it('refuses a claim beyond the rep capacity with LimitError', async () => {
    const ids = [];
    for (const name of ['甲', '乙', '丙'])
      ids.push((await admin.leads.create({ name, poolId: 'public' })).id);
    // A converted lead does not count toward capacity.
    await admin.leads.create({ name: '丁', ownerId: 'u-li', status: 'converted' });
    const li = rep('u-li');
    await li.leads.claim(ids[0]!);
    await li.leads.claim(ids[1]!);
    const error = await li.leads.claim(ids[2]!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect(error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'capacity.leads',
      max: 2,
      current: 2,
    });
    expect((await admin.leads.get(ids[2]!)).poolId).toBe('public');
    // Releasing one frees capacity.
    await li.leads.release(ids[0]!, '给别人');
    await expect(li.leads.claim(ids[2]!)).resolves.toMatchObject({ ownerId: 'u-li' });
  });

  it('honours pool visibility: a restricted pool is hidden and cannot be claimed by others', async () => {
    const vip = await admin.customers.create({ name: '大客户', poolId: 'vip' });
    const open = await admin.customers.create({ name: '普通', poolId: 'public' });
    const outsider = rep('u-out', ['east']);
    expect((await outsider.customers.pool()).items.map((c) => c.id)).toEqual([open.id]);
    await expect(outsider.customers.claim(vip.id)).rejects.toBeInstanceOf(PermissionError);
    const insider = rep('u-in', ['key-accounts']);
    expect((await insider.customers.pool({ poolId: 'vip' })).items.map((c) => c.id)).toEqual([
      vip.id,
    ]);
    await expect(insider.customers.claim(vip.id)).resolves.toMatchObject({ ownerId: 'u-in' });
  });
});

describe('pool: recycling by clock', () => {
  it('recycles a lead with no follow-up at exactly N days after assignment, not at N days − 1 ms', async () => {
    const lead = await admin.leads.create({ name: '张伟', ownerId: 'u-li' });
    now = T0 + 3 * DAY - 1;
    expect(await admin.sales.recycle()).toEqual([]);
    expect((await admin.leads.get(lead.id)).ownerId).toBe('u-li');
    now = T0 + 3 * DAY;
    const recycled = await admin.sales.recycle();
    expect(recycled).toEqual([
      {
        entity: 'lead',
        id: lead.id,
        fromOwnerId: 'u-li',
        reason: 'No follow-up within 3 days of assignment',
      },
    ]);
    const stored = await admin.leads.get(lead.id);
    expect(stored).toMatchObject({
      poolId: 'public',
      releaseReason: 'No follow-up within 3 days of assignment',
      releasedAt: new Date(now).toISOString(),
    });
    expect(stored.ownerId).toBeUndefined();
    const history = await admin.sales.ownerHistory('lead', lead.id);
    expect(history.at(-1)).toMatchObject({
      kind: 'recycle',
      fromOwnerId: 'u-li',
      poolId: 'public',
    });
  });

  it('keeps a followed-up lead until it shows no stage progress for M days', async () => {
    const lead = await admin.leads.create({ name: '张伟', ownerId: 'u-li' });
    now = T0 + DAY;
    await admin.activities.create({
      type: 'call',
      subject: '首次电话',
      leadId: lead.id,
      status: 'done',
    });
    // The call moved the lead to `contacted` (stage progress at T0 + 1 day).
    expect((await admin.leads.get(lead.id)).status).toBe('contacted');
    now = T0 + 11 * DAY - 1;
    expect(await admin.sales.recycle()).toEqual([]);
    now = T0 + 11 * DAY;
    expect((await admin.sales.recycle()).map((r) => r.reason)).toEqual([
      'No stage progress within 10 days',
    ]);
  });

  it('recycles customers with their own rule, only in early lifecycle stages, all in one write', async () => {
    const a = await admin.customers.create({ name: 'A', ownerId: 'u-li' });
    const b = await admin.customers.create({
      name: 'B',
      ownerId: 'u-li',
      lifecycleStage: 'customer',
    });
    const c = await admin.customers.create({
      name: 'C',
      ownerId: 'u-wang',
      lastContactAt: new Date(T0 + 1).toISOString(),
    });
    now = T0 + 7 * DAY;
    const recycled = await admin.sales.recycle();
    expect(recycled.map((r) => r.id)).toEqual([a.id]);
    expect((await admin.customers.get(b.id)).ownerId).toBe('u-li');
    expect((await admin.customers.get(c.id)).ownerId).toBe('u-wang');
  });

  it('counts from the claim, so a claimed record gets a fresh N days', async () => {
    const lead = await admin.leads.create({ name: '张伟', poolId: 'public' });
    now = T0 + 10 * DAY;
    await rep('u-li').leads.claim(lead.id);
    now = T0 + 13 * DAY - 1;
    expect(await admin.sales.recycle()).toEqual([]);
    now = T0 + 13 * DAY;
    expect(await admin.sales.recycle()).toHaveLength(1);
  });
});

describe('owner history and stage times on plain updates', () => {
  it('records an assignment when a customer changes owner, and stage progress times', async () => {
    const customer = await admin.customers.create({ name: '云帆', poolId: 'public' });
    now = T0 + DAY;
    const assigned = await admin.customers.update(customer.id, { ownerId: 'u-li' });
    expect(assigned).toMatchObject({ ownerId: 'u-li', assignedAt: new Date(now).toISOString() });
    expect(assigned.poolId).toBeUndefined();
    now = T0 + 2 * DAY;
    const progressed = await admin.customers.update(customer.id, { lifecycleStage: 'prospect' });
    expect(progressed.stageChangedAt).toBe(new Date(now).toISOString());
    expect(
      (await admin.sales.ownerHistory('customer', customer.id)).map((h) => [h.kind, h.toOwnerId]),
    ).toEqual([['assign', 'u-li']]);
  });
});
