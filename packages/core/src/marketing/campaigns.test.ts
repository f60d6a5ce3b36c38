import { ValidationError, createCrm, createMemoryAdapter, type Crm } from '../index.js';
import { campaignReport } from './campaign-report.js';
import { createOutboxChannel, type OutboxChannel } from './channel-adapter.js';

let crm: Crm;
let email: OutboxChannel;
let sms: OutboxChannel;
const at = '2026-03-10T00:00:00.000Z';

beforeEach(async () => {
  email = createOutboxChannel('email');
  sms = createOutboxChannel('sms');
  crm = await createCrm({
    storage: createMemoryAdapter(),
    clock: () => new Date(at),
    marketing: { channels: { email, sms } },
  });
  await crm.customers.create({ id: 'c-1', name: '杭州云帆贸易', tier: 'vip' });
  await crm.contacts.createMany([
    {
      id: 'ct-ok',
      name: '王芳',
      customerId: 'c-1',
      emails: ['wang@example.cn'],
      phones: [{ number: '138 0013 8000' }],
      consent: { sms: true },
    },
    {
      id: 'ct-out',
      name: '李雷',
      customerId: 'c-1',
      emails: ['li@example.cn'],
      phones: [{ number: '139 0013 8000' }],
      consent: { email: false, sms: false },
    },
    {
      id: 'ct-silent',
      name: '张伟',
      customerId: 'c-1',
      emails: ['zhang@example.cn'],
      phones: [{ number: '137 0013 8000' }],
    },
    { id: 'ct-none', name: '赵敏', customerId: 'c-1' },
  ]);
  await crm.segments.create({ id: 'everyone', name: '全部联系人', entity: 'contact' });
});
afterEach(() => crm.close());

async function runningCampaign(
  channel: 'email' | 'sms',
  body = '您好 {{name}}，{{customer.name}} 会员日',
) {
  const campaign = await crm.campaigns.create({
    name: '会员日',
    channel,
    segmentId: 'everyone',
    template: { subject: '{{name}}，邀请您', body },
    actualCost: 1000,
  });
  await crm.campaigns.schedule(campaign.id);
  return campaign;
}

