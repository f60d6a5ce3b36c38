import type { OrderInput } from '../entities/order.js';
import type { Stage } from '../entities/pipeline.js';
import {
  DAY,
  HOUR,
  MINUTE,
  chinaDate,
  demoId,
  iso,
  skewed,
  officeTime,
  pastOfficeTime,
  text,
  type DemoContext,
  type DemoRecord,
  type Lang,
} from './demo-context.js';
import {
  CITY_TABLE,
  INDUSTRY_TABLE,
  emailLocalPart,
  fakeCompany,
  fakeMobile,
  fakePerson,
  fakeRegion,
  personalEmail,
} from './demo-fakers.js';
import type { DemoSetup } from './demo-setup.js';
import { RENEWAL_PIPELINE_ID, STANDARD_PIPELINE_ID } from './demo-setup.js';
import {
  COMPETITORS,
  DEAL_TAGS,
  DEAL_TOPICS,
  JOB_TITLES,
  LEAD_TAGS,
  LOST_REASONS,
  PRODUCTS,
  RENEWAL_TOPICS,
  SERVICE_LINE,
  type DemoProduct,
} from './demo-words.js';
import { PUBLIC_POOL_ID, type CustomerDraft } from './iterate-demo-customers.js';
import { weightedTable, type Random } from './random.js';

export interface DemoSales {
  readonly deals: DemoRecord<'deal'>[];
  readonly leads: DemoRecord<'lead'>[];
  readonly orders: DemoRecord<'order'>[];
  readonly quotas: DemoRecord<'quota'>[];
}

/** What the sales generators read: customers with their contacts, and the setup records. */
export interface SalesInput {
  readonly customers: readonly CustomerDraft[];
  readonly contactsOf: ReadonlyMap<string, readonly DemoRecord<'contact'>[]>;
  readonly setup: DemoSetup;
}

/** Deals through both pipelines, the leads that became some of them, orders of won deals, quotas. */
export function generateDemoSales(ctx: DemoContext, input: SalesInput): DemoSales {
  const deals = generateDeals(ctx, input);
  const orders = generateOrders(ctx, input, deals);
  const leads = generateLeads(ctx, input, deals);
  return { deals: deals.map((d) => d.record), leads, orders, quotas: generateQuotas(ctx) };
}

interface DealDraft {
  readonly record: DemoRecord<'deal'>;
  readonly customer: CustomerDraft | undefined;
  readonly lang: Lang;
}

const STATUS_TABLE = weightedTable<'open' | 'won' | 'lost'>([
  ['open', 55],
  ['won', 28],
  ['lost', 17],
]);
/** Open deals thin out towards the later stages. */
const OPEN_STAGE_WEIGHTS = [30, 25, 20, 15];

/** A pipeline's open stages in order, its won and lost stages, and how open deals spread over them. */
function pipelineShape(setup: DemoSetup, pipelineId: string) {
  const stages = (setup.pipelines.find((p) => p.id === pipelineId)?.stages ??
    []) as readonly Stage[];
  const open = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  if (open.length === 0 || !won || !lost)
    throw new Error(`Pipeline ${pipelineId} needs open, won and lost stages`);
  const openTable = weightedTable(open.map((_, i) => [i, OPEN_STAGE_WEIGHTS[i] ?? 10] as const));
  return { open, won, lost, openTable };
}

