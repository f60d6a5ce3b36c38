import type { EntityInput, EntityName } from '../entities/registry.js';
import { DEFAULT_OWNERS, DEFAULT_TEAMS, type Bilingual, type TeamKey } from './demo-words.js';
import { createRandom, type Random } from './random.js';

/** Which language generated text is in; `mixed` is about 80% zh-CN, 20% en. */
export type DemoLocale = 'zh-CN' | 'en' | 'mixed';

/** An entity input as the generator produces it: always with a readable `id` (`cus_00001`). */
export type DemoRecord<E extends EntityName> = EntityInput<E> & { id: string };

/** A user of the host system who owns records. Users and teams come from the host, not from Rapport. */
export interface DemoOwner {
  readonly id: string;
  readonly name: string;
  readonly teamId: string;
}

export interface DemoTeam {
  readonly id: string;
  readonly name: string;
}

export interface DemoOptions {
  /** Same seed, same options → byte-identical output. Default 1. */
  readonly seed?: number;
  /** The present, ISO. Everything that has happened is at or before it. Default 2026-06-30T08:00:00.000Z. */
  readonly now?: string;
  readonly locale?: DemoLocale;
  /** Default 200, or `contacts / contactsPerCustomer` when only `contacts` is given. */
  readonly customers?: number;
  /** Average contacts per customer, default 2.5. */
  readonly contactsPerCustomer?: number;
  /** Total contacts; overrides `contactsPerCustomer`. */
  readonly contacts?: number;
  /** Default 0.6 per customer. */
  readonly leads?: number;
  /** Default 0.9 per customer. */
  readonly deals?: number;
  /** Default 4 per customer. */
  readonly activities?: number;
  /** Default 0.6 per customer. */
  readonly tickets?: number;
  /** Default one per won deal; more become repeat orders without a deal. */
  readonly orders?: number;
  /** Default 12 (the built-in campaign list; more repeat it as later editions). */
  readonly campaigns?: number;
  /** The host's users; default eleven users in three regional sales teams and a support team. */
  readonly owners?: readonly DemoOwner[];
  /**
   * Put hostile-but-valid display strings (`<img src=x onerror=alert(1)> 测试公司`, …, see
   * `HOSTILE_STRINGS`) in fixed places: the names of the first customers (cus_00001…cus_00005),
   * the name and title of con_000001, the subject and description of tkt_00001, and the title and
   * body of art_001. Nothing else changes. Default false.
   */
  readonly includeHostileNames?: boolean;
}

/** 0 = zh-CN, 1 = en: an index into a `Bilingual` pair. */
export type Lang = 0 | 1;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const CST = 8 * HOUR;

/** Everything the entity generators share: resolved options, owners and time helpers. */
export interface DemoContext {
  readonly seed: number;
  /** `now` in epoch milliseconds. */
  readonly now: number;
  readonly locale: DemoLocale;
  readonly hostile: boolean;
  readonly counts: {
    readonly customers: number;
    readonly contacts: number;
    readonly leads: number;
    readonly deals: number;
    readonly activities: number;
    readonly tickets: number;
    readonly orders: number | undefined;
    readonly campaigns: number;
  };
  readonly owners: readonly DemoOwner[];
  readonly teams: readonly DemoTeam[];
  /** Language of shared records (pipelines, policies, segments): en only for the `en` locale. */
  readonly globalLang: Lang;
  /** An independent random stream for one kind of record. */
  fork(label: string): Random;
  /** The language of one record. Draws only in the `mixed` locale. */
  lang(rng: Random): Lang;
  /** Everyone who sells (everyone, with the host's own owners). */
  readonly sellers: readonly DemoOwner[];
  /** A salesperson covering a region. */
  salesOwner(rng: Random, team: TeamKey): DemoOwner;
  /** A support agent. */
  agent(rng: Random): DemoOwner;
  /** The support team's id, if there is one. */
  readonly supportTeamId: string | undefined;
}

