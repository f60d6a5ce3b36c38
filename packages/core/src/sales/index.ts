// @rapport/core/sales — the sales domain's functions and constants: leads and pools, scoring and
// duplicates, pipelines and deals, board summaries, activities, orders, forecasts and quotas.
// `crm` loads this code on first use (crm.leads.convert, crm.deals.move, …); import from here to
// call the helpers yourself. Every type is exported from `@rapport/core` too.
// Explicit named re-exports only.

export type { DomainContext } from '../client/domain-context.js';
export { createSalesOperations } from './sales-operations.js';
export type {
  SalesOperations,
  LeadOperations,
  CustomerOperations,
  DealOperations,
  PipelineOperations,
  ActivityOperations,
  OrderOperations,
  QuotaOperations,
  SalesNamespace,
} from './sales-operations.js';
export { DEFAULT_SCORING_RULES, DEFAULT_POOL_ID } from './sales-options.js';
export type { SalesOptions, ScoringRule, PoolRule, RecyclingRule } from './sales-options.js';
export { scoreLead } from './lead-scoring.js';
export type { LeadScore, LeadBehaviour } from './lead-scoring.js';
export { companyKey, stripCompanySuffixes, COMPANY_SUFFIXES } from './duplicate-check.js';
export type { DuplicateProbe } from './duplicate-check.js';
export type { LeadCaptureInput, CaptureOptions, CaptureResult } from './lead-capture.js';
export type { ConvertLeadOptions, ConvertLeadResult } from './lead-conversion.js';
export { poolVisible, recycleReason } from './pool.js';
export type { PooledEntity, ReleaseOptions, RecycledRecord } from './pool.js';
export type { TransferResult } from './owner-transfer.js';
export type { MoveDealOptions } from './deal-moves.js';
export type { UpdateStagesOptions } from './pipeline-stages.js';
export { CONTACT_ACTIVITY_TYPES, contactTime } from './activities.js';
export { ORDER_TRANSITIONS, orderTotal, orderBalance } from './orders.js';
export type { OrderBalance } from './orders.js';
export { periodRange } from './sales-period.js';
export type { SalesPeriod, PeriodRange } from './sales-period.js';
export type { Forecast, ForecastQuery, ForecastRow, ForecastGroup } from './forecast.js';
export { summarizeBoard, moveInSummary, stageDealsQuery } from './board.js';
export type { BoardSummary, BoardColumnSummary, BoardDeal, BoardOptions } from './board.js';
export type { QuotaAttainment } from './quotas.js';
export { TIMELINE_KINDS } from './timeline.js';
export type { TimelineEvent, TimelineKind, TimelineQuery, TimelinePage } from './timeline.js';