function generateDeals(
  ctx: DemoContext,
  { customers, contactsOf, setup }: SalesInput,
): DealDraft[] {
  const rng = ctx.fork('deals');
  const shapes = {
    [STANDARD_PIPELINE_ID]: pipelineShape(setup, STANDARD_PIPELINE_ID),
    [RENEWAL_PIPELINE_ID]: pipelineShape(setup, RENEWAL_PIPELINE_ID),
  };
  const owned = customers.filter((c) => c.record.ownerId !== undefined);
  const candidates = owned.length > 0 ? owned : customers;
  const inStages = (...stages: string[]) => {
    const matching = candidates.filter((c) =>
      stages.includes(c.record.lifecycleStage ?? 'potential'),
    );
    return matching.length > 0 ? matching : candidates;
  };
  // Won deals belong to paying customers; open and lost ones to prospects too.
  const poolFor = {
    open: inStages('prospect', 'customer', 'loyal'),
    won: inStages('customer', 'loyal'),
    lost: inStages('prospect', 'customer', 'loyal', 'churned'),
  };
  const campaigns = setup.campaigns.filter(
    (c) => c.startAt !== undefined && Date.parse(c.startAt) <= ctx.now,
  );

  const drafts: DealDraft[] = [];
  for (let index = 0; index < ctx.counts.deals; index++) {
    const status = rng.weighted(STATUS_TABLE);
    const pool = poolFor[status];
    const customer = pool.length > 0 ? rng.pick(pool) : undefined;
    const lang = customer?.lang ?? ctx.lang(rng);
    const lifecycle = customer?.record.lifecycleStage;
    const renewal =
      (lifecycle === 'customer' || lifecycle === 'loyal' || lifecycle === 'churned') &&
      rng.chance(0.3);
    const pipelineId = renewal ? RENEWAL_PIPELINE_ID : STANDARD_PIPELINE_ID;
    const { open, won, lost, openTable } = shapes[pipelineId];
    const path =
      status === 'open'
        ? open.slice(0, rng.weighted(openTable) + 1)
        : status === 'won'
          ? [...open, won]
          : [...open.slice(0, rng.int(1, open.length)), lost];
    const current = path[path.length - 1] ?? won;

    // Walk the stage history backwards from its last entry, a few days to a month per stage.
    const lastEntered =
      status === 'open' ? pastOfficeTime(ctx, rng, 0.5, 45) : pastOfficeTime(ctx, rng, 0, 300);
    const history: { stageId: string; enteredAt: string; leftAt?: string }[] = [];
    let enteredAt = lastEntered;
    for (let i = path.length - 1; i >= 0; i--) {
      const visit: (typeof history)[number] = {
        stageId: (path[i] ?? current).id,
        enteredAt: iso(enteredAt),
      };
      const next = history[0];
      if (next) visit.leftAt = next.enteredAt;
      history.unshift(visit);
      enteredAt = officeTime(rng, enteredAt - rng.float(2, 30) * DAY);
    }
    const started = history[0]?.enteredAt ?? iso(lastEntered);

    const shortName =
      customer?.shortName ??
      fakeCompany(rng, lang, rng.weighted(CITY_TABLE), rng.weighted(INDUSTRY_TABLE)).shortName;
    const year = chinaDate(lastEntered).slice(0, 4);
    const name = renewal
      ? `${shortName} - ${text(rng.pick(RENEWAL_TOPICS), lang)}${lang === 0 ? `（${year}）` : ` ${year}`}`
      : `${shortName} - ${text(rng.pick(DEAL_TOPICS), lang)}`;
    const record: DemoRecord<'deal'> = {
      id: demoId('deal', index, 5),
      name,
      pipelineId,
      stageId: current.id,
      status,
      amount: renewal ? skewed(rng, 20_000, 800_000, 1_000) : skewed(rng, 50_000, 3_000_000, 1_000),
      currency: 'CNY',
      stageHistory: history,
      tags: renewal
        ? [text(['续约', 'renewal'], lang)]
        : rng.chance(0.4)
          ? [text(rng.pick(DEAL_TAGS), lang)]
          : [],
    };
    if (customer) record.customerId = customer.record.id;
    const contacts = customer ? contactsOf.get(customer.record.id) : undefined;
    if (contacts && contacts.length > 0 && rng.chance(0.85))
      record.contactId = rng.pick(rng.chance(0.6) ? contacts.slice(0, 1) : contacts).id;
    record.expectedCloseDate =
      status === 'open'
        ? chinaDate(ctx.now + rng.int(-20, 120) * DAY)
        : chinaDate(lastEntered + rng.int(-15, 10) * DAY);
    if (status !== 'open') record.closedAt = iso(lastEntered);
    if (status === 'lost') record.lostReason = text(rng.pick(LOST_REASONS), lang);
    const owner =
      customer?.record.ownerId !== undefined
        ? { id: customer.record.ownerId, teamId: customer.record.teamId }
        : rng.pick(ctx.sellers);
    record.ownerId = owner.id;
    if (owner.teamId !== undefined) record.teamId = owner.teamId;
    // A campaign can only have brought in a deal that started after the campaign did.
    const sources = campaigns.filter((c) => (c.startAt ?? '') <= started);
    if (!renewal && sources.length > 0 && rng.chance(0.15))
      record.campaignId = rng.pick(sources).id;
    if (!renewal && rng.chance(status === 'lost' ? 0.5 : 0.2))
      record.customFields = { competitor: rng.pick(COMPETITORS) };
    if (rng.chance(0.1))
      record.notes = text(
        ['客户要求下周提供正式报价。', 'Customer asked for a formal quote next week.'],
        lang,
      );
    drafts.push({ record, customer, lang });
  }
  return drafts;
}

