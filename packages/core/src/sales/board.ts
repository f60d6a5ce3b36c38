import type { DomainContext } from '../client/domain-context.js';
import type { Pipeline, Stage } from '../entities/pipeline.js';
import type { EntityRecord } from '../entities/registry.js';
import { createAggregator, type AggregateGroup } from '../query/aggregate.js';
import type { QuerySpec, Where } from '../query/query-spec.js';
import { salesIo } from './sales-io.js';

/** The figures of one board column: the deals in one stage of a pipeline. */
export interface BoardColumnSummary {
  readonly stageId: string;
  readonly name: string;
  readonly kind: Stage['kind'];
  /** Win probability of the stage, 0–1. */
  readonly probability: number;
  /** Every deal in the stage (any currency). */
  readonly count: number;
  /** Σ amount of the stage's deals in the board currency. */
  readonly amount: number;
  /** Σ amount × stage probability, in the board currency. */
  readonly weighted: number;
  /** Deals in another currency: counted, left out of `amount` and `weighted`. */
  readonly otherCurrency: number;
}

/** Count, total and weighted amount per stage, in the pipeline's stage order, and their totals. */
export interface BoardSummary {
  readonly pipelineId: string;
  /** The pipeline's currency; amounts in other currencies are not summed. */
  readonly currency: string;
  readonly columns: readonly BoardColumnSummary[];
  readonly total: {
    readonly count: number;
    readonly amount: number;
    readonly weighted: number;
    readonly otherCurrency: number;
  };
  /** Deals whose stage is not (or no longer) in the pipeline: counted here only. */
  readonly unstaged: number;
}

/** What {@link summarizeBoard} reads of a deal. */
export type BoardDeal = Pick<EntityRecord<'deal'>, 'stageId' | 'amount' | 'currency'>;

