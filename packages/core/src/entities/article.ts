import { z } from 'zod';
import {
  IdSchema,
  LOCALES,
  TagsSchema,
  optionalText,
  shortText,
  withSystemFields,
} from './common.js';
import { ARTICLE_STATUSES } from './enums.js';

export const ArticleInputSchema = z.strictObject({
  title: shortText(300),
  /** Markdown source, stored as text; rendering and sanitising is the elements' job. */
  body: z.string().max(200_000),
  locale: z.enum(LOCALES).default('zh-CN'),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
  category: optionalText(100),
  tags: TagsSchema,
  authorId: IdSchema.optional(),
  helpfulCount: z.number().int().min(0).default(0),
  notHelpfulCount: z.number().int().min(0).default(0),
});

export const ArticleSchema = withSystemFields(ArticleInputSchema);
export type ArticleInput = z.input<typeof ArticleInputSchema>;
export type Article = z.output<typeof ArticleSchema>;
