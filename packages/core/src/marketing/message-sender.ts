import type { DomainContext } from '../client/domain-context.js';
import type { Contact } from '../entities/contact.js';
import type { Customer } from '../entities/customer.js';
import type { MessageChannel } from '../entities/campaign-delivery.js';
import { ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { salesIo } from '../sales/sales-io.js';
import type { ChannelAdapter, DeliveryReceipt, OutgoingMessage } from './channel-adapter.js';
import { messageConsent, type SkipReason } from './message-consent.js';
import { renderTemplate, unknownPlaceholders } from './render-template.js';

export interface MessageTemplate {
  readonly subject?: string;
  readonly body: string;
}

export interface SendOutcome {
  /** Messages the channel accepted. */
  readonly sent: number;
  /** Messages the channel refused. */
  readonly failed: number;
  /** Contacts not messaged, and why (consent, no address). */
  readonly skipped: readonly { readonly contactId: string; readonly reason: SkipReason }[];
  /** Delivery records to write (one per message), when the send is for a campaign. */
  readonly deliveries: readonly WriteIntent[];
}

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Channel batches: how many messages one `ChannelAdapter.send` call gets. */
export const SEND_BATCH = 100;

/**
 * Turns contacts into consented, rendered messages and hands them to the channel adapter; shared
 * by campaign sends and automation. It never writes: the caller commits `deliveries`.
 */
export function createMessageSender(
  domain: DomainContext,
  channels: Readonly<Record<string, ChannelAdapter>>,
) {
  function adapterFor(channel: string): ChannelAdapter {
    const adapter = Object.hasOwn(channels, channel) ? channels[channel] : undefined;
    if (!adapter)
      throw new ValidationError([
        {
          path: ['channel'],
          message: `No channel adapter for "${channel}": pass createCrm({ marketing: { channels: { ${channel}: … } } })`,
        },
      ]);
    return adapter;
  }

  function checkTemplate(
    template: MessageTemplate | undefined,
    path: string[] = ['template'],
  ): MessageTemplate {
    if (!template || typeof template.body !== 'string' || template.body.length === 0)
      throw new ValidationError([{ path: [...path, 'body'], message: 'Give the message a body' }]);
    const issues = (['subject', 'body'] as const).flatMap((part) =>
      unknownPlaceholders(template[part] ?? '').map((name) => ({
        path: [...path, part],
        message: `Unknown placeholder {{${name}}}`,
      })),
    );
    if (issues.length) throw new ValidationError(issues, 'Invalid message template');
    return template;
  }

  /** The customers of contacts, by id, for `{{customer.*}}` placeholders. */
  async function customersOf(contacts: readonly Contact[]): Promise<Map<string, Customer>> {
    const ids = [...new Set(contacts.map((c) => c.customerId).filter((id): id is string => !!id))];
    const out = new Map<string, Customer>();
    for (const part of chunks(ids, 1000)) {
      const rows = await domain.gateway.get(domain.context(), 'customer', part);
      for (const row of rows) if (row) out.set(row.id, row as unknown as Customer);
    }
    return out;
  }

  async function send(request: {
    readonly channel: MessageChannel;
    readonly template: MessageTemplate;
    readonly contacts: readonly Contact[];
    readonly campaign?: { readonly id: string; readonly name: string };
  }): Promise<SendOutcome> {
    const adapter = adapterFor(request.channel);
    const template = checkTemplate(request.template);
    const customers = await customersOf(request.contacts);
    const skipped: { contactId: string; reason: SkipReason }[] = [];
    const messages: OutgoingMessage[] = [];
    const byContact = new Map<string, Contact>();
    for (const contact of request.contacts) {
      const decision = messageConsent(contact, request.channel);
      if (!decision.allowed) {
        skipped.push({ contactId: contact.id, reason: decision.reason });
        continue;
      }
      byContact.set(contact.id, contact);
      const customer = contact.customerId ? customers.get(contact.customerId) : undefined;
      const data = {
        name: contact.name,
        title: contact.title,
        contact: { name: contact.name, title: contact.title, department: contact.department },
        customer: customer && {
          name: customer.name,
          industry: customer.industry,
          tier: customer.tier,
          region: { province: customer.region?.province, city: customer.region?.city },
        },
        campaign: request.campaign && { name: request.campaign.name },
      };
      messages.push({
        channel: request.channel,
        to: decision.to,
        contactId: contact.id,
        ...(request.campaign && { campaignId: request.campaign.id }),
        ...(template.subject !== undefined && {
          subject: renderTemplate(template.subject, data).text,
        }),
        body: renderTemplate(template.body, data).text,
      });
    }
    const receipts: DeliveryReceipt[] = [];
    for (const batch of chunks(messages, SEND_BATCH)) {
      let got: DeliveryReceipt[];
      try {
        got = await adapter.send(batch);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        got = batch.map((m) => ({ contactId: m.contactId, status: 'failed', error: reason }));
      }
      // One receipt per message, in order; a missing receipt counts as a failure.
      batch.forEach((m, i) =>
        receipts.push(
          got[i]?.contactId === m.contactId
            ? got[i]!
            : { contactId: m.contactId, status: 'failed', error: 'No receipt from the channel' },
        ),
      );
    }
    const now = domain.clock().toISOString();
    const deliveries: WriteIntent[] = request.campaign
      ? receipts.map((r) => ({
          type: 'create',
          entity: 'campaignDelivery',
          input: {
            campaignId: request.campaign!.id,
            contactId: r.contactId,
            ...(byContact.get(r.contactId)?.customerId && {
              customerId: byContact.get(r.contactId)!.customerId,
            }),
            channel: request.channel,
            status: r.status,
            ...(r.messageId && { messageId: r.messageId }),
            ...(r.status === 'sent' ? { sentAt: now } : { failedAt: now }),
            ...(r.error && { error: r.error.slice(0, 500) }),
            events: [{ type: r.status, at: now }],
          },
        }))
      : [];
    const sent = receipts.filter((r) => r.status === 'sent').length;
    return { sent, failed: receipts.length - sent, skipped, deliveries };
  }

  /**
   * Contacts a customer is reached through: its primary contacts, else all of its contacts.
   */
  async function contactsOfCustomers(customerIds: readonly string[]): Promise<Contact[]> {
    const out: Contact[] = [];
    for (const part of chunks(customerIds, 1000)) {
      const contacts = (await salesIo.all(domain, 'contact', {
        customerId: { in: part },
      })) as unknown as Contact[];
      const byCustomer = new Map<string, Contact[]>();
      for (const c of contacts) {
        const list = byCustomer.get(c.customerId!) ?? [];
        list.push(c);
        byCustomer.set(c.customerId!, list);
      }
      for (const id of part) {
        const list = byCustomer.get(id) ?? [];
        const primary = list.filter((c) => c.isPrimary);
        out.push(...(primary.length ? primary : list));
      }
    }
    return out;
  }

  async function contactsById(ids: readonly string[]): Promise<Contact[]> {
    const out: Contact[] = [];
    for (const part of chunks(ids, 1000)) {
      const rows = await domain.gateway.get(domain.context(), 'contact', part);
      for (const row of rows) if (row) out.push(row as unknown as Contact);
    }
    return out;
  }

  return { send, checkTemplate, adapterFor, contactsOfCustomers, contactsById };
}

export type MessageSender = ReturnType<typeof createMessageSender>;
