import { z } from 'zod';
import { DateTimeSchema, IdSchema, withSystemFields } from './common.js';
import { SURVEY_KINDS, SURVEY_REQUEST_STATUSES } from './enums.js';

/**
 * A survey the customer is asked to answer, created when a ticket resolves (the service
 * options decide which kinds). `<crm-survey>` shows pending requests; answering one with
 * `crm.surveys.respond(requestId, score)` stores a survey response and marks it answered.
 */
export const SurveyRequestInputSchema = z.strictObject({
  kind: z.enum(SURVEY_KINDS),
  status: z.enum(SURVEY_REQUEST_STATUSES).default('pending'),
  ticketId: IdSchema.optional(),
  customerId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  agentId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  requestedAt: DateTimeSchema,
  answeredAt: DateTimeSchema.optional(),
  responseId: IdSchema.optional(),
});

export const SurveyRequestSchema = withSystemFields(SurveyRequestInputSchema);
export type SurveyRequestInput = z.input<typeof SurveyRequestInputSchema>;
export type SurveyRequest = z.output<typeof SurveyRequestSchema>;
