import type { SurveyResponse } from '../entities/survey-response.js';
import { summarizeSurveys } from '../service/surveys.js';
import { groupKeyOf, type CustomerDimensions } from './group-key.js';
import { buildKpiReport, type AnalyticsQuery, type KpiReport } from './kpi-report.js';

export type SurveyFacts = Pick<
  SurveyResponse,
  'kind' | 'score' | 'respondedAt' | 'agentId' | 'teamId' | 'customerId'
>;

const surveyKey =
  (query: AnalyticsQuery, customers?: ReadonlyMap<string, CustomerDimensions>) =>
  (r: SurveyFacts) =>
    groupKeyOf(query.groupBy, { ...r, ownerId: r.agentId }, customers);

/**
 * CSAT per period, computed by `summarizeSurveys` (service/surveys.ts):
 * `value = satisfied (score 4–5) / CSAT responses × 100`, over CSAT responses whose
 * `respondedAt` falls in the period. Unit: percent (0–100). Grouped by the agent (`owner`), the
 * response's team, or the customer's region.
 *
 * @example
 * ```ts
 * csatScore(responses, { period: 'week', from: '2026-03-30', to: '2026-04-27', groupBy: 'owner' });
 * ```
 */
export function csatScore(
  responses: readonly SurveyFacts[],
  query: AnalyticsQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return buildKpiReport(
    responses.filter((r) => r.kind === 'csat'),
    query,
    {
      kpi: 'csat',
      unit: 'percent',
      at: (r) => r.respondedAt,
      key: surveyKey(query, customers),
      reduce: (list) => {
        const { csat } = summarizeSurveys(list);
        return { value: csat.percent, numerator: csat.satisfied, denominator: csat.responses };
      },
    },
  );
}

/**
 * NPS per period, computed by `summarizeSurveys` (service/surveys.ts):
 * `value = (promoters (9–10) − detractors (0–6)) / NPS responses × 100`, over NPS responses whose
 * `respondedAt` falls in the period; `numerator` = promoters − detractors. Unit: score (−100…100).
 *
 * @example
 * ```ts
 * npsScore(responses, { period: 'quarter', from: '2026-01-01', to: '2027-01-01' });
 * ```
 */
export function npsScore(
  responses: readonly SurveyFacts[],
  query: AnalyticsQuery,
  customers?: ReadonlyMap<string, CustomerDimensions>,
): KpiReport {
  return buildKpiReport(
    responses.filter((r) => r.kind === 'nps'),
    query,
    {
      kpi: 'nps',
      unit: 'score',
      at: (r) => r.respondedAt,
      key: surveyKey(query, customers),
      reduce: (list) => {
        const { nps } = summarizeSurveys(list);
        return {
          value: nps.score,
          numerator: nps.promoters - nps.detractors,
          denominator: nps.responses,
        };
      },
    },
  );
}
