import type { SurveyResponse } from '../entities/survey-response.js';

export interface CsatSummary {
  readonly responses: number;
  /** Scores of 4 or 5. */
  readonly satisfied: number;
  /** Share of satisfied responses in percent (0–100); `null` without responses, never NaN. */
  readonly percent: number | null;
}

export interface NpsSummary {
  readonly responses: number;
  /** 9–10. */
  readonly promoters: number;
  /** 7–8. */
  readonly passives: number;
  /** 0–6. */
  readonly detractors: number;
  /** Promoters % − detractors % (−100…100); `null` without responses, never NaN. */
  readonly score: number | null;
}

export interface SurveySummary {
  readonly csat: CsatSummary;
  readonly nps: NpsSummary;
}

/**
 * CSAT and NPS over a set of responses. CSAT % = satisfied (4–5) ÷ CSAT responses × 100;
 * NPS = (promoters − detractors) ÷ NPS responses × 100. Unrounded.
 */
export function summarizeSurveys(
  responses: readonly Pick<SurveyResponse, 'kind' | 'score'>[],
): SurveySummary {
  let csat = 0;
  let satisfied = 0;
  let nps = 0;
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const r of responses) {
    if (r.kind === 'csat') {
      csat++;
      if (r.score >= 4) satisfied++;
    } else {
      nps++;
      if (r.score >= 9) promoters++;
      else if (r.score >= 7) passives++;
      else detractors++;
    }
  }
  return {
    csat: { responses: csat, satisfied, percent: csat ? (satisfied / csat) * 100 : null },
    nps: {
      responses: nps,
      promoters,
      passives,
      detractors,
      score: nps ? ((promoters - detractors) / nps) * 100 : null,
    },
  };
}

export interface SurveyGroup extends SurveySummary {
  /** The agent or team id; `null` for responses without one. */
  readonly key: string | null;
}

/** Summaries per agent or team (in order of key, `null` last). */
export function groupSurveys(
  responses: readonly SurveyResponse[],
  by: 'agent' | 'team',
): SurveyGroup[] {
  const groups = new Map<string | null, SurveyResponse[]>();
  for (const r of responses) {
    const key = (by === 'agent' ? r.agentId : r.teamId) ?? null;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([key, list]) => ({ key, ...summarizeSurveys(list) }));
}
