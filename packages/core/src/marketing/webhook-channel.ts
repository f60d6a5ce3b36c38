import type { MessageChannel } from '../entities/campaign-delivery.js';
import type { ChannelAdapter, DeliveryReceipt, OutgoingMessage } from './channel-adapter.js';

export interface WebhookChannelOptions {
  /** Receives `POST { channel, messages }` as JSON. */
  readonly url: string;
  readonly kind?: MessageChannel;
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Extra request headers (an API key, say). */
  readonly headers?: Readonly<Record<string, string>>;
}

function receiptsOf(body: unknown, messages: readonly OutgoingMessage[]): DeliveryReceipt[] {
  const list = Array.isArray(body)
    ? body
    : body !== null &&
        typeof body === 'object' &&
        Array.isArray((body as { receipts?: unknown }).receipts)
      ? (body as { receipts: unknown[] }).receipts
      : null;
  return messages.map((message, i) => {
    const item = list?.[i] as Record<string, unknown> | undefined;
    if (!item || typeof item !== 'object') return { contactId: message.contactId, status: 'sent' };
    const failed = item.status === 'failed';
    return {
      contactId: message.contactId,
      status: failed ? 'failed' : 'sent',
      ...(typeof item.messageId === 'string' && { messageId: item.messageId.slice(0, 200) }),
      ...(failed && {
        error: typeof item.error === 'string' ? item.error.slice(0, 500) : 'Refused by the webhook',
      }),
    };
  });
}

/**
 * A channel that hands messages to the host's own sender over HTTP: one `POST` per batch with
 * body `{ channel, messages: OutgoingMessage[] }` (JSON). The response may be
 * `{ receipts: [{ status: 'sent' | 'failed', messageId?, error? }] }` (or that array), one per
 * message in order; without it every message counts as sent. A failed request (network error or
 * non-2xx status) fails every message of the batch. Rapport itself never sends mail or SMS.
 *
 * @example
 * ```ts
 * const sms = createWebhookChannel({ kind: 'sms', url: 'https://oa.example.cn/hooks/sms', headers: { authorization: 'Bearer …' } });
 * const crm = await createCrm({ marketing: { channels: { sms } } });
 * ```
 */
export function createWebhookChannel(options: WebhookChannelOptions): ChannelAdapter {
  const kind = options.kind ?? 'email';
  return {
    kind,
    async send(messages) {
      if (messages.length === 0) return [];
      const doFetch = options.fetch ?? globalThis.fetch;
      const failAll = (error: string): DeliveryReceipt[] =>
        messages.map((m) => ({ contactId: m.contactId, status: 'failed', error }));
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: JSON.stringify({ channel: kind, messages }),
        });
      } catch (error) {
        return failAll(
          `Webhook request failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!response.ok) return failAll(`Webhook answered HTTP ${response.status}`);
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        body = null; // an empty or non-JSON body: accepted, no receipts
      }
      return receiptsOf(body, messages);
    },
  };
}
