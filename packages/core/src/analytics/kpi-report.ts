import { ValidationError } from '../errors.js';
import {
  bucketIndexOf,
  DEFAULT_ANALYTICS_TIME_ZONE,
  periodBuckets,
  type AnalyticsPeriod,
  type PeriodBucket,
  type PeriodQuery,
} from './period-buckets.js';

/**
 * The shape every KPI returns: plain JSON, ready for a chart. One series per group (owner, team,
 * region, stage or category), each with one point per period; `total` is the same KPI over every
 * record in range. A period with nothing to measure has `value: null` — never `NaN`, never a
 * division by zero. Ratios carry their `numerator` and `denominator` so a chart can show "3 / 4".
 *
 * ```json
 * { "kpi": "winRate", "unit": "ratio", "period": "month", "timeZone": "Asia/Shanghai",
 *   "from": "2026-04-01", "to": "2026-06-01", "groupBy": "owner",
 *   "series": [{ "key": "u-li", "points": [
 *     { "period": "2026-04", "start": "2026-04-01", "end": "2026-05-01", "value": 0.75, "numerator": 3, "denominator": 4 },
 *     { "period": "2026-05", "start": "2026-05-01", "end": "2026-06-01", "value": null, "numerator": 0, "denominator": 0 }] }],
 *   "total": { "key": "all", "points": [ … ] } }
 * ```
 */
export interface KpiReport {
  readonly kpi: string;
  readonly unit: KpiUnit;
  readonly period: AnalyticsPeriod;
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  /** The grouping of `series`; `null` when ungrouped (then `series` is `[total]`). */
  readonly groupBy: string | null;
  readonly series: KpiSeries[];
  readonly total: KpiSeries;
}

/** `ratio`: 0–1 (1 = 100 %); `percent`: 0–100; `score`: NPS −100…100. */
export type KpiUnit = 'ratio' | 'percent' | 'score' | 'days' | 'minutes' | 'money';

export interface KpiSeries {
  /** Owner, team, region (province), stage or category; `(none)` for records without one; `all` for the total. */
  readonly key: string;
  readonly label?: string;
  readonly points: KpiPoint[];
}

export interface KpiPoint extends Measure {
  readonly period: string;
  readonly start: string;
  readonly end: string;
}

/** A value with, where meaningful, what it was computed from (`value = numerator / denominator`). */
export interface Measure {
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
  /** How many records a sum was taken over. */
  readonly count?: number;
}

