// @rapport/core/marketing — the marketing domain's functions and constants: segments and
// customer metrics (RFM), campaigns, channel adapters and consent, templates, attribution reports
// and automation. `crm` loads this code on first use (crm.segments.*, crm.campaigns.*,
// crm.automation.*); import from here to call the helpers yourself, or for `createOutboxChannel`
// and `createWebhookChannel`. Every type is exported from `@rapport/core` too.
// Explicit named re-exports only.

export type { DomainContext } from '../client/domain-context.js';
export { createMarketingOperations } from './marketing-operations.js';
export type {
  MarketingOperations,
  MarketingWiring,
  SegmentOperations,
  CampaignOperations,
  AutomationNamespace,
} from './marketing-operations.js';
export type { MarketingOptions, AutomationOptions } from './marketing-options.js';
export type { MembersQuery, RefreshMetricsResult, SegmentMember } from './segments.js';
export {
  checkSegmentWhere,
  resolveSegmentWhere,
  isSegmentField,
  VIRTUAL_SEGMENT_FIELDS,
} from './segment-fields.js';
export type { SegmentEntity } from './segment-fields.js';
export {
  customerMetrics,
  purchasedAt,
  PURCHASE_STATUSES,
  DEFAULT_RFM_THRESHOLDS,
} from './customer-metrics.js';
export type { CustomerMetrics, RfmThresholds } from './customer-metrics.js';
export { renderTemplate, unknownPlaceholders, TEMPLATE_FIELDS } from './render-template.js';
export type { RenderedTemplate, TemplateField } from './render-template.js';
export { createOutboxChannel } from './channel-adapter.js';
export type {
  ChannelAdapter,
  OutboxChannel,
  OutgoingMessage,
  DeliveryReceipt,
} from './channel-adapter.js';
export { createWebhookChannel } from './webhook-channel.js';
export type { WebhookChannelOptions } from './webhook-channel.js';
export { messageConsent, addressOf, CONSENT_MODEL } from './message-consent.js';
export type { ConsentDecision, SkipReason } from './message-consent.js';
export {
  CAMPAIGN_TRANSITIONS,
  canTransitionCampaign,
  deliveryStatus,
  DeliveryCallbackSchema,
} from './campaigns.js';
export type {
  CampaignStatus,
  DeliveryCallback,
  SendResult,
  RecordDeliveryResult,
} from './campaigns.js';
export { campaignReport, firstTouchCampaign } from './campaign-report.js';
export type { CampaignReport, CampaignReportData } from './campaign-report.js';
export type { AutomationInput, HealthDroppedInput } from './automation-engine.js';