export function createDemoContext(options: DemoOptions = {}): DemoContext {
  const seed = options.seed ?? 1;
  const now = Date.parse(options.now ?? '2026-06-30T08:00:00.000Z');
  if (Number.isNaN(now)) throw new RangeError(`Not an ISO date: ${options.now}`);
  const locale = options.locale ?? 'mixed';
  const globalLang: Lang = locale === 'en' ? 1 : 0;
  const perCustomer = options.contactsPerCustomer ?? 2.5;
  const customers = count(
    options.customers ??
      (options.contacts !== undefined
        ? Math.ceil(options.contacts / Math.max(perCustomer, 0.1))
        : 200),
  );
  const per = (ratio: number) => Math.round(customers * ratio);

  const owners: readonly DemoOwner[] =
    options.owners ??
    DEFAULT_OWNERS.map((o) => ({ id: o.id, name: o.name[globalLang], teamId: o.teamId }));
  if (owners.length === 0) throw new RangeError('Give at least one owner');
  const teams: DemoTeam[] = options.owners
    ? [...new Set(owners.map((o) => o.teamId))].map((id) => ({ id, name: id }))
    : DEFAULT_TEAMS.map((t) => ({ id: t.id, name: t.name[globalLang] }));

  // With the default teams, regions map to regional sales teams and tickets go to support; with
  // the host's own owners (team semantics unknown) anyone may own anything.
  const byTeam = new Map<string, DemoOwner[]>();
  for (const owner of owners)
    byTeam.set(owner.teamId, [...(byTeam.get(owner.teamId) ?? []), owner]);
  const supportTeam = options.owners ? undefined : DEFAULT_TEAMS.find((t) => t.key === 'support');
  const agents = (supportTeam && byTeam.get(supportTeam.id)) || owners;
  const sellers = supportTeam ? owners.filter((o) => o.teamId !== supportTeam.id) : owners;
  const salesFor = (team: TeamKey): readonly DemoOwner[] => {
    const id = DEFAULT_TEAMS.find((t) => t.key === team)?.id;
    return (!options.owners && id && byTeam.get(id)) || sellers;
  };

  const root = createRandom(seed);
  return {
    seed,
    now,
    locale,
    hostile: options.includeHostileNames ?? false,
    counts: {
      customers,
      contacts: count(options.contacts ?? per(perCustomer)),
      leads: count(options.leads ?? per(0.6)),
      deals: count(options.deals ?? per(0.9)),
      activities: count(options.activities ?? per(4)),
      tickets: count(options.tickets ?? per(0.6)),
      orders: options.orders === undefined ? undefined : count(options.orders),
      campaigns: count(options.campaigns ?? 12),
    },
    owners,
    teams,
    globalLang,
    fork: (label) => root.fork(label),
    lang: (rng) => (locale === 'zh-CN' ? 0 : locale === 'en' ? 1 : rng.chance(0.8) ? 0 : 1),
    sellers,
    salesOwner: (rng, team) => rng.pick(salesFor(team)),
    agent: (rng) => rng.pick(agents),
    supportTeamId: supportTeam?.id,
  };
}

function count(value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Not a valid count: ${value}`);
  return Math.floor(value);
}

export const text = (pair: Bilingual, lang: Lang): string => pair[lang];

/** `cus_00001`: a prefix and a 1-based, zero-padded sequence number. */
export const demoId = (prefix: string, index: number, width: number): string =>
  `${prefix}_${String(index + 1).padStart(width, '0')}`;

/** ISO timestamp, to the minute (demo times need no seconds). */
export const iso = (ms: number): string => new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString();

/** The calendar date (YYYY-MM-DD) in China of an instant. */
export const chinaDate = (ms: number): string => new Date(ms + CST).toISOString().slice(0, 10);

/**
 * An instant during office hours (Mon–Fri 09:00–18:00, Asia/Shanghai) on the China calendar day
 * of `ms`, moved back to Friday if that day is a weekend.
 */
export function officeTime(rng: Random, ms: number): number {
  const local = ms + CST;
  let dayStart = local - (((local % DAY) + DAY) % DAY) - CST;
  const weekday = new Date(dayStart + CST).getUTCDay();
  if (weekday === 6) dayStart -= DAY;
  else if (weekday === 0) dayStart -= 2 * DAY;
  return dayStart + 9 * HOUR + Math.floor((rng.next() * 9 * HOUR) / MINUTE) * MINUTE;
}

/** An office-hours instant between `maxDays` and `minDays` before now, never after now. */
export function pastOfficeTime(
  ctx: DemoContext,
  rng: Random,
  minDays: number,
  maxDays: number,
): number {
  const at = officeTime(rng, ctx.now - rng.float(minDays, maxDays) * DAY);
  return Math.min(at, ctx.now);
}

/**
 * A value in [min, max] rounded to `step`, skewed towards `min` (many small deals, a few large
 * ones). Only multiplications, no `Math.exp`/`Math.log`, whose last bits may differ between
 * JavaScript engines: the output must be identical everywhere.
 */
export function skewed(rng: Random, min: number, max: number, step: number, power = 3): number {
  const u = rng.next();
  let weight = 1;
  for (let i = 0; i < power; i++) weight *= u;
  return Math.max(step, Math.round((min + (max - min) * weight) / step) * step);
}

/** An office-hours instant between `minDays` and `maxDays` from now, always after now. */
export function futureOfficeTime(
  ctx: DemoContext,
  rng: Random,
  minDays: number,
  maxDays: number,
): number {
  const at = officeTime(rng, ctx.now + rng.float(minDays, maxDays) * DAY);
  return at > ctx.now ? at : at + 7 * DAY;
}
