import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCrm, createMemoryAdapter, ValidationError, type Crm } from '../index.js';
import { headlineSla, UNRESOLVED_TICKET_STATUSES } from './ticket-queue.js';

// Around the clock (no calendar): first response 60 min, resolution 240 min, at risk at 75%.
let now = new Date('2026-03-02T02:00:00Z');
let crm: Crm;
const minutesLater = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

beforeEach(async () => {
  now = new Date('2026-03-02T02:00:00Z');
  crm = await createCrm({ storage: createMemoryAdapter(), clock: () => now });
  await crm.slaPolicies.create({
    name: '24×7',
    firstResponseMinutes: 60,
    resolutionMinutes: 240,
    atRiskRatio: 0.75,
  });
});
afterEach(async () => {
  await crm.close();
});

const subjects = async (query: Parameters<Crm['tickets']['queue']>[0]) =>
  (await crm.tickets.queue(query)).items.map((t) => t.subject);

describe('headlineSla', () => {
  it('is the most urgent open clock, else the worse outcome, else null', async () => {
    const t = await crm.tickets.submit({ subject: 'A' });
    minutesLater(50); // first response at risk (≥ 45 min), resolution running
    let headline = headlineSla(await crm.tickets.sla(t.id));
    expect(headline).toMatchObject({ clock: 'first_response', state: 'at_risk' });
    await crm.tickets.comment(t.id, { body: '收到', public: true }); // first response achieved
    headline = headlineSla(await crm.tickets.sla(t.id));
    expect(headline).toMatchObject({ clock: 'resolution', state: 'running' });
    expect(headline!.evaluation.remainingMinutes).toBe(190);
    minutesLater(200); // resolution breached
    await crm.tickets.transition(t.id, 'resolved');
    headline = headlineSla(await crm.tickets.sla(t.id));
    expect(headline).toMatchObject({ clock: 'resolution', state: 'breached' });
    await crm.slaPolicies.update((await crm.slaPolicies.list()).items[0]!.id, { active: false });
    expect(headlineSla(await crm.tickets.sla(t.id))).toBeNull();
  });
});

describe('crm.tickets.queue', () => {
  it('filters by SLA state at the injected clock, then sorts and pages', async () => {
    await crm.tickets.submit({ subject: 'old' });
    minutesLater(20);
    await crm.tickets.submit({ subject: 'middle' });
    minutesLater(20);
    await crm.tickets.submit({ subject: 'new' });
    const orderBy = [{ field: 'createdAt', direction: 'asc' as const }];
    // 40 / 20 / 0 minutes old: nothing at risk yet.
    expect(await subjects({ sla: 'at_risk', orderBy })).toEqual([]);
    expect(await subjects({ orderBy })).toEqual(['old', 'middle', 'new']);
    minutesLater(30); // 70 / 50 / 30: first response breached, at risk, running
    expect(await subjects({ sla: 'breached', orderBy })).toEqual(['old']);
    expect(await subjects({ sla: 'at_risk', orderBy })).toEqual(['middle']);
    minutesLater(30); // 100 / 80 / 60
    const first = await crm.tickets.queue({ sla: 'breached', orderBy, limit: 2 });
    expect(first.items.map((t) => t.subject)).toEqual(['old', 'middle']);
    expect(first.total).toBe(3);
    const second = await crm.tickets.queue({
      sla: 'breached',
      orderBy,
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((t) => t.subject)).toEqual(['new']);
    expect(second.nextCursor).toBeNull();
  });

  it('combines the SLA filter with where, and a pending ticket is paused, not at risk', async () => {
    const mine = await crm.tickets.submit({ subject: 'mine', assigneeId: 'local' });
    await crm.tickets.submit({ subject: 'theirs', assigneeId: 'u-wang' });
    minutesLater(10);
    await crm.tickets.transition(mine.id, 'pending');
    minutesLater(40);
    const where = {
      assigneeId: { eq: 'local' },
      status: { in: [...UNRESOLVED_TICKET_STATUSES] },
    };
    expect(await subjects({ sla: 'at_risk' })).toEqual(['theirs']);
    expect(await subjects({ sla: 'at_risk', where })).toEqual([]);
    expect(headlineSla(await crm.tickets.sla(mine.id))?.state).toBe('paused');
  });

  it('rejects an unknown SLA filter or an invalid query', async () => {
    await expect(crm.tickets.queue({ sla: 'late' as 'breached' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(crm.tickets.queue({ sla: 'breached', limit: 0 })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
