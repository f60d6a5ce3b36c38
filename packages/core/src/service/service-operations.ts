import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput } from '../client/repository.js';
import type { Activity } from '../entities/activity.js';
import type { Article } from '../entities/article.js';
import type { Contact } from '../entities/contact.js';
import type { Locale } from '../entities/common.js';
import type { Order } from '../entities/order.js';
import type { SlaPolicy } from '../entities/sla-policy.js';
import type { SurveyRequest } from '../entities/survey-request.js';
import type { SurveyResponse } from '../entities/survey-response.js';
import type { Ticket, TicketAssignment, TicketPriority, TicketStatus } from '../entities/ticket.js';
import { TICKET_PRIORITIES } from '../entities/enums.js';
import type { EntityName } from '../entities/registry.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { MAX_LIMIT, type Where } from '../query/query-spec.js';
import { chooseAgent, type AgentWorkload } from './assignment.js';
import { rankTechnicians, type TechnicianSuggestion } from './dispatch.js';
import { planFollowUps } from './follow-ups.js';
import { rankArticles, type ArticleSuggestion } from './knowledge-base.js';
import {
  loadAgents,
  type AssignmentStrategy,
  type EscalationRule,
  type ServiceAgent,
  type ServiceOptions,
} from './service-options.js';
import { serviceEventsOf, type ServiceEvent, type ServiceEventListener } from './service-events.js';
import { groupSurveys, summarizeSurveys, type SurveyGroup, type SurveySummary } from './surveys.js';
import { findRequesterContact, normalizeEmail } from './ticket-intake.js';
import { evaluateTicketSla, selectSlaPolicy, type TicketSla } from './ticket-sla.js';
import { planTransition } from './ticket-workflow.js';
import { newTicketNumber } from './ticket-number.js';

const UNRESOLVED: readonly TicketStatus[] = ['new', 'open', 'pending'];

/** What `crm.tickets.submit` accepts: a ticket, typically from the widget, with its requester. */
export type TicketSubmission = Omit<
  CreateInput<'ticket'>,
  | 'status'
  | 'statusHistory'
  | 'assignmentHistory'
  | 'slaPauses'
  | 'slaAlerts'
  | 'reopenCount'
  | 'comments'
>;

export interface AssignTarget {
  /** A specific agent (manual assignment). */
  readonly assigneeId?: string;
  /** The team to choose in; default the ticket's team, else every agent. */
  readonly teamId?: string;
  /** How to choose when no `assigneeId`; default `service.defaultStrategy` or `round_robin`. */
  readonly strategy?: AssignmentStrategy;
  readonly note?: string;
}

export interface CommentInput {
  readonly body: string;
  /** Visible to the customer. Default false (internal note). */
  readonly public?: boolean;
  /** Default: the acting principal, unless `fromCustomer`. */
  readonly authorId?: string;
  /** Written by the customer; on a pending ticket it moves the ticket back to open. */
  readonly fromCustomer?: boolean;
}

/** Merged into `crm.tickets`. */
export interface TicketOperations {
  submit(input: TicketSubmission): Promise<Ticket>;
  transition(
    id: string,
    to: TicketStatus,
    options?: { note?: string; expectedVersion?: number },
  ): Promise<Ticket>;
  comment(id: string, input: CommentInput, options?: { expectedVersion?: number }): Promise<Ticket>;
  assign(id: string, target?: AssignTarget): Promise<Ticket>;
  sla(id: string): Promise<TicketSla>;
  checkSla(): Promise<ServiceEvent[]>;
  suggestArticles(id: string, options?: SuggestOptions): Promise<ArticleSuggestion[]>;
  suggestTechnicians(id: string): Promise<TechnicianSuggestion[]>;
  dispatch(id: string): Promise<Ticket>;
}

export interface SuggestOptions {
  readonly limit?: number;
  readonly locale?: Locale;
}

/** Merged into `crm.articles`. */
export interface ArticleOperations {
  suggest(text: string, options?: SuggestOptions): Promise<ArticleSuggestion[]>;
  vote(id: string, helpful: boolean): Promise<Article>;
}

