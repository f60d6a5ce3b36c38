// What `CrmOptions.analytics` accepts, and its checks: the time zone of report periods and the
// health score's weights and thresholds. Apart from the rest of analytics/ so that `createCrm`
// checks them up front without loading the analytics code (see client/lazy-operations.ts).
import { ValidationError } from '../errors.js';

/** The default time zone of every report. */
export const DEFAULT_ANALYTICS_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One cached `Intl.DateTimeFormat` per time zone (throws for a zone `Intl` does not know). */
export function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Checks a time zone name; `ValidationError` at `path` if `Intl` does not know it. */
export function checkTimeZone(timeZone: unknown, path: (string | number)[] = ['timeZone']): string {
  if (typeof timeZone === 'string' && timeZone.length > 0 && timeZone.length <= 64) {
    try {
      formatterOf(timeZone);
      return timeZone;
    } catch {
      // fall through
    }
  }
  throw new ValidationError([{ path, message: 'Give an IANA time zone such as Asia/Shanghai' }]);
}

/** The most points each signal can take off the score (complaints and breaches: per item, then capped). */
export interface HealthWeights {
  /** Current gap since the last purchase against the customer's usual interval. Default 25. */
  readonly purchaseInterval: number;
  /** Recent order value against earlier orders. Default 20. */
  readonly orderValue: number;
  /** Per open complaint. Default 10. */
  readonly openComplaint: number;
  /** Cap for all open complaints. Default 30. */
  readonly openComplaintsMax: number;
  /** Per ticket with a breached SLA clock in the lookback. Default 5. */
  readonly slaBreach: number;
  /** Cap for all breaches. Default 20. */
  readonly slaBreachesMax: number;
  /** CSAT in the lookback. Default 15. */
  readonly csat: number;
  /** NPS in the lookback. Default 15. */
  readonly nps: number;
  /** No contact for `noContactDays`. Default 15. */
  readonly noContact: number;
}

export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = {
  purchaseInterval: 25,
  orderValue: 20,
  openComplaint: 10,
  openComplaintsMax: 30,
  slaBreach: 5,
  slaBreachesMax: 20,
  csat: 15,
  nps: 15,
  noContact: 15,
};

/** `CrmOptions.analytics.health`: weights and thresholds of the health score and its warnings. */
export interface HealthOptions {
  readonly weights?: Partial<HealthWeights>;
  /** Days without contact after which `no_contact` applies. Default 30. */
  readonly noContactDays?: number;
  /** Days back that surveys and SLA breaches count. Default 180. */
  readonly lookbackDays?: number;
  /** Scores below this are a churn risk. Default 60. */
  readonly riskThreshold?: number;
  /** A fall of at least this many points since the last check is a `health_dropped` warning. Default 10. */
  readonly dropAlert?: number;
}

export interface ResolvedHealthOptions {
  readonly weights: HealthWeights;
  readonly noContactDays: number;
  readonly lookbackDays: number;
  readonly riskThreshold: number;
  readonly dropAlert: number;
}

/** Options with defaults filled in; `ValidationError` (path under `health`) for bad ones. */
export function resolveHealthOptions(options: HealthOptions = {}): ResolvedHealthOptions {
  const weights = { ...DEFAULT_HEALTH_WEIGHTS, ...options.weights };
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const [key, value] of Object.entries(weights))
    if (!(typeof value === 'number' && value >= 0 && value <= 100))
      issues.push({ path: ['health', 'weights', key], message: 'A weight is 0–100 points' });
  const check = (key: string, value: number, min: number, max: number) => {
    if (!(Number.isFinite(value) && value >= min && value <= max))
      issues.push({ path: ['health', key], message: `Give a number ${min}–${max}` });
  };
  const resolved = {
    weights,
    noContactDays: options.noContactDays ?? 30,
    lookbackDays: options.lookbackDays ?? 180,
    riskThreshold: options.riskThreshold ?? 60,
    dropAlert: options.dropAlert ?? 10,
  };
  check('noContactDays', resolved.noContactDays, 1, 3650);
  check('lookbackDays', resolved.lookbackDays, 1, 3650);
  check('riskThreshold', resolved.riskThreshold, 0, 100);
  check('dropAlert', resolved.dropAlert, 1, 100);
  if (issues.length) throw new ValidationError(issues, 'Invalid health options');
  return resolved;
}
