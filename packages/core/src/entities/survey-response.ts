import { z } from 'zod';
import { DateTimeSchema, IdSchema, optionalText, withSystemFields } from './common.js';
import { SURVEY_KINDS } from './enums.js';

export const SurveyResponseInputSchema = z
  .strictObject({
    /** CSAT scores 1–5; NPS scores 0–10. */
    kind: z.enum(SURVEY_KINDS),
    score: z.number().int(),
    ticketId: IdSchema.optional(),
    customerId: IdSchema.optional(),
    contactId: IdSchema.optional(),
    agentId: IdSchema.optional(),
    teamId: IdSchema.optional(),
    /** The survey request this answers, if any. */
    requestId: IdSchema.optional(),
    comment: optionalText(2000),
    respondedAt: DateTimeSchema,
  })
  .superRefine((r, ctx) => {
    const [min, max] = r.kind === 'csat' ? [1, 5] : [0, 10];
    if (r.score < min || r.score > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `A ${r.kind.toUpperCase()} score is ${min}–${max}`,
      });
    }
  });

export const SurveyResponseSchema = withSystemFields(SurveyResponseInputSchema);
export type SurveyResponseInput = z.input<typeof SurveyResponseInputSchema>;
export type SurveyResponse = z.output<typeof SurveyResponseSchema>;
