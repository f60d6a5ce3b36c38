import type { DomainContext } from '../client/domain-context.js';
import type { ContactInput } from '../entities/contact.js';
import type { CustomerInput } from '../entities/customer.js';
import type { DealInput } from '../entities/deal.js';
import type { EntityRecord } from '../entities/registry.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { findDuplicates } from './duplicate-check.js';
import { salesIo } from './sales-io.js';
import { stageOf } from './deal-moves.js';

export interface ConvertLeadOptions {
  /** Attach to this customer instead of matching or creating one. */
  readonly customerId?: string;
  /** Fields for a new customer, over what the lead gives. */
  readonly customer?: Partial<CustomerInput>;
  /** Fields for the new contact, over what the lead gives. */
  readonly contact?: Partial<ContactInput>;
  /** Also open a deal: in this pipeline, at `stageId` (default: its first open stage). */
  readonly deal?: Partial<Omit<DealInput, 'pipelineId' | 'stageId'>> & {
    readonly pipelineId: string;
    readonly stageId?: string;
  };
}

export interface ConvertLeadResult {
  readonly lead: EntityRecord<'lead'>;
  readonly customer: EntityRecord<'customer'>;
  readonly contact: EntityRecord<'contact'>;
  readonly deal: EntityRecord<'deal'> | null;
  /** `true` when the lead matched an existing customer (by company name, phone or email). */
  readonly reusedCustomer: boolean;
  readonly reusedContact: boolean;
}

/**
 * Lead → customer + contact (+ deal), all-or-nothing and linked both ways
 * (`lead.convertedCustomerId / ContactId / DealId`, `customer.convertedFromLeadId`,
 * `contact.convertedFromLeadId`, `deal.leadId`). A lead that matches an existing customer joins
 * it, and a matching contact of that customer is reused. Converting twice is a `ConflictError`.
 *
 * @example
 * ```ts
 * const { customer, contact, deal } = await crm.leads.convert(lead.id, {
 *   deal: { pipelineId: 'standard', stageId: 'qualify', amount: 120000 },
 * });
 * ```
 * @throws ConflictError when the lead was already converted (or changed meanwhile)
 * @throws ValidationError for a stage outside the pipeline or invalid fields
 * @throws NotFoundError for a missing lead, customer or pipeline
 */
