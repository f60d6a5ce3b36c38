import {
  buildKpiReport,
  checkGroupBy,
  mean,
  type AnalyticsQuery,
  type KpiReport,
} from './kpi-report.js';
import { checkPipeline, type StagePipeline } from './stage-conversion.js';
import type { DealFacts } from './win-rate.js';

const DAY_MS = 86_400_000;

interface Visit {
  readonly stageId: string;
  readonly leftAt: string;
  readonly days: number;
}

/**
 * Average time in stage of one pipeline, in days: one series per open stage, in pipeline order.
 *
 * Every completed visit (a `stageHistory` entry with `leftAt`) counts in the period of its
 * `leftAt`: `value = Σ (leftAt − enteredAt) / visits`, 24-hour days, unrounded. Visits still in
 * progress are not averaged (their length is not known yet). Grouped by stage. Use
 * {@link rankBottlenecks} to rank the stages over the whole range.
 *
 * @example
 * ```ts
 * const report = timeInStage(deals, pipeline, { period: 'month', from: '2026-01-01', to: '2026-07-01' });
 * rankBottlenecks(report)[0]; // { stageId: 'proposal', label: '方案', averageDays: 12.5, visits: 4 }
 * ```
 * @throws ValidationError for a `groupBy` or no pipeline
 */
export function timeInStage(
  deals: readonly DealFacts[],
  pipeline: StagePipeline,
  query: AnalyticsQuery,
): KpiReport {
  checkGroupBy(query.groupBy, []);
  const { stages } = checkPipeline(pipeline);
  const open = stages.filter((s) => s.kind === 'open');
  const openIds = new Set(open.map((s) => s.id));
  const visits: Visit[] = [];
  for (const deal of deals) {
    if (deal.pipelineId !== pipeline.id) continue;
    for (const v of deal.stageHistory) {
      if (v.leftAt === undefined || !openIds.has(v.stageId)) continue;
      visits.push({
        stageId: v.stageId,
        leftAt: v.leftAt,
        days: (Date.parse(v.leftAt) - Date.parse(v.enteredAt)) / DAY_MS,
      });
    }
  }
  return buildKpiReport(visits, query, {
    kpi: 'timeInStage',
    unit: 'days',
    groupName: 'stage',
    keys: open.map((s) => s.id),
    labels: new Map(open.map((s) => [s.id, s.name])),
    at: (v) => v.leftAt,
    key: (v) => v.stageId,
    reduce: (list) => mean(list.map((v) => v.days)),
  });
}

export interface Bottleneck {
  readonly stageId: string;
  readonly label?: string;
  /** Σ days / visits over the whole range; `null` without visits. */
  readonly averageDays: number | null;
  readonly visits: number;
}

/**
 * The stages of a {@link timeInStage} report, slowest first: each stage's average over the
 * whole range (`Σ numerator / Σ denominator` of its points). Stages without visits come last.
 */
export function rankBottlenecks(report: KpiReport): Bottleneck[] {
  return report.series
    .map((s) => {
      const days = s.points.reduce((t, p) => t + (p.numerator ?? 0), 0);
      const visits = s.points.reduce((t, p) => t + (p.denominator ?? 0), 0);
      return {
        stageId: s.key,
        ...(s.label !== undefined && { label: s.label }),
        averageDays: visits > 0 ? days / visits : null,
        visits,
      };
    })
    .sort((a, b) => (b.averageDays ?? -1) - (a.averageDays ?? -1));
}
