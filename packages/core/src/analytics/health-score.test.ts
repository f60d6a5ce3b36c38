import type { SlaPolicy } from '../entities/sla-policy.js';
import type { Ticket } from '../entities/ticket.js';
import { ValidationError } from '../errors.js';
import type { OrderFacts } from './customer-orders.js';
import {
  healthScore,
  isHealthDrop,
  resolveHealthOptions,
  type HealthInput,
} from './health-score.js';

const NOW = '2026-03-11T00:00:00.000Z';
const order = (day: string, unitPrice: number): OrderFacts => ({
  customerId: 'h1',
  status: 'paid',
  orderedAt: `${day}T00:00:00.000Z`,
  createdAt: `${day}T00:00:00.000Z`,
  currency: 'CNY',
  lines: [{ productName: '服务包', quantity: 1, unitPrice, discount: 0 }],
  payments: [],
});
const ticket = (id: string, status: Ticket['status'], resolvedAfterMin?: number): Ticket =>
  ({
    id,
    customerId: 'h1',
    createdAt: '2026-03-01T00:00:00.000Z',
    category: 'complaint',
    priority: 'normal',
    status,
    slaPauses: [],
    ...(resolvedAfterMin !== undefined && {
      firstRespondedAt: '2026-03-01T00:10:00.000Z',
      resolvedAt: new Date(
        Date.parse('2026-03-01T00:00:00.000Z') + resolvedAfterMin * 60_000,
      ).toISOString(),
    }),
  }) as unknown as Ticket;
const policy = {
  id: 'p1',
  name: 'standard',
  active: true,
  priorities: [],
  categories: [],
  firstResponseMinutes: 60,
  resolutionMinutes: 240,
  pauseWhilePending: true,
  atRiskRatio: 0.8,
} as unknown as SlaPolicy;

/**
 * Customer h1 on 2026-03-11, default weights:
 *   purchase_interval  orders 2025-11-01, 2025-12-11, 2026-01-20: usual 40 days; 50 days since
 *                      → 25 × (50/40 − 1) = 6.25 → 6
 *   order_value        totals 1000, 1000, 400: recent (last 1) 400 vs earlier 1000, drop 60 % → 20 × 0.6 = 12
 *   open_complaints    2 open (new, open) + 1 resolved → 2 × 10 = 20
 *   sla_breaches       the 2 open ones are past their 60-minute first response → 2 × 5 = 10
 *   csat               5 and 2 → 50 % → 15 × 50 / 100 = 7.5 → 8
 *   nps                8 (passive) → 0 → 15 × 100 / 200 = 7.5 → 8
 *   no_contact         last contact 2026-02-01, 38 days ≥ 30 → 15
 *   score = 100 − (6 + 12 + 20 + 10 + 8 + 8 + 15) = 100 − 79 = 21
 */
const input: HealthInput = {
  customer: {
    id: 'h1',
    createdAt: '2025-01-01T00:00:00.000Z',
    lastContactAt: '2026-02-01T00:00:00.000Z',
  },
  orders: [order('2025-11-01', 1000), order('2025-12-11', 1000), order('2026-01-20', 400)],
  tickets: [ticket('t1', 'new'), ticket('t2', 'open'), ticket('t3', 'resolved', 30)],
  slaPolicies: [policy],
  surveys: [
    { kind: 'csat', score: 5, respondedAt: '2026-03-02T00:00:00.000Z', customerId: 'h1' },
    { kind: 'csat', score: 2, respondedAt: '2026-03-03T00:00:00.000Z', customerId: 'h1' },
    { kind: 'nps', score: 8, respondedAt: '2026-03-04T00:00:00.000Z', customerId: 'h1' },
  ],
  now: NOW,
};

describe('healthScore', () => {
  it('lists each signal’s penalty, and the penalties add up to the score exactly', () => {
    const health = healthScore(input);
    expect(health.signals.map((s) => [s.signal, s.penalty])).toEqual([
      ['purchase_interval', 6],
      ['order_value', 12],
      ['open_complaints', 20],
      ['sla_breaches', 10],
      ['csat', 8],
      ['nps', 8],
      ['no_contact', 15],
    ]);
    expect(health.score).toBe(21);
    expect(health.clamp).toBe(0);
    expect(health.base - health.signals.reduce((s, x) => s + x.penalty, 0) + health.clamp).toBe(
      health.score,
    );
    expect(health.reasons.map((r) => r.signal)).toEqual([
      'open_complaints',
      'no_contact',
      'order_value',
      'sla_breaches',
      'csat',
      'nps',
      'purchase_interval',
    ]);
    expect(health.signals[0]!.detail).toBe('No purchase for 50 days; usually every 40 days');
  });

  it('reports the clamp when penalties exceed 100, so the sum still holds', () => {
    const options = resolveHealthOptions({ weights: { noContact: 100 } });
    const health = healthScore(input, options);
    // 100 − (79 − 15 + 100) = −64 → clamped to 0, clamp +64.
    expect(health.score).toBe(0);
    expect(health.clamp).toBe(64);
    expect(health.base - health.signals.reduce((s, x) => s + x.penalty, 0) + health.clamp).toBe(0);
  });

  it('gives 100 to a customer with no warning signs, and nothing for missing data', () => {
    const health = healthScore({
      customer: { id: 'h2', createdAt: '2026-03-01T00:00:00.000Z' },
      orders: [],
      tickets: [],
      slaPolicies: [],
      surveys: [],
      now: NOW,
    });
    expect(health.score).toBe(100);
    expect(health.reasons).toEqual([]);
  });

  it('checks its options with paths', () => {
    try {
      resolveHealthOptions({ riskThreshold: 120, weights: { csat: -1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual([
        'health.weights.csat',
        'health.riskThreshold',
      ]);
    }
  });

  it('warns on a fall of dropAlert points or below the risk threshold', () => {
    const options = { dropAlert: 10, riskThreshold: 60 };
    expect(isHealthDrop(null, 59, options)).toBe(true);
    expect(isHealthDrop(null, 60, options)).toBe(false);
    expect(isHealthDrop(90, 80, options)).toBe(true);
    expect(isHealthDrop(90, 81, options)).toBe(false);
    expect(isHealthDrop(62, 58, options)).toBe(true);
    expect(isHealthDrop(50, 60, options)).toBe(false);
  });
});