export interface BoardOptions {
  /** Narrows the deals (owner, team, tags, …); combined with the pipeline. */
  readonly where?: Where;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The column figures of a pipeline board over some of its deals. Pure: the same numbers
 * `crm.deals.board` reports, for callers who already hold the deals.
 *
 * @example
 * ```ts
 * summarizeBoard(pipeline, [{ stageId: 'proposal', amount: 100_000, currency: 'CNY' }]).columns[2];
 * // { stageId: 'proposal', count: 1, amount: 100000, weighted: 60000, … }
 * ```
 */
export function summarizeBoard(
  pipeline: Pick<Pipeline, 'stages' | 'currency'> & { readonly id: string },
  deals: Iterable<BoardDeal>,
): BoardSummary {
  const aggregator = createAggregator(BOARD_AGGREGATE);
  for (const deal of deals) aggregator.add(deal);
  return summarizeGroups(pipeline, aggregator.result().groups);
}

/** What a board's figures need of its deals: count and amount per stage and currency. */
const BOARD_AGGREGATE = { groupBy: ['stageId', 'currency'], sum: ['amount'] } as const;

function withTotal(summary: Omit<BoardSummary, 'total'>): BoardSummary {
  const total = { count: 0, amount: 0, weighted: 0, otherCurrency: 0 };
  for (const c of summary.columns) {
    total.count += c.count;
    total.amount += c.amount;
    total.weighted += c.weighted;
    total.otherCurrency += c.otherCurrency;
  }
  return {
    ...summary,
    total: { ...total, amount: cents(total.amount), weighted: cents(total.weighted) },
  };
}

/**
 * The summary as it will be once `deal` moves to `toStageId`: for an optimistic board that
 * shows the move before storage confirms it. Unknown stages leave the summary unchanged.
 */
export function moveInSummary(
  summary: BoardSummary,
  deal: BoardDeal,
  toStageId: string,
): BoardSummary {
  const from = summary.columns.find((c) => c.stageId === deal.stageId);
  const to = summary.columns.find((c) => c.stageId === toStageId);
  if (!from || !to || from === to) return summary;
  const same = deal.currency === summary.currency;
  const shift = (c: BoardColumnSummary, sign: 1 | -1): BoardColumnSummary => {
    const amount = cents(c.amount + (same ? sign * deal.amount : 0));
    return {
      ...c,
      count: c.count + sign,
      amount,
      weighted: cents(amount * c.probability),
      otherCurrency: c.otherCurrency + (same ? 0 : sign),
    };
  };
  return withTotal({
    pipelineId: summary.pipelineId,
    currency: summary.currency,
    unstaged: summary.unstaged,
    columns: summary.columns.map((c) => (c === from ? shift(c, -1) : c === to ? shift(c, 1) : c)),
  });
}

/**
 * The query for one board column: the deals of one stage, most recently updated first, a page
 * at a time (pass the previous page's `nextCursor`). `stageId` comes first in `where`, so an
 * indexed backend reads the stage's deals from the `stageId` index rather than the whole
 * pipeline.
 */
export function stageDealsQuery(
  pipelineId: string,
  stageId: string,
  options: BoardOptions & { readonly limit?: number; readonly cursor?: string } = {},
): QuerySpec {
  const where: Where = {
    stageId: { eq: stageId },
    pipelineId: { eq: pipelineId },
    ...(options.where && Object.keys(options.where).length > 0 && { and: [options.where] }),
  };
  return {
    where,
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
    limit: options.limit ?? 50,
    ...(options.cursor !== undefined && { cursor: options.cursor }),
  };
}

/**
 * `crm.deals.board(pipelineId, { where })`: the column figures of a pipeline board, read through
 * the gateway (so record scope applies: a sales rep sees the sums of the deals they may see, and
 * field policy: an amount hidden from them adds nothing). Counted and summed per stage and
 * currency where the deals are stored (`gateway.aggregate`), so a board of 10k deals does not
 * read 10k deals; the figures equal {@link summarizeBoard} over the deals `crm.deals.list` shows.
 *
 * @throws NotFoundError for an unknown pipeline
 */
export function createBoard(domain: DomainContext) {
  return async function board(
    pipelineId: string,
    options: BoardOptions = {},
  ): Promise<BoardSummary> {
    const pipeline = await salesIo.get(domain, 'pipeline', pipelineId);
    const where: Where = {
      pipelineId: { eq: pipelineId },
      ...(options.where && Object.keys(options.where).length > 0 && { and: [options.where] }),
    };
    const { groups } = await domain.gateway.aggregate(domain.context(), 'deal', {
      ...BOARD_AGGREGATE,
      where,
    });
    return summarizeGroups(pipeline, groups);
  };
}

/** {@link summarizeBoard} from counts and sums per stage and currency. */
function summarizeGroups(
  pipeline: Pick<Pipeline, 'stages' | 'currency'> & { readonly id: string },
  groups: readonly AggregateGroup[],
): BoardSummary {
  const sums = new Map(
    pipeline.stages.map((s) => [s.id, { count: 0, amount: 0, otherCurrency: 0 }]),
  );
  let unstaged = 0;
  for (const {
    key,
    count,
    sums: [amount = 0],
  } of groups) {
    const sum = typeof key[0] === 'string' ? sums.get(key[0]) : undefined;
    if (!sum) {
      unstaged += count;
      continue;
    }
    sum.count += count;
    if (key[1] === pipeline.currency) sum.amount += amount;
    else sum.otherCurrency += count;
  }
  const columns = pipeline.stages.map((stage): BoardColumnSummary => {
    const sum = sums.get(stage.id)!;
    return {
      stageId: stage.id,
      name: stage.name,
      kind: stage.kind,
      probability: stage.probability,
      count: sum.count,
      amount: cents(sum.amount),
      weighted: cents(sum.amount * stage.probability),
      otherCurrency: sum.otherCurrency,
    };
  });
  return withTotal({ pipelineId: pipeline.id, currency: pipeline.currency, columns, unstaged });
}
