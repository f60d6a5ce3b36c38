import type { DomainContext } from '../client/domain-context.js';
import type { DuplicateMatch } from '../entities/lead.js';
import { normalizePhone, normalizeText } from '../query/normalize.js';

/** Legal-form suffixes ignored when company names are compared (longest first wins). */
export const COMPANY_SUFFIXES: readonly string[] = [
  '集团股份有限公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份公司',
  '集团',
  '公司',
];
/** Trailing English words dropped from company names: `Acme Trading Co., Ltd.` → `acme trading`. */
const ENGLISH_SUFFIX_WORDS = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'plc',
  'gmbh',
]);

/** The suffixes, longest first; sorted once, as imports compare 100k names. */
const SORTED_SUFFIXES = [...COMPANY_SUFFIXES].sort((a, b) => b.length - a.length);

/** A company name without its legal-form suffix, NFKC-folded and lower-cased (keeps inner spaces). */
export function stripCompanySuffixes(name: string, extra: readonly string[] = []): string {
  const suffixes = extra.length
    ? [...extra.map((s) => normalizeText(s).trim()), ...COMPANY_SUFFIXES]
        .filter(Boolean)
        .sort((a, b) => b.length - a.length)
    : SORTED_SUFFIXES;
  let s = normalizeText(name).trim();
  for (let changed = true; changed;) {
    changed = false;
    s = s.replace(/[\s.,;:·、，。]+$/u, '');
    const suffix = suffixes.find((x) => s.length > x.length && s.endsWith(x));
    if (suffix) {
      s = s.slice(0, -suffix.length);
      changed = true;
      continue;
    }
    const word = /^(.*\S)[\s.,]+([a-z]+)$/u.exec(s);
    if (word && ENGLISH_SUFFIX_WORDS.has(word[2]!)) {
      s = word[1]!;
      changed = true;
    }
  }
  return s.trim();
}

/**
 * The comparison key of a company name: suffix-free, folded, without spaces or punctuation.
 * `杭州云帆贸易有限公司`, `杭州云帆贸易股份有限公司` and `杭州云帆贸易` share one key, as do
 * `Acme Trading Co., Ltd.` and `ACME TRADING`.
 */
export function companyKey(name: string, extra: readonly string[] = []): string {
  return stripCompanySuffixes(name, extra).replace(/[\s\p{P}\p{S}]/gu, '');
}

/** What a capture is compared on. */
export interface DuplicateProbe {
  readonly phones?: readonly string[];
  readonly emails?: readonly string[];
  readonly company?: string;
}

type Matchable = {
  id: string;
  phones?: readonly { number: string }[];
  emails?: readonly string[];
  company?: string;
  name?: string;
  legalName?: string;
};

/**
 * Leads, contacts and customers that share a phone (normalised: spaces, dashes, `+86`, full-width
 * digits), an email (case-insensitive) or a company name (without legal-form suffixes) with the
 * probe. Reads go through the gateway, so only records the principal may see are found.
 */
export async function findDuplicates(
  domain: DomainContext,
  probe: DuplicateProbe,
  options: { companySuffixes?: readonly string[]; excludeLeadId?: string } = {},
): Promise<DuplicateMatch[]> {
  const suffixes = options.companySuffixes ?? [];
  const phones = [...new Set((probe.phones ?? []).map(normalizePhone))].filter(
    (p) => p.length >= 5,
  );
  const emails = [...new Set((probe.emails ?? []).map((e) => e.trim().toLowerCase()))].filter(
    Boolean,
  );
  const stripped = probe.company ? stripCompanySuffixes(probe.company, suffixes) : '';
  const key = probe.company ? companyKey(probe.company, suffixes) : '';

  const found = new Map<string, DuplicateMatch>();
  const add = (entity: DuplicateMatch['entity'], id: string, on: DuplicateMatch['on'][number]) => {
    if (entity === 'lead' && id === options.excludeLeadId) return;
    const k = `${entity}:${id}`;
    const match = found.get(k) ?? { entity, id, on: [] };
    if (!match.on.includes(on)) match.on.push(on);
    found.set(k, match);
  };
  const ctx = domain.context();
  const search = async (entity: DuplicateMatch['entity'], text: string) =>
    (await domain.gateway.query(ctx, entity, { search: text, limit: 100 }))
      .items as unknown as Matchable[];

  for (const entity of ['lead', 'contact', 'customer'] as const) {
    for (const phone of phones) {
      for (const r of await search(entity, phone)) {
        if ((r.phones ?? []).some((p) => normalizePhone(p.number) === phone))
          add(entity, r.id, 'phone');
      }
    }
    for (const email of emails) {
      for (const r of await search(entity, email)) {
        if ((r.emails ?? []).some((e) => e.toLowerCase() === email)) add(entity, r.id, 'email');
      }
    }
    if (key.length >= 2 && entity !== 'contact') {
      for (const r of await search(entity, stripped)) {
        const names = entity === 'lead' ? [r.company] : [r.name, r.legalName];
        if (names.some((n) => n !== undefined && companyKey(n, suffixes) === key))
          add(entity, r.id, 'company');
      }
    }
  }
  return [...found.values()];
}
