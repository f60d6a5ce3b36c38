import type { Contact } from '../entities/contact.js';
import type { MessageChannel } from '../entities/campaign-delivery.js';

/**
 * Whether a marketing message may go to a contact on a channel:
 * - `email`: allowed unless the contact opted out (`consent.email === false`): opt-out model;
 * - `sms`, `wechat`: only with explicit consent (`consent.sms === true`, `consent.wechat === true`):
 *   opt-in model, as PIPL and China's SMS marketing rules expect; missing consent means no.
 * An explicit `false` is an opt-out on every channel. The contact also needs an address on the
 * channel (an email; a mobile number, else any phone; a WeChat id).
 */
export const CONSENT_MODEL: Readonly<Record<MessageChannel, 'opt_out' | 'opt_in'>> = {
  email: 'opt_out',
  sms: 'opt_in',
  wechat: 'opt_in',
};

export type SkipReason = 'opted_out' | 'no_consent' | 'no_address';

export type ConsentDecision =
  | { readonly allowed: true; readonly to: string }
  | { readonly allowed: false; readonly reason: SkipReason };

type Reachable = Pick<Contact, 'consent' | 'emails' | 'phones' | 'wechat'>;

export function addressOf(contact: Reachable, channel: MessageChannel): string | null {
  if (channel === 'email') return contact.emails?.[0] ?? null;
  if (channel === 'wechat') return contact.wechat?.trim() || null;
  const phones = contact.phones ?? [];
  return (phones.find((p) => p.type === 'mobile') ?? phones[0])?.number ?? null;
}

/**
 * @example
 * ```ts
 * messageConsent({ consent: {}, emails: ['li@example.cn'], phones: [] }, 'email'); // → { allowed: true, to: 'li@example.cn' }
 * messageConsent({ consent: {}, emails: [], phones: [{ number: '138 0013 8000', type: 'mobile' }] }, 'sms'); // → { allowed: false, reason: 'no_consent' }
 * ```
 */
export function messageConsent(contact: Reachable, channel: MessageChannel): ConsentDecision {
  const given = contact.consent?.[channel];
  if (given === false) return { allowed: false, reason: 'opted_out' };
  if (CONSENT_MODEL[channel] === 'opt_in' && given !== true)
    return { allowed: false, reason: 'no_consent' };
  const to = addressOf(contact, channel);
  return to === null ? { allowed: false, reason: 'no_address' } : { allowed: true, to };
}
