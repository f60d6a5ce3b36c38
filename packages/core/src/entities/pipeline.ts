import { z } from 'zod';
import { CurrencySchema, IdSchema, shortText, withSystemFields } from './common.js';
import { STAGE_KINDS } from './enums.js';

export const StageSchema = z.strictObject({
  id: IdSchema,
  name: shortText(100),
  /** Win probability, 0–1. */
  probability: z.number().min(0).max(1),
  kind: z.enum(STAGE_KINDS).default('open'),
});
export type Stage = z.output<typeof StageSchema>;

export const PipelineInputSchema = z.strictObject({
  name: shortText(100),
  /** Ordered: the array order is the board's column order. */
  stages: z
    .array(StageSchema)
    .min(1)
    .max(50)
    .superRefine((stages, ctx) => {
      const seen = new Set<string>();
      stages.forEach((stage, index) => {
        if (seen.has(stage.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `Duplicate stage id "${stage.id}"`,
          });
        }
        seen.add(stage.id);
      });
    }),
  currency: CurrencySchema.default('CNY'),
  isDefault: z.boolean().default(false),
});

export const PipelineSchema = withSystemFields(PipelineInputSchema);
export type PipelineInput = z.input<typeof PipelineInputSchema>;
export type Pipeline = z.output<typeof PipelineSchema>;
