/**
 * Every entity: its name (used by policies and audit), the collection it is stored in and the
 * repository name on `crm`. No schemas here, so reading this table costs no validation code: the
 * entities' input schemas are in `ENTITIES` (registry.ts, `@rapport/core/schemas`), which the
 * gateway loads with the first write. Adding an entity is one line here, one in registry.ts, and
 * its schema file.
 */
export const ENTITY_CATALOG = {
  customer: { collection: 'customers', repository: 'customers' },
  contact: { collection: 'contacts', repository: 'contacts' },
  lead: { collection: 'leads', repository: 'leads' },
  pipeline: { collection: 'pipelines', repository: 'pipelines' },
  deal: { collection: 'deals', repository: 'deals' },
  activity: { collection: 'activities', repository: 'activities' },
  order: { collection: 'orders', repository: 'orders' },
  quota: { collection: 'quotas', repository: 'quotas' },
  segment: { collection: 'segments', repository: 'segments' },
  campaign: { collection: 'campaigns', repository: 'campaigns' },
  ticket: { collection: 'tickets', repository: 'tickets' },
  slaPolicy: { collection: 'slaPolicies', repository: 'slaPolicies' },
  article: { collection: 'articles', repository: 'articles' },
  surveyResponse: { collection: 'surveys', repository: 'surveys' },
  surveyRequest: { collection: 'surveyRequests', repository: 'surveyRequests' },
  customFieldDefinition: { collection: 'customFields', repository: 'customFields' },
  auditEntry: { collection: 'auditLog', repository: null },
  /** Written by the sales operations with each owner change; read with `crm.sales.ownerHistory`. */
  ownerChange: { collection: 'ownerChanges', repository: null },
  /** One per campaign recipient (marketing/); read with `crm.campaigns.deliveries`. */
  campaignDelivery: { collection: 'campaignDeliveries', repository: null },
  /** Nurture rules (marketing/automation); `crm.automation.rules`. */
  automationRule: { collection: 'automationRules', repository: null },
  /** Each automation rule run; `crm.automation.runs`. */
  automationRun: { collection: 'automationRuns', repository: null },
} as const satisfies Record<string, { collection: string; repository: string | null }>;

export type EntityName = keyof typeof ENTITY_CATALOG;
export const ENTITY_NAMES = Object.keys(ENTITY_CATALOG) as EntityName[];

export function entityOfCollection(collection: string): EntityName | undefined {
  return ENTITY_NAMES.find((name) => ENTITY_CATALOG[name].collection === collection);
}
