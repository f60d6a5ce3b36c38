import { z } from 'zod';
import {
  CustomFieldsSchema,
  DateTimeSchema,
  EmailSchema,
  GeoPointSchema,
  IdSchema,
  TagsSchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';

export const TICKET_CHANNELS = ['web', 'email', 'phone', 'portal', 'other'] as const;
export const TICKET_CATEGORIES = [
  'inquiry',
  'complaint',
  'suggestion',
  'fault',
  'field_service',
  'follow_up',
] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const COMPLAINT_SEVERITIES = ['minor', 'major', 'critical'] as const;
export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;

export const TicketCommentSchema = z.strictObject({
  id: IdSchema,
  authorId: IdSchema.optional(),
  body: z.string().trim().min(1).max(20_000),
  /** Public comments are visible to the customer; internal ones only to agents. */
  public: z.boolean().default(false),
  createdAt: DateTimeSchema,
});

export const TicketInputSchema = z.strictObject({
  number: optionalText(50),
  subject: shortText(300),
  description: optionalText(20_000),
  channel: z.enum(TICKET_CHANNELS).default('web'),
  category: z.enum(TICKET_CATEGORIES).default('inquiry'),
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  severity: z.enum(COMPLAINT_SEVERITIES).optional(),
  status: z.enum(TICKET_STATUSES).default('new'),
  customerId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  requester: z
    .strictObject({
      name: optionalText(100),
      email: EmailSchema.optional(),
      phone: optionalText(40),
    })
    .optional(),
  assigneeId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  slaPolicyId: IdSchema.optional(),
  location: GeoPointSchema.extend({ address: optionalText(300) }).optional(),
  comments: z.array(TicketCommentSchema).max(1000).default([]),
  firstRespondedAt: DateTimeSchema.optional(),
  resolvedAt: DateTimeSchema.optional(),
  closedAt: DateTimeSchema.optional(),
  tags: TagsSchema,
  customFields: CustomFieldsSchema,
});

export const TicketSchema = withSystemFields(TicketInputSchema);
export type TicketInput = z.input<typeof TicketInputSchema>;
export type Ticket = z.output<typeof TicketSchema>;
export type TicketComment = z.output<typeof TicketCommentSchema>;
