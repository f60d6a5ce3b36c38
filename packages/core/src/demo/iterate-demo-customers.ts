import type { CustomerInput } from '../entities/customer.js';
import {
  createDemoContext,
  demoId,
  iso,
  pastOfficeTime,
  skewed,
  text,
  type DemoContext,
  type DemoOptions,
  type DemoRecord,
  type Lang,
} from './demo-context.js';
import {
  CITY_TABLE,
  INDUSTRY_TABLE,
  fakeBankAccount,
  fakeBirthday,
  fakeCompany,
  fakeCreditCode,
  fakeIdNumber,
  fakeLandline,
  fakeMobile,
  fakePerson,
  fakeRegion,
  personalEmail,
} from './demo-fakers.js';
import {
  CITIES,
  CUSTOMER_NOTES,
  CUSTOMER_SOURCES,
  CUSTOMER_TAGS,
  HOSTILE_STRINGS,
  type DemoCity,
} from './demo-words.js';
import { weightedTable } from './random.js';

/** A generated customer plus what related records need to look consistent with it. */
export interface CustomerDraft {
  readonly record: DemoRecord<'customer'>;
  readonly lang: Lang;
  readonly city: DemoCity;
  /** 星辰科技, Bluepeak, or the person's name. */
  readonly shortName: string;
  /** The company's e-mail domain; undefined for a person. */
  readonly domain: string | undefined;
}

/** The id of the shared pool (公海) that unowned customers and leads sit in. */
export const PUBLIC_POOL_ID = 'pool_public';

const LIFECYCLE_TABLE = weightedTable<NonNullable<CustomerInput['lifecycleStage']>>([
  ['potential', 25],
  ['prospect', 25],
  ['customer', 30],
  ['loyal', 12],
  ['churned', 8],
]);
/** How likely a customer in each stage sits unowned in the shared pool. */
const POOL_CHANCE = {
  potential: 0.4,
  prospect: 0.15,
  customer: 0.03,
  loyal: 0,
  churned: 0.3,
} as const;
const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'B', 'C'] as const;

/**
 * Demo customers, one at a time. The same options give the same sequence as
 * `generateDemoData(options).customers`, without holding them all in memory.
 */
export function* iterateDemoCustomers(
  options: DemoOptions = {},
): Generator<DemoRecord<'customer'>> {
  for (const draft of customerDrafts(createDemoContext(options))) yield draft.record;
}

