import type { DomainContext } from '../client/domain-context.js';
import type { SlaPolicy } from '../entities/sla-policy.js';
import type { Ticket, TicketStatus } from '../entities/ticket.js';
import { ValidationError } from '../errors.js';
import { zodIssues } from '../gateway/validate-stage.js';
import { MAX_LIMIT, type QueryResult, type QuerySpec } from '../query/query-spec.js';
import { QuerySpecSchema } from '../query/query-schemas.js';
import { paginate } from '../query/run-query.js';
import type { SlaClockEvaluation, SlaClockState } from './sla-engine.js';
import { evaluateTicketSla, selectSlaPolicy, type TicketSla } from './ticket-sla.js';

/** Statuses of tickets still being worked on: an agent's queue shows these by default. */
export const UNRESOLVED_TICKET_STATUSES = [
  'new',
  'open',
  'pending',
] as const satisfies readonly TicketStatus[];

/** The SLA filters of a ticket queue: tickets whose headline clock is in that state now. */
export const TICKET_SLA_FILTERS = ['at_risk', 'breached'] as const;
export type TicketSlaFilter = (typeof TICKET_SLA_FILTERS)[number];

/** The clock an agent should look at, of a ticket's two (see {@link headlineSla}). */
export interface TicketSlaHeadline {
  readonly clock: 'first_response' | 'resolution';
  readonly state: SlaClockState;
  readonly evaluation: SlaClockEvaluation;
}

// Worst first: what needs attention sorts ahead.
const URGENCY: Readonly<Record<SlaClockState, number>> = {
  breached: 0,
  at_risk: 1,
  running: 2,
  paused: 3,
  achieved: 4,
};

/**
 * The one clock that sums a ticket's SLA up for a queue badge: among the clocks still open (not
 * stopped), the most urgent — breached, then at risk, running, paused — ties going to the earlier
 * due time; when both have stopped, the worse outcome (a late one is `breached`). `null` when no
 * policy applies. So a ticket is "at risk" when an open clock is at risk and none is breached.
 *
 * @example
 * ```ts
 * const headline = headlineSla(await crm.tickets.sla(ticket.id));
 * if (headline?.state === 'breached') escalate(ticket);
 * ```
 */
export function headlineSla(sla: TicketSla): TicketSlaHeadline | null {
  const clocks = (
    [
      ['first_response', sla.firstResponse],
      ['resolution', sla.resolution],
    ] as const
  ).filter((entry): entry is readonly ['first_response' | 'resolution', SlaClockEvaluation] =>
    Boolean(entry[1]),
  );
  if (clocks.length === 0) return null;
  const open = clocks.filter(([, e]) => e.stoppedAt === undefined);
  const pool = open.length > 0 ? open : clocks;
  const [clock, evaluation] = [...pool].sort(
    ([, a], [, b]) =>
      URGENCY[a.state] - URGENCY[b.state] || (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0),
  )[0]!;
  return { clock, state: evaluation.state, evaluation };
}

/** The headline clock of `ticket` at `now`, under the policy core selects from `policies`. */
export function ticketSlaHeadline(
  ticket: Ticket,
  policies: readonly SlaPolicy[],
  now: string,
): TicketSlaHeadline | null {
  return headlineSla(evaluateTicketSla(ticket, selectSlaPolicy(ticket, policies), now));
}

/** `crm.tickets.queue(query)`: a ticket query, optionally narrowed to an SLA state. */
export interface TicketQueueQuery extends QuerySpec {
  /**
   * Only tickets whose headline clock ({@link headlineSla}) is in this state at the client's
   * clock: `at_risk` (an open clock past its at-risk ratio, none breached) or `breached`.
   */
  readonly sla?: TicketSlaFilter;
}

/** Merged into `crm.tickets`. */
export interface TicketQueueOperations {
  /**
   * A page of tickets for an agent queue: `where`, `search`, `orderBy`, `limit` and `cursor` as in
   * `list`, plus `sla` to keep only tickets at risk or breached now. SLA states are computed by
   * the one SLA engine at the injected clock, not stored, so an `sla` query evaluates every ticket
   * matching `where`/`search`, then sorts and pages the survivors with keyset cursors as `list`
   * does. Without `sla` it is `list`.
   *
   * @example
   * ```ts
   * const overdue = await crm.tickets.queue({
   *   where: { assigneeId: { eq: crm.principal.id }, status: { in: [...UNRESOLVED_TICKET_STATUSES] } },
   *   sla: 'breached',
   *   orderBy: [{ field: 'createdAt' }],
   * });
   * ```
   * @throws ValidationError for an invalid query
   */
  queue(query?: TicketQueueQuery): Promise<QueryResult<Ticket>>;
}

/** The ticket queue over the gateway (reads only: scope and field policy apply as for `list`). */
export function createTicketQueue(domain: DomainContext): TicketQueueOperations {
  const { gateway } = domain;

  async function all<T>(entity: 'ticket' | 'slaPolicy', spec: QuerySpec): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await gateway.query(domain.context(), entity, {
        ...spec,
        limit: MAX_LIMIT,
        ...(cursor !== undefined && { cursor }),
      });
      out.push(...(page.items as unknown as T[]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  return {
    async queue(query = {}) {
      const { sla, ...spec } = query;
      if (sla === undefined)
        return (await gateway.query(domain.context(), 'ticket', spec)) as never;
      if (!TICKET_SLA_FILTERS.includes(sla)) {
        throw new ValidationError(
          [{ path: ['sla'], message: `Use one of ${TICKET_SLA_FILTERS.join(', ')}` }],
          'Invalid query',
        );
      }
      const parsed = QuerySpecSchema.safeParse(spec);
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, []), 'Invalid query');
      const now = domain.context().now;
      const [policies, tickets] = await Promise.all([
        all<SlaPolicy>('slaPolicy', {}),
        all<Ticket>('ticket', {
          ...(spec.where && { where: spec.where }),
          ...(spec.search !== undefined && { search: spec.search }),
          ...(spec.searchFields && { searchFields: spec.searchFields }),
        }),
      ]);
      const matching = tickets.filter(
        (ticket) => ticketSlaHeadline(ticket, policies, now)?.state === sla,
      );
      return paginate(matching, spec);
    },
  };
}
