import type { DomainContext } from '../client/domain-context.js';
import type { EntityRecord } from '../entities/registry.js';
import { ValidationError } from '../errors.js';
import { salesIo } from './sales-io.js';
import {
  instantBounds,
  localDate,
  periodRange,
  type PeriodRange,
  type SalesPeriod,
} from './sales-period.js';

export type ForecastGroup = 'pipeline' | 'owner' | 'team';

export interface ForecastQuery {
  readonly period: SalesPeriod;
  /** First day of the period, e.g. `2026-04-01` for Q2 2026. */
  readonly periodStart: string;
  readonly groupBy?: ForecastGroup;
  readonly pipelineId?: string;
  /** Only deals in this currency are summed (default CNY); others are counted in `skipped`. */
  readonly currency?: string;
}

export interface ForecastRow {
  /** Pipeline, owner or team id; `(none)` for deals without one. */
  readonly key: string;
  /** Open deals expected to close in the period. */
  readonly openCount: number;
  readonly openAmount: number;
  /** Σ amount × stage win probability over those open deals. */
  readonly weighted: number;
  /** Deals won in the period (by `closedAt` in the time zone). */
  readonly wonCount: number;
  readonly wonAmount: number;
  /** `wonAmount + weighted`: what the period is expected to bring. */
  readonly expected: number;
}

export interface Forecast extends PeriodRange {
  readonly groupBy: ForecastGroup;
  readonly currency: string;
  readonly rows: ForecastRow[];
  readonly total: ForecastRow;
  /** Deals in the period in another currency, left out of the sums. */
  readonly skipped: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * Weighted forecast for a month, quarter or year, per pipeline, owner or team.
 *
 * @example
 * ```ts
 * const q2 = await crm.sales.forecast({ period: 'quarter', periodStart: '2026-04-01', groupBy: 'owner' });
 * q2.rows; // [{ key: 'u-li', openAmount: 300000, weighted: 120000, wonAmount: 80000, expected: 200000, … }]
 * ```
 */
export function createForecast(domain: DomainContext, timeZone: string) {
  return async function forecast(query: ForecastQuery): Promise<Forecast> {
    const range = periodRange(query?.period, query?.periodStart);
    const groupBy = query.groupBy ?? 'pipeline';
    if (!['pipeline', 'owner', 'team'].includes(groupBy))
      throw new ValidationError([{ path: ['groupBy'], message: 'Use pipeline, owner or team' }]);
    const currency = query.currency ?? 'CNY';
    const scope = query.pipelineId !== undefined ? { pipelineId: { eq: query.pipelineId } } : {};
    const open = await salesIo.all(domain, 'deal', {
      ...scope,
      status: { eq: 'open' },
      expectedCloseDate: { gte: range.start, lt: range.end },
    });
    const bounds = instantBounds(range);
    const won = (
      await salesIo.all(domain, 'deal', {
        ...scope,
        status: { eq: 'won' },
        closedAt: { gte: bounds.from, lt: bounds.to },
      })
    ).filter((d) => {
      const day = localDate(d.closedAt!, timeZone);
      return day >= range.start && day < range.end;
    });
    const pipelines = new Map(
      (await salesIo.all(domain, 'pipeline', {})).map((p) => [
        p.id,
        new Map(p.stages.map((s) => [s.id, s.probability])),
      ]),
    );
    const keyOf = (d: EntityRecord<'deal'>) =>
      (groupBy === 'pipeline' ? d.pipelineId : groupBy === 'owner' ? d.ownerId : d.teamId) ??
      '(none)';

    const rows = new Map<
      string,
      {
        openCount: number;
        openAmount: number;
        weighted: number;
        wonCount: number;
        wonAmount: number;
      }
    >();
    const row = (key: string) => {
      let r = rows.get(key);
      if (!r)
        rows.set(
          key,
          (r = { openCount: 0, openAmount: 0, weighted: 0, wonCount: 0, wonAmount: 0 }),
        );
      return r;
    };
    let skipped = 0;
    for (const deal of open) {
      if (deal.currency !== currency) {
        skipped++;
        continue;
      }
      const r = row(keyOf(deal));
      const probability = pipelines.get(deal.pipelineId)?.get(deal.stageId) ?? 0;
      r.openCount++;
      r.openAmount += deal.amount;
      r.weighted += deal.amount * probability;
    }
    for (const deal of won) {
      if (deal.currency !== currency) {
        skipped++;
        continue;
      }
      const r = row(keyOf(deal));
      r.wonCount++;
      r.wonAmount += deal.amount;
    }
    const finish = (
      key: string,
      r: {
        openCount: number;
        openAmount: number;
        weighted: number;
        wonCount: number;
        wonAmount: number;
      },
    ): ForecastRow => ({
      key,
      openCount: r.openCount,
      openAmount: cents(r.openAmount),
      weighted: cents(r.weighted),
      wonCount: r.wonCount,
      wonAmount: cents(r.wonAmount),
      expected: cents(r.wonAmount + r.weighted),
    });
    const list = [...rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, r]) => finish(k, r));
    const sum = (f: 'openCount' | 'openAmount' | 'weighted' | 'wonCount' | 'wonAmount') =>
      [...rows.values()].reduce((s, r) => s + r[f], 0);
    return {
      ...range,
      groupBy,
      currency,
      rows: list,
      total: finish('(total)', {
        openCount: sum('openCount'),
        openAmount: sum('openAmount'),
        weighted: sum('weighted'),
        wonCount: sum('wonCount'),
        wonAmount: sum('wonAmount'),
      }),
      skipped,
    };
  };
}
