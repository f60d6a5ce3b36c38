import type { ActivityInput } from '../entities/activity.js';
import {
  DAY,
  HOUR,
  MINUTE,
  demoId,
  futureOfficeTime,
  iso,
  pastOfficeTime,
  text,
  type DemoContext,
  type DemoRecord,
  type Lang,
} from './demo-context.js';
import {
  ACTIVITY_OUTCOMES,
  ACTIVITY_SUBJECTS,
  MEETING_PLACES,
  PRODUCTS,
  type Bilingual,
} from './demo-words.js';
import type { CustomerDraft } from './iterate-demo-customers.js';
import { weightedTable, type Random } from './random.js';

type ActivityType = ActivityInput['type'];

export interface ActivityInputs {
  readonly customers: readonly CustomerDraft[];
  readonly contactsOf: ReadonlyMap<string, readonly DemoRecord<'contact'>[]>;
  readonly deals: readonly DemoRecord<'deal'>[];
  readonly leads: readonly DemoRecord<'lead'>[];
  readonly tickets: readonly DemoRecord<'ticket'>[];
}

const TYPE_TABLE = weightedTable<ActivityType>([
  ['call', 30],
  ['visit', 12],
  ['email', 18],
  ['meeting', 10],
  ['note', 10],
  ['task', 20],
]);
const LEAD_TYPE_TABLE = weightedTable<ActivityType>([
  ['call', 60],
  ['email', 25],
  ['task', 15],
]);

