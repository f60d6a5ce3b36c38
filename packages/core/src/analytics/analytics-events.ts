import type { Gateway } from '../gateway/gateway.js';
import { createSubscribable, type Subscribable } from '../subscribable.js';
import type { HealthSignal } from './health-score.js';

/**
 * What `crm.analytics.subscribe(listener)` reports, after the score is stored. Automation rules
 * (trigger "health score dropping") act on it.
 */
export type AnalyticsEvent = {
  /** A customer's health fell by `dropAlert` points or more, or below `riskThreshold`. */
  readonly type: 'health_dropped';
  readonly customerId: string;
  /** The stored score before this check; `null` for the first check. */
  readonly previous: number | null;
  readonly current: number;
  /** The signals with a penalty, largest first. */
  readonly reasons: readonly HealthSignal[];
  /** The clock's reading at the check. */
  readonly at: string;
};

export type AnalyticsEventListener = (event: AnalyticsEvent) => void;

// One bus per root client: `crm.as(other)` shares the gateway, so it shares the events too.
const buses = new WeakMap<Gateway, Subscribable<AnalyticsEventListener>>();

export function analyticsEventsOf(gateway: Gateway): Subscribable<AnalyticsEventListener> {
  let bus = buses.get(gateway);
  if (!bus) {
    bus = createSubscribable<AnalyticsEventListener>();
    buses.set(gateway, bus);
  }
  return bus;
}
