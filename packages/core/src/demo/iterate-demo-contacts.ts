import {
  createDemoContext,
  demoId,
  text,
  type DemoContext,
  type DemoOptions,
  type DemoRecord,
  type Lang,
} from './demo-context.js';
import {
  CITY_TABLE,
  emailLocalPart,
  fakeBirthday,
  fakeLandline,
  fakeMobile,
  fakePerson,
  personalEmail,
  type FakePerson,
} from './demo-fakers.js';
import {
  CONTACT_TAGS,
  DECISION_MAKER_TAG,
  HOSTILE_STRINGS,
  JOB_TITLES,
  SHOWCASE_CONTACTS,
} from './demo-words.js';
import { customerDrafts, type CustomerDraft } from './iterate-demo-customers.js';
import type { Random } from './random.js';

export interface ContactDraft {
  readonly record: DemoRecord<'contact'>;
  readonly customer: CustomerDraft | undefined;
  readonly lang: Lang;
}

/**
 * Demo contacts, one at a time, each pointing at a demo customer (the customers are regenerated
 * alongside, never held). The same options give the same sequence as
 * `generateDemoData(options).contacts`. Streams 100,000 contacts in a fraction of a second:
 *
 * ```ts
 * let n = 0;
 * for (const contact of iterateDemoContacts({ contacts: 100_000, customers: 40_000 })) n++;
 * ```
 */
export function* iterateDemoContacts(options: DemoOptions = {}): Generator<DemoRecord<'contact'>> {
  const ctx = createDemoContext(options);
  for (const draft of contactDrafts(ctx, customerDrafts(ctx))) yield draft.record;
}

/** `count` demo contacts (and as many customers as `options` say) in an array. */
export function generateDemoContacts(
  count: number,
  options: DemoOptions = {},
): DemoRecord<'contact'>[] {
  return Array.from(iterateDemoContacts({ ...options, contacts: count }));
}

const SHOWCASE = new Map(SHOWCASE_CONTACTS.map((s) => [s.index, s]));

/**
 * Spreads `ctx.counts.contacts` over the customers in order: each gets about the running average
 * (so the total is exact), at least one while there are enough to go round.
 */
export function* contactDrafts(
  ctx: DemoContext,
  customers: Iterable<CustomerDraft>,
): Generator<ContactDraft> {
  const rng = ctx.fork('contacts');
  const total = ctx.counts.contacts;
  let index = 0;
  let customerIndex = 0;
  for (const customer of customers) {
    const remaining = total - index;
    const customersLeft = ctx.counts.customers - customerIndex++;
    if (remaining <= 0) return;
    const mean = remaining / customersLeft;
    let k = customersLeft <= 1 ? remaining : Math.floor(mean * rng.float(0.4, 1.6) + rng.next());
    if (remaining >= customersLeft) k = Math.max(k, 1);
    k = Math.min(k, remaining);
    for (let j = 0; j < k; j++) yield makeContact(ctx, rng, index++, customer, j === 0);
  }
  while (index < total) yield makeContact(ctx, rng, index++, undefined, false);
}

function makeContact(
  ctx: DemoContext,
  rng: Random,
  index: number,
  customer: CustomerDraft | undefined,
  isPrimary: boolean,
): ContactDraft {
  const showcase = ctx.locale === 'en' ? undefined : SHOWCASE.get(index);
  const lang: Lang = showcase ? 0 : contactLang(ctx, rng, customer);
  const person: FakePerson = showcase
    ? {
        name: showcase.surname[0] + showcase.given[0],
        gender: showcase.gender,
        ascii: [showcase.surname[1], showcase.given[1]],
      }
    : fakePerson(rng, lang);
  const city = customer?.city ?? rng.weighted(CITY_TABLE);

  const record: DemoRecord<'contact'> = {
    id: demoId('con', index, 6),
    name: person.name,
    isPrimary,
  };
  if (customer) record.customerId = customer.record.id;
  if (rng.chance(0.85)) {
    const [title, department] = rng.pick(JOB_TITLES);
    record.title = text(title, lang);
    record.department = text(department, lang);
  }
  if (rng.chance(0.9)) record.gender = person.gender;
  if (rng.chance(0.15)) record.birthday = fakeBirthday(rng);

  const phones: { number: string; type: 'mobile' | 'work' }[] = [];
  if (showcase?.mobile) phones.push({ number: showcase.mobile, type: 'mobile' });
  else if (rng.chance(0.95)) phones.push({ number: fakeMobile(rng), type: 'mobile' });
  if (rng.chance(0.3)) phones.push({ number: fakeLandline(rng, city), type: 'work' });
  record.phones = phones;

  const emails: string[] = [];
  if (customer?.domain && rng.chance(0.75))
    emails.push(`${emailLocalPart(rng, person.ascii)}@${customer.domain}`);
  if (rng.chance(emails.length > 0 ? 0.1 : 0.5)) emails.push(personalEmail(rng, person, lang));
  record.emails = emails;

  if (lang === 0 && rng.chance(0.5)) {
    record.wechat = rng.chance(0.5)
      ? `wxid_${rng.int(0x10000000, 0x7fffffff).toString(36)}`
      : `${person.ascii[0]}${person.ascii[1]}${rng.int(80, 99)}`;
  }
  const tags: string[] = [];
  if (isPrimary && rng.chance(0.5)) tags.push(text(DECISION_MAKER_TAG, lang));
  else if (rng.chance(0.25)) tags.push(text(rng.pick(CONTACT_TAGS), lang));
  record.tags = tags;

  const { ownerId, teamId, lastContactAt } = customer?.record ?? {};
  if (ownerId !== undefined) record.ownerId = ownerId;
  if (teamId !== undefined) record.teamId = teamId;
  // The customer was last contacted through one of its contacts.
  if (lastContactAt !== undefined && rng.chance(0.6)) record.lastContactAt = lastContactAt;
  if (rng.chance(0.5)) {
    record.consent = {
      email: rng.chance(0.8),
      sms: rng.chance(0.6),
      ...(lang === 0 ? { wechat: rng.chance(0.7) } : {}),
    };
  }

  if (ctx.hostile && index === 0) {
    record.name = HOSTILE_STRINGS.contactName;
    record.title = HOSTILE_STRINGS.contactTitle;
  }
  return { record, customer, lang };
}

/** Contacts speak their company's language; an English-named company has Chinese staff too. */
function contactLang(ctx: DemoContext, rng: Random, customer: CustomerDraft | undefined): Lang {
  if (ctx.locale !== 'mixed') return ctx.globalLang;
  if (!customer) return ctx.lang(rng);
  return customer.lang === 0 || rng.chance(0.5) ? 0 : 1;
}
