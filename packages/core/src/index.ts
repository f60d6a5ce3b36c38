// @rapport/core — the headless CRM SDK. Explicit named re-exports only.

// Client
export { createCrm } from './crm.js';
export type { Crm, CrmOptions, CrmRepositories, CrmQueryOptions, Clock } from './crm.js';
export { createRepository } from './client/repository.js';
export type { Repository, CreateInput, Patch, WriteOptions } from './client/repository.js';
export { crmKeys } from './client/query-keys.js';
export type { DomainContext } from './client/domain-context.js';

// Errors
export {
  CrmError,
  ValidationError,
  NotFoundError,
  ConflictError,
  PermissionError,
  StorageError,
  DecryptionError,
  LimitError,
} from './errors.js';
export type { CrmErrorCode, ValidationIssue } from './errors.js';

// Gateway, principal and policy
export type { Gateway } from './gateway/gateway.js';
export type {
  GatewayCore,
  GatewayStage,
  GatewayEnvironment,
  RequestContext,
  WriteIntent,
  WriteOperation,
} from './gateway/gateway-core.js';
export type { Principal } from './gateway/principal.js';
export { LOCAL_PRINCIPAL } from './gateway/principal.js';
export { allowAllPolicy, scopeFilter, OWNER_FIELDS } from './gateway/policy.js';
export type { Policy, Operation, RecordScope, FieldAccess } from './gateway/policy.js';
export { maskPhone, maskEmail, maskIdNumber, maskBankCard } from './security/mask.js';

// Security: role policy, sensitive fields, encryption at rest, audit log
export { grantedScopes } from './gateway/policy.js';
export { createRolePolicy } from './security/role-policy.js';
export type { RoleGrant, RolePolicyTable } from './security/role-policy.js';
export { DEFAULT_ROLE_POLICY, defaultRolePolicy } from './security/default-role-policy.js';
export { SENSITIVE_FIELDS, SENSITIVE_KINDS } from './security/sensitive-fields.js';
export type { SensitiveKind } from './security/sensitive-fields.js';
export { maskField, maskSensitive } from './security/mask-field.js';
// createFieldCipher and rotateEncryptionKey are in `@rapport/core/encryption`:
// `createCrm({ encryption })` loads that code only when encryption is configured.
export type { EncryptionOptions, FieldCipher } from './security/field-cipher.js';
export { blindIndexField, ENCRYPTED_FIELD_OPERATORS } from './security/sensitive-fields.js';
export type { RotateKeyOptions, RotateKeyResult } from './security/key-rotation.js';
export type { CrmSecurity } from './security/crm-security.js';
export { appendAudit, createAuditWriter } from './security/audit-log.js';
export type {
  AuditAction,
  AuditChanges,
  AuditNote,
  AuditWriteOptions,
  AuditListQuery,
  AuditPage,
  AuditProblem,
  AuditVerification,
  AuditLog,
  AuditWriter,
} from './security/audit-log.js';
export { verifyAuditChain, hashAuditEntry, canonicalJson } from './security/audit-chain.js';

// Storage
// The adapters' implementations load on demand (storage/lazy-adapter.ts): a page downloads the
// one it creates.
export { createMemoryAdapter } from './storage/lazy-memory-adapter.js';
export type { MemoryAdapterOptions } from './storage/memory-adapter.js';
// withLatency and withFaults (test and demo wrappers) are in `@rapport/core/memory`.
export type { AdapterOperation, Latency } from './storage/with-latency.js';
export type { FaultPlan, FaultRule, FaultCall } from './storage/with-faults.js';
export { createIndexedDbAdapter } from './storage/lazy-indexeddb-adapter.js';
export { INDEXEDDB_SCHEMA_VERSION } from './storage/collections.js';
export type { IndexedDbAdapterOptions } from './storage/indexeddb-adapter.js';
export { COLLECTIONS } from './storage/collections.js';
export type {
  StorageAdapter,
  StoredRecord,
  RecordData,
  Mutation,
  MutationStream,
  CommitOptions,
  CommitResult,
  ChangeEvent,
  ChangeType,
  ChangeListener,
  AdapterCapabilities,
  QueryPlan,
  CollectionDescriptor,
} from './storage/storage-adapter.js';

