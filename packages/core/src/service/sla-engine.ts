import { ValidationError } from '../errors.js';
import {
  addWorkingMs,
  toEpochMs,
  workingMsBetween,
  type BusinessCalendarInput,
  type DateInput,
} from './business-calendar.js';

/**
 * The one SLA engine: evaluates a single clock ("respond within 60 working minutes", "contact a
 * new lead within 4 working hours") at an instant. Pure and entity-agnostic — tickets use it for
 * first response and resolution, the sales pool for lead follow-up.
 *
 * Rules, exact to the millisecond:
 * - Working time counts from `startedAt` over the calendar (around the clock without one), minus
 *   the `pauses`, up to `stoppedAt` (the goal was met) or `now`, whichever is first.
 * - `dueAt` is the first instant at which the elapsed working time reaches the target. While
 *   paused, it is the due time if the clock resumed now.
 * - **achieved**: stopped with elapsed ≤ target (meeting the goal at the very deadline counts).
 * - **breached**: elapsed ≥ target without having stopped in time — so at `now === dueAt` an open
 *   clock is breached; or stopped after the deadline.
 * - **paused**: inside a pause and not breached.
 * - **at_risk**: elapsed ≥ `round(atRiskRatio × target)` ms and < target.
 * - **running**: otherwise.
 * `remainingMinutes` is negative once overdue (how late), `elapsedMinutes` never exceeds what
 * really elapsed.
 */
export const SLA_CLOCK_STATES = ['running', 'paused', 'at_risk', 'breached', 'achieved'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

/** A stretch during which the clock does not run; `to` absent/null = still paused. */
export interface SlaPause {
  readonly from: DateInput;
  readonly to?: DateInput | null;
}

export interface SlaClockInput {
  /** Target in working minutes (> 0). */
  readonly targetMinutes: number;
  readonly startedAt: DateInput;
  /** When the clock is evaluated (the injected clock's reading). */
  readonly now: DateInput;
  readonly pauses?: readonly SlaPause[];
  /** When the goal was met (first response sent, ticket resolved, lead contacted). */
  readonly stoppedAt?: DateInput | null;
  readonly calendar?: BusinessCalendarInput | null;
  /** Fraction of the target after which the clock is at risk. Default 0.8. */
  readonly atRiskRatio?: number;
}

export interface SlaClockEvaluation {
  readonly state: SlaClockState;
  readonly targetMinutes: number;
  readonly startedAt: string;
  /** ISO instant the target is (or was) due. */
  readonly dueAt: string;
  /** ISO instant the clock turns (or turned) at risk. */
  readonly atRiskAt: string;
  readonly elapsedMinutes: number;
  /** `target − elapsed`; negative when overdue. */
  readonly remainingMinutes: number;
  readonly paused: boolean;
  readonly atRisk: boolean;
  readonly breached: boolean;
  /** When the goal was met within the target. */
  readonly achievedAt?: string;
  /** When the goal was met, in time or late. */
  readonly stoppedAt?: string;
  /** `dueAt`, once breached. */
  readonly breachedAt?: string;
}

const MINUTE_MS = 60_000;

/**
 * Evaluates one SLA clock.
 *
 * @example
 * ```ts
 * const clock = evaluateSlaClock({
 *   targetMinutes: 240, // contact within 4 working hours
 *   startedAt: lead.createdAt,
 *   stoppedAt: lead.firstContactedAt,
 *   now: crm.clock(),
 *   calendar: { timeZone: 'Asia/Shanghai', holidays: ['2026-10-01'] },
 * });
 * if (clock.state === 'breached') recycleToPool(lead);
 * ```
 * @throws ValidationError for a non-positive target, a bad ratio, an invalid calendar or instant
 */
export function evaluateSlaClock(input: SlaClockInput): SlaClockEvaluation {
  const { calendar } = input;
  const ratio = input.atRiskRatio ?? 0.8;
  if (!(input.targetMinutes >= 0) || !Number.isFinite(input.targetMinutes)) {
    throw new ValidationError([{ path: ['targetMinutes'], message: 'Must be a positive number' }]);
  }
  if (!(ratio > 0 && ratio <= 1)) {
    throw new ValidationError([{ path: ['atRiskRatio'], message: 'Must be in (0, 1]' }]);
  }
  const targetMs = Math.round(input.targetMinutes * MINUTE_MS);
  const atRiskMs = Math.round(ratio * targetMs);
  const start = toEpochMs(input.startedAt);
  const now = toEpochMs(input.now);
  const stopped =
    input.stoppedAt === undefined || input.stoppedAt === null ? null : toEpochMs(input.stoppedAt);
  const end = Math.max(start, stopped === null ? now : Math.min(stopped, now));
  const isStopped = stopped !== null && stopped <= now;

  const pauses = mergePauses(input.pauses ?? [], start, end);
  const paused =
    !isStopped &&
    (input.pauses ?? []).some((p) => {
      const to = p.to === undefined || p.to === null ? Infinity : toEpochMs(p.to);
      return toEpochMs(p.from) <= now && now < to;
    });

  // Active stretches [from, to) of the clock up to `end`; the tail after `end` is open.
  const active: [number, number][] = [];
  let cursor = start;
  for (const [from, to] of pauses) {
    if (from > cursor) active.push([cursor, from]);
    cursor = Math.max(cursor, to);
  }
  if (end > cursor) active.push([cursor, end]);
  const tailFrom = Math.max(cursor, end);

  let elapsedMs = 0;
  for (const [from, to] of active) elapsedMs += workingMsBetween(from, to, calendar);

  const instantOf = (goalMs: number): number => {
    let used = 0;
    for (const [from, to] of active) {
      const span = workingMsBetween(from, to, calendar);
      if (used + span >= goalMs) return addWorkingMs(from, goalMs - used, calendar);
      used += span;
    }
    return addWorkingMs(tailFrom, goalMs - used, calendar);
  };
  const dueAt = instantOf(targetMs);
  const atRiskAt = instantOf(atRiskMs);

  let state: SlaClockState;
  if (isStopped) state = elapsedMs <= targetMs ? 'achieved' : 'breached';
  else if (elapsedMs >= targetMs) state = 'breached';
  else if (paused) state = 'paused';
  else if (elapsedMs >= atRiskMs) state = 'at_risk';
  else state = 'running';

  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    state,
    targetMinutes: input.targetMinutes,
    startedAt: iso(start),
    dueAt: iso(dueAt),
    atRiskAt: iso(atRiskAt),
    elapsedMinutes: elapsedMs / MINUTE_MS,
    remainingMinutes: (targetMs - elapsedMs) / MINUTE_MS,
    paused,
    atRisk: state === 'at_risk' || (paused && elapsedMs >= atRiskMs),
    breached: state === 'breached',
    ...(isStopped && { stoppedAt: iso(stopped) }),
    ...(state === 'achieved' && { achievedAt: iso(stopped!) }),
    ...(state === 'breached' && { breachedAt: iso(dueAt) }),
  };
}

/** Pauses clipped to `[start, end]` (open ones end at `end`), sorted and merged. */
function mergePauses(pauses: readonly SlaPause[], start: number, end: number): [number, number][] {
  const clipped = pauses
    .map((p): [number, number] => [
      Math.max(start, toEpochMs(p.from)),
      Math.min(end, p.to === undefined || p.to === null ? end : toEpochMs(p.to)),
    ])
    .filter(([from, to]) => to > from || (from === end && to === end))
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of clipped) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
