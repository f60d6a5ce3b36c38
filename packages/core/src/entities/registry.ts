import type { z } from 'zod';
import { ActivityInputSchema } from './activity.js';
import { ArticleInputSchema } from './article.js';
import { AuditEntryInputSchema } from './audit-entry.js';
import { AutomationRuleInputSchema } from './automation-rule.js';
import { AutomationRunInputSchema } from './automation-run.js';
import { CampaignInputSchema } from './campaign.js';
import { CampaignDeliveryInputSchema } from './campaign-delivery.js';
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

/**
 * Every entity: its name (used by policies and audit), the collection it is stored in, the
 * repository name on `crm`, and the schema that validates its input. One table, so adding an
 * entity is one line here plus its schema file.
 */
export const ENTITIES = {
  customer: { collection: 'customers', repository: 'customers', input: CustomerInputSchema },
  contact: { collection: 'contacts', repository: 'contacts', input: ContactInputSchema },
  lead: { collection: 'leads', repository: 'leads', input: LeadInputSchema },
  pipeline: { collection: 'pipelines', repository: 'pipelines', input: PipelineInputSchema },
  deal: { collection: 'deals', repository: 'deals', input: DealInputSchema },
  activity: { collection: 'activities', repository: 'activities', input: ActivityInputSchema },
  order: { collection: 'orders', repository: 'orders', input: OrderInputSchema },
  quota: { collection: 'quotas', repository: 'quotas', input: QuotaInputSchema },
  segment: { collection: 'segments', repository: 'segments', input: SegmentInputSchema },
  campaign: { collection: 'campaigns', repository: 'campaigns', input: CampaignInputSchema },
  ticket: { collection: 'tickets', repository: 'tickets', input: TicketInputSchema },
  slaPolicy: { collection: 'slaPolicies', repository: 'slaPolicies', input: SlaPolicyInputSchema },
  article: { collection: 'articles', repository: 'articles', input: ArticleInputSchema },
  surveyResponse: {
    collection: 'surveys',
    repository: 'surveys',
    input: SurveyResponseInputSchema,
  },
  surveyRequest: {
    collection: 'surveyRequests',
    repository: 'surveyRequests',
    input: SurveyRequestInputSchema,
  },
  customFieldDefinition: {
    collection: 'customFields',
    repository: 'customFields',
    input: CustomFieldDefinitionInputSchema,
  },
  auditEntry: { collection: 'auditLog', repository: null, input: AuditEntryInputSchema },
  /** Written by the sales operations with each owner change; read with `crm.sales.ownerHistory`. */
  ownerChange: { collection: 'ownerChanges', repository: null, input: OwnerChangeInputSchema },
  /** One per campaign recipient (marketing/); read with `crm.campaigns.deliveries`. */
  campaignDelivery: {
    collection: 'campaignDeliveries',
    repository: null,
    input: CampaignDeliveryInputSchema,
  },
  /** Nurture rules (marketing/automation); `crm.automation.rules`. */
  automationRule: {
    collection: 'automationRules',
    repository: null,
    input: AutomationRuleInputSchema,
  },
  /** Each automation rule run; `crm.automation.runs`. */
  automationRun: {
    collection: 'automationRuns',
    repository: null,
    input: AutomationRunInputSchema,
  },
} as const satisfies Record<
  string,
  { collection: string; repository: string | null; input: z.ZodType<Record<string, unknown>> }
>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];

/** The validated data of an entity (without system fields). */
export type EntityData<E extends EntityName> = z.output<(typeof ENTITIES)[E]['input']>;
/** What `create` accepts for an entity (defaults may be omitted). */
export type EntityInput<E extends EntityName> = z.input<(typeof ENTITIES)[E]['input']>;
/** A stored record of an entity. */
export type EntityRecord<E extends EntityName> = EntityData<E> & {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
};

export function entityOfCollection(collection: string): EntityName | undefined {
  return ENTITY_NAMES.find((name) => ENTITIES[name].collection === collection);
}
