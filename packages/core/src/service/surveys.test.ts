import { afterEach, describe, expect, it } from 'vitest';
import { createCrm, createMemoryAdapter, type Crm } from '../index.js';
import { summarizeSurveys } from './surveys.js';

let crm: Crm;
let now = new Date('2026-03-02T02:00:00Z');

afterEach(async () => {
  await crm?.close();
});

describe('summarizeSurveys', () => {
  it('computes CSAT and NPS against hand-computed numbers', () => {
    // CSAT: 5 5 4 3 1 → 3 satisfied of 5 = 60 %
    // NPS: 10 9 9 8 7 6 3 0 → 3 promoters, 2 passives, 3 detractors of 8 → (3 − 3) / 8 = 0
    // plus 10 10 → 5 promoters, 3 detractors of 10 → 20
    const csat = [5, 5, 4, 3, 1].map((score) => ({ kind: 'csat' as const, score }));
    const nps = [10, 9, 9, 8, 7, 6, 3, 0, 10, 10].map((score) => ({ kind: 'nps' as const, score }));
    expect(summarizeSurveys([...csat, ...nps])).toEqual({
      csat: { responses: 5, satisfied: 3, percent: 60 },
      nps: { responses: 10, promoters: 5, passives: 2, detractors: 3, score: 20 },
    });
  });

  it('gives null for an empty set, never NaN', () => {
    expect(summarizeSurveys([])).toEqual({
      csat: { responses: 0, satisfied: 0, percent: null },
      nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null },
    });
  });
});

describe('surveys through the CRM', () => {
  it('answers a request made at resolution and reports per period, agent and team', async () => {
    crm = await createCrm({
      storage: createMemoryAdapter(),
      clock: () => now,
      service: { surveysOnResolve: ['csat'] },
    });
    const t = await crm.tickets.submit({
      subject: '退款',
      assigneeId: 'a1',
      teamId: 'east',
      customerId: 'c1',
    });
    await crm.tickets.transition(t.id, 'resolved');
    const [request] = (await crm.surveyRequests.list({ where: { ticketId: { eq: t.id } } })).items;
    const response = await crm.surveys.respond(request!.id, { score: 5, comment: '很满意' });
    expect(response).toMatchObject({
      kind: 'csat',
      score: 5,
      ticketId: t.id,
      customerId: 'c1',
      agentId: 'a1',
      teamId: 'east',
      requestId: request!.id,
    });
    expect(await crm.surveyRequests.get(request!.id)).toMatchObject({
      status: 'answered',
      responseId: response.id,
    });
    await expect(crm.surveys.respond(request!.id, { score: 4 })).rejects.toThrow(/answered/);

    // More responses: a1/east 4, 2 in March; a2/west 1 in March; a1 nps 9 and a2 nps 5 in March;
    // one a2 csat 5 in February (outside the period).
    const add = (
      kind: 'csat' | 'nps',
      score: number,
      agentId: string,
      teamId: string,
      respondedAt: string,
    ) => crm.surveys.create({ kind, score, agentId, teamId, respondedAt });
    await add('csat', 4, 'a1', 'east', '2026-03-03T00:00:00Z');
    await add('csat', 2, 'a1', 'east', '2026-03-04T00:00:00Z');
    await add('csat', 1, 'a2', 'west', '2026-03-05T00:00:00Z');
    await add('nps', 9, 'a1', 'east', '2026-03-05T00:00:00Z');
    await add('nps', 5, 'a2', 'west', '2026-03-06T00:00:00Z');
    await add('csat', 5, 'a2', 'west', '2026-02-27T00:00:00Z');

    const march = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    // CSAT March: 5 4 2 1 → 2 of 4 = 50 %; NPS March: 9, 5 → (1 − 1) / 2 = 0
    expect(await crm.surveys.csat(march)).toBe(50);
    expect(await crm.surveys.nps(march)).toBe(0);
    const byAgent = await crm.surveys.report({ ...march, groupBy: 'agent' });
    expect(byAgent.groups.map((g) => [g.key, g.csat.percent, g.nps.score])).toEqual([
      ['a1', (2 / 3) * 100, 100],
      ['a2', 0, -100],
    ]);
    const byTeam = await crm.surveys.report({ ...march, groupBy: 'team' });
    expect(byTeam.groups.map((g) => g.key)).toEqual(['east', 'west']);
    expect(await crm.surveys.csat({ ...march, teamId: 'west' })).toBe(0);
    // February alone: one csat 5 → 100 %; NPS none → null
    const feb = { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };
    expect(await crm.surveys.csat(feb)).toBe(100);
    expect(await crm.surveys.nps(feb)).toBeNull();
    expect(await crm.surveys.csat({ from: '2030-01-01T00:00:00Z' })).toBeNull();
    now = new Date('2026-03-02T02:00:00Z');
  });
});
