import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput } from '../client/repository.js';
import type { DuplicateMatch, Lead, LeadTouch } from '../entities/lead.js';
import { LEAD_SOURCES } from '../entities/enums.js';
import type { EntityRecord } from '../entities/registry.js';
import { ConflictError, ValidationError } from '../errors.js';
import { normalizePhone } from '../query/normalize.js';
import { findDuplicates } from './duplicate-check.js';
import { leadBehaviour, scorePatch } from './lead-scoring.js';
import type { OwnedRecordWrites } from './owned-record-writes.js';
import { salesIo } from './sales-io.js';
import type { ScoringRule } from './sales-options.js';

/**
 * What a capture accepts: a lead, plus the flat `phone` / `email` a web form usually posts.
 * `source` defaults to `api`; keep `campaignId` to credit the campaign.
 */
export type LeadCaptureInput = CreateInput<'lead'> & { phone?: string; email?: string };

export interface CaptureOptions {
  /**
   * What to do when the capture matches an existing lead (not converted) on phone, email or company:
   * `merge` (default) records a new touch on that lead and fills its empty fields; `create` stores
   * a new lead anyway; `reject` throws `ConflictError` naming the matches.
   */
  readonly onDuplicate?: 'merge' | 'create' | 'reject';
}

export interface CaptureResult {
  readonly lead: EntityRecord<'lead'>;
  /** `false` when the capture was merged into an existing lead. */
  readonly created: boolean;
  /** Every lead, contact and customer the capture matched. */
  readonly duplicates: DuplicateMatch[];
}

const FILLABLE = ['company', 'title', 'industry', 'companySize', 'region', 'teamId'] as const;

/**
 * Lead capture from any source (web form, import, API) with a duplicate check against leads,
 * contacts and customers.
 *
 * @example
 * ```ts
 * const { lead, created, duplicates } = await crm.leads.capture(
 *   { name: '王芳', company: '杭州云帆贸易有限公司', phone: '+86 138-0013-8000', source: 'web', campaignId: 'cmp-618' },
 * );
 * ```
 */
export function createLeadCapture(
  domain: DomainContext,
  writes: OwnedRecordWrites<'lead'>,
  options: { rules: readonly ScoringRule[]; companySuffixes: readonly string[] },
) {
  return async function capture(
    input: LeadCaptureInput,
    captureOptions: CaptureOptions = {},
  ): Promise<CaptureResult> {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new ValidationError([{ path: [], message: 'Expected a lead object' }]);
    const { phone, email, ...rest } = input;
    const issues = [];
    if (phone !== undefined && typeof phone !== 'string')
      issues.push({ path: ['phone'], message: 'Expected a phone number' });
    if (email !== undefined && typeof email !== 'string')
      issues.push({ path: ['email'], message: 'Expected an email address' });
    if (rest.source !== undefined && !LEAD_SOURCES.includes(rest.source))
      issues.push({ path: ['source'], message: `Use one of ${LEAD_SOURCES.join(', ')}` });
    if (issues.length) throw new ValidationError(issues);

    const phones = [...(Array.isArray(rest.phones) ? rest.phones : [])];
    if (phone && !phones.some((p) => normalizePhone(p.number) === normalizePhone(phone)))
      phones.push({ number: phone, type: 'mobile' });
    const emails = [...(Array.isArray(rest.emails) ? rest.emails : [])].map((e) =>
      typeof e === 'string' ? e.trim().toLowerCase() : e,
    );
    if (email && !emails.includes(email.trim().toLowerCase()))
      emails.push(email.trim().toLowerCase());
    const lead: CreateInput<'lead'> = {
      ...rest,
      source: rest.source ?? 'api',
      phones,
      emails,
    };

    const duplicates = await findDuplicates(
      domain,
      {
        phones: phones.map((p) => p.number),
        emails,
        ...(typeof lead.company === 'string' && { company: lead.company }),
      },
      { companySuffixes: options.companySuffixes },
    );
    const mode = captureOptions.onDuplicate ?? 'merge';
    if (mode === 'reject' && duplicates.length > 0) {
      const list = duplicates.map((d) => `${d.entity}/${d.id} (${d.on.join(', ')})`).join('; ');
      throw new ConflictError('leads', duplicates[0]!.id, undefined, null, `Duplicate of ${list}`);
    }
    const now = domain.clock().toISOString();
    const touch: LeadTouch = {
      at: now,
      source: lead.source!,
      ...(lead.campaignId !== undefined && { campaignId: lead.campaignId }),
    };

    if (mode === 'merge') {
      for (const match of duplicates.filter((d) => d.entity === 'lead')) {
        const existing = await salesIo.get(domain, 'lead', match.id);
        if (existing.status === 'converted') continue;
        return {
          lead: await merge(existing, lead, touch),
          created: false,
          duplicates: duplicates.filter((d) => !(d.entity === 'lead' && d.id === existing.id)),
        };
      }
    }
    const created = await writes.create({
      ...lead,
      touches: [...(lead.touches ?? []), touch],
      ...(duplicates.length > 0 && { duplicates }),
    });
    return { lead: created, created: true, duplicates };
  };

  /** Records the new touch on the existing lead and fills the fields it lacks; rescored. */
  async function merge(
    existing: EntityRecord<'lead'>,
    incoming: CreateInput<'lead'>,
    touch: LeadTouch,
  ): Promise<EntityRecord<'lead'>> {
    const patch: Record<string, unknown> = { touches: [...(existing.touches ?? []), touch] };
    for (const field of FILLABLE) {
      if (existing[field] === undefined && incoming[field] !== undefined)
        patch[field] = incoming[field];
    }
    if (existing.campaignId === undefined && incoming.campaignId !== undefined)
      patch.campaignId = incoming.campaignId;
    const knownPhones = new Set(existing.phones.map((p) => normalizePhone(p.number)));
    const newPhones = (incoming.phones ?? []).filter(
      (p) => !knownPhones.has(normalizePhone(p.number)),
    );
    if (newPhones.length) patch.phones = [...existing.phones, ...newPhones];
    const newEmails = (incoming.emails ?? []).filter((e) => !existing.emails.includes(e));
    if (newEmails.length) patch.emails = [...existing.emails, ...newEmails];
    const scored = scorePatch(
      { ...existing, ...(patch as Partial<Lead>) },
      await leadBehaviour(domain, existing.id),
      options.rules,
    );
    const [record] = await domain.gateway.write(domain.context(), [
      {
        type: 'update',
        entity: 'lead',
        id: existing.id,
        patch: { ...patch, ...scored },
        expectedVersion: existing.version,
      },
    ]);
    return record as unknown as EntityRecord<'lead'>;
  }
}