export interface SurveyReportQuery {
  /** Inclusive start of the period (ISO), by `respondedAt`. */
  readonly from?: string;
  /** Exclusive end of the period (ISO). */
  readonly to?: string;
  readonly agentId?: string;
  readonly teamId?: string;
  /** Also summarise per agent or per team. */
  readonly groupBy?: 'agent' | 'team';
}

export interface SurveyReport extends SurveySummary {
  readonly groups: readonly SurveyGroup[];
}

/** Merged into `crm.surveys`. */
export interface SurveyOperations {
  respond(requestId: string, answer: { score: number; comment?: string }): Promise<SurveyResponse>;
  report(query?: SurveyReportQuery): Promise<SurveyReport>;
  csat(query?: SurveyReportQuery): Promise<number | null>;
  nps(query?: SurveyReportQuery): Promise<number | null>;
}

/** `crm.service`: what belongs to no single repository. */
export interface ServiceNamespace {
  /** SLA alerts, escalations, transitions, assignments, survey requests, follow-ups. */
  subscribe(listener: ServiceEventListener): () => void;
  /** The active agents of the host's directory. */
  agents(): Promise<readonly ServiceAgent[]>;
  /** Follow-up activities for a delivered order, by the `order_delivered` rules. */
  planOrderFollowUps(orderId: string): Promise<Activity[]>;
}

export interface ServiceOperations {
  readonly tickets: TicketOperations;
  readonly articles: ArticleOperations;
  readonly surveys: SurveyOperations;
  readonly service: ServiceNamespace;
}

// In-process order of assignments, to break ties between equal timestamps (a frozen test clock,
// or several assignments in one millisecond) so round-robin still rotates.
let assignmentSeq = 0;
const assignmentOrder = new WeakMap<object, Map<string, number>>();

/**
 * The service domain's operations, over the gateway only.
 *
 * @example
 * ```ts
 * const service = createServiceOperations(domain, { agents: [{ id: 'a1', teamId: 'support' }] });
 * const ticket = await service.tickets.submit({ subject: '打印机卡纸', requester: { email: 'li@example.cn' } });
 * ```
 */