export function* customerDrafts(ctx: DemoContext): Generator<CustomerDraft> {
  const rng = ctx.fork('customers');
  const usedNames = new Set<string>();

  for (let index = 0; index < ctx.counts.customers; index++) {
    const lang = ctx.lang(rng);
    const city = rng.weighted(CITY_TABLE);
    const isPerson = rng.chance(0.08);
    const lifecycleStage = rng.weighted(LIFECYCLE_TABLE);
    const vipChance = lifecycleStage === 'loyal' ? 0.3 : lifecycleStage === 'customer' ? 0.12 : 0;
    const keyChance =
      lifecycleStage === 'prospect' ? 0.1 : lifecycleStage === 'potential' ? 0 : 0.3;
    const r = rng.next();
    const tier = r < vipChance ? 'vip' : r < vipChance + keyChance ? 'key' : 'regular';
    const inPool = rng.chance(POOL_CHANCE[lifecycleStage]);
    const owner = inPool ? undefined : ctx.salesOwner(rng, city.team);
    const phones: { number: string; type: 'mobile' | 'work' | 'fax' }[] = [];
    const emails: string[] = [];
    const tags: string[] = [];

    const record: DemoRecord<'customer'> = {
      id: demoId('cus', index, 5),
      kind: isPerson ? 'person' : 'company',
      name: '',
      lifecycleStage,
      tier,
      phones,
      emails,
      tags,
    };
    let shortName: string;
    let domain: string | undefined;

    if (isPerson) {
      const person = fakePerson(rng, lang);
      shortName = record.name = person.name;
      record.gender = person.gender;
      phones.push({ number: fakeMobile(rng), type: 'mobile' });
      if (rng.chance(0.6)) emails.push(personalEmail(rng, person, lang));
      if (lang === 0) {
        record.birthday = fakeBirthday(rng);
        record.idNumber = fakeIdNumber(rng, city, record.birthday, person.gender);
        if (rng.chance(0.4)) record.bankAccount = fakeBankAccount(rng);
      }
      tags.push(lang === 0 ? '个人客户' : 'individual');
    } else {
      const industry = rng.weighted(INDUSTRY_TABLE);
      let company = fakeCompany(rng, lang, city, industry);
      // Names are unique: a clash becomes a branch office (…上海分公司), as in real registries.
      for (let attempt = 0; usedNames.has(company.name) && attempt < 3; attempt++) {
        company = fakeCompany(rng, lang, city, industry);
      }
      let name = company.name;
      for (let n = 2; usedNames.has(name); n++) {
        const branch = rng.pick(CITIES);
        name =
          lang === 0
            ? `${company.name}${branch.city[0].slice(0, -1)}分公司`
            : `${company.name} (${branch.city[1]} branch)`;
        if (n > 4)
          name = lang === 0 ? `${company.name}第${n}分公司` : `${company.name} (branch ${n})`;
      }
      usedNames.add(name);
      shortName = company.shortName;
      domain = company.domain;
      if (rng.chance(0.15)) {
        record.name = shortName;
        record.legalName = name;
      } else {
        record.name = name;
      }
      record.industry = text(industry.name, lang);
      record.companySize = skewed(rng, 8, 20_000, 1, 5);
      record.annualRevenue = record.companySize * rng.int(20, 150) * 10_000;
      if (rng.chance(0.6)) record.website = `https://www.${domain}`;
      if (rng.chance(0.85)) phones.push({ number: fakeLandline(rng, city), type: 'work' });
      if (rng.chance(0.3)) phones.push({ number: fakeMobile(rng), type: 'mobile' });
      if (rng.chance(0.1)) phones.push({ number: fakeLandline(rng, city), type: 'fax' });
      if (rng.chance(0.7))
        emails.push(`${rng.pick(['info', 'sales', 'service', 'contact', 'hr'])}@${domain}`);
      // Some customers have no custom field values at all.
      const customFields: Record<string, string> = {};
      if (rng.chance(0.7)) {
        customFields.creditRating = rng.pick(CREDIT_RATINGS);
        if (lang === 0) customFields.socialCreditCode = fakeCreditCode(rng, city);
        if (rng.chance(0.4))
          customFields.wechatGroup =
            lang === 0 ? `${shortName}-服务群` : `${shortName} service group`;
      }
      record.customFields = customFields;
      for (const tag of rng.sample(CUSTOMER_TAGS, rng.int(0, 2))) tags.push(text(tag, lang));
    }

    if (tier === 'vip') tags.push('VIP');
    record.region = fakeRegion(rng, city, lang);
    if (rng.chance(0.8)) record.source = text(rng.pick(CUSTOMER_SOURCES), lang);
    if (owner) {
      record.ownerId = owner.id;
      record.teamId = owner.teamId;
    } else {
      record.poolId = PUBLIC_POOL_ID;
    }
    const [minDays, maxDays] =
      lifecycleStage === 'churned' ? [120, 400] : inPool ? [30, 300] : [0, 120];
    if (!inPool || rng.chance(0.5))
      record.lastContactAt = iso(pastOfficeTime(ctx, rng, minDays, maxDays));
    if (rng.chance(0.15)) record.notes = text(rng.pick(CUSTOMER_NOTES), lang);

    const hostileName = ctx.hostile ? HOSTILE_STRINGS.customerNames[index] : undefined;
    if (hostileName !== undefined) record.name = hostileName;

    yield { record, lang, city, shortName, domain };
  }
}
