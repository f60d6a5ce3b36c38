import type { MessageChannel } from '../entities/campaign-delivery.js';

/** One rendered message for one recipient. `to` is the address on the message's channel. */
export interface OutgoingMessage {
  readonly channel: MessageChannel;
  /** Email address, mobile number or WeChat id. */
  readonly to: string;
  readonly contactId: string;
  readonly campaignId?: string;
  readonly subject?: string;
  /** Plain text. */
  readonly body: string;
}

/** What the channel says about one message it was given, in the order of the messages. */
export interface DeliveryReceipt {
  readonly contactId: string;
  /** `sent`: accepted by the channel. `failed`: refused (see `error`). */
  readonly status: 'sent' | 'failed';
  /** The channel's id for the message, for matching later callbacks. */
  readonly messageId?: string;
  readonly error?: string;
}

/**
 * Where campaign and automation messages go. Rapport never sends mail, SMS or WeChat messages
 * itself: the host supplies adapters (`CrmOptions.marketing.channels`), such as
 * {@link createOutboxChannel} or `createWebhookChannel`. Delivery callbacks (delivered, opened,
 * clicked, …) come back through `crm.campaigns.recordDelivery`.
 */
export interface ChannelAdapter {
  /** Which channel it carries. */
  readonly kind: MessageChannel;
  /** Sends the messages; one receipt per message. A throw fails every message of the call. */
  send(messages: readonly OutgoingMessage[]): Promise<DeliveryReceipt[]>;
}

/** A channel that keeps what it is given: for tests, stories and hosts that send elsewhere. */
export interface OutboxChannel extends ChannelAdapter {
  /** Every message sent so far, oldest first. */
  readonly messages: readonly (OutgoingMessage & { readonly messageId: string })[];
  /** Empties the outbox and returns what was in it. */
  drain(): (OutgoingMessage & { readonly messageId: string })[];
}

/**
 * An in-memory outbox channel. Message ids are `<kind>-1`, `<kind>-2`, … in send order.
 *
 * @example
 * ```ts
 * const email = createOutboxChannel('email');
 * const crm = await createCrm({ marketing: { channels: { email } } });
 * await crm.campaigns.send(campaign.id);
 * email.messages; // → [{ channel: 'email', to: 'li@example.cn', body: '您好 李雷 …', … }]
 * ```
 */
export function createOutboxChannel(kind: MessageChannel = 'email'): OutboxChannel {
  let outbox: (OutgoingMessage & { readonly messageId: string })[] = [];
  let seq = 0;
  return {
    kind,
    get messages() {
      return outbox;
    },
    drain() {
      const out = outbox;
      outbox = [];
      return out;
    },
    async send(messages) {
      return messages.map((message) => {
        const messageId = `${kind}-${++seq}`;
        outbox.push({ ...message, messageId });
        return { contactId: message.contactId, status: 'sent', messageId };
      });
    },
  };
}