// Query model
export type {
  QuerySpec,
  QueryResult,
  Where,
  FieldCondition,
  OrderBy,
  Scalar,
} from './query/query-spec.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './query/query-spec.js';
export { matchesWhere } from './query/where.js';
export { runQuery } from './query/run-query.js';
export { normalizeText, normalizePhone } from './query/normalize.js';

// Entities
// The zod schemas (`CustomerSchema`, …) and `ENTITIES` (each entity with its input schema) are in
// `@rapport/core/schemas`: the gateway loads them with the first write, so a page that only reads
// never downloads them. Types and enumerations are here.
export { ENTITY_CATALOG, ENTITY_NAMES } from './entities/catalog.js';
export type { EntityName } from './entities/catalog.js';
export type { EntityInput, EntityData, EntityRecord } from './entities/registry.js';
export { LOCALES, PHONE_TYPES, GENDERS } from './entities/common.js';
export type { Locale, Phone, Region, CustomFieldValue } from './entities/common.js';
export {
  CUSTOMER_KINDS,
  LIFECYCLE_STAGES,
  CUSTOMER_TIERS,
  INCOME_BANDS,
  CONSENT_CHANNELS,
  LEAD_SOURCES,
  LEAD_STATUSES,
  DUPLICATE_MATCH_FIELDS,
  OWNED_ENTITIES,
  OWNER_CHANGE_KINDS,
  STAGE_KINDS,
  ACTIVITY_TYPES,
  ACTIVITY_STATUSES,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  QUOTA_PERIODS,
  SEGMENT_KINDS,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
  TICKET_CHANNELS,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  COMPLAINT_SEVERITIES,
  ASSIGNMENT_METHODS,
  SLA_CLOCKS,
  SLA_REOPEN_POLICIES,
  ARTICLE_STATUSES,
  SURVEY_KINDS,
  SURVEY_REQUEST_STATUSES,
  AUDIT_ACTIONS,
  CUSTOM_FIELD_TYPES,
  CUSTOMIZABLE_ENTITIES,
  DELIVERY_EVENTS,
  MESSAGE_CHANNELS,
  AUTOMATION_TRIGGERS,
  AUTOMATION_ACTIONS,
  AUTOMATION_RUN_STATUSES,
} from './entities/enums.js';
export type { Customer, CustomerInput } from './entities/customer.js';
export type { Contact, ContactInput } from './entities/contact.js';
export type { Lead, LeadInput } from './entities/lead.js';
export type { LeadTouch, ScoreContribution, DuplicateMatch } from './entities/lead.js';
export type { OwnerChange, OwnerChangeInput } from './entities/owner-change.js';
export type { Pipeline, PipelineInput, Stage } from './entities/pipeline.js';
export type { Deal, DealInput } from './entities/deal.js';
export type { Activity, ActivityInput } from './entities/activity.js';
export type { Order, OrderInput, OrderLine, Payment } from './entities/order.js';
export type { Quota, QuotaInput } from './entities/quota.js';
export type { Segment, SegmentInput } from './entities/segment.js';
export type { Campaign, CampaignInput } from './entities/campaign.js';
export type { Ticket, TicketInput, TicketComment } from './entities/ticket.js';
export type {
  TicketStatus,
  TicketPriority,
  TicketCategory,
  AssignmentMethod,
  TicketStatusChange,
  TicketAssignment,
  TicketSlaPause,
} from './entities/ticket.js';
export type { SlaPolicy, SlaPolicyInput } from './entities/sla-policy.js';
export type { Article, ArticleInput } from './entities/article.js';
export type { SurveyResponse, SurveyResponseInput } from './entities/survey-response.js';
export type { AuditEntry } from './entities/audit-entry.js';
export type { CustomFieldDefinition, CustomFieldDefinitionInput } from './entities/custom-field.js';
export type { SurveyRequest, SurveyRequestInput } from './entities/survey-request.js';
export type {
  CampaignDelivery,
  CampaignDeliveryInput,
  DeliveryEventType,
  MessageChannel,
} from './entities/campaign-delivery.js';
export type {
  AutomationRule,
  AutomationRuleInput,
  AutomationTrigger,
  AutomationAction,
} from './entities/automation-rule.js';
export type { AutomationRun, AutomationRunInput } from './entities/automation-run.js';

