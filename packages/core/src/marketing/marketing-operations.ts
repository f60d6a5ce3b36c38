import type { DomainContext } from '../client/domain-context.js';
import type { Gateway } from '../gateway/gateway.js';
import type { Order } from '../entities/order.js';
import type { SalesOptions } from '../sales/sales-options.js';
import { analyticsEventsOf, type AnalyticsEventListener } from '../analytics/analytics-events.js';
import { serviceEventsOf, type ServiceEventListener } from '../service/service-events.js';
import type { ChangeListener } from '../storage/storage-adapter.js';
import { createAutomationEngine, type AutomationEngine } from './automation-engine.js';
import { createCampaignOperations, type CampaignOperations } from './campaigns.js';
import type { MarketingOptions } from './marketing-options.js';
import { createMessageSender } from './message-sender.js';
import { createSegmentOperations } from './segments.js';

/** What `createCrm` passes besides the options: the change stream (root client only) and sales options. */
export interface MarketingWiring {
  /** The client's change stream; given by the root client, which drives automation. */
  readonly subscribe?: (listener: ChangeListener) => () => void;
  /** Service events for automation; default the gateway's (`crm.service.subscribe`). */
  readonly serviceEvents?: (listener: ServiceEventListener) => () => void;
  /** Health warnings for automation; default the gateway's (`crm.analytics.subscribe`). */
  readonly healthEvents?: (listener: AnalyticsEventListener) => () => void;
  readonly sales?: SalesOptions;
}

export type SegmentOperations = Omit<ReturnType<typeof createSegmentOperations>, 'memberIds'>;
export type { CampaignOperations };

/** `crm.automation`. */
export type AutomationNamespace = Omit<
  AutomationEngine,
  'handleChanges' | 'handleServiceEvent' | 'handleHealthEvent' | 'stop'
>;

export interface MarketingOperations {
  /** Merged into `crm.segments`. */
  readonly segments: SegmentOperations;
  /** Merged into `crm.campaigns`. */
  readonly campaigns: CampaignOperations;
  readonly automation: AutomationNamespace;
  /** Stops automation (the root client's `close`). */
  stop(): void;
}

// One automation engine per storage (gateway): `crm.as(other)` shares the root client's engine,
// so rules run once per change, as the root principal.
const engines = new WeakMap<Gateway, { engine: AutomationEngine; stop: () => void }>();

/**
 * The marketing domain over a {@link DomainContext}: segments, campaigns, automation.
 *
 * @example
 * ```ts
 * const marketing = createMarketingOperations(domain, { channels: { email: createOutboxChannel('email') } });
 * const vip = await marketing.segments.create({ name: 'VIP', entity: 'customer', where: { tier: { eq: 'vip' } } });
 * ```
 */
export function createMarketingOperations(
  domain: DomainContext,
  options: MarketingOptions = {},
  wiring: MarketingWiring = {},
): MarketingOperations {
  const segmentOps = createSegmentOperations(domain, options.rfm);
  const sender = createMessageSender(domain, options.channels ?? {});
  const campaigns = createCampaignOperations(domain, segmentOps, sender);

  let entry = engines.get(domain.gateway);
  if (!entry) {
    const autoMetrics = options.autoMetrics ?? true;
    const engine = createAutomationEngine(
      domain,
      {
        sender,
        segments: segmentOps,
        ...(wiring.sales && { sales: wiring.sales }),
        ...(autoMetrics && {
          async onOrdersChanged(orderIds: readonly string[]) {
            const orders = await domain.gateway.get(domain.context(), 'order', orderIds);
            const customers = orders
              .filter((o) => o !== null)
              .map((o) => (o as unknown as Order).customerId);
            if (customers.length) await segmentOps.refreshMetrics(customers);
          },
        }),
      },
      options.automation,
    );
    const stops: (() => void)[] = [];
    if (wiring.subscribe && options.automation?.enabled !== false) {
      stops.push(wiring.subscribe((changes) => engine.handleChanges(changes)));
      const serviceEvents = wiring.serviceEvents ?? serviceEventsOf(domain.gateway).subscribe;
      const healthEvents = wiring.healthEvents ?? analyticsEventsOf(domain.gateway).subscribe;
      stops.push(serviceEvents((event) => engine.handleServiceEvent(event)));
      stops.push(healthEvents((event) => engine.handleHealthEvent(event)));
    } else if (wiring.subscribe && autoMetrics) {
      stops.push(wiring.subscribe((changes) => engine.handleChanges(changes)));
    }
    entry = {
      engine,
      stop: () => {
        engine.stop();
        stops.forEach((s) => s());
      },
    };
    engines.set(domain.gateway, entry);
  }
  const { engine } = entry;
  const { memberIds: _internal, ...segments } = segmentOps;
  void _internal;
  return {
    segments,
    campaigns,
    automation: {
      dispatch: engine.dispatch,
      tick: engine.tick,
      settled: engine.settled,
      rules: engine.rules,
      runs: engine.runs,
    },
    stop: entry.stop,
  };
}