export function createLeadConversion(
  domain: DomainContext,
  options: { companySuffixes: readonly string[] },
) {
  return async function convert(
    id: string,
    convertOptions: ConvertLeadOptions = {},
  ): Promise<ConvertLeadResult> {
    const lead = await salesIo.get(domain, 'lead', id);
    if (lead.status === 'converted' || lead.convertedCustomerId !== undefined) {
      throw new ConflictError(
        'leads',
        id,
        lead.version,
        lead.version,
        `Lead ${id} was already converted (customer ${lead.convertedCustomerId ?? 'unknown'})`,
      );
    }
    const now = domain.clock().toISOString();
    const matches = await findDuplicates(
      domain,
      {
        phones: lead.phones.map((p) => p.number),
        emails: lead.emails,
        ...(lead.company !== undefined && { company: lead.company }),
      },
      { companySuffixes: options.companySuffixes, excludeLeadId: id },
    );

    // The customer: given, matched (company name first, then phone / email, then a contact's), or new.
    let customer: EntityRecord<'customer'> | null = null;
    if (convertOptions.customerId !== undefined)
      customer = await salesIo.get(domain, 'customer', convertOptions.customerId);
    else {
      const rank = (on: readonly string[]) => (on.includes('company') ? 0 : 1);
      const customerMatches = matches
        .filter((m) => m.entity === 'customer')
        .sort((a, b) => rank(a.on) - rank(b.on));
      const candidateIds = customerMatches.map((m) => m.id);
      for (const m of matches.filter((x) => x.entity === 'contact')) {
        const contact = await salesIo.get(domain, 'contact', m.id);
        if (contact.customerId) candidateIds.push(contact.customerId);
      }
      const [first] = candidateIds;
      if (first !== undefined) customer = await salesIo.get(domain, 'customer', first);
    }

    let contact: EntityRecord<'contact'> | null = null;
    if (customer) {
      for (const m of matches.filter((x) => x.entity === 'contact')) {
        const candidate = await salesIo.get(domain, 'contact', m.id);
        if (candidate.customerId === customer.id) {
          contact = candidate;
          break;
        }
      }
    }

    const intents: WriteIntent[] = [];
    const ownerId = lead.ownerId;
    const customerId = customer?.id ?? domain.newId();
    const contactId = contact?.id ?? domain.newId();
    if (!customer) {
      const person = lead.company === undefined;
      intents.push({
        type: 'create',
        entity: 'customer',
        input: {
          id: customerId,
          kind: person ? 'person' : 'company',
          name: lead.company ?? lead.name,
          lifecycleStage: 'prospect',
          ...(person && { phones: lead.phones, emails: lead.emails }),
          ...(lead.industry !== undefined && { industry: lead.industry }),
          ...(lead.companySize !== undefined && { companySize: lead.companySize }),
          ...(lead.region !== undefined && { region: lead.region }),
          ...(lead.teamId !== undefined && { teamId: lead.teamId }),
          ...(ownerId !== undefined && { ownerId, assignedAt: now }),
          ...(lead.lastContactAt !== undefined && { lastContactAt: lead.lastContactAt }),
          tags: lead.tags,
          source: lead.source,
          stageChangedAt: now,
          convertedFromLeadId: id,
          ...convertOptions.customer,
        },
      });
      if (ownerId !== undefined)
        intents.push(
          salesIo.ownerChange(
            domain,
            { entity: 'customer', recordId: customerId, toOwnerId: ownerId, kind: 'convert' },
            now,
          ),
        );
    }
    if (!contact) {
      intents.push({
        type: 'create',
        entity: 'contact',
        input: {
          id: contactId,
          customerId,
          name: lead.name,
          phones: lead.phones,
          emails: lead.emails,
          isPrimary: customer === null,
          ...(lead.title !== undefined && { title: lead.title }),
          ...(ownerId !== undefined && { ownerId }),
          ...(lead.teamId !== undefined && { teamId: lead.teamId }),
          ...(lead.lastContactAt !== undefined && { lastContactAt: lead.lastContactAt }),
          convertedFromLeadId: id,
          ...convertOptions.contact,
        },
      });
    }

    let dealId: string | undefined;
    if (convertOptions.deal) {
      const { pipelineId, stageId, ...dealFields } = convertOptions.deal;
      const pipeline = await salesIo.get(domain, 'pipeline', pipelineId);
      const stage =
        stageId === undefined
          ? pipeline.stages.find((s) => s.kind === 'open')
          : stageOf(pipeline, stageId, ['deal', 'stageId']);
      if (!stage)
        throw new ValidationError([
          { path: ['deal', 'stageId'], message: `Pipeline ${pipelineId} has no open stage` },
        ]);
      if (stage.kind === 'lost' && !dealFields.lostReason)
        throw new ValidationError([
          { path: ['deal', 'lostReason'], message: 'A lost deal needs a reason' },
        ]);
      dealId = domain.newId();
      intents.push({
        type: 'create',
        entity: 'deal',
        input: {
          id: dealId,
          name: lead.company ?? lead.name,
          pipelineId,
          stageId: stage.id,
          status: stage.kind,
          customerId,
          contactId,
          currency: pipeline.currency,
          stageHistory: [{ stageId: stage.id, enteredAt: now }],
          ...(stage.kind !== 'open' && { closedAt: now }),
          ...(ownerId !== undefined && { ownerId }),
          ...(lead.teamId !== undefined && { teamId: lead.teamId }),
          ...(lead.campaignId !== undefined && { campaignId: lead.campaignId }),
          leadId: id,
          ...dealFields,
        },
      });
    }
    intents.push({
      type: 'update',
      entity: 'lead',
      id,
      patch: {
        status: 'converted',
        convertedAt: now,
        stageChangedAt: now,
        convertedCustomerId: customerId,
        convertedContactId: contactId,
        ...(dealId !== undefined && { convertedDealId: dealId }),
      },
      expectedVersion: lead.version,
    });

    const written = await domain.gateway.write(domain.context(), intents);
    const byId = new Map(written.filter((r) => r !== null).map((r) => [`${r.id}`, r]));
    const pick = <T>(recordId: string, fallback: T | null) =>
      (byId.get(recordId) as unknown as T | undefined) ?? fallback;
    return {
      lead: written[written.length - 1] as unknown as EntityRecord<'lead'>,
      customer: pick(customerId, customer)!,
      contact: pick(contactId, contact)!,
      deal: dealId === undefined ? null : pick<EntityRecord<'deal'>>(dealId, null),
      reusedCustomer: customer !== null,
      reusedContact: contact !== null,
    };
  };
}
