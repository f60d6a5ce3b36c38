import { QUOTA_PERIODS } from '../entities/enums.js';
import { ValidationError } from '../errors.js';

export type SalesPeriod = (typeof QUOTA_PERIODS)[number];

/** A period as `[start, end)` calendar dates (`YYYY-MM-DD`). */
export interface PeriodRange {
  readonly period: SalesPeriod;
  readonly start: string;
  readonly end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar range of a month, quarter or year from its first day.
 * @throws ValidationError when `periodStart` is not the first day of such a period
 */
export function periodRange(period: SalesPeriod, periodStart: string): PeriodRange {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(
    typeof periodStart === 'string' ? periodStart : '',
  );
  if (!QUOTA_PERIODS.includes(period))
    throw new ValidationError([
      { path: ['period'], message: `Use one of ${QUOTA_PERIODS.join(', ')}` },
    ]);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const valid =
    match !== null &&
    match[3] === '01' &&
    month >= 1 &&
    month <= 12 &&
    (period === 'month' || (period === 'quarter' ? month % 3 === 1 : month === 1));
  if (!valid)
    throw new ValidationError([
      {
        path: ['periodStart'],
        message: `Give the first day of a ${period}, e.g. ${period === 'quarter' ? '2026-04-01' : period === 'year' ? '2026-01-01' : '2026-05-01'}`,
      },
    ]);
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const endIndex = year * 12 + (month - 1) + months;
  return {
    period,
    start: periodStart,
    end: `${Math.floor(endIndex / 12)}-${pad((endIndex % 12) + 1)}-01`,
  };
}

/** The calendar date of an instant in a time zone (`2026-03-31T17:00:00Z` → `2026-04-01` in Shanghai). */
export function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** The instants that can fall on the calendar dates of a range in any time zone (a day of slack each side). */
export function instantBounds(range: PeriodRange): { from: string; to: string } {
  const from = new Date(Date.parse(`${range.start}T00:00:00Z`) - 86_400_000).toISOString();
  const to = new Date(Date.parse(`${range.end}T00:00:00Z`) + 86_400_000).toISOString();
  return { from, to };
}
