import {
  ValidationError,
  createCrm,
  createMemoryAdapter,
  type Crm,
  type StorageAdapter,
} from '../index.js';

let crm: Crm;
let storage: StorageAdapter;
const at = '2026-03-02T01:00:00.000Z';

beforeEach(async () => {
  storage = createMemoryAdapter();
  crm = await createCrm({ storage, clock: () => new Date(at) });
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

describe('crm.sales.transferOwner', () => {
  it('moves customers, contacts, leads, open deals, open activities and open tickets in one write', async () => {
    const customer = await crm.customers.create({ name: '云帆', ownerId: 'u-li' });
    const contact = await crm.contacts.create({
      name: '王芳',
      ownerId: 'u-li',
      customerId: customer.id,
    });
    const lead = await crm.leads.create({ name: '张伟', ownerId: 'u-li' });
    const openDeal = await crm.deals.create({
      name: '开放',
      pipelineId: 'p',
      stageId: 'open',
      ownerId: 'u-li',
    });
    const wonDeal = await crm.deals.create({
      name: '赢',
      pipelineId: 'p',
      stageId: 'won',
      ownerId: 'u-li',
    });
    const task = await crm.activities.create({ type: 'task', subject: '回访', ownerId: 'u-li' });
    const done = await crm.activities.create({
      type: 'note',
      subject: '记录',
      ownerId: 'u-li',
      status: 'done',
    });
    const ticket = await crm.tickets.create({
      subject: '故障',
      assigneeId: 'u-li',
      status: 'open',
    });
    const closed = await crm.tickets.create({
      subject: '已结',
      assigneeId: 'u-li',
      status: 'closed',
    });
    const others = await crm.customers.create({ name: '别人的', ownerId: 'u-zhao' });

    let commits = 0;
    const unsubscribe = storage.subscribe(() => commits++);
    const { moved } = await crm.sales.transferOwner('u-li', 'u-wang', { reason: '离职交接' });
    unsubscribe();
    expect(commits).toBe(1); // one gateway write, one commit
    expect(moved).toEqual({ customer: 1, contact: 1, lead: 1, deal: 1, activity: 1, ticket: 1 });
    const audit = await crm.audit.list({ recordId: customer.id, limit: 10 });
    expect(audit.items.map((e) => [e.action, e.reason])).toContainEqual(['transfer', '离职交接']);
    expect((await crm.audit.verify()).ok).toBe(true);

    expect((await crm.customers.get(customer.id)).ownerId).toBe('u-wang');
    expect((await crm.customers.get(customer.id)).assignedAt).toBe(at);
    expect((await crm.contacts.get(contact.id)).ownerId).toBe('u-wang');
    expect((await crm.leads.get(lead.id)).ownerId).toBe('u-wang');
    expect((await crm.deals.get(openDeal.id)).ownerId).toBe('u-wang');
    expect((await crm.deals.get(wonDeal.id)).ownerId).toBe('u-li');
    expect((await crm.activities.get(task.id)).ownerId).toBe('u-wang');
    expect((await crm.activities.get(done.id)).ownerId).toBe('u-li');
    expect((await crm.tickets.get(ticket.id)).assigneeId).toBe('u-wang');
    expect((await crm.tickets.get(closed.id)).assigneeId).toBe('u-li');
    expect((await crm.customers.get(others.id)).ownerId).toBe('u-zhao');

    const history = await crm.sales.ownerHistory('ticket', ticket.id);
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'transfer',
        fromOwnerId: 'u-li',
        toOwnerId: 'u-wang',
        reason: '离职交接',
        at,
      }),
    ]);
    expect(await crm.sales.ownerHistory('deal', wonDeal.id)).toEqual([]);
  });

  it('moves nothing when a record fails validation mid-way (all-or-nothing)', async () => {
    await crm.customers.create({ name: '云帆', ownerId: 'u-li' });
    await expect(crm.sales.transferOwner('u-li', 'not valid!')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(crm.sales.transferOwner('u-li', 'u-li')).rejects.toBeInstanceOf(ValidationError);
    expect(await crm.customers.count({ ownerId: { eq: 'u-li' } })).toBe(1);
  });
});