const PAYMENT_METHODS = weightedTable<'bank_transfer' | 'alipay' | 'wechat_pay' | 'card'>([
  ['bank_transfer', 65],
  ['alipay', 15],
  ['wechat_pay', 15],
  ['card', 5],
]);
const DISCOUNT_PERCENTS = [0, 0, 0, 5, 10, 15];

/**
 * Lines that add up exactly to `amount` (whole yuan): seats of one product at a discount, maybe an
 * add-on, then implementation services for the remainder.
 */
function orderLines(rng: Random, amount: number, lang: Lang): NonNullable<OrderInput['lines']> {
  const lines: NonNullable<OrderInput['lines']> = [];
  let remaining = amount;
  const add = (product: DemoProduct, quantity: number, percent: number) => {
    lines.push({
      productId: product.id,
      productName: text(product.name, lang),
      quantity,
      unitPrice: product.price,
      discount: percent / 100,
    });
    // Prices are multiples of 20 and discounts multiples of 5%, so this stays in whole yuan.
    remaining -= (product.price * quantity * (100 - percent)) / 100;
  };
  const seats = rng.pick(SEAT_PRODUCTS);
  const percent = rng.pick(DISCOUNT_PERCENTS);
  const quantity = Math.floor(
    (amount * rng.float(0.5, 0.85)) / ((seats.price * (100 - percent)) / 100),
  );
  if (quantity >= seats.quantity[0]) add(seats, quantity, percent);
  const addOn = rng.pick(ADD_ONS);
  const addOnQuantity = rng.int(addOn.quantity[0], addOn.quantity[1]);
  if (rng.chance(0.4) && addOn.price * addOnQuantity <= remaining) add(addOn, addOnQuantity, 0);
  if (remaining > 0)
    lines.push({
      productId: 'prd_services',
      productName: text(SERVICE_LINE, lang),
      quantity: 1,
      unitPrice: remaining,
      discount: 0,
    });
  return lines;
}

const SEAT_PRODUCTS = PRODUCTS.filter((p) => p.quantity[1] > 10);
const ADD_ONS = PRODUCTS.filter((p) => p.quantity[1] <= 10);

function generateOrders(
  ctx: DemoContext,
  { customers, contactsOf }: SalesInput,
  deals: readonly DealDraft[],
): DemoRecord<'order'>[] {
  const rng = ctx.fork('orders');
  const won = deals.filter((d) => d.record.status === 'won' && d.record.customerId !== undefined);
  const total = ctx.counts.orders ?? won.length;
  const buyers = customers.filter(
    (c) => c.record.lifecycleStage === 'customer' || c.record.lifecycleStage === 'loyal',
  );
  const orders: DemoRecord<'order'>[] = [];

  for (let index = 0; index < total; index++) {
    const deal = won[index];
    const customer =
      deal?.customer ??
      (buyers.length > 0
        ? rng.pick(buyers)
        : customers.length > 0
          ? rng.pick(customers)
          : undefined);
    if (!customer) break;
    const lang = customer.lang;
    const id = demoId('ord', index, 5);
    const orderedAt = Math.min(
      ctx.now,
      deal?.record.closedAt !== undefined
        ? officeTime(rng, Date.parse(deal.record.closedAt) + rng.int(0, 5) * DAY)
        : pastOfficeTime(ctx, rng, 0, 365),
    );
    const amount = deal ? (deal.record.amount ?? 0) : skewed(rng, 5_000, 300_000, 100);
    const lines = orderLines(rng, amount, lang);
    const age = (ctx.now - orderedAt) / DAY;
    const r = rng.next();
    const status: OrderInput['status'] =
      r < 0.03
        ? 'cancelled'
        : age < 3 && r < 0.5
          ? 'draft'
          : r < (age > 30 ? 0.75 : 0.3)
            ? 'paid'
            : r < 0.85
              ? 'delivered'
              : 'confirmed';

    const order: DemoRecord<'order'> = {
      id,
      number: `SO-${chinaDate(orderedAt).slice(0, 7).replace('-', '')}-${String(index + 1).padStart(5, '0')}`,
      customerId: customer.record.id,
      status,
      currency: 'CNY',
      lines,
      payments: [],
      orderedAt: iso(orderedAt),
    };
    const contactId = deal?.record.contactId ?? contactsOf.get(customer.record.id)?.[0]?.id;
    if (contactId !== undefined) order.contactId = contactId;
    if (deal) order.dealId = deal.record.id;
    const ownerId = deal?.record.ownerId ?? customer.record.ownerId;
    if (ownerId !== undefined) order.ownerId = ownerId;

    if (status === 'delivered' || status === 'paid') {
      order.deliveredAt = iso(Math.min(ctx.now, orderedAt + rng.int(3, 30) * DAY));
    }
    // Payments never exceed the order total; a paid order is paid in full.
    const shares =
      status === 'paid'
        ? rng.pick([[1], [0.3, 0.7], [0.3, 0.6, 0.1]])
        : (status === 'delivered' || status === 'confirmed') && rng.chance(0.6)
          ? [0.3]
          : [];
    let paid = 0;
    let paidAt = orderedAt;
    order.payments = shares
      .map((share, i) => {
        const last = status === 'paid' && i === shares.length - 1;
        const paymentAmount = last
          ? Math.round((amount - paid) * 100) / 100
          : Math.floor(amount * share);
        paid += paymentAmount;
        paidAt = Math.min(ctx.now, paidAt + rng.float(0.5, 20) * DAY);
        const method = rng.weighted(PAYMENT_METHODS);
        return {
          id: `${id}_p${i + 1}`,
          amount: paymentAmount,
          paidAt: iso(paidAt),
          method,
          reference: `${method === 'bank_transfer' ? 'HX' : method === 'alipay' ? '2026' : '4200'}${rng.int(100_000_000, 999_999_999)}`,
        };
      })
      .filter((p) => p.amount > 0);
    orders.push(order);
  }
  return orders;
}

