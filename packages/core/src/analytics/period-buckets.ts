import { ValidationError } from '../errors.js';
import { checkTimeZone, DEFAULT_ANALYTICS_TIME_ZONE, formatterOf } from './analytics-options.js';

// The time zone option and its check live in analytics-options.ts (checked by `createCrm`).
export { checkTimeZone, DEFAULT_ANALYTICS_TIME_ZONE };

/** How a report's range is cut: calendar periods in the time zone, or one custom range. */
export const ANALYTICS_PERIODS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

/** At most this many buckets per report (about 19 years of weeks). */
export const MAX_BUCKETS = 1000;

/**
 * One period of a report: `[start, end)` as calendar dates in the time zone and as instants.
 * The first and last bucket are cut to the report's range when it does not start or end on a
 * period boundary.
 */
export interface PeriodBucket {
  /** `2026-W14` (ISO week), `2026-04`, `2026-Q2`, `2026`, or `2026-04-01..2026-05-15` (custom). */
  readonly period: string;
  /** First calendar day (inclusive), `YYYY-MM-DD`. */
  readonly start: string;
  /** Day after the last (exclusive), `YYYY-MM-DD`. */
  readonly end: string;
  /** Local midnight of `start` in the time zone, epoch ms. */
  readonly startMs: number;
  /** Local midnight of `end` in the time zone, epoch ms. */
  readonly endMs: number;
}

export interface PeriodQuery {
  /** `week` (ISO, Monday first), `month`, `quarter`, `year`, or `custom` (one bucket: the range). */
  readonly period: AnalyticsPeriod;
  /** First day of the range, `YYYY-MM-DD` in the time zone (inclusive). */
  readonly from: string;
  /** Day after the range, `YYYY-MM-DD` (exclusive). */
  readonly to: string;
  /** IANA time zone of the calendar; default {@link DEFAULT_ANALYTICS_TIME_ZONE}. */
  readonly timeZone?: string;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a UTC-midnight epoch day. */
const dateOf = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);
const utcOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const ms = utcOf(value);
  return Number.isFinite(ms) && dateOf(ms) === value;
}

/** The time zone's offset from UTC at an instant, in ms (Shanghai: +8 h). */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a calendar day begins in a time zone (`2026-04-01` in Shanghai → `2026-03-31T16:00Z`).
 * Exact to the millisecond; across a DST change it takes the offset in force at that midnight.
 */
export function zonedDayStart(date: string, timeZone: string): number {
  const utc = utcOf(date);
  const first = utc - offsetAt(utc, timeZone);
  return utc - offsetAt(first, timeZone);
}

/** Start of the natural period containing `date`, and its label. */
function periodOf(
  date: string,
  period: Exclude<AnalyticsPeriod, 'custom'>,
): { start: string; end: string; label: string } {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (period === 'week') {
    const ms = utcOf(date);
    const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    const monday = ms - weekday * DAY_MS;
    // ISO week-year: the year of the week's Thursday; week 1 holds the year's first Thursday.
    const thursday = new Date(monday + 3 * DAY_MS);
    const isoYear = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
    return {
      start: dateOf(monday),
      end: dateOf(monday + 7 * DAY_MS),
      label: `${isoYear}-W${pad(week)}`,
    };
  }
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const first = Math.floor((m - 1) / months) * months; // 0-based month index
  const endIndex = y * 12 + first + months;
  return {
    start: `${y}-${pad(first + 1)}-01`,
    end: `${Math.floor(endIndex / 12)}-${pad((endIndex % 12) + 1)}-01`,
    label:
      period === 'month'
        ? `${y}-${pad(m)}`
        : period === 'quarter'
          ? `${y}-Q${first / 3 + 1}`
          : String(y),
  };
}

/**
 * Cuts `[from, to)` into period buckets in the time zone. Boundaries are local midnights: an
 * instant exactly at a bucket's start belongs to it, one exactly at its end to the next.
 *
 * @example
 * ```ts
 * periodBuckets({ period: 'quarter', from: '2026-01-01', to: '2026-07-01' });
 * // [{ period: '2026-Q1', start: '2026-01-01', end: '2026-04-01', startMs, endMs }, { period: '2026-Q2', … }]
 * ```
 * @throws ValidationError (path `period`, `from`, `to` or `timeZone`) for a bad query
 */
export function periodBuckets(query: PeriodQuery): PeriodBucket[] {
  const q = (query ?? {}) as Partial<PeriodQuery>;
  if (!ANALYTICS_PERIODS.includes(q.period as AnalyticsPeriod))
    throw new ValidationError([
      { path: ['period'], message: `Use one of ${ANALYTICS_PERIODS.join(', ')}` },
    ]);
  const timeZone = checkTimeZone(q.timeZone ?? DEFAULT_ANALYTICS_TIME_ZONE);
  const issues = [];
  if (!isDate(q.from)) issues.push({ path: ['from'], message: 'Give a date YYYY-MM-DD' });
  if (!isDate(q.to)) issues.push({ path: ['to'], message: 'Give a date YYYY-MM-DD' });
  if (issues.length) throw new ValidationError(issues);
  const from = q.from!;
  const to = q.to!;
  if (to <= from)
    throw new ValidationError([{ path: ['to'], message: 'The range ends after it starts' }]);
  const period = q.period!;
  const bucket = (start: string, end: string, label: string): PeriodBucket => ({
    period: label,
    start,
    end,
    startMs: zonedDayStart(start, timeZone),
    endMs: zonedDayStart(end, timeZone),
  });
  if (period === 'custom') return [bucket(from, to, `${from}..${to}`)];
  const out: PeriodBucket[] = [];
  let cursor = from;
  while (cursor < to) {
    if (out.length >= MAX_BUCKETS)
      throw new ValidationError([
        { path: ['to'], message: `More than ${MAX_BUCKETS} ${period}s: use a longer period` },
      ]);
    const natural = periodOf(cursor, period);
    const end = natural.end < to ? natural.end : to;
    out.push(bucket(cursor, end, natural.label));
    cursor = end;
  }
  return out;
}

/** Index of the bucket holding an instant (ms or ISO), or -1 outside the buckets / no instant. */
export function bucketIndexOf(
  buckets: readonly PeriodBucket[],
  at: number | string | null | undefined,
): number {
  if (at === null || at === undefined) return -1;
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return -1;
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (ms < b.startMs) hi = mid - 1;
    else if (ms >= b.endMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the bucket holding a calendar date `YYYY-MM-DD` (no time zone: a date is a date). */
export function bucketIndexOfDate(
  buckets: readonly PeriodBucket[],
  date: string | null | undefined,
): number {
  if (!date) return -1;
  for (let i = 0; i < buckets.length; i++)
    if (date >= buckets[i]!.start && date < buckets[i]!.end) return i;
  return -1;
}
