import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCrm,
  createMemoryAdapter,
  ValidationError,
  type Crm,
  type ServiceEvent,
  type ServiceOptions,
} from '../index.js';
import { TicketTransitionError } from './ticket-workflow.js';

// Shanghai (UTC+8). Monday 2 March 2026 10:00 local = 02:00Z.
let now = new Date('2026-03-02T02:00:00Z');
let crm: Crm;
const at = (iso: string) => {
  now = new Date(iso);
};
const minutesLater = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

async function setup(service: ServiceOptions = {}) {
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => now, service });
  return crm;
}

beforeEach(() => at('2026-03-02T02:00:00Z'));
afterEach(async () => {
  await crm?.close();
});

describe('ticket status workflow', () => {
  it('records every transition and stamps resolved / closed', async () => {
    await setup();
    const t = await crm.tickets.submit({ subject: '发票抬头错误' });
    expect(t.statusHistory).toEqual([{ to: 'new', at: now.toISOString(), byId: 'local' }]);
    minutesLater(5);
    await crm.tickets.transition(t.id, 'open');
    minutesLater(5);
    await crm.tickets.transition(t.id, 'pending', { note: 'asked for the invoice number' });
    minutesLater(5);
    await crm.tickets.transition(t.id, 'open');
    minutesLater(5);
    const resolved = await crm.tickets.transition(t.id, 'resolved');
    expect(resolved.resolvedAt).toBe('2026-03-02T02:20:00.000Z');
    minutesLater(5);
    const closed = await crm.tickets.transition(t.id, 'closed');
    expect(closed.closedAt).toBe('2026-03-02T02:25:00.000Z');
    expect(closed.statusHistory.map((h) => `${h.from ?? ''}>${h.to}`)).toEqual([
      '>new',
      'new>open',
      'open>pending',
      'pending>open',
      'open>resolved',
      'resolved>closed',
    ]);
    expect(closed.statusHistory[2]!.note).toBe('asked for the invoice number');
    expect(closed.slaPauses).toEqual([
      { from: '2026-03-02T02:10:00.000Z', to: '2026-03-02T02:15:00.000Z', reason: 'pending' },
    ]);
  });

  it('refuses an invalid transition with a ValidationError at ["status"], storing nothing', async () => {
    await setup();
    const t = await crm.tickets.submit({ subject: '退货' });
    await crm.tickets.transition(t.id, 'resolved');
    const error = await crm.tickets.transition(t.id, 'pending').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketTransitionError);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['status']);
    await crm.tickets.transition(t.id, 'closed');
    await expect(crm.tickets.transition(t.id, 'open')).rejects.toThrow(/final/);
    expect((await crm.tickets.get(t.id)).status).toBe('closed');
  });

  it('marks the first public agent reply as the first response; a customer reply reopens a pending ticket', async () => {
    await setup();
    const t = await crm.tickets.submit({ subject: '无法登录' });
    minutesLater(3);
    await crm.tickets.comment(t.id, { body: '内部：查日志', public: false });
    expect((await crm.tickets.get(t.id)).firstRespondedAt).toBeUndefined();
    minutesLater(4);
    await crm.tickets.comment(t.id, { body: '您好，请清除缓存后重试', public: true });
    await crm.tickets.transition(t.id, 'pending');
    minutesLater(10);
    const replied = await crm.tickets.comment(t.id, {
      body: '还是不行',
      public: true,
      fromCustomer: true,
    });
    expect(replied.firstRespondedAt).toBe('2026-03-02T02:07:00.000Z');
    expect(replied.status).toBe('open');
    expect(replied.comments.map((c) => [c.public, c.fromCustomer])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    expect(replied.slaPauses.at(-1)).toEqual({
      from: '2026-03-02T02:07:00.000Z',
      to: '2026-03-02T02:17:00.000Z',
      reason: 'pending',
    });
  });
});

