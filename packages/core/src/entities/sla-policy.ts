import { z } from 'zod';
import { DateSchema, shortText, withSystemFields } from './common.js';
import { SLA_REOPEN_POLICIES, TICKET_CATEGORIES, TICKET_PRIORITIES } from './enums.js';

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');

export const BusinessCalendarSchema = z.strictObject({
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: z.array(z.number().int().min(0).max(6)).max(7).default([1, 2, 3, 4, 5]),
  start: TimeOfDay.default('09:00'),
  end: TimeOfDay.default('18:00'),
  holidays: z.array(DateSchema).max(1000).default([]),
  /** Weekend days that are working days (调休). */
  extraWorkingDays: z.array(DateSchema).max(1000).default([]),
});

export const SlaPolicyInputSchema = z.strictObject({
  name: shortText(100),
  priorities: z.array(z.enum(TICKET_PRIORITIES)).max(4).default([]),
  categories: z.array(z.enum(TICKET_CATEGORIES)).max(10).default([]),
  firstResponseMinutes: z.number().int().positive().max(525_600),
  resolutionMinutes: z.number().int().positive().max(5_256_000),
  calendar: BusinessCalendarSchema.optional(),
  pauseWhilePending: z.boolean().default(true),
  /**
   * What a reopen does to the resolution clock: `restart` runs it afresh from the reopen;
   * `resume` continues it, the time spent resolved counting as a pause.
   */
  onReopen: z.enum(SLA_REOPEN_POLICIES).default('resume'),
  /** Fraction of the target elapsed at which a clock counts as at risk. */
  atRiskRatio: z.number().gt(0).lt(1).default(0.8),
  active: z.boolean().default(true),
});

export const SlaPolicySchema = withSystemFields(SlaPolicyInputSchema);
export type SlaPolicyInput = z.input<typeof SlaPolicyInputSchema>;
export type SlaPolicy = z.output<typeof SlaPolicySchema>;
