import { campaignRoi, type CampaignFacts } from './campaign-roi.js';

/**
 * Q1 2026: k1 (owner mei) cost 1 000, k2 (owner mei) cost 3 000; Q2: k3 cost 0.
 *   deals: k1 won 5 000, k2 won 1 000 + lost 9 000 (not revenue); d4 via lead L1 (first touch k1) won 2 000
 *   Q1 ROI = (5 000 + 2 000 + 1 000 − 4 000) / 4 000 = 1; Q2: cost 0 → null
 */
const campaign = (id: string, actualCost: number, startAt: string): CampaignFacts => ({
  id,
  actualCost,
  budget: 10_000,
  currency: 'CNY',
  ownerId: 'mei',
  startAt,
  createdAt: startAt,
});
const campaigns = [
  campaign('k1', 1_000, '2026-01-10T00:00:00.000Z'),
  campaign('k2', 3_000, '2026-03-31T15:59:59.999Z'),
  campaign('k3', 0, '2026-03-31T16:00:00.000Z'), // first instant of Q2 in Shanghai
];
const won = (id: string, amount: number, extra: object) => ({
  id,
  status: 'won' as const,
  amount,
  currency: 'CNY',
  ...extra,
});
const deals = [
  won('d1', 5_000, { campaignId: 'k1' }),
  won('d2', 1_000, { campaignId: 'k2' }),
  { ...won('d3', 9_000, { campaignId: 'k2' }), status: 'lost' as const },
  won('d4', 2_000, { leadId: 'L1' }),
];
const leads = [{ id: 'L1', campaignId: 'k1', status: 'converted' as const }];

describe('campaignRoi', () => {
  it('is (won revenue − cost) / cost of the campaigns started in the period, via campaignReport', () => {
    const report = campaignRoi(campaigns, leads, deals, {
      period: 'quarter',
      from: '2026-01-01',
      to: '2026-07-01',
    });
    expect(report.total.points.map((p) => [p.period, p.value, p.numerator, p.denominator])).toEqual(
      [
        ['2026-Q1', 1, 4_000, 4_000],
        ['2026-Q2', null, 0, 0],
      ],
    );
  });
});
