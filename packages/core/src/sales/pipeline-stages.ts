import type { DomainContext } from '../client/domain-context.js';
import type { Patch, WriteOptions } from '../client/repository.js';
import type { StageSchema } from '../entities/pipeline.js';
import type { EntityRecord } from '../entities/registry.js';
import { ConflictError, ValidationError, type ValidationIssue } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import type { z } from 'zod';
import { movePatch } from './deal-moves.js';
import { salesIo } from './sales-io.js';

export interface UpdateStagesOptions {
  /** For each removed stage that holds deals: the stage (of the new list) its deals move to. */
  readonly reassign?: Readonly<Record<string, string>>;
  readonly expectedVersion?: number;
}

const NAMED = 20;
const dealList = (ids: readonly string[]) =>
  ids.slice(0, NAMED).join(', ') + (ids.length > NAMED ? ` (+${ids.length - NAMED} more)` : '');

/**
 * Stage editing that never strands a deal. Renaming, reordering, re-weighting and adding stages
 * are free. A stage that holds deals:
 * - may be **removed** only with a target (`reassign: { [removed]: target }`); its deals move to
 *   the target in the same write, with the move in their stage history. Without one the edit is
 *   refused with a `ValidationError` at `reassign.<stageId>` naming the deals.
 * - may not change **kind** (open / won / lost): move its deals first (a `ValidationError` names them).
 *
 * @example
 * ```ts
 * await crm.pipelines.updateStages('standard', stagesWithoutDemo, { reassign: { demo: 'proposal' } });
 * ```
 */
export function createPipelineStages(domain: DomainContext) {
  async function updateStages(
    id: string,
    stages: z.input<typeof StageSchema>[],
    options: UpdateStagesOptions = {},
    otherChanges: Record<string, unknown> = {},
  ): Promise<EntityRecord<'pipeline'>> {
    const pipeline = await salesIo.get(domain, 'pipeline', id);
    if (!Array.isArray(stages))
      throw new ValidationError([{ path: ['stages'], message: 'Expected a list of stages' }]);
    const next = new Map(stages.map((s) => [s?.id, s]));
    const deals = await salesIo.all(domain, 'deal', { pipelineId: { eq: id } });
    const byStage = new Map<string, EntityRecord<'deal'>[]>();
    for (const deal of deals)
      byStage.set(deal.stageId, [...(byStage.get(deal.stageId) ?? []), deal]);

    const issues: ValidationIssue[] = [];
    const now = domain.clock().toISOString();
    const intents: WriteIntent[] = [];
    for (const stage of pipeline.stages) {
      const occupants = byStage.get(stage.id) ?? [];
      if (occupants.length === 0) continue;
      const kept = next.get(stage.id);
      const ids = occupants.map((d) => d.id);
      if (kept) {
        if ((kept.kind ?? 'open') !== stage.kind)
          issues.push({
            path: ['stages', stages.indexOf(kept), 'kind'],
            message: `Stage "${stage.id}" holds deals ${dealList(ids)}; move them before changing its kind`,
          });
        continue;
      }
      const targetId = options.reassign?.[stage.id];
      const target = targetId === undefined ? undefined : next.get(targetId);
      if (!target) {
        issues.push({
          path: ['reassign', stage.id],
          message:
            targetId === undefined
              ? `Stage "${stage.id}" holds deals ${dealList(ids)}; name a stage to move them to`
              : `"${targetId}" is not a stage of the new list`,
        });
        continue;
      }
      const kind = target.kind ?? 'open';
      if (kind === 'lost') {
        issues.push({
          path: ['reassign', stage.id],
          message:
            'Deals cannot be moved to a lost stage without a reason; pick an open or won stage',
        });
        continue;
      }
      for (const deal of occupants) {
        intents.push({
          type: 'update',
          entity: 'deal',
          id: deal.id,
          patch: movePatch(
            deal,
            { id: target.id, name: target.name, probability: target.probability, kind },
            now,
          ),
          expectedVersion: deal.version,
        });
      }
    }
    if (issues.length)
      throw new ValidationError(issues, `Cannot change the stages of pipeline ${id}`);
    const [record] = await domain.gateway.write(domain.context(), [
      {
        type: 'update',
        entity: 'pipeline',
        id,
        patch: { ...otherChanges, stages },
        expectedVersion: options.expectedVersion ?? pipeline.version,
      },
      ...intents,
    ]);
    return record as unknown as EntityRecord<'pipeline'>;
  }

  return {
    updateStages: (
      id: string,
      stages: z.input<typeof StageSchema>[],
      options?: UpdateStagesOptions,
    ) => updateStages(id, stages, options),
    /** A plain update; a `stages` change goes through {@link updateStages} (no reassignment). */
    async update(
      id: string,
      patch: Patch<'pipeline'>,
      options: WriteOptions = {},
    ): Promise<EntityRecord<'pipeline'>> {
      if (typeof patch === 'object' && patch !== null && Array.isArray(patch.stages)) {
        const { stages, ...rest } = patch;
        return updateStages(id, stages, options, rest);
      }
      const [record] = await domain.gateway.write(domain.context(), [
        {
          type: 'update',
          entity: 'pipeline',
          id,
          patch,
          ...(options.expectedVersion !== undefined && {
            expectedVersion: options.expectedVersion,
          }),
        },
      ]);
      return record as unknown as EntityRecord<'pipeline'>;
    },
    /** @throws ConflictError naming the deals when the pipeline still has deals */
    async remove(id: string, options: WriteOptions = {}): Promise<void> {
      const deals = await salesIo.all(domain, 'deal', { pipelineId: { eq: id } });
      if (deals.length > 0) {
        throw new ConflictError(
          'pipelines',
          id,
          options.expectedVersion,
          null,
          `Pipeline ${id} still has deals ${dealList(deals.map((d) => d.id))}; move or remove them first`,
        );
      }
      await domain.gateway.write(domain.context(), [
        {
          type: 'delete',
          entity: 'pipeline',
          id,
          ...(options.expectedVersion !== undefined && {
            expectedVersion: options.expectedVersion,
          }),
        },
      ]);
    },
  };
}
