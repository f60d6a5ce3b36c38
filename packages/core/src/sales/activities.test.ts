import {
  ConflictError,
  ValidationError,
  createCrm,
  createMemoryAdapter,
  type Crm,
} from '../index.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const HOUR = 3_600_000;
let now = T0;
let crm: Crm;
const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(async () => {
  now = T0;
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => new Date(now) });
});
afterEach(() => crm.close());

describe('lastContactAt from activities', () => {
  it('is set on customer and contact by a contact activity created with a past time', async () => {
    const customer = await crm.customers.create({ name: '云帆' });
    const contact = await crm.contacts.create({ name: '王芳', customerId: customer.id });
    await crm.activities.create({
      type: 'visit',
      subject: '上门拜访',
      customerId: customer.id,
      contactId: contact.id,
      startAt: iso(T0 - 2 * HOUR),
    });
    expect((await crm.customers.get(customer.id)).lastContactAt).toBe(iso(T0 - 2 * HOUR));
    expect((await crm.contacts.get(contact.id)).lastContactAt).toBe(iso(T0 - 2 * HOUR));
  });

  it('ignores future, note/task and cancelled activities, and never moves it backwards', async () => {
    const customer = await crm.customers.create({ name: '云帆' });
    await crm.activities.create({
      type: 'meeting',
      subject: '下周会',
      customerId: customer.id,
      startAt: iso(T0 + HOUR),
    });
    await crm.activities.create({
      type: 'note',
      subject: '备注',
      customerId: customer.id,
      status: 'done',
    });
    await crm.activities.create({
      type: 'call',
      subject: '取消',
      customerId: customer.id,
      status: 'cancelled',
      startAt: iso(T0 - HOUR),
    });
    expect((await crm.customers.get(customer.id)).lastContactAt).toBeUndefined();
    await crm.activities.create({
      type: 'call',
      subject: '新',
      customerId: customer.id,
      status: 'done',
    });
    await crm.activities.create({
      type: 'email',
      subject: '旧',
      customerId: customer.id,
      startAt: iso(T0 - 48 * HOUR),
    });
    expect((await crm.customers.get(customer.id)).lastContactAt).toBe(iso(T0));
  });

  it('is set when a scheduled call is completed, with the outcome', async () => {
    const customer = await crm.customers.create({ name: '云帆' });
    const call = await crm.activities.create({
      type: 'call',
      subject: '回访',
      customerId: customer.id,
      startAt: iso(T0 + HOUR),
    });
    now = T0 + 2 * HOUR;
    const done = await crm.activities.complete(call.id, { outcome: '同意试用' });
    expect(done).toMatchObject({ status: 'done', completedAt: iso(now), outcome: '同意试用' });
    expect((await crm.customers.get(customer.id)).lastContactAt).toBe(iso(now));
    await expect(crm.activities.complete(call.id)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('reminders and overdue tasks', () => {
  it('lists open reminders due before a time, earliest first', async () => {
    const a = await crm.activities.create({
      type: 'task',
      subject: 'A',
      remindAt: iso(T0 + 2 * HOUR),
    });
    const b = await crm.activities.create({
      type: 'call',
      subject: 'B',
      remindAt: iso(T0 + HOUR),
      ownerId: 'u-li',
    });
    await crm.activities.create({ type: 'task', subject: 'later', remindAt: iso(T0 + 5 * HOUR) });
    const done = await crm.activities.create({ type: 'task', subject: 'done', remindAt: iso(T0) });
    await crm.activities.complete(done.id);
    const due = await crm.activities.due({ before: new Date(T0 + 2 * HOUR) });
    expect(due.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(
      (await crm.activities.due({ before: iso(T0 + 2 * HOUR), ownerId: 'u-li' })).map((x) => x.id),
    ).toEqual([b.id]);
    await expect(crm.activities.due({ before: 'tomorrow' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('lists open tasks past their due time at the clock', async () => {
    const late = await crm.activities.create({
      type: 'task',
      subject: '报价',
      dueAt: iso(T0 - HOUR),
    });
    await crm.activities.create({ type: 'task', subject: '将来', dueAt: iso(T0 + HOUR) });
    await crm.activities.create({ type: 'call', subject: '不是任务', dueAt: iso(T0 - HOUR) });
    expect((await crm.activities.overdue()).map((x) => x.id)).toEqual([late.id]);
    now = T0 + 2 * HOUR;
    expect(await crm.activities.overdue()).toHaveLength(2);
    expect(await crm.activities.overdue({ types: ['task', 'call'] })).toHaveLength(3);
  });
});
