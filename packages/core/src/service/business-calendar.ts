import type { z } from 'zod';
import { BusinessCalendarSchema } from '../entities/sla-policy.js';
import { ValidationError } from '../errors.js';
import { zodIssues } from '../gateway/validate-stage.js';

/**
 * Working-time arithmetic over a business-hours calendar: pure, entity-agnostic functions that
 * the SLA engine (tickets) and the sales pool (lead follow-up) both build on.
 *
 * A calendar says which local dates are working days (`workingDays` by weekday, minus `holidays`,
 * plus `extraWorkingDays` — weekend days worked in exchange for a holiday, 调休), the working
 * window of each such day (`start`–`end`, local wall-clock time, one window per day; `end`
 * `00:00` means midnight at the end of the day) and the IANA `timeZone` those are read in.
 * Time-zone arithmetic uses `Intl.DateTimeFormat`, so every IANA zone works, including ones with
 * daylight-saving time (a window boundary inside a DST gap moves forward, as Temporal's
 * `compatible` disambiguation does).
 *
 * Passing `null` / `undefined` as the calendar means "around the clock": working time is plain
 * elapsed time.
 *
 * Precedence: a date listed in `holidays` is never a working day; otherwise a date in
 * `extraWorkingDays` always is; otherwise its weekday decides.
 */
export type BusinessCalendar = z.output<typeof BusinessCalendarSchema>;
/** A calendar as callers write it: every field optional, schema defaults (Asia/Shanghai, Mon–Fri 09:00–18:00) apply. */
export type BusinessCalendarInput = z.input<typeof BusinessCalendarSchema>;
/** An instant: a `Date`, an ISO 8601 string or epoch milliseconds. */
export type DateInput = Date | string | number;

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
/** How many consecutive local dates may pass without any working window before we give up. */
const MAX_IDLE_DAYS = 3660;

interface CompiledCalendar {
  readonly timeZone: string;
  readonly workingDays: ReadonlySet<number>;
  readonly startMinute: number;
  readonly endMinute: number;
  readonly holidays: ReadonlySet<string>;
  readonly extraWorkingDays: ReadonlySet<string>;
}

const compiledCache = new WeakMap<object, CompiledCalendar>();

function compile(calendar: BusinessCalendarInput): CompiledCalendar {
  const hit = compiledCache.get(calendar);
  if (hit) return hit;
  const parsed = BusinessCalendarSchema.safeParse(calendar);
  if (!parsed.success) {
    throw new ValidationError(zodIssues(parsed.error, ['calendar']), 'Invalid business calendar');
  }
  const c = parsed.data;
  try {
    formatterFor(c.timeZone);
  } catch {
    throw new ValidationError(
      [{ path: ['calendar', 'timeZone'], message: `Unknown time zone "${c.timeZone}"` }],
      'Invalid business calendar',
    );
  }
  const startMinute = minuteOfDay(c.start);
  const endMinute = c.end === '00:00' ? DAY_MINUTES : minuteOfDay(c.end);
  if (endMinute <= startMinute) {
    throw new ValidationError(
      [{ path: ['calendar', 'end'], message: 'The working day must end after it starts' }],
      'Invalid business calendar',
    );
  }
  const compiled: CompiledCalendar = {
    timeZone: c.timeZone,
    workingDays: new Set(c.workingDays),
    startMinute,
    endMinute,
    holidays: new Set(c.holidays),
    extraWorkingDays: new Set(c.extraWorkingDays),
  };
  compiledCache.set(calendar, compiled);
  return compiled;
}

function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function toEpochMs(value: DateInput): number {
  const ms = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (!Number.isFinite(ms)) {
    throw new ValidationError([{ path: [], message: `Not a valid instant: ${String(value)}` }]);
  }
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Time zones through Intl

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's UTC offset at an instant, in ms (east positive): local wall time − UTC. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the local wall clock in `timeZone` shows `localMs` (wall time encoded as
 * if it were UTC). In a DST gap the later instant is chosen; in an overlap the earlier one.
 */
function instantOfWallTime(localMs: number, timeZone: string): number {
  const o1 = offsetAt(localMs, timeZone);
  const t1 = localMs - o1;
  const o2 = offsetAt(t1, timeZone);
  if (o1 === o2) return t1;
  const t2 = localMs - o2;
  const o3 = offsetAt(t2, timeZone);
  if (o3 === o2) return t2;
  return Math.max(t1, t2);
}

/** A local calendar date as days since the epoch (timezone-free date arithmetic). */
function localDayOf(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;
}

function isoDateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function isWorkingLocalDay(day: number, cal: CompiledCalendar): boolean {
  const iso = isoDateOfDay(day);
  if (cal.holidays.has(iso)) return false;
  if (cal.extraWorkingDays.has(iso)) return true;
  return cal.workingDays.has(new Date(day * 86_400_000).getUTCDay());
}