const LEAD_STATUS_TABLE = weightedTable<
  'new' | 'contacted' | 'qualified' | 'unqualified' | 'converted'
>([
  ['new', 30],
  ['contacted', 25],
  ['qualified', 15],
  ['unqualified', 15],
  ['converted', 15],
]);
const LEAD_SOURCE_TABLE = weightedTable<
  'web' | 'campaign' | 'referral' | 'event' | 'phone' | 'import' | 'api' | 'other'
>([
  ['web', 25],
  ['campaign', 15],
  ['referral', 15],
  ['event', 10],
  ['phone', 12],
  ['import', 10],
  ['api', 5],
  ['other', 8],
]);

function generateLeads(
  ctx: DemoContext,
  { contactsOf, setup }: SalesInput,
  deals: readonly DealDraft[],
): DemoRecord<'lead'>[] {
  const rng = ctx.fork('leads');
  const started = setup.campaigns.filter(
    (c) => c.startAt !== undefined && Date.parse(c.startAt) <= ctx.now,
  );
  const events = started.filter((c) => c.channel === 'event');
  const online = started.filter((c) => c.channel !== 'event');
  // Converted leads became a customer, its primary contact and, where there is one, a deal.
  const standardDeals = deals.filter(
    (d) => d.record.pipelineId === STANDARD_PIPELINE_ID && d.customer,
  );
  const leads: DemoRecord<'lead'>[] = [];

  for (let index = 0; index < ctx.counts.leads; index++) {
    let status = rng.weighted(LEAD_STATUS_TABLE);
    const conversion =
      status === 'converted' && standardDeals.length > 0 ? rng.pick(standardDeals) : undefined;
    if (status === 'converted' && !conversion) status = 'qualified';
    const converted = conversion?.record.stageHistory?.[0]?.enteredAt;
    // When the lead came in: a few days before it converted, or in the last five months; a
    // campaign can only have brought it in if the campaign had started by then.
    const arrivedBy =
      converted !== undefined
        ? Date.parse(converted) - rng.float(1, 20) * DAY
        : pastOfficeTime(ctx, rng, 0, 150);
    const source = rng.weighted(LEAD_SOURCE_TABLE);
    const wanted =
      source === 'campaign'
        ? online
        : source === 'event'
          ? events
          : source === 'web' && rng.chance(0.2)
            ? online
            : [];
    const campaignPool = wanted.filter((c) => Date.parse(c.startAt ?? '') <= arrivedBy);
    const campaign = campaignPool.length > 0 ? rng.pick(campaignPool) : undefined;
    const arrived = campaign?.startAt
      ? Date.parse(campaign.startAt) +
        rng.next() *
          (Math.min(Date.parse(campaign.endAt ?? campaign.startAt), arrivedBy) -
            Date.parse(campaign.startAt))
      : arrivedBy;

    const customer = conversion?.customer;
    const lang = customer?.lang ?? ctx.lang(rng);
    const city = customer?.city ?? rng.weighted(CITY_TABLE);
    const industry = rng.weighted(INDUSTRY_TABLE);
    const company = fakeCompany(rng, lang, city, industry);
    const contact = customer ? contactsOf.get(customer.record.id)?.[0] : undefined;
    const person = fakePerson(rng, lang);

    const inPool = (status === 'new' || status === 'unqualified') && rng.chance(0.3);
    const owner =
      conversion?.record.ownerId !== undefined
        ? { id: conversion.record.ownerId, teamId: conversion.record.teamId }
        : inPool
          ? undefined
          : ctx.salesOwner(rng, city.team);

    const lead: DemoRecord<'lead'> = {
      id: demoId('lead', index, 5),
      name: contact?.name ?? person.name,
      company: customer?.record.legalName ?? customer?.record.name ?? company.name,
      source,
      status,
      // A converted lead carries the details of the contact it became.
      phones: contact?.phones?.slice(0, 1) ?? [{ number: fakeMobile(rng), type: 'mobile' }],
      emails:
        contact?.emails?.slice(0, 1) ??
        (rng.chance(0.6)
          ? [
              rng.chance(0.6)
                ? `${emailLocalPart(rng, person.ascii)}@${company.domain}`
                : personalEmail(rng, person, lang),
            ]
          : []),
      tags: rng.chance(0.2) ? [text(rng.pick(LEAD_TAGS), lang)] : [],
      industry: customer?.record.industry ?? text(industry.name, lang),
      region: fakeRegion(rng, city, lang),
    };
    if (rng.chance(0.7)) lead.title = text(rng.pick(JOB_TITLES)[0], lang);
    if (campaign) lead.campaignId = campaign.id;
    lead.score =
      status === 'qualified' || status === 'converted'
        ? rng.int(60, 98)
        : status === 'unqualified'
          ? rng.int(0, 30)
          : rng.int(10, 70);
    lead.companySize = customer?.record.companySize ?? skewed(rng, 8, 5_000, 1, 5);
    if (owner) {
      lead.ownerId = owner.id;
      if (owner.teamId !== undefined) lead.teamId = owner.teamId;
      lead.assignedAt = iso(Math.min(ctx.now, arrived + rng.int(5, 240) * MINUTE));
    } else {
      lead.poolId = PUBLIC_POOL_ID;
    }
    if (status !== 'new')
      lead.lastContactAt = iso(
        Math.min(ctx.now, Math.max(arrived, officeTime(rng, arrived + rng.float(0.2, 10) * DAY))),
      );
    if (conversion && customer && converted !== undefined) {
      lead.convertedAt = converted;
      lead.convertedCustomerId = customer.record.id;
      if (contact) lead.convertedContactId = contact.id;
      lead.convertedDealId = conversion.record.id;
      lead.lastContactAt = converted;
      if (lead.assignedAt !== undefined && lead.assignedAt > converted)
        lead.assignedAt = iso(Date.parse(converted) - 2 * HOUR);
    }
    if (rng.chance(0.1))
      lead.notes = text(
        ['官网留资，想了解企业版报价。', 'Left details on the website; wants Enterprise pricing.'],
        lang,
      );
    leads.push(lead);
  }
  return leads;
}