export const GROUP_BYS = ['owner', 'team', 'region'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** What every KPI takes: the periods ({@link PeriodQuery}) and an optional grouping. */
export interface AnalyticsQuery extends PeriodQuery {
  /** Series per owner, team or region (province); one `all` series when absent. */
  readonly groupBy?: GroupBy;
}

/** Money KPIs sum one currency only; records in others are left out. */
export interface MoneyQuery extends AnalyticsQuery {
  /** Default `CNY`. */
  readonly currency?: string;
}

/** `numerator / denominator × scale`, `null` when the denominator is 0. */
export function ratio(numerator: number, denominator: number, scale = 1): Measure {
  return {
    value: denominator > 0 ? (numerator / denominator) * scale : null,
    numerator,
    denominator,
  };
}

/** Sum of values (rounded to cents) with their count; `null` when there is nothing to sum. */
export function sum(values: readonly number[]): Measure {
  const total = values.reduce((s, v) => s + v, 0);
  return { value: values.length ? Math.round(total * 100) / 100 : null, count: values.length };
}

/** Mean of values (`Σ / n`); `null` when there are none. */
export function mean(values: readonly number[]): Measure {
  return ratio(
    values.reduce((s, v) => s + v, 0),
    values.length,
  );
}

export const NO_GROUP = '(none)';

/** How a KPI reads its records. */
export interface KpiSpec<T> {
  readonly kpi: string;
  readonly unit: KpiUnit;
  /**
   * The instant (ISO or ms) that places an item in a period; `null` leaves it out. Without `at`,
   * every item is offered to every period and `reduce` decides (e.g. churn, which looks back).
   */
  readonly at?: (item: T) => string | number | null | undefined;
  /** Period index for an item, when not an instant (e.g. a calendar date); -1 leaves it out. */
  readonly bucketOf?: (item: T, buckets: readonly PeriodBucket[]) => number;
  /** The item's group key; only called when grouping. */
  readonly key?: (item: T) => string | null | undefined;
  /** The measure of a period's items (called for empty periods too: return `value: null`). */
  readonly reduce: (items: readonly T[], bucket: PeriodBucket) => Measure;
  /** Series that always appear, in this order (e.g. a pipeline's stages); others follow, sorted. */
  readonly keys?: readonly string[];
  readonly labels?: ReadonlyMap<string, string>;
  /** Name reported as `groupBy` when `key` is not the query's grouping (`stage`, `category`). */
  readonly groupName?: string;
}

const compareKeys = (a: string, b: string) =>
  a === b ? 0 : a === NO_GROUP ? 1 : b === NO_GROUP ? -1 : a < b ? -1 : 1;

/** Checks `groupBy` (path `groupBy`), or refuses one for KPIs grouped by something else. */
export function checkGroupBy(groupBy: unknown, allowed: readonly string[] = GROUP_BYS): void {
  if (groupBy === undefined) return;
  if (!allowed.includes(groupBy as string))
    throw new ValidationError([
      {
        path: ['groupBy'],
        message: allowed.length
          ? `Use one of ${allowed.join(', ')}`
          : 'This KPI is already grouped (by stage or category): leave groupBy out',
      },
    ]);
}

/**
 * Builds a {@link KpiReport}: places items in periods and groups, then measures each cell.
 * @throws ValidationError for a bad period query or `groupBy`
 */
export function buildKpiReport<T>(
  items: readonly T[],
  query: AnalyticsQuery,
  spec: KpiSpec<T>,
): KpiReport {
  const buckets = periodBuckets(query);
  const grouped = spec.groupName !== undefined || query.groupBy !== undefined;
  if (spec.groupName === undefined) checkGroupBy(query.groupBy);

  // cells: group key → per-bucket items; the total in `all`.
  const all: T[][] = buckets.map(() => []);
  const cells = new Map<string, T[][]>();
  for (const key of spec.keys ?? [])
    cells.set(
      key,
      buckets.map(() => []),
    );
  const place = (item: T, index: number) => {
    all[index]!.push(item);
    if (!grouped || !spec.key) return;
    const key = spec.key(item) ?? NO_GROUP;
    let row = cells.get(key);
    if (!row) cells.set(key, (row = buckets.map(() => [])));
    row[index]!.push(item);
  };
  for (const item of items) {
    if (spec.bucketOf) {
      const index = spec.bucketOf(item, buckets);
      if (index >= 0) place(item, index);
    } else if (spec.at) {
      const index = bucketIndexOf(buckets, spec.at(item));
      if (index >= 0) place(item, index);
    } else {
      for (let i = 0; i < buckets.length; i++) place(item, i);
    }
  }
  const seriesOf = (key: string, lists: T[][]): KpiSeries => ({
    key,
    ...(spec.labels?.has(key) && { label: spec.labels.get(key)! }),
    points: buckets.map((bucket, i) => ({
      period: bucket.period,
      start: bucket.start,
      end: bucket.end,
      ...spec.reduce(lists[i]!, bucket),
    })),
  });
  const fixed = spec.keys ?? [];
  const others = [...cells.keys()].filter((k) => !fixed.includes(k)).sort(compareKeys);
  const total = seriesOf('all', all);
  return {
    kpi: spec.kpi,
    unit: spec.unit,
    period: query.period,
    timeZone: query.timeZone ?? DEFAULT_ANALYTICS_TIME_ZONE,
    from: query.from,
    to: query.to,
    groupBy: spec.groupName ?? query.groupBy ?? null,
    series: grouped ? [...fixed, ...others].map((key) => seriesOf(key, cells.get(key)!)) : [total],
    total,
  };
}