describe('campaign status', () => {
  it('enforces draft → scheduled → running → completed / cancelled', async () => {
    const c = await crm.campaigns.create({ name: 'c', channel: 'ads' });
    await expect(crm.campaigns.transition(c.id, 'completed')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(crm.campaigns.update(c.id, { status: 'running' })).rejects.toThrow(
      /draft campaign cannot become running/,
    );
    expect((await crm.campaigns.transition(c.id, 'scheduled')).startAt).toBe(at);
    await crm.campaigns.update(c.id, { status: 'running' });
    const done = await crm.campaigns.transition(c.id, 'completed');
    expect(done).toMatchObject({ status: 'completed', endAt: at });
    await expect(crm.campaigns.transition(c.id, 'cancelled')).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('rejects templates with unknown placeholders', async () => {
    await expect(
      crm.campaigns.create({
        name: 'x',
        channel: 'email',
        template: { body: '{{name}} {{phones}}' },
      }),
    ).rejects.toThrow(/Unknown placeholder \{\{phones\}\}/);
  });
});

describe('sending', () => {
  it('honours opt-out and consent: email is opt-out, SMS needs explicit consent', async () => {
    const mail = await runningCampaign('email');
    const result = await crm.campaigns.send(mail.id);
    expect(email.messages.map((m) => m.contactId)).toEqual(['ct-ok', 'ct-silent']);
    expect(email.messages[0]).toMatchObject({
      to: 'wang@example.cn',
      subject: '王芳，邀请您',
      body: '您好 王芳，杭州云帆贸易 会员日',
    });
    expect(result).toEqual({
      sent: 2,
      failed: 0,
      skipped: [
        { contactId: 'ct-none', reason: 'no_address' },
        { contactId: 'ct-out', reason: 'opted_out' },
      ],
      alreadySent: 0,
    });
    expect((await crm.campaigns.get(mail.id)).status).toBe('running');
    // A second send reaches nobody twice.
    expect((await crm.campaigns.send(mail.id)).alreadySent).toBe(2);
    expect(email.messages).toHaveLength(2);

    const text = await runningCampaign('sms');
    await crm.campaigns.send(text.id);
    expect(sms.messages.map((m) => m.contactId)).toEqual(['ct-ok']); // ct-silent never said yes
  });

  it('fails clearly without a channel adapter, and never for a draft', async () => {
    const draft = await crm.campaigns.create({
      name: 'd',
      channel: 'email',
      segmentId: 'everyone',
      template: { body: 'x' },
    });
    await expect(crm.campaigns.send(draft.id)).rejects.toThrow(/scheduled or running/);
    const wechat = await crm.campaigns.create({
      name: 'w',
      channel: 'wechat',
      segmentId: 'everyone',
      template: { body: 'x' },
    });
    await crm.campaigns.schedule(wechat.id);
    await expect(crm.campaigns.send(wechat.id)).rejects.toThrow(/No channel adapter for "wechat"/);
  });

  it('records delivery callbacks; an unsubscribe turns the contact consent off', async () => {
    const mail = await runningCampaign('email');
    await crm.campaigns.send(mail.id);
    const [first, second] = email.messages;
    await crm.campaigns.recordDelivery(mail.id, [
      { messageId: first!.messageId, type: 'delivered' },
      { messageId: first!.messageId, type: 'opened' },
      { contactId: 'ct-ok', type: 'clicked', at: '2026-03-10T01:00:00.000Z' },
      { contactId: 'ct-silent', type: 'delivered' },
    ]);
    const result = await crm.campaigns.recordDelivery(mail.id, [
      { messageId: second!.messageId, type: 'unsubscribed' },
    ]);
    expect(result).toEqual({ updated: 1, unsubscribed: 1 });
    expect((await crm.contacts.get('ct-silent')).consent).toEqual({ email: false });

    const report = await crm.campaigns.report(mail.id);
    expect(report).toMatchObject({
      audience: 4,
      sent: 2,
      delivered: 2,
      opened: 1,
      clicked: 1,
      unsubscribed: 1,
      responses: 1,
      responseRate: 0.5,
    });
    const deliveries = await crm.campaigns.deliveries(mail.id, {
      orderBy: [{ field: 'contactId' }],
    });
    expect(deliveries.items.map((d) => [d.contactId, d.status])).toEqual([
      ['ct-ok', 'clicked'],
      ['ct-silent', 'unsubscribed'],
    ]);
    await expect(
      crm.campaigns.recordDelivery(mail.id, [{ contactId: 'ct-none', type: 'opened' }]),
    ).rejects.toBeInstanceOf(ValidationError);
    // A later campaign skips the unsubscribed contact.
    const again = await runningCampaign('email');
    email.drain();
    await crm.campaigns.send(again.id);
    expect(email.messages.map((m) => m.contactId)).toEqual(['ct-ok']);
  });
});

describe('campaign report', () => {
  it('matches hand-computed numbers from leads and deals (first-touch attribution)', async () => {
    const c = await crm.campaigns.create({
      id: 'cmp',
      name: '618',
      channel: 'event',
      actualCost: 20_000,
      budget: 40_000,
    });
    await crm.pipelines.create({
      id: 'p',
      name: 'P',
      stages: [
        { id: 'open', name: '进行中', probability: 0.5 },
        { id: 'won', name: '赢单', probability: 1, kind: 'won' },
      ],
    });
    await crm.leads.createMany([
      { id: 'l1', name: 'A', source: 'campaign', campaignId: 'cmp', status: 'converted' },
      { id: 'l2', name: 'B', source: 'campaign', campaignId: 'cmp' },
      { id: 'l3', name: 'C', source: 'campaign', campaignId: 'cmp' },
      { id: 'l4', name: 'D', source: 'campaign', campaignId: 'cmp', status: 'converted' },
      // Touched by the campaign later: influenced, not attributed.
      {
        id: 'l5',
        name: 'E',
        source: 'web',
        campaignId: 'other',
        touches: [
          { at, source: 'web', campaignId: 'other' },
          { at, source: 'campaign', campaignId: 'cmp' },
        ],
      },
    ]);
    await crm.deals.createMany([
      {
        name: 'won 1',
        pipelineId: 'p',
        stageId: 'won',
        status: 'won',
        amount: 50_000,
        campaignId: 'cmp',
      },
      {
        name: 'won 2 via lead',
        pipelineId: 'p',
        stageId: 'won',
        status: 'won',
        amount: 30_000,
        leadId: 'l4',
      },
      { name: 'open', pipelineId: 'p', stageId: 'open', amount: 99_000, campaignId: 'cmp' },
      {
        name: 'won USD',
        pipelineId: 'p',
        stageId: 'won',
        status: 'won',
        amount: 1_000,
        currency: 'USD',
        campaignId: 'cmp',
      },
      {
        name: 'won other',
        pipelineId: 'p',
        stageId: 'won',
        status: 'won',
        amount: 70_000,
        campaignId: 'other',
      },
    ]);
    const report = await crm.campaigns.report(c.id);
    expect(report).toMatchObject({
      audience: null,
      sent: 0,
      responses: 0,
      responseRate: null,
      leads: 4,
      influencedLeads: 5,
      convertedLeads: 2,
      deals: 4,
      wonDeals: 3,
      wonRevenue: 80_000,
      otherCurrencyWonDeals: 1,
      cost: 20_000,
      budgetUsed: 0.5,
      roi: 3, // (80 000 − 20 000) / 20 000
      costPerLead: 5_000,
      conversionRate: 0.5,
    });
  });

  it('gives null, never NaN, for zero cost and zero leads', () => {
    const report = campaignReport({
      campaign: { id: 'c', actualCost: 0, budget: 0, currency: 'CNY' },
      audience: 0,
      deliveries: [],
      leads: [],
      deals: [],
    });
    expect(report).toMatchObject({
      roi: null,
      costPerLead: null,
      conversionRate: null,
      responseRate: null,
      budgetUsed: null,
      wonRevenue: 0,
    });
    const costly = campaignReport({
      campaign: { id: 'c', actualCost: 500, budget: 1000, currency: 'CNY' },
      audience: 3,
      deliveries: [],
      leads: [],
      deals: [],
    });
    expect(costly).toMatchObject({ roi: -1, costPerLead: null, conversionRate: null });
    expect(Object.values(costly).some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(
      false,
    );
  });
});
