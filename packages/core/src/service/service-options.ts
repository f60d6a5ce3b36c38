import type { SurveyRequest } from '../entities/survey-request.js';
import type { TicketCategory, TicketPriority } from '../entities/ticket.js';
import type { BusinessCalendarInput } from './business-calendar.js';

/**
 * An agent (or field technician) as the host knows them. Rapport keeps no user table: users and
 * teams come from the host, so the service domain reads agents from `service.agents`.
 */
export interface ServiceAgent {
  readonly id: string;
  /** The agent's team; round-robin and least-loaded choose within a team. */
  readonly teamId?: string;
  /** Ticket categories the agent handles (skill matching). */
  readonly skills?: readonly TicketCategory[];
  /** Inactive agents (away, left) are never chosen. Default true. */
  readonly active?: boolean;
  /** Current position of a field technician, for dispatch (haversine distance). */
  readonly location?: { readonly lat: number; readonly lng: number };
  readonly name?: string;
}

/** The agent directory: a list, or a callback the host answers (e.g. from its org tree), sync or async. */
export type AgentDirectory =
  readonly ServiceAgent[] | (() => readonly ServiceAgent[] | Promise<readonly ServiceAgent[]>);

export const ASSIGNMENT_STRATEGIES = ['round_robin', 'least_loaded', 'skill'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/**
 * What `crm.tickets.checkSla()` does when a clock turns at risk or is breached. Rules apply in
 * order, each at most once per clock cycle (the same alert is never re-emitted).
 */
export interface EscalationRule {
  readonly name?: string;
  readonly on: 'at_risk' | 'breached';
  /** Which clock; both when absent. */
  readonly clock?: 'first_response' | 'resolution';
  readonly priorities?: readonly TicketPriority[];
  readonly categories?: readonly TicketCategory[];
  /** Raise priority one step (`true`), or to a given priority (never lowers it). */
  readonly raisePriority?: boolean | TicketPriority;
  /** Reassign: to an agent, or by strategy within a team (default: the ticket's team). */
  readonly reassign?: {
    readonly assigneeId?: string;
    readonly teamId?: string;
    readonly strategy?: AssignmentStrategy;
  };
}

/** A follow-up visit/call planned by rule (回访) when a ticket resolves or an order is delivered. */
export interface FollowUpRule {
  readonly name?: string;
  readonly trigger: 'ticket_resolved' | 'order_delivered';
  /** Only for tickets of these categories (ticket rules). */
  readonly categories?: readonly TicketCategory[];
  readonly activityType?: 'visit' | 'call';
  /** Delay in calendar days after the trigger. */
  readonly delayDays?: number;
  /** Delay in working hours over `calendar` (through the SLA engine's calendar). */
  readonly delayWorkingHours?: number;
  readonly calendar?: BusinessCalendarInput;
  /** Subject of the activity; `{number}` and `{subject}` are replaced. Default "回访：{subject}". */
  readonly subject?: string;
}

export interface ServiceOptions {
  /** The agent directory (see {@link ServiceAgent}). Without one, only manual assignment works. */
  readonly agents?: AgentDirectory;
  /** Strategy of `crm.tickets.assign(id)` without an explicit agent. Default `round_robin`. */
  readonly defaultStrategy?: AssignmentStrategy;
  /** Assign tickets submitted through `crm.tickets.submit` automatically. Default false. */
  readonly autoAssign?: boolean;
  readonly escalations?: readonly EscalationRule[];
  /** Surveys requested when a ticket resolves. Default `['csat']`; `[]` for none. */
  readonly surveysOnResolve?: readonly SurveyRequest['kind'][];
  readonly followUps?: readonly FollowUpRule[];
}

/** Reads the directory; only active agents. */
export async function loadAgents(
  directory: AgentDirectory | undefined,
): Promise<readonly ServiceAgent[]> {
  if (!directory) return [];
  const agents = typeof directory === 'function' ? await directory() : directory;
  return agents.filter((a) => a.active !== false);
}