// Service: tickets, the one SLA engine, knowledge base, surveys, follow-ups, dispatch
// Values (functions, constants) are in `@rapport/core/service`; `crm` loads them on first use.
export type {
  BusinessCalendar,
  BusinessCalendarInput,
  DateInput,
} from './service/business-calendar.js';
export type {
  SlaClockInput,
  SlaClockEvaluation,
  SlaClockState,
  SlaPause,
} from './service/sla-engine.js';
export type { TicketTransitionError } from './service/ticket-workflow.js';
export type { TicketSla } from './service/ticket-sla.js';
export type { AgentWorkload, AgentChoice } from './service/assignment.js';
export type { GeoPoint, TechnicianSuggestion } from './service/dispatch.js';
export type { ArticleSuggestion } from './service/knowledge-base.js';
export type { CsatSummary, NpsSummary, SurveySummary, SurveyGroup } from './service/surveys.js';
export type { FollowUpSubject } from './service/follow-ups.js';
export type {
  ServiceOptions,
  ServiceAgent,
  AgentDirectory,
  AssignmentStrategy,
  EscalationRule,
  FollowUpRule,
} from './service/service-options.js';
export type { ServiceEvent, ServiceEventListener } from './service/service-events.js';
export type {
  TicketLookupOperations,
  TicketLookupQuery,
  PublicTicketStatus,
  PublicTicketComment,
} from './service/ticket-lookup.js';
export type {
  TicketQueueOperations,
  TicketQueueQuery,
  TicketSlaFilter,
  TicketSlaHeadline,
} from './service/ticket-queue.js';
export type {
  ServiceOperations,
  TicketOperations,
  ArticleOperations,
  SurveyOperations,
  ServiceNamespace,
  TicketSubmission,
  AssignTarget,
  CommentInput,
  SuggestOptions,
  SurveyReportQuery,
  SurveyReport,
} from './service/service-operations.js';

// Sales: leads and pools, pipelines and deals, activities, orders, forecasts and quotas
// Values (functions, constants) are in `@rapport/core/sales`; `crm` loads them on first use.
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
} from './sales/sales-operations.js';
export type { SalesOptions, ScoringRule, PoolRule, RecyclingRule } from './sales/sales-options.js';
export type { LeadScore, LeadBehaviour } from './sales/lead-scoring.js';
export type { DuplicateProbe } from './sales/duplicate-check.js';
export type { LeadCaptureInput, CaptureOptions, CaptureResult } from './sales/lead-capture.js';
export type { ConvertLeadOptions, ConvertLeadResult } from './sales/lead-conversion.js';
export type { PooledEntity, ReleaseOptions, RecycledRecord } from './sales/pool.js';
export type { TransferResult } from './sales/owner-transfer.js';
export type { MoveDealOptions } from './sales/deal-moves.js';
export type { UpdateStagesOptions } from './sales/pipeline-stages.js';
export type { OrderBalance } from './sales/orders.js';
export type { SalesPeriod, PeriodRange } from './sales/sales-period.js';
export type { Forecast, ForecastQuery, ForecastRow, ForecastGroup } from './sales/forecast.js';
export type { BoardSummary, BoardColumnSummary, BoardDeal, BoardOptions } from './sales/board.js';
export type { QuotaAttainment } from './sales/quotas.js';
export type { TimelineEvent, TimelineKind, TimelineQuery, TimelinePage } from './sales/timeline.js';

// Import and export (CSV, JSON), backup and restore, dedupe and merge (io/). The CSV reader is
// loaded only when a CSV is imported.
// Values (functions, constants) are in `@rapport/core/io`; `crm` loads them on first use.
export { CancelledError } from './errors.js';
export type { CrmIo, CsvImportOptions, DedupeOperations } from './io/crm-io.js';
export { ImportValidationError } from './io/import-validation-error.js';
export type {
  ImportOptions,
  ImportReport,
  ImportProgress,
  ImportMode,
  DuplicateAction,
  DuplicateRow,
  SkippedRow,
} from './io/import-records.js';
export type {
  ImportMapping,
  ColumnRule,
  CellTransform,
  MappingWarning,
} from './io/column-mapping.js';
export type { ExportOptions, ExportColumn } from './io/export-records.js';
export type { SnapshotHeader, BackupOptions } from './io/create-backup.js';
export type { RestoreOptions, RestoreReport, SnapshotSource } from './io/restore-backup.js';
export type { DuplicateReason, DedupeEntity } from './io/duplicate-keys.js';
export type {
  DuplicateGroup,
  DuplicatePair,
  FindDuplicatesOptions,
} from './io/find-duplicate-groups.js';
export type { MergeResult } from './io/merge-records.js';
export type { CsvSource } from './io/parse-csv.js';

