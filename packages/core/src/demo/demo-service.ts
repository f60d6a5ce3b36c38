import type { TicketInput } from '../entities/ticket.js';
import {
  DAY,
  HOUR,
  MINUTE,
  chinaDate,
  demoId,
  iso,
  officeTime,
  text,
  type DemoContext,
  type DemoRecord,
  type Lang,
} from './demo-context.js';
import { CITY_TABLE, fakeMobile, fakePerson, nearCity, personalEmail } from './demo-fakers.js';
import {
  HOSTILE_STRINGS,
  SURVEY_COMMENTS,
  TICKET_COMMENTS,
  TICKET_RESOLUTIONS,
  TICKET_TAGS,
  TICKET_TEXTS,
  type Bilingual,
  type TicketCategoryKey,
} from './demo-words.js';
import type { CustomerDraft } from './iterate-demo-customers.js';
import { weightedTable, type Random } from './random.js';

export interface DemoService {
  readonly tickets: DemoRecord<'ticket'>[];
  readonly surveys: DemoRecord<'surveyResponse'>[];
}

export interface ServiceInput {
  readonly customers: readonly CustomerDraft[];
  readonly contactsOf: ReadonlyMap<string, readonly DemoRecord<'contact'>[]>;
}

type Priority = NonNullable<TicketInput['priority']>;
type Status = NonNullable<TicketInput['status']>;

const CATEGORY_TABLE = weightedTable<TicketCategoryKey>([
  ['inquiry', 35],
  ['complaint', 15],
  ['suggestion', 10],
  ['fault', 20],
  ['field_service', 12],
  ['follow_up', 8],
]);
const PRIORITY_TABLES: Readonly<
  Record<
    'complaint' | 'fault' | 'field_service' | 'other',
    ReturnType<typeof weightedTable<Priority>>
  >
> = {
  complaint: weightedTable<Priority>([
    ['normal', 30],
    ['high', 50],
    ['urgent', 20],
  ]),
  fault: weightedTable<Priority>([
    ['low', 10],
    ['normal', 45],
    ['high', 35],
    ['urgent', 10],
  ]),
  field_service: weightedTable<Priority>([
    ['normal', 50],
    ['high', 40],
    ['urgent', 10],
  ]),
  other: weightedTable<Priority>([
    ['low', 30],
    ['normal', 60],
    ['high', 10],
  ]),
};
const STATUS_TABLE = weightedTable<Status>([
  ['new', 10],
  ['open', 20],
  ['pending', 10],
  ['resolved', 25],
  ['closed', 35],
]);
const CHANNEL_TABLE = weightedTable<NonNullable<TicketInput['channel']>>([
  ['web', 35],
  ['email', 25],
  ['phone', 25],
  ['portal', 15],
]);
const SEVERITY_TABLE = weightedTable<NonNullable<TicketInput['severity']>>([
  ['minor', 50],
  ['major', 35],
  ['critical', 15],
]);

/** The SLA policy a ticket falls under (see `demoSlaPolicies`). */
function slaPolicyFor(category: TicketCategoryKey, priority: Priority): string {
  if (priority === 'urgent') return 'sla_urgent';
  if (category === 'complaint') return 'sla_complaint';
  return priority === 'high' ? 'sla_high' : 'sla_standard';
}

/** Tickets with comments in time order, and CSAT / NPS responses to the resolved ones. */
export function generateDemoService(ctx: DemoContext, input: ServiceInput): DemoService {
  const tickets = generateTickets(ctx, input);
  return { tickets, surveys: generateSurveys(ctx, tickets, input.customers) };
}

