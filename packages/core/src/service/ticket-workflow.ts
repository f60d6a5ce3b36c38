import type { SlaPolicy } from '../entities/sla-policy.js';
import type {
  Ticket,
  TicketSlaPause,
  TicketStatus,
  TicketStatusChange,
} from '../entities/ticket.js';
import { ValidationError } from '../errors.js';

/**
 * The ticket status workflow:
 *
 * ```
 * new ──► open ──► pending ──► open            (waiting on the customer, and back)
 *  │       │  └──────► resolved ──► closed     (closed is final)
 *  └───────┴─ pending ─► resolved ──► open     (reopen)
 * ```
 *
 * Moving to the current status is not a transition. Everything else not listed is refused.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/**
 * A status change the workflow does not allow. It is a `ValidationError` (code
 * `VALIDATION_FAILED`) with one issue at path `['status']`: the request is invalid for the
 * ticket's current state, nothing was stored, and a form can show it next to the status field.
 */
export class TicketTransitionError extends ValidationError {
  readonly from: TicketStatus;
  readonly to: TicketStatus;
  constructor(from: TicketStatus, to: TicketStatus) {
    const allowed = TICKET_TRANSITIONS[from];
    super(
      [
        {
          path: ['status'],
          message: `A ${from} ticket cannot become ${to}${
            allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'
          }`,
        },
      ],
      'Invalid ticket transition',
    );
    this.from = from;
    this.to = to;
  }
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/**
 * The patch that moves `ticket` to `to` at `now`: status, its history entry, SLA pauses and the
 * resolved / closed / reopened stamps. Pure; the caller writes it.
 *
 * - entering `pending` opens an SLA pause; leaving it closes the pause;
 * - `resolved` and `closed` stamp their time; `closed` also stamps `resolvedAt` when unset;
 * - a reopen (`resolved → open`) clears `resolvedAt`/`closedAt`, counts the reopen, and per the
 *   policy's `onReopen` either restarts the resolution clock (`slaRestartedAt = now`) or resumes
 *   it, the time spent resolved recorded as a pause (also the default without a policy).
 *
 * @throws TicketTransitionError when the workflow does not allow the move
 */
export function planTransition(
  ticket: Ticket,
  to: TicketStatus,
  now: string,
  options: { byId?: string; note?: string; policy?: SlaPolicy | null } = {},
): Record<string, unknown> {
  const from = ticket.status;
  if (!canTransition(from, to)) throw new TicketTransitionError(from, to);
  const change: TicketStatusChange = {
    from,
    to,
    at: now,
    ...(options.byId !== undefined && { byId: options.byId }),
    ...(options.note !== undefined && { note: options.note }),
  };
  let pauses: TicketSlaPause[] = ticket.slaPauses.map((p) =>
    p.to === undefined && to !== 'pending' ? { ...p, to: now } : p,
  );
  if (to === 'pending') pauses = [...pauses, { from: now, reason: 'pending' }];

  const patch: Record<string, unknown> = {
    status: to,
    statusHistory: [...ticket.statusHistory, change],
  };
  if (to === 'resolved') patch.resolvedAt = now;
  if (to === 'closed') {
    patch.closedAt = now;
    if (!ticket.resolvedAt) patch.resolvedAt = now;
  }
  if (from === 'resolved' && to === 'open') {
    patch.reopenedAt = now;
    patch.reopenCount = ticket.reopenCount + 1;
    patch.resolvedAt = null;
    patch.closedAt = null;
    if (options.policy?.onReopen === 'restart') patch.slaRestartedAt = now;
    else if (ticket.resolvedAt)
      pauses = [...pauses, { from: ticket.resolvedAt, to: now, reason: 'resolved' }];
  }
  patch.slaPauses = pauses;
  return patch;
}