/** A quarterly target per seller for the year of `now`, and per sales team (the sum). */
function generateQuotas(ctx: DemoContext): DemoRecord<'quota'>[] {
  const rng = ctx.fork('quotas');
  const year = chinaDate(ctx.now).slice(0, 4);
  const quarters = ['01', '04', '07', '10'].map((month) => `${year}-${month}-01`);
  const quotas: Omit<DemoRecord<'quota'>, 'id'>[] = [];
  const teamTotals = new Map<string, number[]>();
  for (const owner of ctx.sellers) {
    const base = rng.float(0.8, 2.5);
    quarters.forEach((periodStart, q) => {
      const target = Math.round((base * (1 + q * 0.1) * 1_000_000) / 100_000) * 100_000;
      quotas.push({
        ownerId: owner.id,
        teamId: owner.teamId,
        period: 'quarter',
        periodStart,
        target,
        currency: 'CNY',
      });
      const totals = teamTotals.get(owner.teamId) ?? [0, 0, 0, 0];
      totals[q] = (totals[q] ?? 0) + target;
      teamTotals.set(owner.teamId, totals);
    });
  }
  for (const [teamId, totals] of teamTotals) {
    quarters.forEach((periodStart, q) => {
      quotas.push({
        teamId,
        period: 'quarter',
        periodStart,
        target: totals[q] ?? 0,
        currency: 'CNY',
      });
    });
  }
  return quotas.map((quota, index) => ({ id: demoId('quota', index, 3), ...quota }));
}