export function createServiceOperations(
  domain: DomainContext,
  options: ServiceOptions = {},
): ServiceOperations {
  const { gateway } = domain;
  const ctx = () => domain.context();
  const events = serviceEventsOf(gateway);
  let lastSeq = assignmentOrder.get(gateway);
  if (!lastSeq) assignmentOrder.set(gateway, (lastSeq = new Map()));
  const emit = (list: readonly ServiceEvent[]) => {
    for (const event of list) events.emit(event);
  };

  const getTicket = (id: string) => domain.repositories.tickets.get(id) as Promise<Ticket>;

  async function all<T>(entity: EntityName, where: Where = {}): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await gateway.query(ctx(), entity, {
        where,
        limit: MAX_LIMIT,
        ...(cursor !== undefined && { cursor }),
      });
      out.push(...(page.items as unknown as T[]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  const policies = () => all<SlaPolicy>('slaPolicy');
  const policyOf = async (ticket: Ticket) => selectSlaPolicy(ticket, await policies());

  async function updateTicket(
    ticket: Ticket,
    patch: Record<string, unknown>,
    extra: readonly WriteIntent[] = [],
    expectedVersion = ticket.version,
  ) {
    const records = await gateway.write(ctx(), [
      { type: 'update', entity: 'ticket', id: ticket.id, patch, expectedVersion },
      ...extra,
    ]);
    return records as unknown as [Ticket, ...unknown[]];
  }

  // ---- assignment --------------------------------------------------------------------------

  async function workloadOf(agents: readonly ServiceAgent[]) {
    const ids = agents.map((a) => a.id);
    const workload = new Map<string, AgentWorkload & { seq: number }>();
    if (ids.length === 0) return workload;
    const { items } = await gateway.query(ctx(), 'ticket', {
      where: { assigneeId: { in: ids } },
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 1000,
    });
    const last = new Map<string, string>();
    for (const ticket of items as unknown as Ticket[]) {
      const entries = ticket.assignmentHistory.filter((h) => h.toAssigneeId === ticket.assigneeId);
      const at = entries.length ? entries[entries.length - 1]!.at : ticket.createdAt;
      const id = ticket.assigneeId!;
      if (!last.has(id) || last.get(id)! < at) last.set(id, at);
    }
    for (const agent of agents) {
      const openTickets = await gateway.count(ctx(), 'ticket', {
        assigneeId: { eq: agent.id },
        status: { in: [...UNRESOLVED] },
      });
      workload.set(agent.id, {
        openTickets,
        lastAssignedAt: last.get(agent.id) ?? null,
        seq: lastSeq!.get(agent.id) ?? 0,
      });
    }
    return workload;
  }

  async function pickAgent(ticket: Ticket, target: AssignTarget) {
    const agents = await loadAgents(options.agents);
    const teamId = target.teamId ?? ticket.teamId;
    const candidates = teamId ? agents.filter((a) => a.teamId === teamId) : agents;
    const workload = await workloadOf(candidates);
    // Equal timestamps fall back to the in-process order of assignments.
    const keyed = new Map(
      [...workload].map(([id, w]) => [
        id,
        {
          openTickets: w.openTickets,
          lastAssignedAt:
            w.lastAssignedAt === null
              ? null
              : `${w.lastAssignedAt}#${String(w.seq).padStart(12, '0')}`,
        },
      ]),
    );
    const choice = chooseAgent(
      target.strategy ?? options.defaultStrategy ?? 'round_robin',
      candidates,
      keyed,
      ticket.category,
    );
    if (!choice) {
      throw new ValidationError(
        [
          {
            path: ['assigneeId'],
            message: `No active agent${teamId ? ` in team ${teamId}` : ''} to assign`,
          },
        ],
        'Cannot assign ticket',
      );
    }
    return choice;
  }

  function assignmentPatch(
    ticket: Ticket,
    agent: { id: string; teamId?: string | undefined },
    method: TicketAssignment['method'],
    note?: string,
  ) {
    const now = ctx().now;
    const entry: TicketAssignment = {
      method,
      at: now,
      toAssigneeId: agent.id,
      byId: ctx().principal.id,
      ...(ticket.assigneeId !== undefined && { fromAssigneeId: ticket.assigneeId }),
      ...((agent.teamId ?? ticket.teamId) !== undefined && {
        teamId: (agent.teamId ?? ticket.teamId)!,
      }),
      ...(note !== undefined && { note }),
    };
    lastSeq!.set(agent.id, ++assignmentSeq);
    return {
      assigneeId: agent.id,
      ...(agent.teamId !== undefined && { teamId: agent.teamId }),
      assignmentHistory: [...ticket.assignmentHistory, entry],
    };
  }

  async function resolveTarget(ticket: Ticket, target: AssignTarget) {
    if (target.assigneeId) {
      const agents = await loadAgents(options.agents);
      const known = agents.find((a) => a.id === target.assigneeId);
      if (options.agents && !known) {
        throw new ValidationError(
          [{ path: ['assigneeId'], message: `${target.assigneeId} is not an active agent` }],
          'Cannot assign ticket',
        );
      }
      return {
        agent: known ?? {
          id: target.assigneeId,
          ...(target.teamId !== undefined && { teamId: target.teamId }),
        },
        method: 'manual' as const,
      };
    }
    return pickAgent(ticket, target);
  }

  // ---- tickets -----------------------------------------------------------------------------

  const tickets: TicketOperations = {
    async submit(input) {
      const now = ctx().now;
      const intents: WriteIntent[] = [];
      let contactId = input.contactId;
      let customerId = input.customerId;
      const requester = input.requester;
      if (!contactId && requester && (requester.email || requester.phone)) {
        const match: Contact | null = await findRequesterContact(domain, requester);
        if (match) {
          contactId = match.id;
          customerId ??= match.customerId;
        } else {
          contactId = domain.newId();
          intents.push({
            type: 'create',
            entity: 'contact',
            input: {
              id: contactId,
              name: requester.name?.trim() || requester.email || requester.phone || 'Unknown',
              ...(requester.email && { emails: [normalizeEmail(requester.email)] }),
              ...(requester.phone && { phones: [{ number: requester.phone.trim() }] }),
              ...(customerId !== undefined && { customerId }),
            } satisfies CreateInput<'contact'>,
          });
        }
      }
      let ticketInput: Record<string, unknown> = {
        ...input,
        number: input.number ?? (await newTicketNumber(domain, now)),
        ...(contactId !== undefined && { contactId }),
        ...(customerId !== undefined && { customerId }),
        status: 'new',
        statusHistory: [{ to: 'new', at: now, byId: ctx().principal.id }],
      };
      if (input.assigneeId) {
        const entry: TicketAssignment = {
          method: 'manual',
          at: now,
          toAssigneeId: input.assigneeId,
          byId: ctx().principal.id,
          ...(input.teamId !== undefined && { teamId: input.teamId }),
        };
        ticketInput.assignmentHistory = [entry];
      } else if (options.autoAssign && options.agents) {
        const draft = {
          ...ticketInput,
          assignmentHistory: [],
          category: input.category ?? 'inquiry',
        };
        const choice = await pickAgent(draft as unknown as Ticket, {});
        ticketInput = {
          ...ticketInput,
          ...assignmentPatch(draft as unknown as Ticket, choice.agent, choice.method),
        };
      }
      intents.push({ type: 'create', entity: 'ticket', input: ticketInput });
      const records = await gateway.write(ctx(), intents);
      const ticket = records[records.length - 1] as unknown as Ticket;
      if (ticket.assigneeId) {
        emit([
          {
            type: 'ticket_assigned',
            ticketId: ticket.id,
            from: null,
            to: ticket.assigneeId,
            at: now,
          },
        ]);
      }
      return ticket;
    },

    async transition(id, to, opts = {}) {
      const ticket = await getTicket(id);
      const now = ctx().now;
      const policy = ticket.status === 'resolved' ? await policyOf(ticket) : null;
      const patch = planTransition(ticket, to, now, {
        byId: ctx().principal.id,
        ...(opts.note !== undefined && { note: opts.note }),
        policy,
      });
      const extra: WriteIntent[] = [];
      const requests: SurveyRequest['kind'][] = [];
      let followUps: ReturnType<typeof planFollowUps> = [];
      if (to === 'resolved') {
        for (const kind of options.surveysOnResolve ?? ['csat']) {
          requests.push(kind);
          extra.push({
            type: 'create',
            entity: 'surveyRequest',
            input: {
              kind,
              ticketId: ticket.id,
              requestedAt: now,
              ...(ticket.customerId !== undefined && { customerId: ticket.customerId }),
              ...(ticket.contactId !== undefined && { contactId: ticket.contactId }),
              ...(ticket.assigneeId !== undefined && { agentId: ticket.assigneeId }),
              ...(ticket.teamId !== undefined && { teamId: ticket.teamId }),
            } satisfies CreateInput<'surveyRequest'>,
          });
        }
        followUps = planFollowUps(options.followUps ?? [], {
          trigger: 'ticket_resolved',
          at: now,
          subject: ticket.subject,
          category: ticket.category,
          ticketId: ticket.id,
          ...(ticket.number !== undefined && { number: ticket.number }),
          ...(ticket.customerId !== undefined && { customerId: ticket.customerId }),
          ...(ticket.contactId !== undefined && { contactId: ticket.contactId }),
          ...(ticket.assigneeId !== undefined && { ownerId: ticket.assigneeId }),
        });
        for (const input of followUps) extra.push({ type: 'create', entity: 'activity', input });
      }
      const [updated, ...created] = await updateTicket(
        ticket,
        patch,
        extra,
        opts.expectedVersion ?? ticket.version,
      );
      const out: ServiceEvent[] = [
        { type: 'ticket_transitioned', ticketId: id, from: ticket.status, to, at: now },
      ];
      created.forEach((record, i) => {
        const r = record as { id: string; dueAt?: string };
        if (i < requests.length) {
          out.push({
            type: 'survey_requested',
            ticketId: id,
            requestId: r.id,
            kind: requests[i]!,
            at: now,
          });
        } else {
          out.push({
            type: 'follow_up_planned',
            activityId: r.id,
            ticketId: id,
            dueAt: r.dueAt!,
            at: now,
          });
        }
      });
      emit(out);
      return updated;
    },

    async comment(id, input, opts = {}) {
      const ticket = await getTicket(id);
      const now = ctx().now;
      const fromCustomer = input.fromCustomer ?? false;
      const authorId = input.authorId ?? (fromCustomer ? ticket.contactId : ctx().principal.id);
      let patch: Record<string, unknown> = {
        comments: [
          ...ticket.comments,
          {
            id: domain.newId(),
            body: input.body,
            public: input.public ?? false,
            fromCustomer,
            createdAt: now,
            ...(authorId !== undefined && { authorId }),
          },
        ],
      };
      if (!fromCustomer && input.public && !ticket.firstRespondedAt) patch.firstRespondedAt = now;
      let moved = false;
      if (fromCustomer && ticket.status === 'pending') {
        patch = { ...planTransition(ticket, 'open', now, { note: 'customer replied' }), ...patch };
        moved = true;
      }
      const [updated] = await updateTicket(
        ticket,
        patch,
        [],
        opts.expectedVersion ?? ticket.version,
      );
      if (moved)
        emit([{ type: 'ticket_transitioned', ticketId: id, from: 'pending', to: 'open', at: now }]);
      return updated;
    },

    async assign(id, target = {}) {
      const ticket = await getTicket(id);
      const { agent, method } = await resolveTarget(ticket, target);
      const [updated] = await updateTicket(
        ticket,
        assignmentPatch(ticket, agent, method, target.note),
      );
      emit([
        {
          type: 'ticket_assigned',
          ticketId: id,
          from: ticket.assigneeId ?? null,
          to: agent.id,
          at: ctx().now,
        },
      ]);
      return updated;
    },

    async sla(id) {
      const ticket = await getTicket(id);
      return evaluateTicketSla(ticket, await policyOf(ticket), ctx().now);
    },

    async checkSla() {
      const now = ctx().now;
      const allPolicies = await policies();
      const open = await all<Ticket>('ticket', { status: { in: [...UNRESOLVED] } });
      const out: ServiceEvent[] = [];
      for (const ticket of open) {
        const sla = evaluateTicketSla(ticket, selectSlaPolicy(ticket, allPolicies), now);
        const alerts: { clock: 'first_response' | 'resolution'; state: 'at_risk' | 'breached' }[] =
          [];
        for (const clock of ['first_response', 'resolution'] as const) {
          const evaluation = clock === 'first_response' ? sla.firstResponse : sla.resolution;
          if (!evaluation || evaluation.state === 'achieved') continue;
          const cycleStart = clock === 'resolution' ? (ticket.slaRestartedAt ?? '') : '';
          const has = (state: string) =>
            ticket.slaAlerts.some(
              (a) => a.clock === clock && a.state === state && a.at >= cycleStart,
            );
          if (evaluation.breached && !has('breached')) alerts.push({ clock, state: 'breached' });
          else if (evaluation.atRisk && !evaluation.breached && !has('at_risk') && !has('breached'))
            alerts.push({ clock, state: 'at_risk' });
        }
        if (alerts.length === 0) continue;

        let patch: Record<string, unknown> = {
          slaAlerts: [...ticket.slaAlerts, ...alerts.map((a) => ({ ...a, at: now }))],
        };
        const ticketEvents: ServiceEvent[] = alerts.map((a) => ({
          type: a.state === 'breached' ? 'sla_breached' : 'sla_at_risk',
          ticketId: ticket.id,
          clock: a.clock,
          evaluation: (a.clock === 'first_response' ? sla.firstResponse : sla.resolution)!,
          at: now,
        }));
        let current = ticket;
        for (const rule of options.escalations ?? []) {
          const fires = alerts.some(
            (a) =>
              a.state === rule.on &&
              (!rule.clock || rule.clock === a.clock) &&
              (!rule.priorities?.length || rule.priorities.includes(ticket.priority)) &&
              (!rule.categories?.length || rule.categories.includes(ticket.category)),
          );
          if (!fires) continue;
          const escalation = await escalate(current, rule);
          if (!escalation) continue;
          patch = { ...patch, ...escalation.patch };
          current = { ...current, ...escalation.patch } as Ticket;
          ticketEvents.push(escalation.event);
        }
        try {
          await updateTicket(ticket, patch);
        } catch (error) {
          // Changed meanwhile: the next check evaluates the fresh record.
          if (error instanceof ConflictError) continue;
          throw error;
        }
        out.push(...ticketEvents);
      }
      emit(out);
      return out;
    },

    async suggestArticles(id, opts = {}) {
      const ticket = await getTicket(id);
      return articles.suggest(`${ticket.subject}\n${ticket.description ?? ''}`, opts);
    },

    async suggestTechnicians(id) {
      const ticket = await getTicket(id);
      if (!ticket.location) {
        throw new ValidationError(
          [{ path: ['location'], message: 'A field-service ticket needs a location to dispatch' }],
          'Cannot dispatch ticket',
        );
      }
      const agents = await loadAgents(options.agents);
      const fieldAgents = agents.filter((a) => a.skills?.includes('field_service'));
      const technicians = fieldAgents.length ? fieldAgents : agents.filter((a) => a.location);
      return rankTechnicians(ticket.location, technicians, await workloadOf(technicians));
    },

    async dispatch(id) {
      const [best] = await tickets.suggestTechnicians(id);
      if (!best) {
        throw new ValidationError(
          [{ path: ['assigneeId'], message: 'No active technician to dispatch' }],
          'Cannot dispatch ticket',
        );
      }
      const ticket = await getTicket(id);
      const agent = (await loadAgents(options.agents)).find((a) => a.id === best.agentId)!;
      const [updated] = await updateTicket(
        ticket,
        assignmentPatch(
          ticket,
          agent,
          'dispatch',
          best.distanceKm === null ? undefined : `${best.distanceKm.toFixed(1)} km`,
        ),
      );
      emit([
        {
          type: 'ticket_assigned',
          ticketId: id,
          from: ticket.assigneeId ?? null,
          to: agent.id,
          at: ctx().now,
        },
      ]);
      return updated;
    },
  };

  async function escalate(ticket: Ticket, rule: EscalationRule) {
    const now = ctx().now;
    const name = rule.name ?? `${rule.on}${rule.clock ? `:${rule.clock}` : ''}`;
    let patch: Record<string, unknown> = {};
    let priority: { from: TicketPriority; to: TicketPriority } | undefined;
    let assignee: { from: string | null; to: string } | undefined;
    if (rule.raisePriority) {
      const rank = TICKET_PRIORITIES.indexOf(ticket.priority);
      const target =
        rule.raisePriority === true
          ? TICKET_PRIORITIES[Math.min(rank + 1, TICKET_PRIORITIES.length - 1)]!
          : rule.raisePriority;
      if (TICKET_PRIORITIES.indexOf(target) > rank) {
        patch.priority = target;
        priority = { from: ticket.priority, to: target };
      }
    }
    if (rule.reassign) {
      const { agent } = await resolveTarget(ticket, rule.reassign);
      if (agent.id !== ticket.assigneeId) {
        patch = { ...patch, ...assignmentPatch(ticket, agent, 'escalation', name) };
        assignee = { from: ticket.assigneeId ?? null, to: agent.id };
      }
    }
    if (!priority && !assignee) return null;
    const event: ServiceEvent = {
      type: 'ticket_escalated',
      ticketId: ticket.id,
      rule: name,
      at: now,
      ...(priority && { priority }),
      ...(assignee && { assignee }),
    };
    return { patch, event };
  }

  // ---- knowledge base ----------------------------------------------------------------------

  const articles: ArticleOperations = {
    async suggest(text, opts = {}) {
      const where: Where = {
        status: { eq: 'published' },
        ...(opts.locale !== undefined && { locale: { eq: opts.locale } }),
      };
      return rankArticles(text, await all<Article>('article', where), opts.limit ?? 5);
    },

    async vote(id, helpful) {
      const field = helpful ? 'helpfulCount' : 'notHelpfulCount';
      for (let attempt = 0; ; attempt++) {
        const article = (await domain.repositories.articles.get(id)) as Article;
        try {
          const [updated] = await gateway.write(ctx(), [
            {
              type: 'update',
              entity: 'article',
              id,
              patch: { [field]: article[field] + 1 },
              expectedVersion: article.version,
            },
          ]);
          return updated as unknown as Article;
        } catch (error) {
          // A concurrent vote: count again on the fresh record.
          if (!(error instanceof ConflictError) || attempt >= 4) throw error;
        }
      }
    },
  };

  // ---- surveys -----------------------------------------------------------------------------

  async function responsesFor(query: SurveyReportQuery) {
    const where: Where = {
      ...(query.from !== undefined && { respondedAt: { gte: new Date(query.from).toISOString() } }),
      ...(query.agentId !== undefined && { agentId: { eq: query.agentId } }),
      ...(query.teamId !== undefined && { teamId: { eq: query.teamId } }),
    };
    const list = await all<SurveyResponse>('surveyResponse', where);
    const to = query.to === undefined ? null : new Date(query.to).toISOString();
    return to === null ? list : list.filter((r) => r.respondedAt < to);
  }

  const surveys: SurveyOperations = {
    async respond(requestId, answer) {
      const request = (await domain.repositories.surveyRequests.get(requestId)) as SurveyRequest;
      if (request.status !== 'pending') {
        throw new ValidationError(
          [{ path: ['status'], message: `This survey is already ${request.status}` }],
          'Cannot answer survey',
        );
      }
      // One response of a kind per ticket, even when a reopened ticket was resolved again.
      if (request.ticketId !== undefined) {
        const answered = await gateway.count(ctx(), 'surveyResponse', {
          ticketId: { eq: request.ticketId },
          kind: { eq: request.kind },
        });
        if (answered > 0) {
          throw new ValidationError(
            [{ path: ['ticketId'], message: `This ticket already has a ${request.kind} response` }],
            'Cannot answer survey',
          );
        }
      }
      const now = ctx().now;
      const responseId = domain.newId();
      const [response] = await gateway.write(ctx(), [
        {
          type: 'create',
          entity: 'surveyResponse',
          input: {
            id: responseId,
            kind: request.kind,
            score: answer.score,
            respondedAt: now,
            requestId,
            ...(answer.comment !== undefined && { comment: answer.comment }),
            ...(request.ticketId !== undefined && { ticketId: request.ticketId }),
            ...(request.customerId !== undefined && { customerId: request.customerId }),
            ...(request.contactId !== undefined && { contactId: request.contactId }),
            ...(request.agentId !== undefined && { agentId: request.agentId }),
            ...(request.teamId !== undefined && { teamId: request.teamId }),
          } satisfies CreateInput<'surveyResponse'>,
        },
        {
          type: 'update',
          entity: 'surveyRequest',
          id: requestId,
          patch: { status: 'answered', answeredAt: now, responseId },
          expectedVersion: request.version,
        },
      ]);
      return response as unknown as SurveyResponse;
    },

    async report(query = {}) {
      const list = await responsesFor(query);
      return {
        ...summarizeSurveys(list),
        groups: query.groupBy ? groupSurveys(list, query.groupBy) : [],
      };
    },

    async csat(query = {}) {
      return summarizeSurveys(await responsesFor(query)).csat.percent;
    },

    async nps(query = {}) {
      return summarizeSurveys(await responsesFor(query)).nps.score;
    },
  };

  // ---- crm.service -------------------------------------------------------------------------

  const service: ServiceNamespace = {
    subscribe: (listener) => events.subscribe(listener),
    agents: () => loadAgents(options.agents),
    async planOrderFollowUps(orderId) {
      const order = (await domain.repositories.orders.get(orderId)) as Order;
      const now = ctx().now;
      const planned = planFollowUps(options.followUps ?? [], {
        trigger: 'order_delivered',
        at: order.deliveredAt ?? now,
        subject: order.number,
        number: order.number,
        customerId: order.customerId,
        ...(order.contactId !== undefined && { contactId: order.contactId }),
        ...(order.ownerId !== undefined && { ownerId: order.ownerId }),
      });
      if (planned.length === 0) return [];
      const created = (await gateway.write(
        ctx(),
        planned.map((input) => ({ type: 'create', entity: 'activity', input })),
      )) as unknown as Activity[];
      emit(
        created.map((a) => ({
          type: 'follow_up_planned',
          activityId: a.id,
          orderId,
          dueAt: a.dueAt!,
          at: now,
        })),
      );
      return created;
    },
  };

  return { tickets, articles, surveys, service };
}
