import type { Ticket } from '../entities/ticket.js';
import type { CustomerDimensions } from './group-key.js';
import { buildKpiReport, mean, type AnalyticsQuery, type KpiReport } from './kpi-report.js';
import { ticketKey } from './sla-compliance.js';

export type FirstResponseFacts = Pick<
  Ticket,
  'createdAt' | 'firstRespondedAt' | 'assigneeId' | 'teamId' | 'customerId'
>;

/**
 * Average first-response time of the tickets created in a period, in minutes.
 *
 * `value = Σ (firstRespondedAt − createdAt) / tickets answered`, wall-clock minutes, unrounded,
 * over tickets with a `firstRespondedAt` whose `createdAt` falls in the period. Tickets not yet
 * answered are left out (see {@link slaCompliance} for the working-time SLA view).
 *
 * @example
 * ```ts
 * firstResponseTime(tickets, { period: 'week', from: '2026-03-30', to: '2026-04-27', groupBy: 'team' });
 * ```
 */
export function firstResponseTime(
  tickets: readonly FirstResponseFacts[],
  query: AnalyticsQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return buildKpiReport(
    tickets.filter((t) => t.firstRespondedAt !== undefined),
    query,
    {
      kpi: 'firstResponseTime',
      unit: 'minutes',
      at: (t) => t.createdAt,
      key: ticketKey(query, customers),
      reduce: (list) =>
        mean(list.map((t) => (Date.parse(t.firstRespondedAt!) - Date.parse(t.createdAt)) / 60_000)),
    },
  );
}
