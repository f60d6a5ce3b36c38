import { z } from 'zod';
import { IdSchema, optionalText, shortText, withSystemFields } from './common.js';
import { WhereSchema } from '../query/query-schemas.js';
import { SEGMENT_KINDS } from './enums.js';

export const SegmentInputSchema = z.strictObject({
  name: shortText(100),
  description: optionalText(1000),
  entity: z.enum(['customer', 'contact']),
  kind: z.enum(SEGMENT_KINDS).default('dynamic'),
  /** Dynamic segments: membership is whatever matches this filter now. */
  where: WhereSchema.default({}),
  /** Static segments: a fixed list. */
  memberIds: z.array(IdSchema).max(100_000).default([]),
  ownerId: IdSchema.optional(),
});

export const SegmentSchema = withSystemFields(SegmentInputSchema);
export type SegmentInput = z.input<typeof SegmentInputSchema>;
export type Segment = z.output<typeof SegmentSchema>;
