import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput } from '../client/repository.js';
import type { Pipeline, Stage } from '../entities/pipeline.js';
import type { EntityRecord } from '../entities/registry.js';
import { ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { salesIo } from './sales-io.js';

export interface MoveDealOptions {
  /** Required when moving to a lost stage. */
  readonly lostReason?: string;
  /** Fail with `ConflictError` if the deal changed since this version. */
  readonly expectedVersion?: number;
}

const MAX_HISTORY = 500;

/** The stage of a pipeline, or a `ValidationError` at `path` naming the pipeline's stages. */
export function stageOf(
  pipeline: Pick<Pipeline, 'stages'> & { id: string },
  stageId: unknown,
  path: (string | number)[] = ['stageId'],
): Stage {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) {
    throw new ValidationError([
      {
        path,
        message: `Stage "${String(stageId)}" is not in pipeline ${pipeline.id} (stages: ${pipeline.stages.map((s) => s.id).join(', ')})`,
      },
    ]);
  }
  return stage;
}

/**
 * The patch that puts a deal into `stage` at `now`: status mirrors the stage kind, the stage
 * history gains a visit (the previous one is closed), won/lost set `closedAt`, lost keeps the
 * reason, and a move back to an open stage (reopen) clears both.
 */
export function movePatch(
  deal: Pick<EntityRecord<'deal'>, 'stageId' | 'stageHistory'>,
  stage: Stage,
  now: string,
  lostReason?: string,
): Record<string, unknown> {
  const history = deal.stageHistory.map((visit, i, all) =>
    i === all.length - 1 && visit.leftAt === undefined ? { ...visit, leftAt: now } : visit,
  );
  history.push({ stageId: stage.id, enteredAt: now });
  return {
    stageId: stage.id,
    status: stage.kind,
    stageHistory: history.slice(-MAX_HISTORY),
    closedAt: stage.kind === 'open' ? null : now,
    lostReason: stage.kind === 'lost' ? lostReason : null,
  };
}

/**
 * Deal operations: `move` through stages and a `create` that checks the stage and starts the history.
 *
 * @example
 * ```ts
 * await crm.deals.move(deal.id, 'won');
 * await crm.deals.move(deal.id, 'lost', { lostReason: '预算取消' });
 * ```
 */
export function createDealMoves(domain: DomainContext) {
  return {
    /**
     * Moves a deal to a stage of its own pipeline, recording the move with timestamps.
     * Winning a deal also makes its customer a `customer` (lifecycle) if it was `potential` or
     * `prospect`, in the same write.
     *
     * @throws ValidationError for a stage of another pipeline or a lost move without a reason
     * @throws ConflictError when `expectedVersion` is stale
     */
    async move(
      id: string,
      stageId: string,
      options: MoveDealOptions = {},
    ): Promise<EntityRecord<'deal'>> {
      const deal = await salesIo.get(domain, 'deal', id);
      const pipeline = await salesIo.get(domain, 'pipeline', deal.pipelineId);
      const stage = stageOf(pipeline, stageId);
      const reason = options.lostReason?.trim();
      if (stage.kind === 'lost' && !reason)
        throw new ValidationError([
          { path: ['lostReason'], message: `Moving to lost stage "${stage.name}" needs a reason` },
        ]);
      if (stage.id === deal.stageId && (stage.kind !== 'lost' || reason === deal.lostReason))
        return deal;
      const now = domain.clock().toISOString();
      const intents: WriteIntent[] = [
        {
          type: 'update',
          entity: 'deal',
          id,
          patch: movePatch(deal, stage, now, reason),
          expectedVersion: options.expectedVersion ?? deal.version,
        },
      ];
      if (stage.kind === 'won' && deal.customerId) {
        const [customer] = await domain.gateway.get(domain.context(), 'customer', [
          deal.customerId,
        ]);
        if (
          customer &&
          (customer.lifecycleStage === 'potential' || customer.lifecycleStage === 'prospect')
        )
          intents.push({
            type: 'update',
            entity: 'customer',
            id: customer.id,
            patch: { lifecycleStage: 'customer', stageChangedAt: now },
            expectedVersion: customer.version,
          });
      }
      const [record] = await domain.gateway.write(domain.context(), intents);
      return record as unknown as EntityRecord<'deal'>;
    },

    /**
     * Creates a deal in a stage of its pipeline (default: the first open stage); `status`,
     * `closedAt` and the first stage visit follow from the stage.
     *
     * @throws ValidationError for a stage outside the pipeline or a lost stage without a reason
     */
    async create(input: CreateInput<'deal'>): Promise<EntityRecord<'deal'>> {
      if (typeof input !== 'object' || input === null || typeof input.pipelineId !== 'string') {
        const [record] = await domain.gateway.write(domain.context(), [
          { type: 'create', entity: 'deal', input },
        ]);
        return record as unknown as EntityRecord<'deal'>;
      }
      const pipeline = await salesIo.get(domain, 'pipeline', input.pipelineId);
      const stage =
        input.stageId === undefined
          ? pipeline.stages.find((s) => s.kind === 'open')
          : stageOf(pipeline, input.stageId);
      if (!stage)
        throw new ValidationError([
          { path: ['stageId'], message: `Pipeline ${pipeline.id} has no open stage` },
        ]);
      if (stage.kind === 'lost' && !input.lostReason)
        throw new ValidationError([
          { path: ['lostReason'], message: 'A lost deal needs a reason' },
        ]);
      const now = domain.clock().toISOString();
      const [record] = await domain.gateway.write(domain.context(), [
        {
          type: 'create',
          entity: 'deal',
          input: {
            currency: pipeline.currency,
            ...input,
            stageId: stage.id,
            status: stage.kind,
            stageHistory:
              input.stageHistory && input.stageHistory.length > 0
                ? input.stageHistory
                : [{ stageId: stage.id, enteredAt: now }],
            ...(stage.kind !== 'open' && { closedAt: input.closedAt ?? now }),
          },
        },
      ]);
      return record as unknown as EntityRecord<'deal'>;
    },
  };
}

export type DealMoves = ReturnType<typeof createDealMoves>;
