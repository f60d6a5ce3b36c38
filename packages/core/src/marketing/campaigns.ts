import { z } from 'zod';
import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput, Patch, WriteOptions } from '../client/repository.js';
import type { Campaign } from '../entities/campaign.js';
import { CAMPAIGN_STATUSES } from '../entities/enums.js';
import type {
  CampaignDelivery,
  DeliveryEventType,
  MessageChannel,
} from '../entities/campaign-delivery.js';
import { DELIVERY_EVENTS, MESSAGE_CHANNELS } from '../entities/enums.js';
import { DateTimeSchema, IdSchema } from '../entities/common.js';
import type { Contact } from '../entities/contact.js';
import type { Deal } from '../entities/deal.js';
import type { Lead } from '../entities/lead.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { zodIssues } from '../gateway/validate-stage.js';
import type { QueryResult, QuerySpec } from '../query/query-spec.js';
import { salesIo } from '../sales/sales-io.js';
import { campaignReport, type CampaignReport } from './campaign-report.js';
import type { MessageSender, SendOutcome } from './message-sender.js';
import type { SegmentOperations } from './segments.js';

export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * draft → scheduled → running → completed, and cancelled from any open state; a scheduled
 * campaign may go back to draft. Completed and cancelled are final.
 */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['draft', 'running', 'cancelled'],
  running: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransitionCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_TRANSITIONS[from]?.includes(to) ?? false;
}

/** One callback from a channel: what happened to the message of one recipient. */
export const DeliveryCallbackSchema = z
  .strictObject({
    contactId: IdSchema.optional(),
    messageId: z.string().min(1).max(200).optional(),
    type: z.enum(DELIVERY_EVENTS),
    /** Default: now on the injected clock. */
    at: DateTimeSchema.optional(),
  })
  .refine((e) => e.contactId !== undefined || e.messageId !== undefined, {
    message: 'Give the contactId or the messageId of the message',
  });
export type DeliveryCallback = z.input<typeof DeliveryCallbackSchema>;

export interface SendResult extends Omit<SendOutcome, 'deliveries'> {
  /** Contacts of the audience that already had a delivery for this campaign (not sent again). */
  readonly alreadySent: number;
}

export interface RecordDeliveryResult {
  /** Delivery records changed. */
  readonly updated: number;
  /** Contacts whose consent for the channel was turned off by an `unsubscribed` event. */
  readonly unsubscribed: number;
}

const ENGAGEMENT: readonly DeliveryEventType[] = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'replied',
];

/** The furthest state of a delivery: bounced, failed, unsubscribed override engagement. */
export function deliveryStatus(
  d: Partial<Record<`${DeliveryEventType}At`, string>>,
): DeliveryEventType {
  if (d.unsubscribedAt) return 'unsubscribed';
  if (d.bouncedAt) return 'bounced';
  if (d.failedAt && !d.sentAt) return 'failed';
  for (let i = ENGAGEMENT.length - 1; i >= 0; i--)
    if (d[`${ENGAGEMENT[i]!}At`]) return ENGAGEMENT[i]!;
  return 'failed';
}

const isMessageChannel = (c: string): c is MessageChannel =>
  (MESSAGE_CHANNELS as readonly string[]).includes(c);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Campaign operations merged into `crm.campaigns`: status transitions, sending through a channel
 * adapter, delivery callbacks, deliveries and the report.
 */
