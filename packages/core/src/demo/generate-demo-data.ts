import { generateDemoActivities } from './demo-activities.js';
import {
  createDemoContext,
  type DemoOptions,
  type DemoOwner,
  type DemoRecord,
  type DemoTeam,
} from './demo-context.js';
import { generateDemoSales } from './demo-sales.js';
import { generateDemoService } from './demo-service.js';
import { createDemoSetup } from './demo-setup.js';
import { contactDrafts } from './iterate-demo-contacts.js';
import { customerDrafts } from './iterate-demo-customers.js';

/**
 * A complete, consistent demo dataset: every array holds entity inputs with an `id`, and every
 * reference (customerId, pipelineId + stageId, dealId, ticketId, campaignId, segmentId, owner ids)
 * resolves within the dataset. `owners` and `teams` stand for the host's directory.
 */
export interface DemoData {
  readonly owners: DemoOwner[];
  readonly teams: DemoTeam[];
  readonly pipelines: DemoRecord<'pipeline'>[];
  readonly customers: DemoRecord<'customer'>[];
  readonly contacts: DemoRecord<'contact'>[];
  readonly leads: DemoRecord<'lead'>[];
  readonly deals: DemoRecord<'deal'>[];
  readonly activities: DemoRecord<'activity'>[];
  readonly orders: DemoRecord<'order'>[];
  readonly quotas: DemoRecord<'quota'>[];
  readonly segments: DemoRecord<'segment'>[];
  readonly campaigns: DemoRecord<'campaign'>[];
  readonly tickets: DemoRecord<'ticket'>[];
  readonly slaPolicies: DemoRecord<'slaPolicy'>[];
  readonly articles: DemoRecord<'article'>[];
  readonly surveys: DemoRecord<'surveyResponse'>[];
  /** Definitions of the custom fields the records use (creditRating, competitor, deviceSerial …). */
  readonly customFields: DemoRecord<'customFieldDefinition'>[];
}

/**
 * Generates a realistic CRM dataset for a Chinese enterprise (zh-CN first, en beside it), the same
 * bytes for the same options on every machine: randomness comes from `seed`, time from `now`.
 * Each kind of record draws from its own stream, so asking for more tickets leaves the customers
 * unchanged.
 *
 * ```ts
 * const data = generateDemoData({ seed: 7, customers: 50 });
 * data.contacts.filter((c) => c.name.includes('张伟')); // 张伟明 (con_000002) among them
 * await seedDemoData(crm, data);
 * ```
 */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const ctx = createDemoContext(options);
  const customers = Array.from(customerDrafts(ctx));
  const contacts: DemoRecord<'contact'>[] = [];
  const contactsOf = new Map<string, DemoRecord<'contact'>[]>();
  for (const { record } of contactDrafts(ctx, customers)) {
    contacts.push(record);
    if (record.customerId === undefined) continue;
    const list = contactsOf.get(record.customerId);
    if (list) list.push(record);
    else contactsOf.set(record.customerId, [record]);
  }
  const setup = createDemoSetup(
    ctx,
    customers.map((c) => c.record.id),
  );
  const sales = generateDemoSales(ctx, { customers, contactsOf, setup });
  const service = generateDemoService(ctx, { customers, contactsOf });
  const activities = generateDemoActivities(ctx, {
    customers,
    contactsOf,
    deals: sales.deals,
    leads: sales.leads,
    tickets: service.tickets,
  });

  return {
    owners: [...ctx.owners],
    teams: [...ctx.teams],
    pipelines: setup.pipelines,
    customers: customers.map((c) => c.record),
    contacts,
    leads: sales.leads,
    deals: sales.deals,
    activities,
    orders: sales.orders,
    quotas: sales.quotas,
    segments: setup.segments,
    campaigns: setup.campaigns,
    tickets: service.tickets,
    slaPolicies: setup.slaPolicies,
    articles: setup.articles,
    surveys: service.surveys,
    customFields: setup.customFields,
  };
}
