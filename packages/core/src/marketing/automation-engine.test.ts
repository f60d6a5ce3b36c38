import { ValidationError, createCrm, createMemoryAdapter, type Crm } from '../index.js';
import { createOutboxChannel, type OutboxChannel } from './channel-adapter.js';

let crm: Crm;
let email: OutboxChannel;
let now = Date.parse('2026-03-10T00:00:00.000Z');
const day = 86_400_000;
let seq = 0;
/** Ids in creation order, so runs list in the order they happened. */
const newId = () => `id-${String(++seq).padStart(6, '0')}`;

beforeEach(async () => {
  now = Date.parse('2026-03-10T00:00:00.000Z');
  email = createOutboxChannel('email');
  crm = await createCrm({
    storage: createMemoryAdapter(),
    clock: () => new Date(now),
    newId,
    marketing: { channels: { email } },
  });
});
afterEach(() => crm.close());

const runs = async () =>
  (await crm.automation.runs({ orderBy: [{ field: 'id', direction: 'asc' }], limit: 100 })).items;

describe('automation', () => {
  it('runs lead_created rules in order: assign, tag, task, message', async () => {
    await crm.automation.rules.create({
      name: 'second',
      order: 2,
      trigger: { type: 'lead_created' },
      actions: [{ type: 'create_task', subject: '24 小时内首次联系', dueInDays: 1 }],
    });
    await crm.automation.rules.create({
      name: 'first',
      order: 1,
      trigger: { type: 'lead_created' },
      conditions: { source: { eq: 'web' } },
      actions: [
        { type: 'assign_owner', ownerId: 'u-li' },
        { type: 'add_tag', tag: '官网' },
      ],
    });
    const lead = await crm.leads.create({ name: '王芳', source: 'web' });
    await crm.automation.settled();
    const stored = await crm.leads.get(lead.id);
    expect(stored).toMatchObject({ ownerId: 'u-li', tags: ['官网'] });
    const tasks = await crm.activities.list({ where: { leadId: { eq: lead.id } } });
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({
      type: 'task',
      ownerId: 'u-li',
      dueAt: '2026-03-11T00:00:00.000Z',
    });
    const recorded = await runs();
    expect(recorded.map((r) => [r.trigger, r.status, r.actions.map((a) => a.type)])).toEqual([
      ['lead_created', 'succeeded', ['assign_owner', 'add_tag']],
      ['lead_created', 'succeeded', ['create_task']],
    ]);
    // A lead from another source matches only the unconditional rule.
    await crm.leads.create({ name: '李雷', source: 'phone' });
    await crm.automation.settled();
    expect((await runs()).length).toBe(3);
  });

  it('acts on changes and service events that came before the marketing code loaded', async () => {
    // Rules written through the gateway, so nothing has loaded marketing/ yet: the client keeps
    // what arrives meanwhile and hands it to the engine once it is there.
    await crm.gateway.write(crm.context(), [
      {
        type: 'create',
        entity: 'automationRule',
        input: {
          name: 'new leads',
          trigger: { type: 'lead_created' },
          actions: [{ type: 'add_tag', tag: '新线索' }],
        },
      },
      {
        type: 'create',
        entity: 'automationRule',
        input: {
          name: 'resolved tickets',
          trigger: { type: 'ticket_resolved' },
          actions: [{ type: 'add_tag', tag: '已解决' }],
        },
      },
    ]);
    const lead = await crm.leads.create({ name: '王芳', source: 'web' });
    const ticket = await crm.tickets.submit({ subject: '打印机卡纸' });
    await crm.tickets.transition(ticket.id, 'resolved');
    await crm.automation.settled();
    expect((await crm.leads.get(lead.id)).tags).toEqual(['新线索']);
    expect((await crm.tickets.get(ticket.id)).tags).toEqual(['已解决']);
    expect((await runs()).map((r) => [r.trigger, r.status])).toEqual([
      ['lead_created', 'succeeded'],
      ['ticket_resolved', 'succeeded'],
    ]);
  });

  it('stops a rule that retriggers itself and records the stop', async () => {
    // Every update of a lead adds a tag, which updates the lead, which …
    await crm.automation.rules.create({
      name: 'loop',
      trigger: { type: 'lead_updated' },
      actions: [{ type: 'add_tag', tag: 'touched' }],
    });
    const lead = await crm.leads.create({ name: '王芳' });
    await crm.leads.update(lead.id, { notes: '来电咨询' });
    await crm.automation.settled();
    const recorded = await runs();
    expect(recorded.map((r) => [r.status, r.depth])).toEqual([
      ['succeeded', 0],
      ['stopped', 1],
    ]);
    expect(recorded[0]!.chainId).toBe(recorded[1]!.chainId);
    expect(recorded[1]!.reason).toMatch(/Loop/);
    expect(recorded[1]!.actions).toEqual([]);
    expect((await crm.leads.get(lead.id)).tags).toEqual(['touched']);
  });

  it('stops a chain of rules feeding each other at the maximum depth', async () => {
    crm.close();
    crm = await createCrm({
      storage: createMemoryAdapter(),
      clock: () => new Date(now),
      newId,
      marketing: { automation: { maxChainDepth: 2, runsPerRecord: 100 } },
    });
    // Enrolling appends a touch, so every run writes the lead and triggers the rule again.
    await crm.campaigns.create({ id: 'cmp', name: 'nurture', channel: 'email' });
    await crm.automation.rules.create({
      name: 'enrol on every update',
      trigger: { type: 'lead_updated' },
      actions: [{ type: 'enrol_in_campaign', campaignId: 'cmp' }],
    });
    const lead = await crm.leads.create({ name: 'A' });
    await crm.leads.update(lead.id, { notes: 'n' });
    await crm.automation.settled();
    const recorded = await runs();
    expect(recorded.map((r) => [r.status, r.depth])).toEqual([
      ['succeeded', 0],
      ['succeeded', 1],
      ['succeeded', 2],
      ['stopped', 3],
    ]);
    expect(recorded[3]!.reason).toBe('Chain deeper than 2');
    expect(
      (await crm.leads.get(lead.id)).touches?.filter((t) => t.campaignId === 'cmp'),
    ).toHaveLength(3);
  });

  it('fires score_crossed once when the score crosses the threshold', async () => {
    await crm.automation.rules.create({
      name: 'hot',
      trigger: { type: 'score_crossed', threshold: 20 },
      actions: [{ type: 'add_tag', tag: 'hot' }],
    });
    const lead = await crm.leads.create({ name: 'A', source: 'phone' });
    await crm.automation.settled();
    expect(lead.score).toBeLessThan(20);
    await crm.leads.update(lead.id, { source: 'referral' }); // +20
    await crm.automation.settled();
    expect((await crm.leads.get(lead.id)).tags).toEqual(['hot']);
    expect((await runs()).map((r) => r.trigger)).toEqual(['score_crossed']);
  });

  it('acts on deal stage changes and releases stale leads on tick', async () => {
    await crm.pipelines.create({
      id: 'p',
      name: 'P',
      stages: [
        { id: 'new', name: '新建', probability: 0.1 },
        { id: 'proposal', name: '方案', probability: 0.5 },
      ],
    });
    await crm.automation.rules.create({
      name: 'proposal task',
      trigger: { type: 'deal_stage_changed', toStageId: 'proposal' },
      actions: [{ type: 'create_task', subject: '准备方案' }],
    });
    await crm.automation.rules.create({
      name: 'quiet leads back to the pool',
      trigger: { type: 'no_activity', entity: 'lead', days: 7 },
      actions: [{ type: 'release_to_pool', reason: '7 天未跟进' }],
    });
    const deal = await crm.deals.create({ name: 'd', pipelineId: 'p', stageId: 'new' });
    await crm.deals.update(deal.id, { notes: 'no move' });
    await crm.deals.move(deal.id, 'proposal');
    await crm.automation.settled();
    expect((await crm.activities.list({ where: { dealId: { eq: deal.id } } })).total).toBe(1);

    const lead = await crm.leads.create({ name: '王芳', ownerId: 'u-li' });
    await crm.automation.settled();
    expect(await crm.automation.tick()).toEqual([]);
    now += 7 * day;
    const ticked = await crm.automation.tick();
    expect(ticked.map((r) => [r.recordId, r.status])).toEqual([[lead.id, 'succeeded']]);
    expect((await crm.leads.get(lead.id)).poolId).toBe('public');
    now += day;
    expect(await crm.automation.tick()).toEqual([]); // once per quiet spell
  });

  it('runs health_dropped rules from a dispatched health warning and messages with consent', async () => {
    await crm.customers.create({ id: 'c-1', name: '云帆', ownerId: 'u-li' });
    await crm.contacts.create({
      id: 'ct-1',
      name: '王芳',
      customerId: 'c-1',
      emails: ['w@example.cn'],
      isPrimary: true,
    });
    await crm.automation.rules.create({
      name: 'win back',
      trigger: { type: 'health_dropped', below: 50 },
      actions: [
        { type: 'add_tag', tag: '流失预警' },
        {
          type: 'send_message',
          channel: 'email',
          subject: '{{customer.name}} 回访',
          body: '{{name}} 您好',
        },
      ],
    });
    expect(
      await crm.automation.dispatch({
        type: 'health_dropped',
        customerId: 'c-1',
        current: 70,
        previous: 90,
      }),
    ).toEqual([]);
    const [run] = await crm.automation.dispatch({
      type: 'health_dropped',
      customerId: 'c-1',
      current: 40,
      previous: 70,
    });
    expect(run).toMatchObject({ status: 'succeeded', entity: 'customer', recordId: 'c-1' });
    expect((await crm.customers.get('c-1')).tags).toEqual(['流失预警']);
    expect(email.messages).toMatchObject([
      { to: 'w@example.cn', subject: '云帆 回访', body: '王芳 您好' },
    ]);
  });

  it('validates rules with zod and records failed actions', async () => {
    await expect(
      crm.automation.rules.create({
        name: 'bad',
        trigger: { type: 'lead_created' },
        actions: [{ type: 'explode' }],
      } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    await crm.automation.rules.create({
      name: 'no adapter',
      trigger: { type: 'lead_created' },
      actions: [
        { type: 'enrol_in_campaign', campaignId: 'missing' },
        { type: 'add_tag', tag: 'never' },
      ],
    });
    const lead = await crm.leads.create({ name: 'A' });
    await crm.automation.settled();
    const [run] = await runs();
    expect(run).toMatchObject({
      status: 'failed',
      actions: [{ type: 'enrol_in_campaign', status: 'failed' }],
    });
    expect((await crm.leads.get(lead.id)).tags).toEqual([]);
  });
});
