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
import {
  TICKET_CHANNELS,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  COMPLAINT_SEVERITIES,
  TICKET_STATUSES,
  ASSIGNMENT_METHODS,
  SLA_CLOCKS,
} from './enums.js';

export const TicketCommentSchema = z.strictObject({
  id: IdSchema,
  authorId: IdSchema.optional(),
  body: z.string().trim().min(1).max(20_000),
  /** Public comments are visible to the customer; internal ones only to agents. */
  public: z.boolean().default(false),
  /** Written by the customer (widget, portal, email reply) rather than an agent. */
  fromCustomer: z.boolean().default(false),
  createdAt: DateTimeSchema,
});

/** One status change, as `crm.tickets.transition` records it. */
export const TicketStatusChangeSchema = z.strictObject({
  from: z.enum(TICKET_STATUSES).optional(),
  to: z.enum(TICKET_STATUSES),
  at: DateTimeSchema,
  byId: IdSchema.optional(),
  note: optionalText(1000),
});

/** One (re)assignment: who had the ticket, who has it now, how it was chosen. */
export const TicketAssignmentSchema = z.strictObject({
  fromAssigneeId: IdSchema.optional(),
  toAssigneeId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  method: z.enum(ASSIGNMENT_METHODS),
  at: DateTimeSchema,
  byId: IdSchema.optional(),
  note: optionalText(1000),
});

/** A stretch during which the SLA clocks did not run (pending on the customer); open while `to` is absent. */
export const SlaPauseSchema = z.strictObject({
  from: DateTimeSchema,
  to: DateTimeSchema.optional(),
  /** `pending`: waiting on the customer (counts if the policy pauses while pending); `resolved`: resolved until a reopen that resumes the clock. */
  reason: z.enum(['pending', 'resolved']).default('pending'),
});

/** An SLA alert already emitted, so `checkSla` reports each transition once. */
export const SlaAlertSchema = z.strictObject({
  clock: z.enum(SLA_CLOCKS),
  state: z.enum(['at_risk', 'breached']),
  at: DateTimeSchema,
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
  reopenedAt: DateTimeSchema.optional(),
  reopenCount: z.number().int().min(0).max(10_000).default(0),
  /** Set on reopen when the SLA policy restarts the resolution clock; it then runs from here. */
  slaRestartedAt: DateTimeSchema.optional(),
  slaPauses: z.array(SlaPauseSchema).max(1000).default([]),
  slaAlerts: z.array(SlaAlertSchema).max(1000).default([]),
  statusHistory: z.array(TicketStatusChangeSchema).max(1000).default([]),
  assignmentHistory: z.array(TicketAssignmentSchema).max(1000).default([]),
  tags: TagsSchema,
  customFields: CustomFieldsSchema,
});

export const TicketSchema = withSystemFields(TicketInputSchema);
export type TicketInput = z.input<typeof TicketInputSchema>;
export type Ticket = z.output<typeof TicketSchema>;
export type TicketComment = z.output<typeof TicketCommentSchema>;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];
export type TicketStatusChange = z.output<typeof TicketStatusChangeSchema>;
export type TicketAssignment = z.output<typeof TicketAssignmentSchema>;
export type TicketSlaPause = z.output<typeof SlaPauseSchema>;
