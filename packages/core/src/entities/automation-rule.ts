import { z } from 'zod';
import { IdSchema, optionalText, shortText, withSystemFields } from './common.js';
import { WhereSchema } from '../query/query-schemas.js';
import { AUTOMATION_ACTIONS, AUTOMATION_TRIGGERS, MESSAGE_CHANNELS } from './enums.js';

/** `true` when the unions `A` and `B` have the same members. */
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * What starts a rule, and the record it then acts on (its subject):
 * - `lead_created`, `lead_updated`: the lead;
 * - `score_crossed`: a lead whose score went from below `threshold` to at or above it (`up`,
 *   the default) or the reverse (`down`);
 * - `deal_stage_changed`: a deal that entered a stage (optionally a given one) in this write;
 * - `ticket_resolved`: a ticket that moved to `resolved`;
 * - `sla_at_risk`: a ticket whose SLA clock crossed its at-risk ratio (service events);
 * - `no_activity`: a lead, customer or contact with no contact (`lastContactAt`, else when it was
 *   created) for `days` days, found by `crm.automation.tick()`;
 * - `health_dropped`: a customer whose health score dropped (analytics' health warnings, or a
 *   host calling `crm.automation.dispatch`), optionally only below `below`.
 */
export const AutomationTriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('lead_created') }),
  z.strictObject({ type: z.literal('lead_updated') }),
  z.strictObject({
    type: z.literal('score_crossed'),
    threshold: z.number().int().min(0).max(1000),
    direction: z.enum(['up', 'down']).default('up'),
  }),
  z.strictObject({
    type: z.literal('deal_stage_changed'),
    pipelineId: IdSchema.optional(),
    toStageId: IdSchema.optional(),
  }),
  z.strictObject({ type: z.literal('ticket_resolved') }),
  z.strictObject({
    type: z.literal('sla_at_risk'),
    clock: z.enum(['first_response', 'resolution']).optional(),
  }),
  z.strictObject({
    type: z.literal('no_activity'),
    entity: z.enum(['lead', 'customer', 'contact']),
    days: z.number().int().min(1).max(3650),
  }),
  z.strictObject({
    type: z.literal('health_dropped'),
    below: z.number().min(0).max(100).optional(),
  }),
]);
export type AutomationTrigger = z.output<typeof AutomationTriggerSchema>;
// AUTOMATION_TRIGGERS (enums.ts) names exactly the trigger types above: a type error otherwise.
true satisfies SameMembers<(typeof AUTOMATION_TRIGGERS)[number], AutomationTrigger['type']>;

/** What a rule does to its subject, in order. */
export const AutomationActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assign_owner'), ownerId: IdSchema }),
  z.strictObject({ type: z.literal('add_tag'), tag: shortText(50) }),
  z.strictObject({
    type: z.literal('create_task'),
    subject: shortText(200),
    /** Due this many days after the run; none when omitted. */
    dueInDays: z.number().int().min(0).max(3650).optional(),
    /** Default: the subject's owner. */
    ownerId: IdSchema.optional(),
  }),
  z.strictObject({ type: z.literal('enrol_in_campaign'), campaignId: IdSchema }),
  z.strictObject({
    type: z.literal('send_message'),
    channel: z.enum(MESSAGE_CHANNELS),
    subject: optionalText(300),
    body: z.string().min(1).max(20_000),
    /** Credit the message (its delivery record) to this campaign. */
    campaignId: IdSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('release_to_pool'),
    reason: shortText(500),
    poolId: IdSchema.optional(),
  }),
]);
export type AutomationAction = z.output<typeof AutomationActionSchema>;
// AUTOMATION_ACTIONS (enums.ts) names exactly the action types above.
true satisfies SameMembers<(typeof AUTOMATION_ACTIONS)[number], AutomationAction['type']>;

/**
 * A nurture rule: trigger → conditions → actions. Stored as a record (`crm.automation.rules`),
 * so rules can be edited at runtime and are audited like any record. Rules run in `order`, then
 * by id; actions run in the order given.
 */
export const AutomationRuleInputSchema = z.strictObject({
  name: shortText(200),
  description: optionalText(1000),
  enabled: z.boolean().default(true),
  order: z.number().int().min(-1_000_000).max(1_000_000).default(0),
  trigger: AutomationTriggerSchema,
  /** A filter over the subject record (the query model's `where`); `{}` always holds. */
  conditions: WhereSchema.default({}),
  actions: z.array(AutomationActionSchema).min(1).max(20),
});

export const AutomationRuleSchema = withSystemFields(AutomationRuleInputSchema);
export type AutomationRuleInput = z.input<typeof AutomationRuleInputSchema>;
export type AutomationRule = z.output<typeof AutomationRuleSchema>;
