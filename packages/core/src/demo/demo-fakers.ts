import type { Region } from '../entities/common.js';
import type { Lang } from './demo-context.js';
import {
  BRANDS,
  BUILDINGS,
  CITIES,
  EN_BRANDS,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  EN_PERSONAL_EMAIL_DOMAINS,
  GIVEN_NAMES,
  INDUSTRIES,
  MOBILE_PREFIXES,
  PERSONAL_EMAIL_DOMAINS,
  STREETS,
  SURNAMES,
  type DemoCity,
  type DemoIndustry,
} from './demo-words.js';
import { weightedTable, type Random } from './random.js';

/**
 * Small fakers for people, companies, places and numbers, shared by the entity generators.
 * Each takes the random stream to draw from, so callers control determinism.
 */

const SURNAME_TABLE = weightedTable(SURNAMES.map(([zh, py, w]) => [[zh, py] as const, w] as const));
const GIVEN_TABLE = weightedTable(
  GIVEN_NAMES.map(([zh, py, gender, w]) => [[zh, py, gender] as const, w] as const),
);
export const CITY_TABLE = weightedTable(CITIES.map((c) => [c, c.weight] as const));
export const INDUSTRY_TABLE = weightedTable(INDUSTRIES.map((i) => [i, i.weight] as const));

export interface FakePerson {
  readonly name: string;
  readonly gender: 'male' | 'female';
  /** Lower-case ASCII parts for e-mail addresses: [family, given]. */
  readonly ascii: readonly [string, string];
}

export function fakePerson(rng: Random, lang: Lang): FakePerson {
  if (lang === 1) {
    const [first, gender] = rng.pick(EN_FIRST_NAMES);
    const last = rng.pick(EN_LAST_NAMES);
    return { name: `${first} ${last}`, gender, ascii: [last.toLowerCase(), first.toLowerCase()] };
  }
  const [surname, surnamePy] = rng.weighted(SURNAME_TABLE);
  const [given, givenPy, gender] = rng.weighted(GIVEN_TABLE);
  return { name: surname + given, gender, ascii: [surnamePy, givenPy] };
}

/** `zhangweiming`, `weiming.zhang`, `zhang_weiming88` … */
export function emailLocalPart(rng: Random, [family, given]: readonly [string, string]): string {
  switch (rng.int(0, 3)) {
    case 0:
      return `${family}${given}`;
    case 1:
      return `${given}.${family}`;
    case 2:
      return `${family}.${given.slice(0, 1)}`;
    default:
      return `${family}_${given}${rng.int(1, 99)}`;
  }
}

export function personalEmail(rng: Random, person: FakePerson, lang: Lang): string {
  if (lang === 0 && rng.chance(0.35)) return `${rng.int(10_000_000, 3_999_999_999)}@qq.com`;
  const domains = lang === 1 ? EN_PERSONAL_EMAIL_DOMAINS : PERSONAL_EMAIL_DOMAINS;
  return `${emailLocalPart(rng, person.ascii)}@${rng.pick(domains)}`;
}

const digits = (rng: Random, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i++) out += String(rng.int(0, 9));
  return out;
};

/** `138 0013 8000`, sometimes `+86 138 0013 8000`. */
export function fakeMobile(rng: Random): string {
  const number = `${rng.pick(MOBILE_PREFIXES)} ${digits(rng, 4)} ${digits(rng, 4)}`;
  return rng.chance(0.2) ? `+86 ${number}` : number;
}

/** A fixed line in the city: `0755-2688 1234`. */
export function fakeLandline(rng: Random, city: DemoCity): string {
  return `${city.areaCode}-${rng.int(2, 8)}${digits(rng, 3)} ${digits(rng, 4)}`;
}