describe('crm.tickets.sla', () => {
  it('runs both clocks over the policy calendar, pausing while pending', async () => {
    await setup();
    await crm.slaPolicies.create({
      name: 'Standard',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      calendar: { timeZone: 'Asia/Shanghai' },
    });
    // Friday 6 March 17:30 Shanghai
    at('2026-03-06T09:30:00Z');
    const t = await crm.tickets.submit({ subject: '系统报错', priority: 'high' });
    // Saturday: nothing has elapsed past Friday 18:00
    at('2026-03-07T04:00:00Z');
    let sla = await crm.tickets.sla(t.id);
    expect(sla.policyName).toBe('Standard');
    expect(sla.firstResponse).toMatchObject({
      state: 'running',
      elapsedMinutes: 30,
      dueAt: '2026-03-09T01:30:00.000Z', // Monday 09:30
    });
    // Monday 09:20: responded, then pending on the customer for an hour
    at('2026-03-09T01:20:00Z');
    await crm.tickets.comment(t.id, { body: '收到', public: true });
    await crm.tickets.transition(t.id, 'pending');
    at('2026-03-09T02:20:00Z');
    sla = await crm.tickets.sla(t.id);
    expect(sla.firstResponse).toMatchObject({ state: 'achieved', elapsedMinutes: 50 });
    expect(sla.resolution).toMatchObject({ state: 'paused', elapsedMinutes: 50 });
    await crm.tickets.transition(t.id, 'open');
    sla = await crm.tickets.sla(t.id);
    // 480 − 50 = 430 minutes from Monday 10:20 = Monday 17:30
    expect(sla.resolution).toMatchObject({
      state: 'running',
      dueAt: '2026-03-09T09:30:00.000Z',
    });
  });

  it('stops the first-response clock when a ticket is resolved without a reply', async () => {
    await setup();
    await crm.slaPolicies.create({
      name: '24x7',
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
    });
    const t = await crm.tickets.submit({ subject: '已自行解决' });
    minutesLater(20);
    await crm.tickets.transition(t.id, 'resolved');
    minutesLater(600);
    expect(await crm.tickets.sla(t.id)).toMatchObject({
      firstResponse: { state: 'achieved', achievedAt: '2026-03-02T02:20:00.000Z' },
      resolution: { state: 'achieved', elapsedMinutes: 20 },
    });
  });

  it('is breached exactly at the deadline', async () => {
    await setup();
    await crm.slaPolicies.create({
      name: '24x7',
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
    });
    const t = await crm.tickets.submit({ subject: '断网' });
    minutesLater(30);
    now = new Date(now.getTime() - 1);
    expect((await crm.tickets.sla(t.id)).firstResponse!.state).toBe('at_risk');
    now = new Date(now.getTime() + 1);
    expect((await crm.tickets.sla(t.id)).firstResponse).toMatchObject({
      state: 'breached',
      remainingMinutes: 0,
    });
  });

  it('picks the most specific matching policy, and none when nothing matches', async () => {
    await setup();
    await crm.slaPolicies.create({
      name: 'Any',
      firstResponseMinutes: 240,
      resolutionMinutes: 2880,
    });
    await crm.slaPolicies.create({
      name: 'Urgent complaints',
      priorities: ['urgent'],
      categories: ['complaint'],
      firstResponseMinutes: 15,
      resolutionMinutes: 240,
    });
    const a = await crm.tickets.submit({ subject: 'a', priority: 'urgent', category: 'complaint' });
    const b = await crm.tickets.submit({ subject: 'b', priority: 'urgent', category: 'inquiry' });
    expect((await crm.tickets.sla(a.id)).policyName).toBe('Urgent complaints');
    expect((await crm.tickets.sla(b.id)).policyName).toBe('Any');
    await setup();
    const c = await crm.tickets.submit({ subject: 'c' });
    expect(await crm.tickets.sla(c.id)).toMatchObject({
      policyId: null,
      firstResponse: null,
      resolution: null,
    });
  });
});

describe('reopen and the resolution clock', () => {
  async function resolvedTicket(onReopen: 'restart' | 'resume') {
    await setup();
    await crm.slaPolicies.create({
      name: onReopen,
      firstResponseMinutes: 60,
      resolutionMinutes: 120,
      onReopen,
    });
    const t = await crm.tickets.submit({ subject: '打印机卡纸' });
    minutesLater(90);
    await crm.tickets.transition(t.id, 'resolved');
    minutesLater(60); // resolved for an hour
    const reopened = await crm.tickets.transition(t.id, 'open', { note: '又卡纸了' });
    minutesLater(10);
    return reopened;
  }

  it('restarts the resolution clock from the reopen under a restart policy', async () => {
    const t = await resolvedTicket('restart');
    expect(t).toMatchObject({ reopenCount: 1, reopenedAt: '2026-03-02T04:30:00.000Z' });
    expect(t.resolvedAt).toBeUndefined();
    expect((await crm.tickets.sla(t.id)).resolution).toMatchObject({
      state: 'running',
      startedAt: '2026-03-02T04:30:00.000Z',
      elapsedMinutes: 10,
      dueAt: '2026-03-02T06:30:00.000Z',
    });
  });

  it('resumes it under a resume policy, the resolved hour not counting', async () => {
    const t = await resolvedTicket('resume');
    expect((await crm.tickets.sla(t.id)).resolution).toMatchObject({
      state: 'at_risk', // 100 of 120 minutes
      startedAt: '2026-03-02T02:00:00.000Z',
      elapsedMinutes: 100,
      dueAt: '2026-03-02T05:00:00.000Z', // 20 minutes after now (04:40)
    });
  });
});

