import type { Customer } from '../entities/customer.js';
import type { SlaPolicy } from '../entities/sla-policy.js';
import type { Ticket } from '../entities/ticket.js';
import { orderTotal } from '../sales/orders.js';
import { summarizeSurveys } from '../service/surveys.js';
import { evaluateTicketSla, selectSlaPolicy } from '../service/ticket-sla.js';
import { purchasesByCustomer, type OrderFacts } from './customer-orders.js';
import type { SurveyFacts } from './satisfaction-scores.js';
import {
  DEFAULT_HEALTH_WEIGHTS,
  resolveHealthOptions,
  type HealthOptions,
  type HealthWeights,
  type ResolvedHealthOptions,
} from './analytics-options.js';

// The options live in analytics-options.ts (checked by `createCrm` without loading this module).
export {
  DEFAULT_HEALTH_WEIGHTS,
  resolveHealthOptions,
  type HealthOptions,
  type HealthWeights,
  type ResolvedHealthOptions,
};

const DAY_MS = 86_400_000;

export const HEALTH_SIGNALS = [
  'purchase_interval',
  'order_value',
  'open_complaints',
  'sla_breaches',
  'csat',
  'nps',
  'no_contact',
] as const;
export type HealthSignalName = (typeof HEALTH_SIGNALS)[number];

/** One signal's part in the score: the points it took off and why. */
export interface HealthSignal {
  readonly signal: HealthSignalName;
  /** Points subtracted from 100 (a whole number, 0 when the signal is fine). */
  readonly penalty: number;
  /** The most this signal could take off. */
  readonly weight: number;
  /** A sentence for people, e.g. "No purchase for 92 days; usually every 30 days". */
  readonly detail: string;
  /** The figures behind it. */
  readonly evidence: Readonly<Record<string, number | string | null>>;
}

/**
 * A customer's health, 0–100, explained: `score = 100 − Σ signals[].penalty + clamp`, exactly.
 * `clamp` is what was added back to keep the score from going below 0 (0 otherwise).
 */
export interface HealthScore {
  readonly customerId: string;
  readonly score: number;
  readonly base: 100;
  /** Every signal, in {@link HEALTH_SIGNALS} order, including those with no penalty. */
  readonly signals: readonly HealthSignal[];
  readonly clamp: number;
  /** The signals with a penalty, largest first: the reasons for a low score. */
  readonly reasons: readonly HealthSignal[];
  readonly evaluatedAt: string;
}

export interface HealthInput {
  readonly customer: Pick<Customer, 'id' | 'lastContactAt' | 'assignedAt'> & {
    readonly createdAt: string;
  };
  /** The customer's orders (others are ignored). */
  readonly orders: readonly OrderFacts[];
  /** The customer's tickets. */
  readonly tickets: readonly Ticket[];
  readonly slaPolicies: readonly SlaPolicy[];
  /** The customer's survey responses. */
  readonly surveys: readonly SurveyFacts[];
  /** The clock's reading, ISO. */
  readonly now: string;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The health score of one customer from explainable signals. Each signal takes whole points off
 * 100 (weights from {@link HealthWeights}):
 *
 * - `purchase_interval`: with 3+ purchases, `usual` = mean gap between consecutive purchases and
 *   `gap` = days since the last; `penalty = round(weight × clamp(gap / usual − 1, 0, 1))` — full
 *   weight once the gap is twice the usual interval.
 * - `order_value`: with 2+ purchases, `recent` = the last `min(3, ⌊n/2⌋)` orders, `earlier` = the
 *   rest; `drop = 1 − mean(recent total) / mean(earlier total)`;
 *   `penalty = round(weight × clamp(drop, 0, 1))`.
 * - `open_complaints`: tickets in category `complaint` not resolved or closed;
 *   `penalty = min(openComplaintsMax, openComplaint × count)`.
 * - `sla_breaches`: tickets created in the lookback with a breached first-response or resolution
 *   clock (the one SLA engine); `penalty = min(slaBreachesMax, slaBreach × count)`.
 * - `csat`: CSAT % in the lookback (`summarizeSurveys`); `penalty = round(weight × (100 − csat) / 100)`.
 * - `nps`: NPS in the lookback; `penalty = round(weight × (100 − nps) / 200)` (promoters 0,
 *   passives half, detractors full).
 * - `no_contact`: days since `lastContactAt` (else `assignedAt`, else `createdAt`);
 *   `penalty = weight` at `noContactDays` or more.
 *
 * Signals without data (too few purchases, no surveys) take nothing off.
 *
 * @example
 * ```ts
 * const health = healthScore({ customer, orders, tickets, slaPolicies, surveys, now: '2026-04-10T00:00:00Z' });
 * health.score === 100 - health.signals.reduce((s, x) => s + x.penalty, 0) + health.clamp; // true
 * ```
 */
export function healthScore(
  input: HealthInput,
  options: ResolvedHealthOptions = resolveHealthOptions(),
): HealthScore {
  const { customer, now } = input;
  const w = options.weights;
  const nowMs = Date.parse(now);
  const since = nowMs - options.lookbackDays * DAY_MS;
  const signals: HealthSignal[] = [];
  const add = (
    signal: HealthSignalName,
    penalty: number,
    weight: number,
    detail: string,
    evidence: Record<string, number | string | null> = {},
  ) => signals.push({ signal, penalty, weight, detail, evidence });

  const purchases = purchasesByCustomer(
    input.orders.filter((o) => o.customerId === customer.id),
  )[0];
  const times = purchases?.times ?? [];

  // purchase_interval
  if (times.length >= 3) {
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY_MS);
    const usual = mean(gaps);
    const gap = (nowMs - times[times.length - 1]!) / DAY_MS;
    const penalty = usual > 0 ? Math.round(w.purchaseInterval * clamp01(gap / usual - 1)) : 0;
    add(
      'purchase_interval',
      penalty,
      w.purchaseInterval,
      `No purchase for ${Math.floor(gap)} days; usually every ${round1(usual)} days`,
      { daysSinceLastPurchase: round1(gap), usualIntervalDays: round1(usual) },
    );
  } else {
    add('purchase_interval', 0, w.purchaseInterval, 'Fewer than 3 purchases: no usual interval', {
      purchases: times.length,
    });
  }