export function createCampaignOperations(
  domain: DomainContext,
  segments: SegmentOperations,
  sender: MessageSender,
) {
  const ctx = () => domain.context();
  const now = () => domain.clock().toISOString();
  const get = (id: string) =>
    salesIo.get(domain, 'campaign', id) as Promise<Campaign & { id: string; version: number }>;

  function checkTemplate(template: unknown) {
    if (isObject(template) && typeof template.body === 'string')
      sender.checkTemplate(template as { body: string; subject?: string });
  }

  function transitionPatch(campaign: Campaign, to: CampaignStatus): Record<string, unknown> {
    if (!(CAMPAIGN_STATUSES as readonly string[]).includes(to))
      throw new ValidationError([
        { path: ['status'], message: `Use one of ${CAMPAIGN_STATUSES.join(', ')}` },
      ]);
    if (!canTransitionCampaign(campaign.status, to))
      throw new ValidationError([
        {
          path: ['status'],
          message: `A ${campaign.status} campaign cannot become ${to} (allowed: ${CAMPAIGN_TRANSITIONS[campaign.status].join(', ') || 'none'})`,
        },
      ]);
    const at = now();
    return {
      status: to,
      ...((to === 'running' || to === 'scheduled') &&
        campaign.startAt === undefined && { startAt: at }),
      ...((to === 'completed' || to === 'cancelled') &&
        campaign.endAt === undefined && { endAt: at }),
    };
  }

  async function transition(
    id: string,
    to: CampaignStatus,
    options: WriteOptions = {},
  ): Promise<Campaign> {
    const campaign = await get(id);
    const [record] = await domain.gateway.write(ctx(), [
      {
        type: 'update',
        entity: 'campaign',
        id,
        patch: transitionPatch(campaign, to),
        expectedVersion: options.expectedVersion ?? campaign.version,
      },
    ]);
    return record as unknown as Campaign;
  }

  async function deliveriesOf(campaignId: string): Promise<CampaignDelivery[]> {
    return (await salesIo.all(domain, 'campaignDelivery', {
      campaignId: { eq: campaignId },
    })) as unknown as CampaignDelivery[];
  }

  /** The contacts a campaign's segment reaches: contact members, or the customers' contacts. */
  async function audienceContacts(segmentId: string): Promise<Contact[]> {
    const segment = await salesIo.get(domain, 'segment', segmentId);
    const ids = await segments.memberIds(segment);
    return segment.entity === 'contact'
      ? sender.contactsById(ids)
      : sender.contactsOfCustomers(ids);
  }

  async function send(id: string): Promise<SendResult> {
    const campaign = await get(id);
    if (campaign.status !== 'scheduled' && campaign.status !== 'running')
      throw new ValidationError([
        {
          path: ['status'],
          message: `Only scheduled or running campaigns send (this one is ${campaign.status})`,
        },
      ]);
    if (!isMessageChannel(campaign.channel))
      throw new ValidationError([
        {
          path: ['channel'],
          message: `${campaign.channel} campaigns do not send messages (email, sms and wechat do)`,
        },
      ]);
    if (!campaign.segmentId)
      throw new ValidationError([
        { path: ['segmentId'], message: 'Give the campaign an audience segment' },
      ]);
    sender.adapterFor(campaign.channel);
    sender.checkTemplate(campaign.template);
    const contacts = await audienceContacts(campaign.segmentId);
    const done = new Set((await deliveriesOf(id)).map((d) => d.contactId));
    const unique = new Map<string, Contact>();
    for (const c of contacts) if (!done.has(c.id)) unique.set(c.id, c);
    const outcome = await sender.send({
      channel: campaign.channel,
      template: campaign.template!,
      contacts: [...unique.values()],
      campaign: { id, name: campaign.name },
    });
    const intents: WriteIntent[] = [...outcome.deliveries];
    if (campaign.status === 'scheduled')
      intents.unshift({
        type: 'update',
        entity: 'campaign',
        id,
        patch: transitionPatch(campaign, 'running'),
        expectedVersion: campaign.version,
      });
    if (intents.length) await domain.gateway.write(ctx(), intents);
    return {
      sent: outcome.sent,
      failed: outcome.failed,
      skipped: outcome.skipped,
      alreadySent: contacts.length - unique.size,
    };
  }

  async function recordDelivery(
    campaignId: string,
    events: readonly DeliveryCallback[],
  ): Promise<RecordDeliveryResult> {
    if (!Array.isArray(events))
      throw new ValidationError([
        { path: ['events'], message: 'Give an array of delivery events' },
      ]);
    const issues: ValidationIssue[] = [];
    const parsed = events.map((event, i) => {
      const result = DeliveryCallbackSchema.safeParse(event);
      if (!result.success) issues.push(...zodIssues(result.error, ['events', i]));
      return result.data;
    });
    if (issues.length) throw new ValidationError(issues, 'Invalid delivery events');
    await get(campaignId);
    const deliveries = await deliveriesOf(campaignId);
    const byContact = new Map(deliveries.map((d) => [d.contactId, d]));
    const byMessage = new Map(deliveries.filter((d) => d.messageId).map((d) => [d.messageId!, d]));
    const changed = new Map<string, Record<string, unknown>>();
    const optOuts = new Map<string, MessageChannel>();
    const at = now();
    parsed.forEach((event, i) => {
      const found =
        event!.contactId !== undefined
          ? byContact.get(event!.contactId)
          : byMessage.get(event!.messageId!);
      if (!found) {
        issues.push({
          path: ['events', i],
          message: `No message of campaign ${campaignId} to ${event!.contactId ?? event!.messageId}`,
        });
        return;
      }
      const current = changed.get(found.id) ?? { ...found };
      const field = `${event!.type}At`;
      const when = event!.at ?? at;
      if (current[field] === undefined || (current[field] as string) > when) current[field] = when;
      current.events = [
        ...(current.events as { type: string; at: string }[]),
        { type: event!.type, at: when },
      ].slice(-100);
      changed.set(found.id, current);
      if (event!.type === 'unsubscribed') optOuts.set(found.contactId, found.channel);
    });
    if (issues.length) throw new ValidationError(issues, 'Unknown recipients');
    const intents: WriteIntent[] = [];
    for (const [id, next] of changed) {
      const before = deliveries.find((d) => d.id === id)!;
      const patch: Record<string, unknown> = { events: next.events, status: deliveryStatus(next) };
      for (const type of DELIVERY_EVENTS) {
        const f = `${type}At`;
        if (next[f] !== (before as Record<string, unknown>)[f]) patch[f] = next[f];
      }
      intents.push({
        type: 'update',
        entity: 'campaignDelivery',
        id,
        patch,
        expectedVersion: before.version,
      });
    }
    const contacts = await sender.contactsById([...optOuts.keys()]);
    let unsubscribed = 0;
    for (const contact of contacts) {
      const channel = optOuts.get(contact.id)!;
      if (contact.consent?.[channel] === false) continue;
      unsubscribed += 1;
      intents.push({
        type: 'update',
        entity: 'contact',
        id: contact.id,
        patch: { consent: { ...contact.consent, [channel]: false } },
        expectedVersion: contact.version,
      });
    }
    if (intents.length) await domain.gateway.write(ctx(), intents);
    return { updated: changed.size, unsubscribed };
  }

  async function report(id: string): Promise<CampaignReport> {
    const campaign = await get(id);
    const audience = campaign.segmentId
      ? await segments.count(campaign.segmentId).catch(() => null)
      : null;
    const leads = (await salesIo.all(domain, 'lead', {
      or: [{ campaignId: { eq: id } }, { 'touches.campaignId': { eq: id } }],
    })) as unknown as Lead[];
    const deals: Deal[] = (await salesIo.all(domain, 'deal', {
      campaignId: { eq: id },
    })) as unknown as Deal[];
    const seen = new Set(deals.map((d) => (d as unknown as { id: string }).id));
    const leadIds = leads.map((l) => (l as unknown as { id: string }).id);
    for (let i = 0; i < leadIds.length; i += 1000) {
      const more = (await salesIo.all(domain, 'deal', {
        leadId: { in: leadIds.slice(i, i + 1000) },
      })) as unknown as (Deal & { id: string })[];
      for (const deal of more) if (!seen.has(deal.id)) deals.push(deal);
    }
    return campaignReport({
      campaign: { ...campaign, id },
      audience,
      deliveries: await deliveriesOf(id),
      leads: leads as unknown as (Lead & { id: string })[],
      deals: deals as unknown as (Deal & { id: string })[],
    });
  }

  return {
    /** Creates a campaign; its template's placeholders must be known fields. */
    async create(input: CreateInput<'campaign'>): Promise<Campaign> {
      if (isObject(input)) checkTemplate(input.template);
      const [record] = await domain.gateway.write(ctx(), [
        { type: 'create', entity: 'campaign', input },
      ]);
      return record as unknown as Campaign;
    },
    /**
     * Updates a campaign. A status change must be an allowed transition (`CAMPAIGN_TRANSITIONS`);
     * a changed template is checked.
     */
    async update(
      id: string,
      patch: Patch<'campaign'>,
      options: WriteOptions = {},
    ): Promise<Campaign> {
      let full: unknown = patch;
      if (isObject(patch)) {
        checkTemplate(patch.template);
        if (patch.status !== undefined && patch.status !== null) {
          const current = await salesIo.current(domain, 'campaign', id);
          if (current && current.status !== patch.status)
            full = {
              ...transitionPatch(current as Campaign, patch.status as CampaignStatus),
              ...patch,
            };
        }
      }
      const [record] = await domain.gateway.write(ctx(), [
        {
          type: 'update',
          entity: 'campaign',
          id,
          patch: full,
          ...(options.expectedVersion !== undefined && {
            expectedVersion: options.expectedVersion,
          }),
        },
      ]);
      return record as unknown as Campaign;
    },
    transition,
    /** Schedules a draft campaign (sets `startAt` when given). */
    async schedule(id: string, startAt?: string, options: WriteOptions = {}): Promise<Campaign> {
      const campaign = await get(id);
      const patch = {
        ...transitionPatch(campaign, 'scheduled'),
        ...(startAt !== undefined && { startAt }),
      };
      const [record] = await domain.gateway.write(ctx(), [
        {
          type: 'update',
          entity: 'campaign',
          id,
          patch,
          expectedVersion: options.expectedVersion ?? campaign.version,
        },
      ]);
      return record as unknown as Campaign;
    },
    send,
    recordDelivery,
    report,
    /** The campaign's delivery records (one per recipient). */
    async deliveries(id: string, query: QuerySpec = {}): Promise<QueryResult<CampaignDelivery>> {
      const where = query.where
        ? { and: [query.where, { campaignId: { eq: id } }] }
        : { campaignId: { eq: id } };
      return (await domain.gateway.query(ctx(), 'campaignDelivery', {
        ...query,
        where,
      })) as unknown as QueryResult<CampaignDelivery>;
    },
  };
}

export type CampaignOperations = ReturnType<typeof createCampaignOperations>;
