import type { ChannelAdapter } from './channel-adapter.js';
import type { RfmThresholds } from './customer-metrics.js';

export interface AutomationOptions {
  /** Run rules on change events and service events. Default true (`tick` and `dispatch` always work). */
  readonly enabled?: boolean;
  /** Longest causal chain: a run caused by a run caused by … this many rule writes. Default 5. */
  readonly maxChainDepth?: number;
  /** How often one rule may run on one record within one causal chain. Default 1. */
  readonly runsPerRecord?: number;
  /** Errors outside any rule run (loading rules, recording runs). Default: ignored. */
  readonly onError?: (error: unknown) => void;
}

/** `CrmOptions.marketing`. */
export interface MarketingOptions {
  /**
   * Channel adapters by campaign channel (`email`, `sms`, `wechat`). Rapport never sends
   * messages itself; without an adapter a send on that channel fails with a ValidationError.
   */
  readonly channels?: Readonly<Record<string, ChannelAdapter>>;
  /** RFM score thresholds; default `DEFAULT_RFM_THRESHOLDS`. */
  readonly rfm?: RfmThresholds;
  /**
   * Keep customers' purchase metrics (`lastPurchaseAt totalSpend orderCount rfm`) current when
   * their orders change (a follow-up write after the order's). Default true. Recency ages with
   * time: run `crm.segments.refreshMetrics()` daily as well.
   */
  readonly autoMetrics?: boolean;
  readonly automation?: AutomationOptions;
}