  // order_value
  const totals = (purchases?.orders ?? []).map((o) => orderTotal(o.lines));
  if (totals.length >= 2) {
    const k = Math.min(3, Math.floor(totals.length / 2));
    const recent = mean(totals.slice(-k));
    const earlier = mean(totals.slice(0, -k));
    const drop = earlier > 0 ? 1 - recent / earlier : 0;
    add(
      'order_value',
      Math.round(w.orderValue * clamp01(drop)),
      w.orderValue,
      drop > 0
        ? `Recent orders average ${round1(recent)}, down ${Math.round(drop * 100)}% from ${round1(earlier)}`
        : `Recent orders average ${round1(recent)}, not below earlier ${round1(earlier)}`,
      { recentAverage: round1(recent), earlierAverage: round1(earlier), recentOrders: k },
    );
  } else {
    add('order_value', 0, w.orderValue, 'Fewer than 2 purchases: no trend', {
      purchases: totals.length,
    });
  }

  // open_complaints
  const tickets = input.tickets.filter((t) => t.customerId === customer.id);
  const complaints = tickets.filter(
    (t) => t.category === 'complaint' && t.status !== 'resolved' && t.status !== 'closed',
  ).length;
  add(
    'open_complaints',
    Math.min(w.openComplaintsMax, w.openComplaint * complaints),
    w.openComplaintsMax,
    `${complaints} open complaint${complaints === 1 ? '' : 's'}`,
    { openComplaints: complaints },
  );

  // sla_breaches
  const breaches = tickets.filter((t) => {
    if (Date.parse(t.createdAt) < since) return false;
    const sla = evaluateTicketSla(t, selectSlaPolicy(t, input.slaPolicies), now);
    return sla.firstResponse?.breached === true || sla.resolution?.breached === true;
  }).length;
  add(
    'sla_breaches',
    Math.min(w.slaBreachesMax, w.slaBreach * breaches),
    w.slaBreachesMax,
    `${breaches} ticket${breaches === 1 ? '' : 's'} with a breached SLA in ${options.lookbackDays} days`,
    { breachedTickets: breaches },
  );

  // csat, nps
  const recentSurveys = input.surveys.filter(
    (r) => r.customerId === customer.id && Date.parse(r.respondedAt) >= since,
  );
  const { csat, nps } = summarizeSurveys(recentSurveys);
  add(
    'csat',
    csat.percent === null ? 0 : Math.round((w.csat * (100 - csat.percent)) / 100),
    w.csat,
    csat.percent === null
      ? 'No CSAT responses'
      : `CSAT ${round1(csat.percent)}% over ${csat.responses} response${csat.responses === 1 ? '' : 's'}`,
    { csatPercent: csat.percent, responses: csat.responses },
  );
  add(
    'nps',
    nps.score === null ? 0 : Math.round((w.nps * (100 - nps.score)) / 200),
    w.nps,
    nps.score === null
      ? 'No NPS responses'
      : `NPS ${round1(nps.score)} over ${nps.responses} response${nps.responses === 1 ? '' : 's'}`,
    { nps: nps.score, responses: nps.responses },
  );

  // no_contact
  const lastContact = customer.lastContactAt ?? customer.assignedAt ?? customer.createdAt;
  const quietDays = Math.floor((nowMs - Date.parse(lastContact)) / DAY_MS);
  add(
    'no_contact',
    quietDays >= options.noContactDays ? w.noContact : 0,
    w.noContact,
    `Last contact ${quietDays} days ago (limit ${options.noContactDays})`,
    { daysSinceContact: quietDays, lastContactAt: lastContact },
  );

  const raw = 100 - signals.reduce((s, x) => s + x.penalty, 0);
  const score = Math.max(0, Math.min(100, raw));
  return {
    customerId: customer.id,
    score,
    base: 100,
    signals,
    clamp: score - raw,
    reasons: signals.filter((s) => s.penalty > 0).sort((a, b) => b.penalty - a.penalty),
    evaluatedAt: now,
  };
}

/**
 * Whether a new score is a `health_dropped` warning: a fall of at least `dropAlert` points, or a
 * fall below `riskThreshold`; with no previous score, a first score below `riskThreshold`.
 */
export function isHealthDrop(
  previous: number | null,
  current: number,
  options: Pick<ResolvedHealthOptions, 'dropAlert' | 'riskThreshold'>,
): boolean {
  if (previous === null) return current < options.riskThreshold;
  if (current >= previous) return false;
  return (
    previous - current >= options.dropAlert ||
    (previous >= options.riskThreshold && current < options.riskThreshold)
  );
}
