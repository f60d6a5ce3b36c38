import { type Principal, type TicketStatus, type Where } from '@rapport/core';
import { UNRESOLVED_TICKET_STATUSES } from '@rapport/core/service';

/** Who a queue shows tickets of. */
export const ASSIGNMENT_FILTERS = ['all', 'mine', 'team', 'unassigned'] as const;
export type TicketAssignmentFilter = (typeof ASSIGNMENT_FILTERS)[number];

/** The SLA toggles of a queue (`at_risk` / `breached` are core's `TICKET_SLA_FILTERS`). */
export const SLA_FILTERS = ['all', 'at_risk', 'breached'] as const;

/** `unresolved` (new, open, pending), `all`, or one status. */
export type TicketStatusFilter = 'unresolved' | 'all' | TicketStatus;

/**
 * The `where` of a queue's assignment and status filters (the SLA filter is core's
 * `crm.tickets.queue({ sla })`). `team` uses `teamId`, else the principal's teams; with neither
 * it matches nothing rather than everything.
 */
export function queueWhere(options: {
  readonly assignment: TicketAssignmentFilter;
  readonly status: TicketStatusFilter;
  readonly principal: Principal | undefined;
  readonly teamId?: string | undefined;
}): Where | undefined {
  const parts: Where[] = [];
  const { assignment, status, principal } = options;
  if (assignment === 'mine') parts.push({ assigneeId: { eq: principal?.id ?? '' } });
  else if (assignment === 'unassigned') parts.push({ assigneeId: { exists: false } });
  else if (assignment === 'team') {
    const teams = options.teamId ? [options.teamId] : [...(principal?.teams ?? [])];
    parts.push(teams.length ? { teamId: { in: teams } } : { id: { in: [] } });
  }
  if (status === 'unresolved') parts.push({ status: { in: [...UNRESOLVED_TICKET_STATUSES] } });
  else if (status !== 'all') parts.push({ status: { eq: status } });
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { and: parts };
}
