// @rapport/core — the headless CRM SDK. Explicit named re-exports only.

// Client
export { createCrm } from './crm.js';
export type { Crm, CrmOptions, CrmRepositories, CrmQueryOptions, Clock } from './crm.js';
export { createRepository } from './client/repository.js';
export type { Repository, CreateInput, Patch, WriteOptions } from './client/repository.js';
export { crmKeys } from './client/query-keys.js';

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
export { createFieldCipher, blindIndexField } from './security/field-cipher.js';
export type { EncryptionOptions, FieldCipher } from './security/field-cipher.js';
export { ENCRYPTED_FIELD_OPERATORS } from './security/encrypted-where.js';
export { rotateEncryptionKey } from './security/key-rotation.js';
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
export { createMemoryAdapter } from './storage/memory-adapter.js';
export type { MemoryAdapterOptions } from './storage/memory-adapter.js';
export { createIndexedDbAdapter, INDEXEDDB_SCHEMA_VERSION } from './storage/indexeddb-adapter.js';
export type { IndexedDbAdapterOptions } from './storage/indexeddb-adapter.js';
export { COLLECTIONS } from './storage/collections.js';
export type {
  StorageAdapter,
  StoredRecord,
  RecordData,
  Mutation,
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
export { ENTITIES, ENTITY_NAMES } from './entities/registry.js';
export type { EntityName, EntityInput, EntityData, EntityRecord } from './entities/registry.js';
export { LOCALES, PHONE_TYPES, GENDERS } from './entities/common.js';
export type { Locale, Phone, Region, CustomFieldValue } from './entities/common.js';
export {
  CustomerSchema,
  CustomerInputSchema,
  CUSTOMER_KINDS,
  LIFECYCLE_STAGES,
  CUSTOMER_TIERS,
} from './entities/customer.js';
export type { Customer, CustomerInput } from './entities/customer.js';
export { ContactSchema, ContactInputSchema, CONSENT_CHANNELS } from './entities/contact.js';
export type { Contact, ContactInput } from './entities/contact.js';
export { LeadSchema, LeadInputSchema, LEAD_SOURCES, LEAD_STATUSES } from './entities/lead.js';
export type { Lead, LeadInput } from './entities/lead.js';
export {
  LeadTouchSchema,
  ScoreContributionSchema,
  DuplicateMatchSchema,
  DUPLICATE_MATCH_FIELDS,
} from './entities/lead.js';
export type { LeadTouch, ScoreContribution, DuplicateMatch } from './entities/lead.js';
export {
  OwnerChangeSchema,
  OwnerChangeInputSchema,
  OWNED_ENTITIES,
  OWNER_CHANGE_KINDS,
} from './entities/owner-change.js';
export type { OwnerChange, OwnerChangeInput } from './entities/owner-change.js';
export {
  PipelineSchema,
  PipelineInputSchema,
  StageSchema,
  STAGE_KINDS,
} from './entities/pipeline.js';
export type { Pipeline, PipelineInput, Stage } from './entities/pipeline.js';
export { DealSchema, DealInputSchema } from './entities/deal.js';
export type { Deal, DealInput } from './entities/deal.js';
export {
  ActivitySchema,
  ActivityInputSchema,
  ACTIVITY_TYPES,
  ACTIVITY_STATUSES,
} from './entities/activity.js';
export type { Activity, ActivityInput } from './entities/activity.js';
export {
  OrderSchema,
  OrderInputSchema,
  ORDER_STATUSES,
  PAYMENT_METHODS,
} from './entities/order.js';
export type { Order, OrderInput, OrderLine, Payment } from './entities/order.js';
export { QuotaSchema, QuotaInputSchema, QUOTA_PERIODS } from './entities/quota.js';
export type { Quota, QuotaInput } from './entities/quota.js';
export { SegmentSchema, SegmentInputSchema, SEGMENT_KINDS } from './entities/segment.js';
export type { Segment, SegmentInput } from './entities/segment.js';
export {
  CampaignSchema,
  CampaignInputSchema,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
} from './entities/campaign.js';
export type { Campaign, CampaignInput } from './entities/campaign.js';
export {
  TicketSchema,
  TicketInputSchema,
  TICKET_CHANNELS,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  COMPLAINT_SEVERITIES,
  ASSIGNMENT_METHODS,
  SLA_CLOCKS,
} from './entities/ticket.js';
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
export { SlaPolicySchema, SlaPolicyInputSchema } from './entities/sla-policy.js';
export { BusinessCalendarSchema, SLA_REOPEN_POLICIES } from './entities/sla-policy.js';
export type { SlaPolicy, SlaPolicyInput } from './entities/sla-policy.js';
export { ArticleSchema, ArticleInputSchema, ARTICLE_STATUSES } from './entities/article.js';
export type { Article, ArticleInput } from './entities/article.js';
export {
  SurveyResponseSchema,
  SurveyResponseInputSchema,
  SURVEY_KINDS,
} from './entities/survey-response.js';
export type { SurveyResponse, SurveyResponseInput } from './entities/survey-response.js';
export { AuditEntrySchema, AUDIT_ACTIONS } from './entities/audit-entry.js';
export type { AuditEntry } from './entities/audit-entry.js';
export {
  CustomFieldDefinitionSchema,
  CustomFieldDefinitionInputSchema,
  CUSTOM_FIELD_TYPES,
  CUSTOMIZABLE_ENTITIES,
} from './entities/custom-field.js';
export type { CustomFieldDefinition, CustomFieldDefinitionInput } from './entities/custom-field.js';

// Service: tickets, the one SLA engine, knowledge base, surveys, follow-ups, dispatch
export {
  addWorkingMinutes,
  workingMinutesBetween,
  isWorkingDay,
  isWorkingTime,
} from './service/business-calendar.js';
export type {
  BusinessCalendar,
  BusinessCalendarInput,
  DateInput,
} from './service/business-calendar.js';
export { evaluateSlaClock, SLA_CLOCK_STATES } from './service/sla-engine.js';
export type {
  SlaClockInput,
  SlaClockEvaluation,
  SlaClockState,
  SlaPause,
} from './service/sla-engine.js';
export {
  TICKET_TRANSITIONS,
  TicketTransitionError,
  canTransition,
} from './service/ticket-workflow.js';
export { selectSlaPolicy, evaluateTicketSla } from './service/ticket-sla.js';
export type { TicketSla } from './service/ticket-sla.js';
export { chooseAgent } from './service/assignment.js';
export type { AgentWorkload, AgentChoice } from './service/assignment.js';
export { haversineKm, rankTechnicians } from './service/dispatch.js';
export type { GeoPoint, TechnicianSuggestion } from './service/dispatch.js';
export { extractTerms, rankArticles } from './service/knowledge-base.js';
export type { ArticleSuggestion } from './service/knowledge-base.js';
export { summarizeSurveys, groupSurveys } from './service/surveys.js';
export type { CsatSummary, NpsSummary, SurveySummary, SurveyGroup } from './service/surveys.js';
export { planFollowUps } from './service/follow-ups.js';
export type { FollowUpSubject } from './service/follow-ups.js';
export { ASSIGNMENT_STRATEGIES } from './service/service-options.js';
export type {
  ServiceOptions,
  ServiceAgent,
  AgentDirectory,
  AssignmentStrategy,
  EscalationRule,
  FollowUpRule,
} from './service/service-options.js';
export type { ServiceEvent, ServiceEventListener } from './service/service-events.js';
export { createServiceOperations } from './service/service-operations.js';
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
export {
  SurveyRequestSchema,
  SurveyRequestInputSchema,
  SURVEY_REQUEST_STATUSES,
} from './entities/survey-request.js';
export type { SurveyRequest, SurveyRequestInput } from './entities/survey-request.js';

// Sales: leads and pools, pipelines and deals, activities, orders, forecasts and quotas
export { createSalesOperations } from './sales/sales-operations.js';
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
export { DEFAULT_SCORING_RULES, DEFAULT_POOL_ID } from './sales/sales-options.js';
export type { SalesOptions, ScoringRule, PoolRule, RecyclingRule } from './sales/sales-options.js';
export { scoreLead } from './sales/lead-scoring.js';
export type { LeadScore, LeadBehaviour } from './sales/lead-scoring.js';
export { companyKey, stripCompanySuffixes, COMPANY_SUFFIXES } from './sales/duplicate-check.js';
export type { DuplicateProbe } from './sales/duplicate-check.js';
export type { LeadCaptureInput, CaptureOptions, CaptureResult } from './sales/lead-capture.js';
export type { ConvertLeadOptions, ConvertLeadResult } from './sales/lead-conversion.js';
export { poolVisible, recycleReason } from './sales/pool.js';
export type { PooledEntity, ReleaseOptions, RecycledRecord } from './sales/pool.js';
export type { TransferResult } from './sales/owner-transfer.js';
export type { MoveDealOptions } from './sales/deal-moves.js';
export type { UpdateStagesOptions } from './sales/pipeline-stages.js';
export { CONTACT_ACTIVITY_TYPES, contactTime } from './sales/activities.js';
export { ORDER_TRANSITIONS, orderTotal, orderBalance } from './sales/orders.js';
export type { OrderBalance } from './sales/orders.js';
export { periodRange } from './sales/sales-period.js';
export type { SalesPeriod, PeriodRange } from './sales/sales-period.js';
export type { Forecast, ForecastQuery, ForecastRow, ForecastGroup } from './sales/forecast.js';
export type { QuotaAttainment } from './sales/quotas.js';
export { TIMELINE_KINDS } from './sales/timeline.js';
export type { TimelineEvent, TimelineKind, TimelineQuery, TimelinePage } from './sales/timeline.js';

// Import and export (CSV, JSON), backup and restore, dedupe and merge (io/). papaparse is loaded
// only when a CSV is imported.
export { CancelledError } from './errors.js';
export type { CrmIo, CsvImportOptions, DedupeOperations } from './io/crm-io.js';
export { ImportValidationError } from './io/import-records.js';
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
export { ATOMIC_CRM_CONTACTS_MAPPING } from './io/atomic-crm-contacts-mapping.js';
export { CSV_BOM, formatCsvRow, formatCsvCell, neutralizeFormula } from './io/csv-format.js';
export { defaultExportColumns } from './io/export-records.js';
export type { ExportOptions, ExportColumn } from './io/export-records.js';
export { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from './io/create-backup.js';
export type { SnapshotHeader, BackupOptions } from './io/create-backup.js';
export type { RestoreOptions, RestoreReport, SnapshotSource } from './io/restore-backup.js';
export { duplicateKeys } from './io/duplicate-keys.js';
export type { DuplicateReason, DedupeEntity } from './io/duplicate-keys.js';
export type {
  DuplicateGroup,
  DuplicatePair,
  FindDuplicatesOptions,
} from './io/find-duplicate-groups.js';
export { MERGE_LINKS } from './io/merge-records.js';
export type { MergeResult } from './io/merge-records.js';
export { mergeFields } from './io/merge-fields.js';
export type { CsvSource } from './io/parse-csv.js';
