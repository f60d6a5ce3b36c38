import type { Pipeline } from '../entities/pipeline.js';
import { ValidationError } from '../errors.js';
import {
  buildKpiReport,
  checkGroupBy,
  ratio,
  type AnalyticsQuery,
  type KpiReport,
} from './kpi-report.js';
import type { DealFacts } from './win-rate.js';

export type StagePipeline = Pick<Pipeline, 'id' | 'stages'>;

interface StageEntry {
  readonly stageId: string;
  readonly enteredAt: string;
  readonly advanced: boolean;
}

/** Checks the pipeline argument (path `pipelineId`). */
export function checkPipeline(pipeline: StagePipeline | null | undefined): StagePipeline {
  if (!pipeline || !Array.isArray(pipeline.stages))
    throw new ValidationError([{ path: ['pipelineId'], message: 'Give a pipeline' }]);
  return pipeline;
}

/**
 * Stage-to-stage conversion of one pipeline: one series per open stage, in pipeline order.
 *
 * For each deal of the pipeline and each stage, its first entry into the stage (from
 * `stageHistory`) counts once, in the period of its `enteredAt`. The entry **advanced** when a
 * later visit of the same deal is to a stage further along the pipeline that is not a lost stage
 * (a won stage counts). `value = advanced / entered`. Unit: ratio. Grouped by stage (`groupBy`
 * must be left out).
 *
 * @example
 * ```ts
 * stageConversion(deals, pipeline, { period: 'custom', from: '2026-01-01', to: '2026-07-01' });
 * // series: [{ key: 'qualify', label: '验证', points: [{ value: 0.5, numerator: 1, denominator: 2, … }] }, …]
 * ```
 * @throws ValidationError for a `groupBy` or no pipeline
 */
export function stageConversion(
  deals: readonly DealFacts[],
  pipeline: StagePipeline,
  query: AnalyticsQuery,
): KpiReport {
  checkGroupBy(query.groupBy, []);
  const { stages } = checkPipeline(pipeline);
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const open = stages.filter((s) => s.kind === 'open');
  const entries: StageEntry[] = [];
  for (const deal of deals) {
    if (deal.pipelineId !== pipeline.id) continue;
    const seen = new Set<string>();
    deal.stageHistory.forEach((visit, position) => {
      const at = index.get(visit.stageId);
      if (at === undefined || stages[at]!.kind !== 'open' || seen.has(visit.stageId)) return;
      seen.add(visit.stageId);
      const advanced = deal.stageHistory.slice(position + 1).some((later) => {
        const to = index.get(later.stageId);
        return to !== undefined && to > at && stages[to]!.kind !== 'lost';
      });
      entries.push({ stageId: visit.stageId, enteredAt: visit.enteredAt, advanced });
    });
  }
  return buildKpiReport(entries, query, {
    kpi: 'stageConversion',
    unit: 'ratio',
    groupName: 'stage',
    keys: open.map((s) => s.id),
    labels: new Map(open.map((s) => [s.id, s.name])),
    at: (e) => e.enteredAt,
    key: (e) => e.stageId,
    reduce: (list) => ratio(list.filter((e) => e.advanced).length, list.length),
  });
}
