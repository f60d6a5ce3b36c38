import type { DomainContext } from '../client/domain-context.js';
import { ACTIVITY_TYPES } from '../entities/enums.js';
import type { Lead, ScoreContribution } from '../entities/lead.js';
import type { EntityRecord } from '../entities/registry.js';
import { readPath } from '../query/field-path.js';
import { matchesWhere } from '../query/where.js';
import { salesIo } from './sales-io.js';
import type { ScoringRule } from './sales-options.js';

/** A lead's behaviour as scoring sees it. */
export interface LeadBehaviour {
  /** Activities that are not cancelled: `total` and one count per activity type. */
  readonly activities: Readonly<Record<string, number>>;
}

export interface LeadScore {
  readonly score: number;
  /** Every rule with its contribution (0 when it did not apply), in rule order. */
  readonly explanation: ScoreContribution[];
}

const MAX_SCORE = 1000;

/**
 * Scores a lead with rule-based scoring (a pure function; see {@link ScoringRule}). The score is
 * the sum of contributions, clamped to 0–1000.
 *
 * @example
 * ```ts
 * scoreLead(lead, { activities: { total: 2 } }, [{ id: 'web', label: 'Web', points: 10, when: { source: { eq: 'web' } } }]);
 * // → { score: 10, explanation: [{ ruleId: 'web', label: 'Web', points: 10 }] }
 * ```
 */
export function scoreLead(
  lead: Partial<Lead>,
  behaviour: LeadBehaviour,
  rules: readonly ScoringRule[],
): LeadScore {
  const touches = lead.touches ?? [];
  const view = {
    ...lead,
    activities: { total: 0, ...behaviour.activities },
    touches: {
      total: touches.length,
      campaigns: touches.filter((t) => t.campaignId !== undefined).length,
    },
  };
  const explanation = rules.map((rule): ScoreContribution => {
    let points = 0;
    if (!rule.when || matchesWhere(view, rule.when)) {
      if (rule.per === undefined) points = rule.points;
      else {
        const value = readPath(view, rule.per);
        points = typeof value === 'number' && Number.isFinite(value) ? rule.points * value : 0;
        if (rule.max !== undefined) points = Math.min(points, rule.max);
      }
    }
    return { ruleId: rule.id, label: rule.label, points: Math.round(points) };
  });
  const total = explanation.reduce((sum, c) => sum + c.points, 0);
  return { score: Math.max(0, Math.min(MAX_SCORE, total)), explanation };
}

/** Counts a lead's activities (not cancelled) by type, through the gateway. */
export async function leadBehaviour(
  domain: DomainContext,
  leadId: string,
  adjust: { add?: string; remove?: string } = {},
): Promise<LeadBehaviour> {
  const activities = await salesIo.all(domain, 'activity', {
    leadId: { eq: leadId },
    status: { ne: 'cancelled' },
  });
  const counts: Record<string, number> = { total: 0 };
  for (const type of ACTIVITY_TYPES) counts[type] = 0;
  const bump = (type: string, by: number) => {
    counts[type] = (counts[type] ?? 0) + by;
    counts.total = (counts.total ?? 0) + by;
  };
  for (const activity of activities) bump(activity.type, 1);
  if (adjust.add) bump(adjust.add, 1);
  if (adjust.remove) bump(adjust.remove, -1);
  return { activities: counts };
}

/** The `score` / `scoreExplanation` patch for a lead, or `null` when nothing changed. */
export function scorePatch(
  lead: Partial<EntityRecord<'lead'>>,
  behaviour: LeadBehaviour,
  rules: readonly ScoringRule[],
): { score: number; scoreExplanation: ScoreContribution[] } | null {
  const { score, explanation } = scoreLead(lead, behaviour, rules);
  const same =
    lead.score === score &&
    JSON.stringify(lead.scoreExplanation ?? null) === JSON.stringify(explanation);
  return same ? null : { score, scoreExplanation: explanation };
}
