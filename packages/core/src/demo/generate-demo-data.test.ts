import { customFieldValueSchema, type CustomFieldDefinition } from '../entities/custom-field.js';
import { ENTITIES, type EntityName } from '../entities/registry.js';
import type { Where } from '../query/query-spec.js';
import { matchesWhere } from '../query/where.js';
import { generateDemoData, type DemoData } from './generate-demo-data.js';
import { HOSTILE_STRINGS } from './demo-words.js';
import { iterateDemoContacts } from './iterate-demo-contacts.js';
import { iterateDemoCustomers } from './iterate-demo-customers.js';

const NOW = '2026-06-30T08:00:00.000Z';
const ENTITY_OF = {
  pipelines: 'pipeline',
  customers: 'customer',
  contacts: 'contact',
  leads: 'lead',
  deals: 'deal',
  activities: 'activity',
  orders: 'order',
  quotas: 'quota',
  segments: 'segment',
  campaigns: 'campaign',
  tickets: 'ticket',
  slaPolicies: 'slaPolicy',
  articles: 'article',
  surveys: 'surveyResponse',
  customFields: 'customFieldDefinition',
} as const satisfies Record<Exclude<keyof DemoData, 'owners' | 'teams'>, EntityName>;
const COLLECTIONS = Object.keys(ENTITY_OF) as (keyof typeof ENTITY_OF)[];

const MOBILE = /^(\+86 )?1[3-9]\d \d{4} \d{4}$/;
const LANDLINE = /^0\d{2,3}-[2-8]\d{3} \d{4}$/;
const CJK = /[\u4e00-\u9fff]/;

const data = generateDemoData();

/** Every problem in one list, so a failure shows them all. */
function schemaProblems(dataset: DemoData): string[] {
  const problems: string[] = [];
  for (const collection of COLLECTIONS) {
    const ids = new Set<string>();
    for (const item of dataset[collection] as { id: string }[]) {
      const { id, ...input } = item;
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) problems.push(`${collection}: bad id ${id}`);
      if (ids.has(id)) problems.push(`${collection}: duplicate id ${id}`);
      ids.add(id);
      const parsed = ENTITIES[ENTITY_OF[collection]].input.safeParse(input);
      if (!parsed.success)
        problems.push(`${collection} ${id}: ${JSON.stringify(parsed.error.issues)}`);
    }
  }
  // Custom field values also satisfy their definitions (the gateway checks this on write).
  const definitions = dataset.customFields.map(
    ({ id, ...d }) =>
      ({ id, ...ENTITIES.customFieldDefinition.input.parse(d) }) as CustomFieldDefinition,
  );
  for (const [collection, entity] of [
    ['customers', 'customer'],
    ['contacts', 'contact'],
    ['leads', 'lead'],
    ['deals', 'deal'],
    ['tickets', 'ticket'],
  ] as const) {
    for (const item of dataset[collection]) {
      for (const [key, value] of Object.entries(item.customFields ?? {})) {
        const def = definitions.find((d) => d.entity === entity && d.key === key);
        if (!def) problems.push(`${collection} ${item.id}: undefined custom field ${key}`);
        else if (!customFieldValueSchema(def).safeParse(value).success)
          problems.push(`${collection} ${item.id}: bad ${key}`);
      }
    }
  }
  return problems;
}