function generateTickets(
  ctx: DemoContext,
  { customers, contactsOf }: ServiceInput,
): DemoRecord<'ticket'>[] {
  const rng = ctx.fork('tickets');
  const served = customers.filter(
    (c) => c.record.lifecycleStage === 'customer' || c.record.lifecycleStage === 'loyal',
  );
  const candidates = served.length > 0 ? served : customers;
  const tickets: DemoRecord<'ticket'>[] = [];

  for (let index = 0; index < ctx.counts.tickets; index++) {
    const id = demoId('tkt', index, 5);
    const category = rng.weighted(CATEGORY_TABLE);
    const priorityKey =
      category === 'complaint' || category === 'fault' || category === 'field_service'
        ? category
        : 'other';
    const priority = rng.weighted(PRIORITY_TABLES[priorityKey]);
    const status = rng.weighted(STATUS_TABLE);
    const customer = candidates.length > 0 && rng.chance(0.85) ? rng.pick(candidates) : undefined;
    const lang: Lang = customer?.lang ?? ctx.lang(rng);
    const contacts = customer ? (contactsOf.get(customer.record.id) ?? []) : [];
    const contact = contacts.length > 0 && rng.chance(0.9) ? rng.pick(contacts) : undefined;
    const [subject, description] = rng.pick(TICKET_TEXTS[category]);

    // Durations first, then place the whole story so its last event is at or before now.
    const opened = status === 'new' ? rng.float(0, 3) * DAY : 0;
    const responded = status === 'new' ? undefined : rng.int(5, 480) * MINUTE;
    const resolved =
      status === 'resolved' || status === 'closed'
        ? (responded ?? 0) + rng.float(1, 96) * HOUR
        : undefined;
    const closed =
      status === 'closed' && resolved !== undefined ? resolved + rng.float(1, 7) * DAY : undefined;
    const span = closed ?? resolved ?? responded ?? opened;
    const [minAge, maxAge] =
      status === 'new' || status === 'open' ? [0, 10] : status === 'pending' ? [1, 20] : [0, 180];
    const createdAt = Math.min(
      officeTime(rng, ctx.now - span - rng.float(minAge, maxAge) * DAY),
      ctx.now - span,
    );

    const ticket: DemoRecord<'ticket'> = {
      id,
      number: `TK-${chinaDate(createdAt).replaceAll('-', '')}-${String(index + 1).padStart(4, '0')}`,
      subject: text(subject, lang),
      description: text(description, lang),
      channel: rng.weighted(CHANNEL_TABLE),
      category,
      priority,
      status,
      slaPolicyId: slaPolicyFor(category, priority),
      comments: [],
      tags: rng.chance(0.25) ? [text(rng.pick(TICKET_TAGS), lang)] : [],
    };
    if (category === 'complaint') ticket.severity = rng.weighted(SEVERITY_TABLE);
    if (customer) ticket.customerId = customer.record.id;
    if (contact) ticket.contactId = contact.id;
    ticket.requester = contact ? requesterOf(contact) : anonymousRequester(rng, lang);
    const assignee = status !== 'new' || rng.chance(0.3) ? ctx.agent(rng) : undefined;
    if (assignee) ticket.assigneeId = assignee.id;
    const teamId = assignee?.teamId ?? ctx.supportTeamId;
    if (teamId !== undefined) ticket.teamId = teamId;
    if (responded !== undefined) ticket.firstRespondedAt = iso(createdAt + responded);
    if (resolved !== undefined) ticket.resolvedAt = iso(createdAt + resolved);
    if (closed !== undefined) ticket.closedAt = iso(createdAt + closed);

    if (category === 'field_service' || (category === 'fault' && rng.chance(0.2))) {
      const city = customer?.city ?? rng.weighted(CITY_TABLE);
      ticket.location = {
        ...nearCity(rng, city),
        address: customer?.record.region?.address ?? city.city[lang],
      };
      ticket.customFields = {
        deviceSerial: `POS-${city.abbr.toUpperCase()}-${rng.int(100_000, 999_999)}`,
      };
    }
    ticket.comments = ticketComments(rng, id, lang, createdAt, {
      category,
      now: ctx.now,
      responded,
      resolved,
      assigneeId: assignee?.id,
    });

    if (ctx.hostile && index === 0) {
      ticket.subject = HOSTILE_STRINGS.ticketSubject;
      ticket.description = HOSTILE_STRINGS.ticketDescription;
    }
    tickets.push(ticket);
  }
  return tickets;
}

function requesterOf(contact: DemoRecord<'contact'>): NonNullable<TicketInput['requester']> {
  const requester: NonNullable<TicketInput['requester']> = { name: contact.name };
  const email = contact.emails?.[0];
  const phone = contact.phones?.[0]?.number;
  if (email !== undefined) requester.email = email;
  if (phone !== undefined) requester.phone = phone;
  return requester;
}

/** Someone who wrote in through the web form without being a known contact. */
function anonymousRequester(rng: Random, lang: Lang): NonNullable<TicketInput['requester']> {
  const person = fakePerson(rng, lang);
  const requester: NonNullable<TicketInput['requester']> = { name: person.name };
  if (rng.chance(0.7)) requester.email = personalEmail(rng, person, lang);
  if (rng.chance(0.7)) requester.phone = fakeMobile(rng);
  return requester;
}