/** The working window `[start, end)` of a local day as instants, or `null` on a day off. */
function windowOf(day: number, cal: CompiledCalendar): readonly [number, number] | null {
  if (!isWorkingLocalDay(day, cal)) return null;
  const midnight = day * 86_400_000;
  return [
    instantOfWallTime(midnight + cal.startMinute * MINUTE_MS, cal.timeZone),
    instantOfWallTime(midnight + cal.endMinute * MINUTE_MS, cal.timeZone),
  ];
}

// ---------------------------------------------------------------------------------------------
// Working-time arithmetic (milliseconds inside, minutes at the public surface)

/** Working milliseconds in `[a, b)`; 0 when `b <= a`. */
export function workingMsBetween(
  a: number,
  b: number,
  calendar: BusinessCalendarInput | null | undefined,
): number {
  if (b <= a) return 0;
  if (!calendar) return b - a;
  const cal = compile(calendar);
  let total = 0;
  // The day before covers a window that started "yesterday" in local time across a DST shift.
  for (let day = localDayOf(a, cal.timeZone) - 1; ; day++) {
    const window = windowOf(day, cal);
    if (!window) {
      if (day * 86_400_000 - 2 * 86_400_000 > b) break;
      continue;
    }
    const [ws, we] = window;
    if (ws >= b) break;
    const from = Math.max(ws, a);
    const to = Math.min(we, b);
    if (to > from) total += to - from;
  }
  return total;
}

/** The instant at which `ms` working milliseconds have passed since `a`. */
export function addWorkingMs(
  a: number,
  ms: number,
  calendar: BusinessCalendarInput | null | undefined,
): number {
  if (ms < 0) throw new ValidationError([{ path: ['minutes'], message: 'Must not be negative' }]);
  if (ms === 0 || !calendar) return a + ms;
  const cal = compile(calendar);
  let remaining = ms;
  let idle = 0;
  for (let day = localDayOf(a, cal.timeZone) - 1; ; day++) {
    const window = windowOf(day, cal);
    if (!window || window[1] <= a) {
      if (!window && ++idle > MAX_IDLE_DAYS) {
        throw new ValidationError(
          [{ path: ['calendar'], message: 'The calendar has no working time' }],
          'Invalid business calendar',
        );
      }
      continue;
    }
    idle = 0;
    const from = Math.max(window[0], a);
    const available = window[1] - from;
    // `<=`: a target that uses up a window exactly is due at the window's end, not the next start.
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
}

/**
 * The instant at which `minutes` working minutes have passed since `start`.
 * A target that ends exactly at the close of a working day is due at that close (Friday 18:00),
 * not at the next opening. `minutes` may be fractional; 0 returns `start`.
 *
 * @example
 * ```ts
 * // Friday 17:00 Shanghai + 2 working hours (Mon–Fri 09:00–18:00) = Monday 10:00
 * addWorkingMinutes('2026-03-06T09:00:00Z', 120, { timeZone: 'Asia/Shanghai' });
 * // → 2026-03-09T02:00:00.000Z
 * ```
 * @throws ValidationError for an invalid calendar, a negative amount or an invalid instant
 */
export function addWorkingMinutes(
  start: DateInput,
  minutes: number,
  calendar?: BusinessCalendarInput | null,
): Date {
  return new Date(addWorkingMs(toEpochMs(start), Math.round(minutes * MINUTE_MS), calendar));
}

/**
 * Working minutes in `[a, b)` (0 when `b` is not after `a`); fractional when the instants are not
 * on whole minutes.
 *
 * @example
 * ```ts
 * // Friday 17:00 → Monday 10:00 Shanghai = 2 working hours
 * workingMinutesBetween('2026-03-06T09:00:00Z', '2026-03-09T02:00:00Z', { timeZone: 'Asia/Shanghai' }); // 120
 * ```
 */
export function workingMinutesBetween(
  a: DateInput,
  b: DateInput,
  calendar?: BusinessCalendarInput | null,
): number {
  return workingMsBetween(toEpochMs(a), toEpochMs(b), calendar) / MINUTE_MS;
}

/** Whether a local calendar date (`YYYY-MM-DD`, in the calendar's zone) is a working day. */
export function isWorkingDay(date: string, calendar?: BusinessCalendarInput | null): boolean {
  if (!calendar) return true;
  const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  if (!Number.isInteger(day)) {
    throw new ValidationError([{ path: ['date'], message: 'Use YYYY-MM-DD' }]);
  }
  return isWorkingLocalDay(day, compile(calendar));
}

/** Whether `instant` falls inside a working window of the calendar. */
export function isWorkingTime(
  instant: DateInput,
  calendar?: BusinessCalendarInput | null,
): boolean {
  const ms = toEpochMs(instant);
  return workingMsBetween(ms, ms + 1, calendar) === 1;
}