describe('crm.tickets.checkSla', () => {
  it('emits at-risk then breach once each, and escalates by rule', async () => {
    await setup({
      agents: [
        { id: 'a1', teamId: 't1' },
        { id: 'lead', teamId: 'leads' },
      ],
      escalations: [
        { on: 'at_risk', clock: 'first_response', raisePriority: true },
        { name: 'to the team lead', on: 'breached', reassign: { assigneeId: 'lead' } },
      ],
    });
    await crm.slaPolicies.create({ name: 'p', firstResponseMinutes: 60, resolutionMinutes: 600 });
    const t = await crm.tickets.submit({ subject: '服务器宕机', teamId: 't1' });
    await crm.tickets.assign(t.id, { assigneeId: 'a1' });
    const heard: ServiceEvent[] = [];
    const unsubscribe = crm.service.subscribe((e) => heard.push(e));

    minutesLater(47);
    expect(await crm.tickets.checkSla()).toEqual([]);
    minutesLater(1); // 48 of 60 = 80 %
    const atRisk = await crm.tickets.checkSla();
    expect(atRisk.map((e) => e.type)).toEqual(['sla_at_risk', 'ticket_escalated']);
    expect(atRisk[1]).toMatchObject({ priority: { from: 'normal', to: 'high' } });
    expect(await crm.tickets.checkSla()).toEqual([]); // not again
    expect((await crm.tickets.get(t.id)).priority).toBe('high');

    minutesLater(12); // 60 of 60
    const breached = await crm.tickets.checkSla();
    expect(breached.map((e) => e.type)).toEqual(['sla_breached', 'ticket_escalated']);
    expect(breached[1]).toMatchObject({
      rule: 'to the team lead',
      assignee: { from: 'a1', to: 'lead' },
    });
    const after = await crm.tickets.get(t.id);
    expect(after.assigneeId).toBe('lead');
    expect(after.assignmentHistory.at(-1)).toMatchObject({
      method: 'escalation',
      fromAssigneeId: 'a1',
    });
    expect(heard.filter((e) => e.type.startsWith('sla_'))).toHaveLength(2);
    unsubscribe();
  });
});

describe('on resolve: survey requests and follow-up visits', () => {
  it('requests surveys and plans a 回访 visit in working hours', async () => {
    await setup({
      surveysOnResolve: ['csat', 'nps'],
      followUps: [
        {
          trigger: 'ticket_resolved',
          categories: ['fault', 'field_service'],
          activityType: 'visit',
          delayWorkingHours: 8,
          calendar: { timeZone: 'Asia/Shanghai' },
        },
      ],
    });
    const t = await crm.tickets.submit({
      subject: '空调不制冷',
      category: 'fault',
      customerId: 'cust1',
      assigneeId: 'a1',
    });
    expect(t.assignmentHistory).toMatchObject([{ method: 'manual', toAssigneeId: 'a1' }]);
    const heard: ServiceEvent[] = [];
    crm.service.subscribe((e) => heard.push(e));
    at('2026-03-06T08:00:00Z'); // Friday 16:00
    await crm.tickets.transition(t.id, 'resolved');
    const requests = await crm.surveyRequests.list({ where: { ticketId: { eq: t.id } } });
    expect(requests.items.map((r) => [r.kind, r.status, r.agentId])).toEqual(
      expect.arrayContaining([
        ['csat', 'pending', 'a1'],
        ['nps', 'pending', 'a1'],
      ]),
    );
    const visits = await crm.activities.list({ where: { ticketId: { eq: t.id } } });
    expect(visits.items).toHaveLength(1);
    // 2 h on Friday + 6 h on Monday → Monday 15:00
    expect(visits.items[0]).toMatchObject({
      type: 'visit',
      subject: '回访：空调不制冷',
      dueAt: '2026-03-09T07:00:00.000Z',
      ownerId: 'a1',
    });
    expect(heard.map((e) => e.type)).toEqual([
      'ticket_transitioned',
      'survey_requested',
      'survey_requested',
      'follow_up_planned',
    ]);
  });

  it('plans order follow-ups by calendar days', async () => {
    await setup({
      followUps: [{ trigger: 'order_delivered', activityType: 'call', delayDays: 7 }],
    });
    const order = await crm.orders.create({
      number: 'SO-1001',
      customerId: 'cust1',
      status: 'delivered',
      deliveredAt: '2026-03-02T02:00:00Z',
    });
    const [call] = await crm.service.planOrderFollowUps(order.id);
    expect(call).toMatchObject({
      type: 'call',
      subject: '回访：SO-1001',
      dueAt: '2026-03-09T02:00:00.000Z',
      customerId: 'cust1',
    });
  });
});

describe('plain updates of a ticket', () => {
  it('refuse status changes, which go through crm.tickets.transition', async () => {
    const client = await createCrm({ storage: createMemoryAdapter() });
    const ticket = await client.tickets.create({ subject: '发票抬头错误' });
    const error = await client.tickets.update(ticket.id, { status: 'closed' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0].path).toEqual(['status']);
    expect((await client.tickets.get(ticket.id)).status).toBe('new');
    expect((await client.tickets.update(ticket.id, { priority: 'high' })).priority).toBe('high');
    await client.close();
  });
});