/** Product names without the billing unit, for subjects: 营销自动化模块, Rapport CRM Enterprise. */
const PRODUCT_NAMES: readonly Bilingual[] = PRODUCTS.map(({ name }) => [
  name[0].replace(/（.*$/, ''),
  name[1].replace(/ \(.*$/, ''),
]);

interface Anchor {
  readonly type: ActivityType;
  readonly lang: Lang;
  readonly subject: string;
  readonly links: Pick<
    ActivityInput,
    'customerId' | 'contactId' | 'leadId' | 'dealId' | 'ticketId'
  >;
  readonly ownerId: string;
  readonly address?: string | undefined;
}

/**
 * Calls, visits, e-mails, meetings, notes and tasks on customers (with their contacts and deals),
 * on leads and on tickets. Past ones are done; some tasks are open and overdue, some meetings and
 * visits are scheduled ahead.
 */
export function generateDemoActivities(
  ctx: DemoContext,
  input: ActivityInputs,
): DemoRecord<'activity'>[] {
  const rng = ctx.fork('activities');
  const owned = input.customers.filter((c) => c.record.ownerId !== undefined);
  const customers = owned.length > 0 ? owned : input.customers;
  const dealsOf = new Map<string, DemoRecord<'deal'>[]>();
  for (const deal of input.deals) {
    if (deal.customerId === undefined) continue;
    const list = dealsOf.get(deal.customerId);
    if (list) list.push(deal);
    else dealsOf.set(deal.customerId, [deal]);
  }
  const langOf = new Map(input.customers.map((c) => [c.record.id, c.lang]));
  const followUps = input.tickets.filter(
    (t) => t.customerId !== undefined && t.assigneeId !== undefined,
  );
  const withSubject = (type: ActivityType, lang: Lang, name: string) =>
    text(rng.pick(ACTIVITY_SUBJECTS[type]), lang)
      .replace('{c}', name)
      .replace('{p}', text(rng.pick(PRODUCT_NAMES), lang));

  // What an activity is about: mostly a customer, sometimes a lead or a ticket follow-up.
  const anchor = (): Anchor => {
    const r = rng.next();
    if (r < 0.08 && input.leads.length > 0) {
      const lead = rng.pick(input.leads);
      const lang: Lang = /[\u4e00-\u9fff]/.test(lead.name) ? 0 : 1;
      const type = rng.weighted(LEAD_TYPE_TABLE);
      const subject = withSubject(type, lang, lead.company ?? lead.name);
      return {
        type,
        lang,
        subject,
        links: { leadId: lead.id },
        ownerId: lead.ownerId ?? rng.pick(ctx.sellers).id,
      };
    }
    if (r < 0.13 && followUps.length > 0) {
      const ticket = rng.pick(followUps);
      const lang = langOf.get(ticket.customerId ?? '') ?? ctx.globalLang;
      const subject = text(['回访工单 {n}', 'Follow-up call on {n}'], lang).replace(
        '{n}',
        ticket.number ?? ticket.id,
      );
      const links: Anchor['links'] = { customerId: ticket.customerId, ticketId: ticket.id };
      if (ticket.contactId !== undefined) links.contactId = ticket.contactId;
      return {
        type: 'call',
        lang,
        subject,
        links,
        ownerId: ticket.assigneeId ?? rng.pick(ctx.owners).id,
      };
    }
    if (customers.length === 0) {
      const lang = ctx.lang(rng);
      return {
        type: 'note',
        lang,
        subject: withSubject('note', lang, ''),
        links: {},
        ownerId: rng.pick(ctx.owners).id,
      };
    }
    const customer = rng.pick(customers);
    const type = rng.weighted(TYPE_TABLE);
    const links: Anchor['links'] = { customerId: customer.record.id };
    const contacts = input.contactsOf.get(customer.record.id);
    if (contacts && contacts.length > 0 && rng.chance(0.7)) links.contactId = rng.pick(contacts).id;
    const deals = dealsOf.get(customer.record.id);
    if (deals && deals.length > 0 && rng.chance(0.4)) links.dealId = rng.pick(deals).id;
    return {
      type,
      lang: customer.lang,
      subject: withSubject(type, customer.lang, customer.shortName),
      links,
      ownerId: customer.record.ownerId ?? rng.pick(ctx.sellers).id,
      address: customer.record.region?.address,
    };
  };

  const activities: DemoRecord<'activity'>[] = [];
  for (let index = 0; index < ctx.counts.activities; index++) {
    const { type, lang, subject, links, ownerId, address } = anchor();
    const activity: DemoRecord<'activity'> = {
      id: demoId('act', index, 6),
      type,
      subject,
      ...links,
      ownerId,
    };
    schedule(ctx, rng, activity, lang);
    if (type === 'visit' && address !== undefined) activity.location = address;
    if (type === 'meeting') activity.location = text(rng.pick(MEETING_PLACES), lang);
    if (activity.body === undefined && rng.chance(0.2)) activity.body = text(DETAIL, lang);
    activities.push(activity);
  }
  return activities;
}

/** Sets status and times by type: what happened is in the past, what is planned may be ahead. */
function schedule(
  ctx: DemoContext,
  rng: Random,
  activity: DemoRecord<'activity'>,
  lang: Lang,
): void {
  const outcome = () => {
    if (rng.chance(0.6)) activity.outcome = text(rng.pick(ACTIVITY_OUTCOMES), lang);
  };
  switch (activity.type) {
    case 'task': {
      const r = rng.next();
      if (r < 0.4) {
        activity.status = 'open';
        // Half the open tasks are overdue.
        const due = rng.chance(0.5)
          ? pastOfficeTime(ctx, rng, 1, 20)
          : futureOfficeTime(ctx, rng, 0.5, 14);
        activity.dueAt = iso(due);
        activity.remindAt = iso(due - (rng.chance(0.5) ? 30 * MINUTE : DAY));
      } else {
        const due = pastOfficeTime(ctx, rng, 1, 180);
        activity.status = r < 0.95 ? 'done' : 'cancelled';
        activity.dueAt = iso(due);
        if (activity.status === 'done')
          activity.completedAt = iso(Math.min(ctx.now, due - rng.float(-1, 2) * DAY));
      }
      return;
    }
    case 'call':
    case 'email': {
      const start = pastOfficeTime(ctx, rng, 0, 180);
      const end =
        activity.type === 'call' ? Math.min(ctx.now, start + rng.int(3, 40) * MINUTE) : start;
      activity.status = 'done';
      activity.startAt = iso(start);
      if (activity.type === 'call') activity.endAt = iso(end);
      activity.completedAt = iso(end);
      if (activity.type === 'call') outcome();
      return;
    }
    case 'note': {
      activity.status = 'done';
      activity.completedAt = iso(pastOfficeTime(ctx, rng, 0, 180));
      activity.body = text(rng.pick(ACTIVITY_OUTCOMES), lang);
      return;
    }
    case 'visit':
    case 'meeting': {
      const r = rng.next();
      const minutes = activity.type === 'visit' ? rng.int(60, 180) : rng.int(30, 120);
      if (r < 0.12) {
        const start = futureOfficeTime(ctx, rng, 1, 14);
        activity.status = 'open';
        activity.startAt = iso(start);
        activity.endAt = iso(start + minutes * MINUTE);
        activity.remindAt = iso(start - (rng.chance(0.5) ? HOUR : DAY));
        return;
      }
      const start = pastOfficeTime(ctx, rng, 0.5, 180);
      const end = Math.min(ctx.now, start + minutes * MINUTE);
      activity.status = r < 0.92 ? 'done' : 'cancelled';
      activity.startAt = iso(start);
      activity.endAt = iso(end);
      if (activity.status === 'done') {
        activity.completedAt = iso(end);
        outcome();
      }
    }
  }
}

const DETAIL: Bilingual = [
  '详见会议纪要，已同步给售前团队。',
  'Details in the meeting notes; shared with presales.',
];
