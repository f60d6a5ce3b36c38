import type { SlaPolicy } from '../entities/sla-policy.js';
import type { Ticket } from '../entities/ticket.js';
import { evaluateSlaClock, type SlaClockEvaluation, type SlaPause } from './sla-engine.js';

/** A ticket's two SLA clocks under its policy, as `crm.tickets.sla(id)` returns them. */
export interface TicketSla {
  readonly ticketId: string;
  /** The policy applied; `null` when none matches (then both clocks are `null`). */
  readonly policyId: string | null;
  readonly policyName: string | null;
  readonly firstResponse: SlaClockEvaluation | null;
  readonly resolution: SlaClockEvaluation | null;
  /** When evaluated (the injected clock's reading). */
  readonly evaluatedAt: string;
}

/**
 * The policy for a ticket: its `slaPolicyId` when set (even if inactive — an explicit choice),
 * otherwise the most specific active policy whose priorities and categories both match (an empty
 * list matches everything). Specificity: matching on both > on priority > on category > neither;
 * ties go to the shorter resolution target, then to the lower id. Because the match is evaluated
 * each time, raising a ticket's priority tightens its SLA.
 */
export function selectSlaPolicy(
  ticket: Pick<Ticket, 'slaPolicyId' | 'priority' | 'category'>,
  policies: readonly SlaPolicy[],
): SlaPolicy | null {
  if (ticket.slaPolicyId) {
    const explicit = policies.find((p) => p.id === ticket.slaPolicyId);
    if (explicit) return explicit;
  }
  const score = (p: SlaPolicy) => (p.priorities.length ? 2 : 0) + (p.categories.length ? 1 : 0);
  const matching = policies.filter(
    (p) =>
      p.active &&
      (p.priorities.length === 0 || p.priorities.includes(ticket.priority)) &&
      (p.categories.length === 0 || p.categories.includes(ticket.category)),
  );
  matching.sort(
    (a, b) =>
      score(b) - score(a) ||
      a.resolutionMinutes - b.resolutionMinutes ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return matching[0] ?? null;
}

/**
 * Evaluates a ticket's first-response and resolution clocks with the one SLA engine.
 *
 * - First response runs from creation until `firstRespondedAt` (the first public agent comment)
 *   or, for a ticket resolved without one, until it is resolved or closed.
 * - Resolution runs from creation — or from `slaRestartedAt` after a reopen under a `restart`
 *   policy — until `resolvedAt` (or `closedAt`).
 * - Pending periods pause both clocks when the policy says `pauseWhilePending`; the time a
 *   ticket spent resolved before a resuming reopen always pauses the resolution clock.
 */
export function evaluateTicketSla(
  ticket: Ticket,
  policy: SlaPolicy | null,
  now: string,
): TicketSla {
  const base = { ticketId: ticket.id, evaluatedAt: now };
  if (!policy) {
    return { ...base, policyId: null, policyName: null, firstResponse: null, resolution: null };
  }
  const pending: SlaPause[] = policy.pauseWhilePending
    ? ticket.slaPauses.filter((p) => p.reason === 'pending')
    : [];
  const resolvedPauses = ticket.slaPauses.filter((p) => p.reason === 'resolved');
  const common = {
    now,
    calendar: policy.calendar ?? null,
    atRiskRatio: policy.atRiskRatio,
  };
  return {
    ...base,
    policyId: policy.id,
    policyName: policy.name,
    firstResponse: evaluateSlaClock({
      ...common,
      targetMinutes: policy.firstResponseMinutes,
      startedAt: ticket.createdAt,
      stoppedAt: ticket.firstRespondedAt ?? ticket.resolvedAt ?? ticket.closedAt ?? null,
      pauses: pending,
    }),
    resolution: evaluateSlaClock({
      ...common,
      targetMinutes: policy.resolutionMinutes,
      startedAt: ticket.slaRestartedAt ?? ticket.createdAt,
      stoppedAt: ticket.resolvedAt ?? ticket.closedAt ?? null,
      pauses: [...pending, ...resolvedPauses],
    }),
  };
}
