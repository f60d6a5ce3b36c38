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
} from './entities/ticket.js';
export type { Ticket, TicketInput, TicketComment } from './entities/ticket.js';
export { SlaPolicySchema, SlaPolicyInputSchema } from './entities/sla-policy.js';
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
