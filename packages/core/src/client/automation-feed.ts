import type { AnalyticsEvent, AnalyticsEventListener } from '../analytics/analytics-events.js';
import { ENTITY_CATALOG } from '../entities/catalog.js';
import type { MarketingOptions } from '../marketing/marketing-options.js';
import type { MarketingWiring } from '../marketing/marketing-operations.js';
import type { ServiceEvent, ServiceEventListener } from '../service/service-events.js';
import type { ChangeEvent, ChangeListener } from '../storage/storage-adapter.js';

type Source<L> = (listener: L) => () => void;

/**
 * What drives nurture automation (change events, service events, health warnings), held by the
 * root client while the marketing module is not loaded yet.
 *
 * The root client subscribes at once, as the automation engine did when it was built eagerly, so
 * nothing is missed; the first input the engine would act on starts loading marketing/, and every
 * input from then on is kept. When the engine has subscribed (through {@link wiring}), `flush`
 * hands it what was kept, in arrival order and batch by batch, and from then on inputs go straight
 * through. Inputs the engine ignores are dropped while nothing is loading: a change of an entity
 * no trigger reads (customers, tickets, …), a deletion, a remote change, a service event other
 * than a resolution or an SLA risk. Which inputs count mirrors the engine
 * (marketing/automation-engine.ts: `handleChanges`, `candidatesOf`, `handleServiceEvent`,
 * `handleHealthEvent`) and `createMarketingOperations`' wiring: with `automation.enabled: false`
 * only order changes count (for `autoMetrics`), and nothing when `autoMetrics` is off too.
 */
export interface AutomationFeed {
  /** Passed to `createMarketingOperations` in place of the sources. */
  readonly wiring: Required<Pick<MarketingWiring, 'subscribe' | 'serviceEvents' | 'healthEvents'>>;
  /** Called once the engine has subscribed: replays what was kept, then forwards live. */
  flush(): void;
  /** Unsubscribes from the sources (the root client's `close`). */
  stop(): void;
}

export function createAutomationFeed(
  sources: {
    readonly changes: Source<ChangeListener>;
    readonly service: Source<ServiceEventListener>;
    readonly health: Source<AnalyticsEventListener>;
  },
  options: MarketingOptions,
  /** Loads marketing/ and builds the root client's operations, which calls `flush`. */
  load: () => Promise<unknown>,
): AutomationFeed {
  const enabled = options.automation?.enabled !== false;
  const autoMetrics = options.autoMetrics ?? true;
  const onError = options.automation?.onError ?? (() => {});
  // The engine's listeners, by input kind: 0 changes, 1 service events, 2 health warnings.
  const targets: ((input: never) => void)[] = [];
  // Inputs kept until the engine is there; `null` once it is.
  let kept: [number, unknown][] | null = [];

  const counts: ((input: never) => boolean)[] = [
    (changes: readonly ChangeEvent[]) =>
      changes.some(
        (c) =>
          c.source === 'local' &&
          c.type !== 'deleted' &&
          ((enabled &&
            (c.collection === ENTITY_CATALOG.lead.collection ||
              (c.collection === ENTITY_CATALOG.deal.collection && c.type === 'updated'))) ||
            (autoMetrics && c.collection === ENTITY_CATALOG.order.collection)),
      ),
    (event: ServiceEvent) =>
      (event.type === 'ticket_transitioned' && event.to === 'resolved') ||
      event.type === 'sla_at_risk',
    (event: AnalyticsEvent) => event.type === 'health_dropped',
  ];

  const receive = (kind: number) => (input: unknown) => {
    if (!kept) return (targets[kind] as ((input: unknown) => void) | undefined)?.(input);
    if (kept.length === 0 && !(counts[kind] as (input: unknown) => boolean)(input)) return;
    kept.push([kind, input]);
    if (kept.length === 1) {
      load().catch((error: unknown) => {
        // Reported like the engine's own errors outside a rule run; the next input retries.
        kept = kept && [];
        onError(error);
      });
    }
  };

  const attach =
    <L>(kind: number): Source<L> =>
    (listener) => {
      targets[kind] = listener as (input: never) => void;
      return () => {
        if (targets[kind] === (listener as unknown)) delete targets[kind];
      };
    };

  const stops = [
    ...(enabled || autoMetrics ? [sources.changes(receive(0))] : []),
    ...(enabled ? [sources.service(receive(1)), sources.health(receive(2))] : []),
  ];

  return {
    wiring: { subscribe: attach(0), serviceEvents: attach(1), healthEvents: attach(2) },
    flush() {
      const pending = kept ?? [];
      kept = null;
      for (const [kind, input] of pending)
        (targets[kind] as ((input: unknown) => void) | undefined)?.(input);
    },
    stop() {
      kept = [];
      for (const stop of stops) stop();
    },
  };
}