// Analytics: KPIs as pure functions over plain arrays (chart-ready `KpiReport`s), `crm.analytics`
// over the gateway, health score and churn warning, "also bought" recommendations.
// Values (functions, constants) are in `@rapport/core/analytics`; `crm` loads them on first use.
export type {
  AnalyticsNamespace,
  AnalyticsOptions,
  PipelineQuery,
  HealthCheckResult,
} from './analytics/create-analytics.js';
export type { AnalyticsEvent, AnalyticsEventListener } from './analytics/analytics-events.js';
export type { CustomerDimensions } from './analytics/group-key.js';
export type { AnalyticsPeriod, PeriodBucket, PeriodQuery } from './analytics/period-buckets.js';
export type {
  AnalyticsQuery,
  MoneyQuery,
  GroupBy,
  KpiReport,
  KpiSeries,
  KpiPoint,
  KpiUnit,
  KpiSpec,
  Measure,
} from './analytics/kpi-report.js';
export type { LeadFacts } from './analytics/lead-conversion-rate.js';
export type { DealFacts } from './analytics/win-rate.js';
export type { Bottleneck } from './analytics/time-in-stage.js';
export type { ChurnQuery } from './analytics/churn-rate.js';
export type { CustomerLifetimeValue } from './analytics/lifetime-value.js';
export type { OrderFacts } from './analytics/customer-orders.js';
export type { SurveyFacts } from './analytics/satisfaction-scores.js';
export type { SlaComplianceQuery } from './analytics/sla-compliance.js';
export type { CampaignFacts } from './analytics/campaign-roi.js';
export type { QuotaFacts } from './analytics/revenue-against-quota.js';
export type {
  KpiDashboard,
  KpiDashboardQuery,
  KpiDashboardSource,
  KpiTile,
  DashboardPeriod,
  DashboardTile,
  ChurnRiskRow,
} from './analytics/kpi-dashboard.js';
export type {
  HealthScore,
  HealthSignal,
  HealthSignalName,
  HealthWeights,
  HealthOptions,
  HealthInput,
} from './analytics/health-score.js';
export type { AlsoBought } from './analytics/also-bought.js';

// Marketing: segments, campaigns and channels, attribution and ROI, nurture automation
// Values (functions, constants) are in `@rapport/core/marketing`; `crm` loads them on first use.
export type {
  MarketingOperations,
  MarketingWiring,
  SegmentOperations,
  CampaignOperations,
  AutomationNamespace,
} from './marketing/marketing-operations.js';
export type { MarketingOptions, AutomationOptions } from './marketing/marketing-options.js';
export type { MembersQuery, RefreshMetricsResult, SegmentMember } from './marketing/segments.js';
export type { SegmentEntity } from './marketing/segment-fields.js';
export type { CustomerMetrics, RfmThresholds } from './marketing/customer-metrics.js';
export type { RenderedTemplate, TemplateField } from './marketing/render-template.js';
export type {
  ChannelAdapter,
  OutboxChannel,
  OutgoingMessage,
  DeliveryReceipt,
} from './marketing/channel-adapter.js';
export type { WebhookChannelOptions } from './marketing/webhook-channel.js';
export type { ConsentDecision, SkipReason } from './marketing/message-consent.js';
export type {
  CampaignStatus,
  DeliveryCallback,
  SendResult,
  RecordDeliveryResult,
} from './marketing/campaigns.js';
export type { CampaignReport, CampaignReportData } from './marketing/campaign-report.js';
export type { AutomationInput, HealthDroppedInput } from './marketing/automation-engine.js';
