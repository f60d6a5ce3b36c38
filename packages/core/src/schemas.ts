// @rapport/core/schemas — the entities' zod schemas, and `ENTITIES` (each entity's collection,
// repository and input schema). The gateway loads this module with the first write, so a page
// that only reads never downloads it; import from here to validate or inspect records yourself.
// Every entity's types (`Customer`, `CustomerInput`, …) and enumerations (`LIFECYCLE_STAGES`, …)
// are exported from `@rapport/core` too. Explicit named re-exports only.

export { ENTITIES } from './entities/registry.js';
export { CustomerSchema, CustomerInputSchema, RfmSchema } from './entities/customer.js';
export { ContactSchema, ContactInputSchema } from './entities/contact.js';
export {
  LeadSchema,
  LeadInputSchema,
  LeadTouchSchema,
  ScoreContributionSchema,
  DuplicateMatchSchema,
} from './entities/lead.js';
export { OwnerChangeSchema, OwnerChangeInputSchema } from './entities/owner-change.js';
export { PipelineSchema, PipelineInputSchema, StageSchema } from './entities/pipeline.js';
export { DealSchema, DealInputSchema } from './entities/deal.js';
export { ActivitySchema, ActivityInputSchema } from './entities/activity.js';
export { OrderSchema, OrderInputSchema } from './entities/order.js';
export { QuotaSchema, QuotaInputSchema } from './entities/quota.js';
export { SegmentSchema, SegmentInputSchema } from './entities/segment.js';
export { CampaignSchema, CampaignInputSchema } from './entities/campaign.js';
export { TicketSchema, TicketInputSchema } from './entities/ticket.js';
export {
  SlaPolicySchema,
  SlaPolicyInputSchema,
  BusinessCalendarSchema,
} from './entities/sla-policy.js';
export { ArticleSchema, ArticleInputSchema } from './entities/article.js';
export { SurveyResponseSchema, SurveyResponseInputSchema } from './entities/survey-response.js';
export { SurveyRequestSchema, SurveyRequestInputSchema } from './entities/survey-request.js';
export { AuditEntrySchema } from './entities/audit-entry.js';
export {
  CustomFieldDefinitionSchema,
  CustomFieldDefinitionInputSchema,
  customFieldValueSchema,
} from './entities/custom-field.js';
export {
  CampaignDeliverySchema,
  CampaignDeliveryInputSchema,
  DeliveryEventSchema,
} from './entities/campaign-delivery.js';
export {
  AutomationRuleSchema,
  AutomationRuleInputSchema,
  AutomationTriggerSchema,
  AutomationActionSchema,
} from './entities/automation-rule.js';
export { AutomationRunSchema, AutomationRunInputSchema } from './entities/automation-run.js';
