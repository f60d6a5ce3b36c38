// The entities' enumerations (`as const` arrays), without their zod schemas: they feed the
// schemas (entities/*.ts), the TypeScript unions and the elements' options alike, and importing
// them costs no schema code. Grouped by the entity that declares them.

// customer
export const CUSTOMER_KINDS = ['company', 'person'] as const;
/** potential → prospect → customer → loyal, or churned. */
export const LIFECYCLE_STAGES = ['potential', 'prospect', 'customer', 'loyal', 'churned'] as const;
export const CUSTOMER_TIERS = ['vip', 'key', 'regular'] as const;
/** Self-reported or estimated income band of a person (customer or contact), for segments. */
export const INCOME_BANDS = ['low', 'lower_middle', 'middle', 'upper_middle', 'high'] as const;

// contact
export const CONSENT_CHANNELS = ['email', 'sms', 'wechat', 'phone'] as const;

// lead
export const LEAD_SOURCES = [
  'web',
  'import',
  'api',
  'referral',
  'event',
  'campaign',
  'phone',
  'other',
] as const;
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
export const DUPLICATE_MATCH_FIELDS = ['phone', 'email', 'company'] as const;

// owner-change
/** Entities whose owner the sales domain moves (pool, recycling, transfer) and records. */
export const OWNED_ENTITIES = [
  'customer',
  'contact',
  'lead',
  'deal',
  'activity',
  'ticket',
  'order',
] as const;
/** Why an owner changed: a direct assignment, the pool (claim / release / recycle), a transfer, a conversion. */
export const OWNER_CHANGE_KINDS = [
  'assign',
  'claim',
  'release',
  'recycle',
  'transfer',
  'convert',
] as const;

// pipeline
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;

// activity
export const ACTIVITY_TYPES = ['call', 'visit', 'email', 'meeting', 'note', 'task'] as const;
export const ACTIVITY_STATUSES = ['open', 'done', 'cancelled'] as const;

// order
export const ORDER_STATUSES = ['draft', 'confirmed', 'delivered', 'paid', 'cancelled'] as const;
export const PAYMENT_METHODS = [
  'bank_transfer',
  'alipay',
  'wechat_pay',
  'cash',
  'card',
  'other',
] as const;

// quota
export const QUOTA_PERIODS = ['month', 'quarter', 'year'] as const;

// segment
export const SEGMENT_KINDS = ['dynamic', 'static'] as const;

// campaign
export const CAMPAIGN_CHANNELS = ['email', 'sms', 'wechat', 'event', 'ads', 'other'] as const;
export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'running',
  'completed',
  'cancelled',
] as const;

// campaign-delivery
/** Channels a campaign can send messages through (the consent channels that carry messages). */
export const MESSAGE_CHANNELS = ['email', 'sms', 'wechat'] as const;
/**
 * What can happen to one message, as the channel reports it. `replied` counts as a response
 * beside `opened` and `clicked`; `failed` is a send the channel refused.
 */
export const DELIVERY_EVENTS = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'replied',
  'bounced',
  'unsubscribed',
  'failed',
] as const;

// ticket
export const TICKET_CHANNELS = ['web', 'email', 'phone', 'portal', 'other'] as const;
export const TICKET_CATEGORIES = [
  'inquiry',
  'complaint',
  'suggestion',
  'fault',
  'field_service',
  'follow_up',
] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const COMPLAINT_SEVERITIES = ['minor', 'major', 'critical'] as const;
export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const ASSIGNMENT_METHODS = [
  'manual',
  'round_robin',
  'least_loaded',
  'skill',
  'dispatch',
  'escalation',
] as const;
export const SLA_CLOCKS = ['first_response', 'resolution'] as const;

// sla-policy
export const SLA_REOPEN_POLICIES = ['resume', 'restart'] as const;

// article
export const ARTICLE_STATUSES = ['draft', 'published'] as const;

// survey-response
export const SURVEY_KINDS = ['csat', 'nps'] as const;

// survey-request
export const SURVEY_REQUEST_STATUSES = ['pending', 'answered', 'cancelled'] as const;

// audit-entry
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'transfer',
  'merge',
  'import',
  'export',
  'restore',
  'deny',
] as const;

// custom-field
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'boolean',
  'date',
  'select',
  'multiselect',
  'phone',
  'email',
  'url',
] as const;
/** Entities that carry `customFields`. */
export const CUSTOMIZABLE_ENTITIES = ['customer', 'contact', 'lead', 'deal', 'ticket'] as const;

// automation-rule: the `type` of each trigger and action (automation-rule.ts checks they match)
export const AUTOMATION_TRIGGERS = [
  'lead_created',
  'lead_updated',
  'score_crossed',
  'deal_stage_changed',
  'ticket_resolved',
  'sla_at_risk',
  'no_activity',
  'health_dropped',
] as const;
export const AUTOMATION_ACTIONS = [
  'assign_owner',
  'add_tag',
  'create_task',
  'enrol_in_campaign',
  'send_message',
  'release_to_pool',
] as const;

// automation-run
/**
 * - `succeeded`: every action ran;
 * - `failed`: an action failed (the ones after it did not run);
 * - `stopped`: loop protection refused the run (same rule on the same record twice in one causal
 *   chain, or the chain too deep); no action ran.
 */
export const AUTOMATION_RUN_STATUSES = ['succeeded', 'failed', 'stopped'] as const;