describe('generateDemoData', () => {
  it('is deterministic: same options give identical output, another seed a different one', () => {
    expect(JSON.stringify(generateDemoData())).toBe(JSON.stringify(data));
    expect(generateDemoData({ seed: 7, customers: 30 })).toEqual(
      generateDemoData({ seed: 7, customers: 30 }),
    );
    const other = generateDemoData({ seed: 2 });
    expect(other.customers.map((c) => c.name)).not.toEqual(data.customers.map((c) => c.name));
    expect(other.contacts.map((c) => c.name)).not.toEqual(data.contacts.map((c) => c.name));
  });

  it('gives the same bytes on every machine and in every time zone', async () => {
    // A fingerprint of one small dataset. If you change the generator on purpose, update it; if it
    // differs only on some machine, something reads the clock, the locale or Math.random.
    const bytes = new TextEncoder().encode(
      JSON.stringify(generateDemoData({ seed: 42, customers: 20 })),
    );
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(
      '69f77f4ebaf1bfedcf228494554886bb0eb554b52e29769c5afb4cb97111557d',
    );
  });

  it('keeps each kind of record on its own random stream', () => {
    const more = generateDemoData({ tickets: 300, activities: 50, leads: 10 });
    expect(more.customers).toEqual(data.customers);
    expect(more.contacts).toEqual(data.contacts);
    expect(more.deals).toEqual(data.deals);
  });

  it('has realistic default sizes and honours counts', () => {
    expect(data.customers).toHaveLength(200);
    expect(data.contacts).toHaveLength(500);
    expect(data.pipelines).toHaveLength(2);
    for (const collection of COLLECTIONS)
      expect(data[collection].length, collection).toBeGreaterThan(0);
    const small = generateDemoData({
      customers: 10,
      contacts: 37,
      leads: 4,
      deals: 6,
      activities: 9,
      tickets: 5,
      campaigns: 3,
    });
    expect(
      [
        small.customers,
        small.contacts,
        small.leads,
        small.deals,
        small.activities,
        small.tickets,
        small.campaigns,
      ].map((a) => a.length),
    ).toEqual([10, 37, 4, 6, 9, 5, 3]);
    expect(generateDemoData({ contacts: 10 }).customers).toHaveLength(4);
    const empty = generateDemoData({ customers: 0 });
    expect(
      [empty.customers, empty.contacts, empty.deals, empty.orders].map((a) => a.length),
    ).toEqual([0, 0, 0, 0]);
  });

  it('produces objects that pass their entity input schemas, with valid unique ids', () => {
    expect(schemaProblems(data)).toEqual([]);
    expect(schemaProblems(generateDemoData({ seed: 99, locale: 'en', customers: 120 }))).toEqual(
      [],
    );
    expect(
      schemaProblems(generateDemoData({ seed: 5, locale: 'zh-CN', includeHostileNames: true })),
    ).toEqual([]);
  });

  it('keeps every reference resolvable and consistent', () => {
    const byId = <T extends { id: string }>(items: readonly T[]) =>
      new Map(items.map((i) => [i.id, i]));
    const customers = byId(data.customers);
    const contacts = byId(data.contacts);
    const deals = byId(data.deals);
    const leads = byId(data.leads);
    const tickets = byId(data.tickets);
    const pipelines = byId(data.pipelines);
    const campaigns = byId(data.campaigns);
    const segments = byId(data.segments);
    const policies = byId(data.slaPolicies);
    const owners = new Set(data.owners.map((o) => o.id));
    const teams = new Set(data.teams.map((t) => t.id));
    const contactOf = (customerId: string | undefined, contactId: string | undefined) =>
      contactId === undefined || contacts.get(contactId)?.customerId === customerId;

    for (const c of data.customers) {
      expect(c.ownerId === undefined || owners.has(c.ownerId)).toBe(true);
      expect(c.teamId === undefined || teams.has(c.teamId)).toBe(true);
      expect(c.ownerId === undefined).toBe(c.poolId !== undefined);
    }
    for (const c of data.contacts) expect(customers.has(c.customerId ?? '')).toBe(true);

    for (const deal of data.deals) {
      const pipeline = pipelines.get(deal.pipelineId);
      const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
      expect(stage, deal.id).toBeDefined();
      expect(deal.status).toBe(stage?.kind);
      expect(customers.has(deal.customerId ?? '')).toBe(true);
      expect(contactOf(deal.customerId, deal.contactId)).toBe(true);
      expect(deal.campaignId === undefined || campaigns.has(deal.campaignId)).toBe(true);
      expect(owners.has(deal.ownerId ?? '')).toBe(true);
      expect(deal.closedAt !== undefined).toBe(deal.status !== 'open');
      expect(deal.lostReason !== undefined).toBe(deal.status === 'lost');
      const history = deal.stageHistory ?? [];
      expect(history.at(-1)?.stageId).toBe(deal.stageId);
      expect(history.at(-1)?.leftAt).toBeUndefined();
      if (deal.closedAt) expect(history.at(-1)?.enteredAt).toBe(deal.closedAt);
      history.forEach((visit, i) => {
        expect(pipeline?.stages.some((s) => s.id === visit.stageId)).toBe(true);
        const next = history[i + 1];
        if (next) {
          expect(visit.leftAt).toBe(next.enteredAt);
          expect(visit.enteredAt < next.enteredAt).toBe(true);
        }
      });
    }

    for (const order of data.orders) {
      expect(customers.has(order.customerId)).toBe(true);
      if (order.dealId !== undefined) {
        const deal = deals.get(order.dealId);
        expect(deal?.status).toBe('won');
        expect(deal?.customerId).toBe(order.customerId);
      }
      const lineTotal = (order.lines ?? []).reduce(
        (sum, l) => sum + l.quantity * l.unitPrice * (1 - (l.discount ?? 0)),
        0,
      );
      const paid = (order.payments ?? []).reduce((sum, p) => sum + p.amount, 0);
      expect(paid).toBeLessThanOrEqual(lineTotal + 0.01);
      if (order.status === 'paid') expect(paid).toBeCloseTo(lineTotal, 2);
      if (order.dealId !== undefined)
        expect(lineTotal).toBeCloseTo(deals.get(order.dealId)?.amount ?? -1, 2);
    }
    expect(data.orders.length).toBe(data.deals.filter((d) => d.status === 'won').length);

    for (const a of data.activities) {
      expect(a.customerId === undefined || customers.has(a.customerId)).toBe(true);
      expect(contactOf(a.customerId, a.contactId)).toBe(true);
      expect(a.dealId === undefined || deals.get(a.dealId)?.customerId === a.customerId).toBe(true);
      expect(a.leadId === undefined || leads.has(a.leadId)).toBe(true);
      expect(a.ticketId === undefined || tickets.has(a.ticketId)).toBe(true);
      expect(owners.has(a.ownerId ?? '')).toBe(true);
    }
    for (const lead of data.leads) {
      expect(lead.campaignId === undefined || campaigns.has(lead.campaignId)).toBe(true);
      if (lead.status === 'converted') {
        expect(customers.has(lead.convertedCustomerId ?? '')).toBe(true);
        expect(contactOf(lead.convertedCustomerId, lead.convertedContactId)).toBe(true);
        expect(deals.get(lead.convertedDealId ?? '')?.customerId).toBe(lead.convertedCustomerId);
      } else {
        expect(lead.convertedCustomerId).toBeUndefined();
      }
    }
    for (const t of data.tickets) {
      expect(t.customerId === undefined || customers.has(t.customerId)).toBe(true);
      expect(contactOf(t.customerId, t.contactId)).toBe(true);
      expect(policies.has(t.slaPolicyId ?? '')).toBe(true);
      expect(t.assigneeId === undefined || owners.has(t.assigneeId)).toBe(true);
      const times = (t.comments ?? []).map((c) => c.createdAt);
      expect(times).toEqual([...times].sort());
    }
    for (const s of data.surveys) {
      const ticket = tickets.get(s.ticketId ?? '');
      expect(ticket?.resolvedAt).toBeDefined();
      expect(s.respondedAt >= (ticket?.resolvedAt ?? '')).toBe(true);
    }
    for (const c of data.campaigns)
      expect(c.segmentId === undefined || segments.has(c.segmentId)).toBe(true);
    for (const s of data.segments)
      for (const id of s.memberIds ?? []) expect(customers.has(id)).toBe(true);
    for (const q of data.quotas) {
      expect(q.ownerId === undefined || owners.has(q.ownerId)).toBe(true);
      expect(q.teamId === undefined || teams.has(q.teamId)).toBe(true);
    }
  });

  it('has two pipelines with the standard stages and both won and lost deals', () => {
    const [standard, renewal] = data.pipelines;
    expect(standard?.stages.map((s) => [s.name, s.probability, s.kind ?? 'open'])).toEqual([
      ['初步接触', 0.1, 'open'],
      ['需求确认', 0.3, 'open'],
      ['方案报价', 0.6, 'open'],
      ['商务谈判', 0.8, 'open'],
      ['赢单', 1, 'won'],
      ['输单', 0, 'lost'],
    ]);
    expect(renewal?.stages.length).toBeLessThan(standard?.stages.length ?? 0);
    for (const pipeline of data.pipelines) {
      const statuses = new Set(
        data.deals.filter((d) => d.pipelineId === pipeline.id).map((d) => d.status),
      );
      expect([...statuses].sort()).toEqual(['lost', 'open', 'won']);
    }
  });

  it('dates what happened at or before now, and leaves some open tasks overdue', () => {
    const happened: string[] = [];
    const add = (...values: (string | undefined)[]) =>
      happened.push(...values.filter((v): v is string => v !== undefined));
    for (const c of data.customers) add(c.lastContactAt);
    for (const c of data.contacts) add(c.lastContactAt);
    for (const l of data.leads) add(l.assignedAt, l.lastContactAt, l.convertedAt);
    for (const d of data.deals)
      add(d.closedAt, ...(d.stageHistory ?? []).flatMap((v) => [v.enteredAt, v.leftAt]));
    for (const o of data.orders)
      add(o.orderedAt, o.deliveredAt, ...(o.payments ?? []).map((p) => p.paidAt));
    for (const t of data.tickets)
      add(
        t.firstRespondedAt,
        t.resolvedAt,
        t.closedAt,
        ...(t.comments ?? []).map((c) => c.createdAt),
      );
    for (const s of data.surveys) add(s.respondedAt);
    for (const a of data.activities)
      if (a.status !== 'open') add(a.startAt, a.endAt, a.completedAt);
    for (const c of data.campaigns) if (c.status !== 'scheduled') add(c.startAt);
    expect(happened.length).toBeGreaterThan(1000);
    expect(happened.filter((t) => t > NOW)).toEqual([]);

    const openTasks = data.activities.filter((a) => a.type === 'task' && a.status === 'open');
    expect(openTasks.filter((a) => (a.dueAt ?? '') < NOW).length).toBeGreaterThan(3);
    expect(openTasks.filter((a) => (a.dueAt ?? '') > NOW).length).toBeGreaterThan(3);
  });

  it('finds several 张伟 including 张伟明, with Chinese names weighted by real surnames', () => {
    const zhangWei = data.contacts.filter((c) => c.name.includes('张伟')).map((c) => c.name);
    expect(zhangWei.length).toBeGreaterThanOrEqual(3);
    expect(zhangWei).toContain('张伟明');
    const big = generateDemoData({ seed: 3, customers: 2000 });
    const surnames = new Map<string, number>();
    for (const c of big.contacts)
      if (CJK.test(c.name)) surnames.set(c.name[0]!, (surnames.get(c.name[0]!) ?? 0) + 1);
    const top = [...surnames]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([s]) => s);
    expect(top.filter((s) => '王李张刘陈'.includes(s)).length).toBeGreaterThanOrEqual(4);
  });

  it('formats mobile and fixed-line numbers the Chinese way', () => {
    const phones = [...data.customers, ...data.contacts].flatMap((r) => r.phones ?? []);
    const mobiles = phones.filter((p) => p.type === 'mobile').map((p) => p.number);
    const fixed = phones.filter((p) => p.type !== 'mobile').map((p) => p.number);
    expect(mobiles.filter((n) => !MOBILE.test(n))).toEqual([]);
    expect(fixed.filter((n) => !LANDLINE.test(n))).toEqual([]);
    expect(mobiles.some((n) => n.startsWith('+86 '))).toBe(true);
    expect(mobiles).toContain('138 0013 8000');
  });

  it('writes zh-CN names and places, with en beside them in the mixed locale', () => {
    const company = data.customers.find((c) => c.kind === 'company' && CJK.test(c.name));
    expect(company?.name).toMatch(/(有限公司|股份有限公司|分公司)$/);
    const zh = data.customers.filter((c) => CJK.test(c.name)).length / data.customers.length;
    expect(zh).toBeGreaterThan(0.7);
    expect(zh).toBeLessThan(0.9);
    expect(data.customers.some((c) => / (Co\., Ltd\.|Inc\.)/.test(c.name))).toBe(true);
    expect(
      data.customers.some((c) => c.region?.province === '广东省' && c.region.city === '深圳市'),
    ).toBe(true);
    expect(data.customers.some((c) => Object.keys(c.customFields ?? {}).length === 0)).toBe(true);
    expect(data.articles.map((a) => a.locale)).toEqual(expect.arrayContaining(['zh-CN', 'en']));
    expect(data.tickets.some((t) => t.category === 'complaint' && t.severity !== undefined)).toBe(
      true,
    );
    expect(data.tickets.some((t) => t.location !== undefined)).toBe(true);

    const en = generateDemoData({ locale: 'en', customers: 50 });
    expect([...en.customers, ...en.contacts].filter((r) => CJK.test(r.name))).toEqual([]);
    const zhOnly = generateDemoData({ locale: 'zh-CN', customers: 50 });
    expect(zhOnly.contacts.filter((c) => !CJK.test(c.name))).toEqual([]);
  });

  it('defines segments with the query model that match the data', () => {
    const vip = data.segments.find((s) => s.id === 'seg_vip_guangdong');
    expect(vip?.where).toEqual({ tier: { eq: 'vip' }, 'region.province': { eq: '广东省' } });
    for (const segment of data.segments.filter((s) => s.kind === 'dynamic')) {
      const pool = segment.entity === 'customer' ? data.customers : data.contacts;
      expect(
        pool.filter((r) => matchesWhere(r, segment.where as Where)).length,
        segment.id,
      ).toBeGreaterThan(0);
    }
  });

  it('includes hostile display strings only when asked, in the documented places', () => {
    const all = JSON.stringify(data);
    expect(all.includes('alert(')).toBe(false);
    const hostile = generateDemoData({ includeHostileNames: true });
    expect(hostile.customers.slice(0, 5).map((c) => c.name)).toEqual(HOSTILE_STRINGS.customerNames);
    expect(hostile.contacts[0]?.name).toBe(HOSTILE_STRINGS.contactName);
    expect(hostile.tickets[0]?.subject).toBe(HOSTILE_STRINGS.ticketSubject);
    expect(hostile.articles[0]?.body).toBe(HOSTILE_STRINGS.articleBody);
    // Nothing else moves.
    expect(hostile.customers.slice(5)).toEqual(data.customers.slice(5));
    expect(hostile.deals).toEqual(data.deals);
  });

  it('streams the same customers and contacts as the full generator', () => {
    const options = { seed: 11, customers: 40 };
    const full = generateDemoData(options);
    expect(Array.from(iterateDemoCustomers(options))).toEqual(full.customers);
    expect(Array.from(iterateDemoContacts(options))).toEqual(full.contacts);
  });

  it('streams 100,000 contacts over 40,000 customers', () => {
    let count = 0;
    const customers = new Set<string>();
    for (const contact of iterateDemoContacts({ contacts: 100_000, customers: 40_000 })) {
      count++;
      customers.add(contact.customerId ?? '');
    }
    expect(count).toBe(100_000);
    expect(customers.size).toBeGreaterThan(35_000);
  });
});
