import { ValidationError } from '../errors.js';
import type { Where } from '../query/query-spec.js';
import type { LEAD_STATUSES, LIFECYCLE_STAGES } from '../entities/enums.js';

/**
 * One scoring rule. `when` is a filter (the query model's `where`) over the lead as the scorer
 * sees it: the lead's own fields plus `activities.total`, `activities.<type>` (counts of the lead's
 * activities that are not cancelled), `touches.total` and `touches.campaigns` (captures, and
 * captures from a campaign — campaign responses).
 *
 * Without `per`, a matching lead gets `points`. With `per` (a numeric field of the same view), it
 * gets `points × value`, capped at `max` when given.
 *
 * @example
 * ```ts
 * { id: 'referral', label: '转介绍', points: 20, when: { source: { eq: 'referral' } } }
 * { id: 'engaged', label: '每次跟进', points: 5, per: 'activities.total', max: 25 }
 * ```
 */
export interface ScoringRule {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly when?: Where;
  readonly per?: string;
  readonly max?: number;
}

/** Who may see and claim from a pool; no restriction when neither list is given. */
export interface PoolRule {
  readonly name?: string;
  /** Members of any of these teams see the pool. */
  readonly teams?: readonly string[];
  /** Holders of any of these roles see the pool. */
  readonly roles?: readonly string[];
}

/**
 * Recycling: a record with an owner goes back to its pool when
 * - `noFollowUpDays`: no follow-up (a call, visit, email or meeting that set `lastContactAt`) within
 *   N days of assignment;
 * - `noProgressDays`: no stage progress (lead `status`, customer `lifecycleStage`) within M days of
 *   assignment or of the last stage change.
 * Days are 24-hour calendar days on the injected clock; a record is recycled at exactly N days.
 */
export interface RecyclingRule {
  readonly noFollowUpDays?: number;
  readonly noProgressDays?: number;
}

export interface SalesOptions {
  /** Lead scoring rules; default {@link DEFAULT_SCORING_RULES}. */
  readonly scoringRules?: readonly ScoringRule[];
  /** How many records a rep may own; `claim` beyond it throws `LimitError`. No limit by default. */
  readonly capacity?: { readonly leads?: number; readonly customers?: number };
  /** Pool visibility by pool id; pools not listed are visible to everyone. */
  readonly pools?: Readonly<Record<string, PoolRule>>;
  /** Pool a released record goes to when none is given. Default `public`. */
  readonly defaultPoolId?: string;
  readonly recycling?: {
    readonly leads?: RecyclingRule & {
      readonly statuses?: readonly (typeof LEAD_STATUSES)[number][];
    };
    readonly customers?: RecyclingRule & {
      readonly stages?: readonly (typeof LIFECYCLE_STAGES)[number][];
    };
  };
  /** Company-name suffixes ignored by the duplicate check (added to the built-in list). */
  readonly companySuffixes?: readonly string[];
  /** Time zone for period boundaries in forecasts and quotas. Default `Asia/Shanghai`. */
  readonly timeZone?: string;
}

export const DAY_MS = 86_400_000;

/** Sensible starting rules: source, firmographics, engagement and campaign responses. */
export const DEFAULT_SCORING_RULES: readonly ScoringRule[] = [
  { id: 'source-referral', label: 'Referral', points: 20, when: { source: { eq: 'referral' } } },
  { id: 'source-event', label: 'Event', points: 15, when: { source: { eq: 'event' } } },
  { id: 'source-web', label: 'Web form', points: 10, when: { source: { eq: 'web' } } },
  { id: 'size-large', label: '1000+ employees', points: 20, when: { companySize: { gte: 1000 } } },
  {
    id: 'size-medium',
    label: '100–999 employees',
    points: 10,
    when: { companySize: { gte: 100, lt: 1000 } },
  },
  { id: 'has-phone', label: 'Phone given', points: 5, when: { phones: { exists: true } } },
  { id: 'has-email', label: 'Email given', points: 5, when: { emails: { exists: true } } },
  { id: 'activities', label: 'Per activity', points: 5, per: 'activities.total', max: 25 },
  {
    id: 'campaign-responses',
    label: 'Per campaign response',
    points: 10,
    per: 'touches.campaigns',
    max: 30,
  },
];

export const DEFAULT_POOL_ID = 'public';

/**
 * `SalesOptions.scoringRules`, checked: each rule needs an id and finite points.
 * (`createCrm` checks them up front, so a bad rule fails the client, not its first lead.)
 * @throws ValidationError with a path per bad rule
 */
export function checkScoringRules(rules: readonly ScoringRule[]): readonly ScoringRule[] {
  const issues = rules.flatMap((rule, i) => {
    const out = [];
    if (typeof rule?.id !== 'string' || !rule.id)
      out.push({ path: ['scoringRules', i, 'id'], message: 'Give the rule an id' });
    if (typeof rule?.points !== 'number' || !Number.isFinite(rule.points))
      out.push({ path: ['scoringRules', i, 'points'], message: 'Points are a number' });
    return out;
  });
  if (issues.length) throw new ValidationError(issues, 'Invalid sales options');
  return rules;
}
