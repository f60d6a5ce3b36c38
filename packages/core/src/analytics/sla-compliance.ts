import type { SlaPolicy } from '../entities/sla-policy.js';
import type { Ticket } from '../entities/ticket.js';
import { ValidationError } from '../errors.js';
import { evaluateTicketSla, selectSlaPolicy } from '../service/ticket-sla.js';
import { groupKeyOf, type CustomerDimensions } from './group-key.js';
import { buildKpiReport, ratio, type AnalyticsQuery, type KpiReport } from './kpi-report.js';

export interface SlaComplianceQuery extends AnalyticsQuery {
  /** Which clock: `resolution` (default) or `first_response`. */
  readonly clock?: 'resolution' | 'first_response';
  /** The clock's reading (ISO) the SLA clocks are evaluated at. */
  readonly now: string;
}

/** A ticket's group key: its assignee (`owner`), its team, or its customer's region. */
export const ticketKey =
  (query: AnalyticsQuery, customers?: ReadonlyMap<string, CustomerDimensions>) =>
  (t: Pick<Ticket, 'assigneeId' | 'teamId' | 'customerId'>) =>
    groupKeyOf(query.groupBy, { ...t, ownerId: t.assigneeId }, customers);

/**
 * SLA compliance of the tickets created in a period, by the one SLA engine
 * (`selectSlaPolicy` + `evaluateTicketSla`, service/ticket-sla.ts) evaluated at `now`.
 *
 * A ticket counts once its clock is decided: **met** when the clock is `achieved` (stopped within
 * its target), **missed** when `breached` (stopped late, or still open past its due time).
 * Running, paused and at-risk clocks, and tickets no policy matches, are left out.
 * `value = met / (met + missed)`. Unit: ratio.
 *
 * @example
 * ```ts
 * slaCompliance(tickets, policies, { period: 'month', from: '2026-01-01', to: '2026-07-01', now: crm.clock().toISOString() });
 * ```
 */
export function slaCompliance(
  tickets: readonly Ticket[],
  policies: readonly SlaPolicy[],
  query: SlaComplianceQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  const clock = query.clock ?? 'resolution';
  if (clock !== 'resolution' && clock !== 'first_response')
    throw new ValidationError([{ path: ['clock'], message: 'Use resolution or first_response' }]);
  if (typeof query.now !== 'string' || !Number.isFinite(Date.parse(query.now)))
    throw new ValidationError([{ path: ['now'], message: 'Give the evaluation instant (ISO)' }]);
  const decided = tickets.flatMap((ticket) => {
    const sla = evaluateTicketSla(ticket, selectSlaPolicy(ticket, policies), query.now);
    const evaluation = clock === 'resolution' ? sla.resolution : sla.firstResponse;
    if (!evaluation || (evaluation.state !== 'achieved' && evaluation.state !== 'breached'))
      return [];
    return [{ ticket, met: evaluation.state === 'achieved' }];
  });
  const key = ticketKey(query, customers);
  return buildKpiReport(decided, query, {
    kpi: 'slaCompliance',
    unit: 'ratio',
    at: (d) => d.ticket.createdAt,
    key: (d) => key(d.ticket),
    reduce: (list) => ratio(list.filter((d) => d.met).length, list.length),
  });
}
