import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput } from '../client/repository.js';
import type { OwnerChange } from '../entities/owner-change.js';
import type { OWNED_ENTITIES } from '../entities/enums.js';
import type { EntityRecord } from '../entities/registry.js';
import { createActivityOperations } from './activities.js';
import { createBoard } from './board.js';
import { createDealMoves } from './deal-moves.js';
import { findDuplicates, type DuplicateProbe } from './duplicate-check.js';
import { createForecast } from './forecast.js';
import { createLeadCapture } from './lead-capture.js';
import { createLeadConversion } from './lead-conversion.js';
import { leadBehaviour, scoreLead, scorePatch, type LeadScore } from './lead-scoring.js';
import { createOrderOperations, createReceivables } from './orders.js';
import { createOwnedRecordWrites } from './owned-record-writes.js';
import { createOwnerTransfer } from './owner-transfer.js';
import { createPipelineStages } from './pipeline-stages.js';
import { createPool, type ReleaseOptions } from './pool.js';
import { createQuotaOperations } from './quotas.js';
import { salesIo } from './sales-io.js';
import { checkScoringRules, DEFAULT_SCORING_RULES, type SalesOptions } from './sales-options.js';
import { createTimeline } from './timeline.js';

/**
 * Every sales operation, built over a {@link DomainContext} and grouped by the repository it
 * joins on `crm` (`crm.leads.convert`, `crm.deals.move`, …); `sales` holds what fits none.
 */
export function createSalesOperations(domain: DomainContext, options: SalesOptions = {}) {
  const rules = checkScoringRules(options.scoringRules ?? DEFAULT_SCORING_RULES);
  const companySuffixes = options.companySuffixes ?? [];
  const timeZone = options.timeZone ?? 'Asia/Shanghai';

  const leadWrites = createOwnedRecordWrites(domain, 'lead', 'status', async (merged, id) => {
    if (merged.status === 'converted') return null;
    return scorePatch(
      merged as Partial<EntityRecord<'lead'>>,
      await leadBehaviour(domain, id),
      rules,
    );
  });
  const customerWrites = createOwnedRecordWrites(domain, 'customer', 'lifecycleStage');
  const pool = createPool(domain, options);
  const capture = createLeadCapture(domain, leadWrites, { rules, companySuffixes });
  const activities = createActivityOperations(domain, rules);
  const deals = createDealMoves(domain);

  async function rescore(id: string): Promise<EntityRecord<'lead'>> {
    const lead = await salesIo.get(domain, 'lead', id);
    const patch = scorePatch(lead, await leadBehaviour(domain, id), rules);
    if (!patch) return lead;
    const [record] = await domain.gateway.write(domain.context(), [
      { type: 'update', entity: 'lead', id, patch, expectedVersion: lead.version },
    ]);
    return record as unknown as EntityRecord<'lead'>;
  }

  return {
    leads: {
      /** Creates a lead with its first touch, score and (when owned) assignment recorded. */
      create: (input: CreateInput<'lead'>) =>
        leadWrites.create(
          typeof input === 'object' && input !== null && input.touches === undefined
            ? {
                ...input,
                touches: [
                  {
                    at: domain.clock().toISOString(),
                    source: input.source ?? 'other',
                    ...(input.campaignId !== undefined && { campaignId: input.campaignId }),
                  },
                ],
              }
            : input,
        ),
      /** Updates a lead; the score, stage time and owner history follow in the same write. */
      update: leadWrites.update,
      capture,
      convert: createLeadConversion(domain, { companySuffixes }),
      /** Returns the lead to its pool (公海) with a reason. */
      release: (id: string, reason: string, releaseOptions?: ReleaseOptions) =>
        pool.release('lead', id, reason, releaseOptions) as Promise<EntityRecord<'lead'>>,
      /** Takes a lead from its pool for the acting principal. */
      claim: (id: string, claimOptions?: { expectedVersion?: number }) =>
        pool.claim('lead', id, claimOptions) as Promise<EntityRecord<'lead'>>,
      /** Leads waiting in the pools the principal may see. */
      pool: (query?: Parameters<typeof pool.list>[1]) => pool.list('lead', query),
      /** Recomputes one lead's score (e.g. after the rules changed). */
      rescore,
      /** The score and per-rule explanation a lead would get now, without storing it. */
      async explainScore(id: string): Promise<LeadScore> {
        return scoreLead(
          await salesIo.get(domain, 'lead', id),
          await leadBehaviour(domain, id),
          rules,
        );
      },
      /** Leads, contacts and customers matching a phone, email or company name. */
      findDuplicates: (probe: DuplicateProbe) => findDuplicates(domain, probe, { companySuffixes }),
    },
    customers: {
      create: customerWrites.create,
      update: customerWrites.update,
      release: (id: string, reason: string, releaseOptions?: ReleaseOptions) =>
        pool.release('customer', id, reason, releaseOptions) as Promise<EntityRecord<'customer'>>,
      claim: (id: string, claimOptions?: { expectedVersion?: number }) =>
        pool.claim('customer', id, claimOptions) as Promise<EntityRecord<'customer'>>,
      pool: (query?: Parameters<typeof pool.list>[1]) => pool.list('customer', query),
      timeline: createTimeline(domain),
      receivable: createReceivables(domain),
    },
    /** `move`, `create`, and `board` (count, total and weighted amount per stage). */
    deals: { ...deals, board: createBoard(domain) },
    pipelines: createPipelineStages(domain),
    activities,
    orders: createOrderOperations(domain),
    quotas: createQuotaOperations(domain, timeZone),
    sales: {
      transferOwner: createOwnerTransfer(domain),
      forecast: createForecast(domain, timeZone),
      /** Applies the recycling rules now; returns what went back to the pools and why. */
      recycle: pool.recycle,
      /** Every owner change of a record, oldest first. */
      async ownerHistory(
        entity: (typeof OWNED_ENTITIES)[number],
        id: string,
      ): Promise<OwnerChange[]> {
        return (await salesIo.all(
          domain,
          'ownerChange',
          { entity: { eq: entity }, recordId: { eq: id } },
          [{ field: 'at', direction: 'asc' }],
        )) as unknown as OwnerChange[];
      },
    },
  };
}

export type SalesOperations = ReturnType<typeof createSalesOperations>;
export type LeadOperations = SalesOperations['leads'];
export type CustomerOperations = SalesOperations['customers'];
export type DealOperations = SalesOperations['deals'];
export type PipelineOperations = SalesOperations['pipelines'];
export type ActivityOperations = SalesOperations['activities'];
export type OrderOperations = SalesOperations['orders'];
export type QuotaOperations = SalesOperations['quotas'];
export type SalesNamespace = SalesOperations['sales'];
