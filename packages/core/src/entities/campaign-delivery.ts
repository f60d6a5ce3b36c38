import { z } from 'zod';
import { DateTimeSchema, IdSchema, optionalText, withSystemFields } from './common.js';
import { MESSAGE_CHANNELS, DELIVERY_EVENTS } from './enums.js';

export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

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
