import { createCrm, createMemoryAdapter, type Crm } from '../index.js';
import { scoreLead } from './lead-scoring.js';
import type { ScoringRule } from './sales-options.js';

const rules: ScoringRule[] = [
  { id: 'referral', label: '转介绍', points: 20, when: { source: { eq: 'referral' } } },
  { id: 'manufacturing', label: '制造业', points: 15, when: { industry: { eq: '制造业' } } },
  { id: 'big', label: '500人以上', points: 10, when: { companySize: { gte: 500 } } },
  { id: 'calls', label: '每次电话', points: 4, per: 'activities.call', max: 8 },
  { id: 'campaigns', label: '每次活动响应', points: 7, per: 'touches.campaigns' },
  { id: 'cold', label: '未获得电话', points: -5, when: { phones: { exists: false } } },
];

let crm: Crm;
let now = Date.parse('2026-03-02T01:00:00.000Z');

beforeEach(async () => {
  now = Date.parse('2026-03-02T01:00:00.000Z');
  crm = await createCrm({
    storage: createMemoryAdapter(),
    clock: () => new Date(now),
    sales: { scoringRules: rules },
  });
});
afterEach(() => crm.close());

describe('scoreLead', () => {
  it('explains every rule with its contribution and clamps at 0', () => {
    const result = scoreLead(
      { source: 'referral', industry: '制造业', companySize: 800, phones: [] },
      { activities: { call: 3 } },
      rules,
    );
    expect(result.explanation).toEqual([
      { ruleId: 'referral', label: '转介绍', points: 20 },
      { ruleId: 'manufacturing', label: '制造业', points: 15 },
      { ruleId: 'big', label: '500人以上', points: 10 },
      { ruleId: 'calls', label: '每次电话', points: 8 },
      { ruleId: 'campaigns', label: '每次活动响应', points: 0 },
      { ruleId: 'cold', label: '未获得电话', points: -5 },
    ]);
    expect(result.score).toBe(48);
    expect(scoreLead({ phones: [] }, { activities: {} }, rules).score).toBe(0);
  });
});

describe('lead scoring on change', () => {
  it('scores on create and rescoring on update, with the explanation stored', async () => {
    const lead = await crm.leads.create({ name: '周杰', source: 'referral' });
    expect(lead.score).toBe(15);
    expect(lead.scoreExplanation!.find((c) => c.ruleId === 'cold')!.points).toBe(-5);
    const updated = await crm.leads.update(lead.id, {
      industry: '制造业',
      phones: [{ number: '138 0013 8000' }],
    });
    expect(updated.score).toBe(35);
    expect(updated.scoreExplanation!.map((c) => c.points)).toEqual([20, 15, 0, 0, 0, 0]);
  });

  it('rescoring when activities are logged or cancelled, and on campaign responses', async () => {
    const lead = await crm.leads.create({ name: '周杰', phones: [{ number: '13800138000' }] });
    expect(lead.score).toBe(0);
    const call = await crm.activities.create({ type: 'call', subject: '电话1', leadId: lead.id });
    expect((await crm.leads.get(lead.id)).score).toBe(4);
    const call2 = await crm.activities.create({ type: 'call', subject: '电话2', leadId: lead.id });
    await crm.activities.create({ type: 'call', subject: '电话3', leadId: lead.id });
    expect((await crm.leads.get(lead.id)).score).toBe(8); // 3 calls, capped at max 8
    await crm.activities.update(call.id, { status: 'cancelled' });
    expect((await crm.leads.get(lead.id)).score).toBe(8); // 2 calls
    await crm.activities.update(call2.id, { status: 'cancelled' });
    expect((await crm.leads.get(lead.id)).score).toBe(4);
    // A campaign response: a repeat capture from a campaign.
    const merged = await crm.leads.capture({
      name: '周杰',
      phone: '138-0013-8000',
      campaignId: 'c1',
    });
    expect(merged.created).toBe(false);
    expect(merged.lead.score).toBe(11);
    const explained = await crm.leads.explainScore(lead.id);
    expect(explained.score).toBe(11);
  });

  it('rescore applies changed rules to stored leads', async () => {
    const storage = createMemoryAdapter();
    const before = await createCrm({
      storage,
      clock: () => new Date(now),
      sales: { scoringRules: rules },
    });
    const lead = await before.leads.create({
      name: 'x',
      source: 'referral',
      phones: [{ number: '13800138000' }],
    });
    expect(lead.score).toBe(20);
    expect((await before.leads.rescore(lead.id)).version).toBe(lead.version); // unchanged: no write
    const after = await createCrm({
      storage,
      clock: () => new Date(now),
      sales: {
        scoringRules: [
          { id: 'referral', label: '转介绍', points: 50, when: { source: { eq: 'referral' } } },
        ],
      },
    });
    const rescored = await after.leads.rescore(lead.id);
    expect(rescored.score).toBe(50);
    expect(rescored.scoreExplanation).toEqual([
      { ruleId: 'referral', label: '转介绍', points: 50 },
    ]);
    await after.close();
  });
});
