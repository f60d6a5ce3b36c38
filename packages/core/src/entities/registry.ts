import type { z } from 'zod';
import { ActivityInputSchema } from './activity.js';
import { ArticleInputSchema } from './article.js';
import { AuditEntryInputSchema } from './audit-entry.js';
import { AutomationRuleInputSchema } from './automation-rule.js';
import { AutomationRunInputSchema } from './automation-run.js';
import { CampaignInputSchema } from './campaign.js';
import { CampaignDeliveryInputSchema } from './campaign-delivery.js';
import { ENTITY_CATALOG, ENTITY_NAMES, type EntityName } from './catalog.js';
import { ContactInputSchema } from './contact.js';
import { CustomFieldDefinitionInputSchema } from './custom-field.js';
import { CustomerInputSchema } from './customer.js';
import { DealInputSchema } from './deal.js';
import { LeadInputSchema } from './lead.js';
import { OrderInputSchema } from './order.js';
import { OwnerChangeInputSchema } from './owner-change.js';
import { PipelineInputSchema } from './pipeline.js';
import { QuotaInputSchema } from './quota.js';
import { SegmentInputSchema } from './segment.js';
import { SlaPolicyInputSchema } from './sla-policy.js';
import { SurveyResponseInputSchema } from './survey-response.js';
import { SurveyRequestInputSchema } from './survey-request.js';
import { TicketInputSchema } from './ticket.js';

export type { EntityName };

/** The schema that validates each entity's input. */
const INPUT_SCHEMAS = {
  customer: CustomerInputSchema,
  contact: ContactInputSchema,
  lead: LeadInputSchema,
  pipeline: PipelineInputSchema,
  deal: DealInputSchema,
  activity: ActivityInputSchema,
  order: OrderInputSchema,
  quota: QuotaInputSchema,
  segment: SegmentInputSchema,
  campaign: CampaignInputSchema,
  ticket: TicketInputSchema,
  slaPolicy: SlaPolicyInputSchema,
  article: ArticleInputSchema,
  surveyResponse: SurveyResponseInputSchema,
  surveyRequest: SurveyRequestInputSchema,
  customFieldDefinition: CustomFieldDefinitionInputSchema,
  auditEntry: AuditEntryInputSchema,
  ownerChange: OwnerChangeInputSchema,
  campaignDelivery: CampaignDeliveryInputSchema,
  automationRule: AutomationRuleInputSchema,
  automationRun: AutomationRunInputSchema,
} as const satisfies Record<EntityName, z.ZodType<Record<string, unknown>>>;

/**
 * Every entity as in {@link ENTITY_CATALOG} (collection, repository) plus `input`, the schema
 * that validates what is written. Exported from `@rapport/core/schemas`; the gateway loads it
 * with the first write (entities/load-schemas.ts).
 */
export const ENTITIES = Object.fromEntries(
  ENTITY_NAMES.map((name) => [name, { ...ENTITY_CATALOG[name], input: INPUT_SCHEMAS[name] }]),
) as {
  readonly [E in EntityName]: (typeof ENTITY_CATALOG)[E] & {
    readonly input: (typeof INPUT_SCHEMAS)[E];
  };
};

/** The validated data of an entity (without system fields). */
export type EntityData<E extends EntityName> = z.output<(typeof INPUT_SCHEMAS)[E]>;
/** What `create` accepts for an entity (defaults may be omitted). */
export type EntityInput<E extends EntityName> = z.input<(typeof INPUT_SCHEMAS)[E]>;
/** A stored record of an entity. */
export type EntityRecord<E extends EntityName> = EntityData<E> & {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
};