/** An agent's first reply, maybe an internal note and a customer reply, and the resolution. */
function ticketComments(
  rng: Random,
  ticketId: string,
  lang: Lang,
  createdAt: number,
  story: {
    category: TicketCategoryKey;
    now: number;
    responded: number | undefined;
    resolved: number | undefined;
    assigneeId: string | undefined;
  },
): NonNullable<TicketInput['comments']> {
  const comments: NonNullable<TicketInput['comments']> = [];
  const add = (pair: Bilingual, at: number, isPublic: boolean, byAgent: boolean) => {
    const comment: (typeof comments)[number] = {
      id: `${ticketId}_c${comments.length + 1}`,
      body: text(pair, lang),
      public: isPublic,
      createdAt: iso(at),
    };
    if (byAgent && story.assigneeId !== undefined) comment.authorId = story.assigneeId;
    comments.push(comment);
  };
  if (story.responded === undefined) return comments;
  const first = createdAt + story.responded;
  add(rng.pick(TICKET_COMMENTS.firstReply), first, true, true);
  const end =
    story.resolved === undefined
      ? Math.min(story.now, first + rng.float(1, 12) * HOUR)
      : createdAt + story.resolved;
  if (rng.chance(0.4))
    add(rng.pick(TICKET_COMMENTS.internal), first + (end - first) * 0.3, false, true);
  if (rng.chance(0.5))
    add(rng.pick(TICKET_COMMENTS.customer), first + (end - first) * 0.6, true, false);
  if (story.resolved !== undefined) add(TICKET_RESOLUTIONS[story.category], end, true, true);
  return comments;
}

const CSAT_HAPPY = weightedTable([
  [1, 3],
  [2, 5],
  [3, 12],
  [4, 30],
  [5, 50],
] as const);
const CSAT_UPSET = weightedTable([
  [1, 15],
  [2, 20],
  [3, 30],
  [4, 20],
  [5, 15],
] as const);
const NPS = weightedTable([
  [0, 2],
  [2, 2],
  [4, 3],
  [5, 4],
  [6, 6],
  [7, 12],
  [8, 20],
  [9, 25],
  [10, 26],
] as const);

function generateSurveys(
  ctx: DemoContext,
  tickets: readonly DemoRecord<'ticket'>[],
  customers: readonly CustomerDraft[],
): DemoRecord<'surveyResponse'>[] {
  const rng = ctx.fork('surveys');
  const langOf = new Map(customers.map((c) => [c.record.id, c.lang]));
  const surveys: DemoRecord<'surveyResponse'>[] = [];
  for (const ticket of tickets) {
    if (ticket.resolvedAt === undefined) continue;
    const lang =
      (ticket.customerId !== undefined ? langOf.get(ticket.customerId) : undefined) ??
      ctx.globalLang;
    const upset = ticket.category === 'complaint';
    const kinds = [
      ...(rng.chance(0.65) ? ['csat' as const] : []),
      ...(rng.chance(0.25) ? ['nps' as const] : []),
    ];
    for (const kind of kinds) {
      const score = rng.weighted(kind === 'csat' ? (upset ? CSAT_UPSET : CSAT_HAPPY) : NPS);
      const respondedAt = Math.min(
        ctx.now,
        Date.parse(ticket.resolvedAt) + rng.float(1, 72) * HOUR,
      );
      const survey: DemoRecord<'surveyResponse'> = {
        id: demoId('srv', surveys.length, 5),
        kind,
        score,
        ticketId: ticket.id,
        respondedAt: iso(respondedAt),
      };
      if (ticket.customerId !== undefined) survey.customerId = ticket.customerId;
      if (ticket.contactId !== undefined) survey.contactId = ticket.contactId;
      if (ticket.assigneeId !== undefined) survey.agentId = ticket.assigneeId;
      if (ticket.teamId !== undefined) survey.teamId = ticket.teamId;
      const good = kind === 'csat' ? score >= 4 : score >= 9;
      const bad = kind === 'csat' ? score <= 2 : score <= 6;
      if ((good || bad) && rng.chance(0.4))
        survey.comment = text(rng.pick(SURVEY_COMMENTS[good ? 'good' : 'bad']), lang);
      surveys.push(survey);
    }
  }
  return surveys;
}
