import { z } from 'zod';
import { DateTimeSchema, IdSchema, optionalText, shortText, withSystemFields } from './common.js';
import { ACTIVITY_TYPES, ACTIVITY_STATUSES } from './enums.js';

export const ActivityInputSchema = z.strictObject({
  type: z.enum(ACTIVITY_TYPES),
  subject: shortText(200),
  body: optionalText(10_000),
  status: z.enum(ACTIVITY_STATUSES).default('open'),
  customerId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  leadId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  ticketId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  startAt: DateTimeSchema.optional(),
  endAt: DateTimeSchema.optional(),
  dueAt: DateTimeSchema.optional(),
  remindAt: DateTimeSchema.optional(),
  completedAt: DateTimeSchema.optional(),
  outcome: optionalText(1000),
  location: optionalText(300),
});

export const ActivitySchema = withSystemFields(ActivityInputSchema);
export type ActivityInput = z.input<typeof ActivityInputSchema>;
export type Activity = z.output<typeof ActivitySchema>;
