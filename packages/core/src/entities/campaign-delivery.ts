import { z } from 'zod';
import { DateTimeSchema, IdSchema, optionalText, withSystemFields } from './common.js';

/** Channels a campaign can send messages through (the consent channels that carry messages). */
export const MESSAGE_CHANNELS = ['email', 'sms', 'wechat'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * What can happen to one message, as the channel reports it. `replied` counts as a response
 * beside `opened` and `clicked`; `failed` is a send the channel refused.
 */
export const DELIVERY_EVENTS = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'replied',
  'bounced',
  'unsubscribed',
  'failed',
] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENTS)[number];

export const DeliveryEventSchema = z.strictObject({
  type: z.enum(DELIVERY_EVENTS),
  at: DateTimeSchema,
});

/**
 * One recipient of one campaign: the message sent and everything the channel reported back.
 * The `…At` fields hold the first time each event happened; `status` is the furthest state
 * (`bounced`, `failed` and `unsubscribed` override engagement).
 */
export const CampaignDeliveryInputSchema = z.strictObject({
  campaignId: IdSchema,
  contactId: IdSchema,
  customerId: IdSchema.optional(),
  channel: z.enum(MESSAGE_CHANNELS),
  status: z.enum(DELIVERY_EVENTS),
  /** The channel's id for the message, for matching callbacks. */
  messageId: z.string().min(1).max(200).optional(),
  sentAt: DateTimeSchema.optional(),
  deliveredAt: DateTimeSchema.optional(),
  openedAt: DateTimeSchema.optional(),
  clickedAt: DateTimeSchema.optional(),
  repliedAt: DateTimeSchema.optional(),
  bouncedAt: DateTimeSchema.optional(),
  unsubscribedAt: DateTimeSchema.optional(),
  failedAt: DateTimeSchema.optional(),
  error: optionalText(500),
  events: z.array(DeliveryEventSchema).max(100).default([]),
});

export const CampaignDeliverySchema = withSystemFields(CampaignDeliveryInputSchema);
export type CampaignDeliveryInput = z.input<typeof CampaignDeliveryInputSchema>;
export type CampaignDelivery = z.output<typeof CampaignDeliverySchema>;