export function fakeRegion(rng: Random, city: DemoCity, lang: Lang): Region {
  const street = rng.pick(STREETS);
  const number = rng.int(1, 999);
  if (lang === 1) {
    return {
      country: 'China',
      province: city.province[1],
      city: city.city[1],
      address: `No. ${number} ${street[1]}`,
    };
  }
  const district = rng.pick(city.districts);
  const building = rng.chance(0.6) ? `${rng.pick(BUILDINGS)} ${rng.int(2, 32)} 层` : '';
  return {
    country: '中国',
    province: city.province[0],
    city: city.city[0],
    district,
    address: `${district}${street[0]}${number}号${building}`,
  };
}

export interface FakeCompany {
  readonly name: string;
  /** What people call it: 星辰科技, Bluepeak. */
  readonly shortName: string;
  readonly domain: string;
}

const DOMAIN_TAILS = ['', '', 'tech', 'group'];
const TLDS = ['com', 'com.cn', 'cn'];

/** 深圳华信电子有限公司 / 杭州远航教育科技股份有限公司 / Bluepeak Logistics (Shenzhen) Co., Ltd. */
export function fakeCompany(
  rng: Random,
  lang: Lang,
  city: DemoCity,
  industry: DemoIndustry,
): FakeCompany {
  const word = rng.pick(industry.words);
  if (lang === 1) {
    const brand = rng.pick(EN_BRANDS);
    const form = rng.int(0, 2);
    const name =
      form === 0
        ? `${brand} ${word[1]} (${city.city[1]}) Co., Ltd.`
        : form === 1
          ? `${brand} ${word[1]} Inc.`
          : `${brand} ${word[1]} Co., Ltd.`;
    const slug = `${brand}-${word[1].split(' ')[0]}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return { name, shortName: brand, domain: `${slug}.com` };
  }
  const [brand, brandPy] = rng.pick(BRANDS);
  const tech = !word[0].includes('科技') && rng.chance(0.25);
  const core = tech ? `${brand}科技` : `${brand}${word[0]}`;
  const suffix = tech ? '有限公司' : rng.chance(0.2) ? '股份有限公司' : '有限公司';
  const prefix = rng.chance(0.9) ? city.city[0].slice(0, -1) : ''; // 深圳市 → 深圳
  const domainTail = rng.chance(0.2) ? city.abbr : rng.pick(DOMAIN_TAILS);
  const tld = rng.pick(TLDS);
  return {
    name: `${prefix}${core}${suffix}`,
    shortName: core,
    domain: `${brandPy}${domainTail}.${tld}`,
  };
}

/** A resident ID number (18 digits, valid check digit) for someone born in `city` on `birthday`. */
export function fakeIdNumber(
  rng: Random,
  city: DemoCity,
  birthday: string,
  gender: 'male' | 'female',
): string {
  const sequence = rng.int(0, 49) * 2 + (gender === 'male' ? 1 : 0);
  const body = `${city.divisionCode}${birthday.replaceAll('-', '')}${String(rng.int(0, 9))}${String(sequence).padStart(2, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] as number);
  return body + '10X98765432'.charAt(sum % 11);
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A unified social credit code (统一社会信用代码) of a company registered in `city`, with a valid check character. */
export function fakeCreditCode(rng: Random, city: DemoCity): string {
  let body = `91${city.divisionCode}`;
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_CHARS.charAt(rng.int(0, 30));
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++)
    sum += CREDIT_CODE_CHARS.indexOf(body.charAt(i)) * (weights[i] as number);
  return body + CREDIT_CODE_CHARS.charAt((31 - (sum % 31)) % 31);
}

/** A 19-digit debit card number in groups of four: `6222 0212 3456 7890 123`. */
export function fakeBankAccount(rng: Random): string {
  const number = `${rng.pick(['6222', '6217', '6228', '6214'])}${digits(rng, 15)}`;
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** A date of birth (YYYY-MM-DD) for an adult in 2026. */
export function fakeBirthday(rng: Random): string {
  const year = rng.int(1962, 2002);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A point near the city centre (within ~5 km), six decimals. */
export function nearCity(rng: Random, city: DemoCity): { lat: number; lng: number } {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    lat: round(city.lat + rng.float(-0.045, 0.045)),
    lng: round(city.lng + rng.float(-0.05, 0.05)),
  };
}
