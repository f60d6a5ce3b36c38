import { afterEach, describe, expect, it } from 'vitest';
import {
  createCrm,
  createMemoryAdapter,
  ValidationError,
  type Crm,
  type ServiceAgent,
} from '../index.js';
import { chooseAgent } from './assignment.js';

let now = new Date('2026-03-02T02:00:00Z');
let crm: Crm;
const tick = () => {
  now = new Date(now.getTime() + 60_000);
};

const agents: ServiceAgent[] = [
  { id: 'wang', teamId: 'support', skills: ['inquiry'] },
  { id: 'li', teamId: 'support', skills: ['complaint', 'inquiry'] },
  { id: 'zhao', teamId: 'support', skills: ['fault'] },
  { id: 'away', teamId: 'support', skills: ['complaint'], active: false },
  { id: 'chen', teamId: 'field', skills: ['field_service'] },
];

async function setup(directory: ServiceAgent[] | (() => Promise<ServiceAgent[]>) = agents) {
  crm = await createCrm({
    storage: createMemoryAdapter(),
    clock: () => now,
    service: { agents: directory },
  });
}

afterEach(async () => {
  await crm?.close();
});

async function submitAndAssign(
  strategy: 'round_robin' | 'least_loaded' | 'skill',
  category = 'inquiry' as const,
) {
  tick();
  const t = await crm.tickets.submit({ subject: '咨询', teamId: 'support', category });
  return crm.tickets.assign(t.id, { strategy });
}

describe('assignment strategies', () => {
  it('round-robin rotates through the active team members in directory order', async () => {
    await setup();
    const picked: string[] = [];
    for (let i = 0; i < 7; i++) picked.push((await submitAndAssign('round_robin')).assigneeId!);
    expect(picked).toEqual(['wang', 'li', 'zhao', 'wang', 'li', 'zhao', 'wang']);
  });

  it('round-robin still rotates under a frozen clock', async () => {
    await setup(async () => agents); // an async directory callback
    const picked: string[] = [];
    for (let i = 0; i < 4; i++) {
      const t = await crm.tickets.submit({ subject: '咨询', teamId: 'support' });
      picked.push((await crm.tickets.assign(t.id, { strategy: 'round_robin' })).assigneeId!);
    }
    expect(picked).toEqual(['wang', 'li', 'zhao', 'wang']);
  });

  it('least-loaded picks the agent with the fewest unresolved tickets', async () => {
    await setup();
    // wang: 2 open, li: 1 open + 1 resolved, zhao: 1 open
    for (const [id, status] of [
      ['wang', 'open'],
      ['wang', 'pending'],
      ['li', 'open'],
      ['li', 'resolved'],
      ['zhao', 'new'],
    ] as const) {
      tick();
      await crm.tickets.create({ subject: 'x', assigneeId: id, teamId: 'support', status });
    }
    // li and zhao tie at 1: zhao was assigned later, so li (least recent) wins
    expect((await submitAndAssign('least_loaded')).assigneeId).toBe('li');
    expect((await submitAndAssign('least_loaded')).assigneeId).toBe('zhao');
    // now wang 2, li 2, zhao 2: wang was least recently given one
    expect((await submitAndAssign('least_loaded')).assigneeId).toBe('wang');
  });

  it('skill matching keeps to agents with the category, least-loaded among them', async () => {
    await setup();
    expect((await submitAndAssign('skill', 'fault' as 'inquiry')).assigneeId).toBe('zhao');
    const complaint = await submitAndAssign('skill', 'complaint' as 'inquiry');
    expect(complaint.assigneeId).toBe('li'); // 'away' has the skill but is inactive
    expect(complaint.assignmentHistory.at(-1)!.method).toBe('skill');
    // nobody in support does suggestions: falls back to least-loaded, recorded as such
    const fallback = await submitAndAssign('skill', 'suggestion' as 'inquiry');
    expect(fallback.assigneeId).toBe('wang');
    expect(fallback.assignmentHistory.at(-1)!.method).toBe('least_loaded');
  });

  it('reassigns manually, keeping the history', async () => {
    await setup();
    const t = await submitAndAssign('round_robin');
    tick();
    const moved = await crm.tickets.assign(t.id, { assigneeId: 'chen', note: '需要上门' });
    expect(moved).toMatchObject({ assigneeId: 'chen', teamId: 'field' });
    expect(
      moved.assignmentHistory.map((h) => [h.fromAssigneeId, h.toAssigneeId, h.method]),
    ).toEqual([
      [undefined, 'wang', 'round_robin'],
      ['wang', 'chen', 'manual'],
    ]);
    expect(moved.assignmentHistory[1]!.note).toBe('需要上门');
    await expect(crm.tickets.assign(t.id, { assigneeId: 'away' })).rejects.toThrow(ValidationError);
    await expect(crm.tickets.assign(t.id, { teamId: 'nobody' })).rejects.toThrow(/No active agent/);
  });

  it('auto-assigns submitted tickets when configured', async () => {
    crm = await createCrm({
      storage: createMemoryAdapter(),
      clock: () => now,
      service: { agents, autoAssign: true, defaultStrategy: 'skill' },
    });
    const t = await crm.tickets.submit({
      subject: '设备故障',
      category: 'fault',
      teamId: 'support',
    });
    expect(t.assigneeId).toBe('zhao');
  });
});

describe('chooseAgent', () => {
  it('returns null without agents', () => {
    expect(chooseAgent('round_robin', [], new Map())).toBeNull();
  });
});
