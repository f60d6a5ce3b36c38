import type { DomainContext } from '../client/domain-context.js';
import type { EntityRecord } from '../entities/registry.js';
import type { Where } from '../query/query-spec.js';
import { salesIo } from './sales-io.js';
import { instantBounds, localDate, periodRange, type SalesPeriod } from './sales-period.js';

export interface QuotaAttainment {
  readonly quota: EntityRecord<'quota'>;
  readonly start: string;
  readonly end: string;
  readonly target: number;
  /** Amount of the owner's (or team's) deals won in the period, in the quota's currency. */
  readonly won: number;
  readonly wonCount: number;
  /** `won / target` (1 = 100 %); `null` for a zero target. */
  readonly attainment: number | null;
  readonly remaining: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * Quota attainment: won amount against target, for one quota or every quota of a period.
 * An owner quota counts deals with that `ownerId`, a team quota deals with that `teamId`
 * (both when both are set); a quota with a `pipelineId` counts only that pipeline.
 *
 * @example
 * ```ts
 * const { attainment, won, target } = await crm.quotas.attainment(quota.id);
 * const q2 = await crm.quotas.report({ period: 'quarter', periodStart: '2026-04-01' });
 * ```
 */
export function createQuotaOperations(domain: DomainContext, timeZone: string) {
  async function attainmentOf(quota: EntityRecord<'quota'>): Promise<QuotaAttainment> {
    const range = periodRange(quota.period, quota.periodStart);
    const bounds = instantBounds(range);
    const where: Where = {
      status: { eq: 'won' },
      currency: { eq: quota.currency },
      closedAt: { gte: bounds.from, lt: bounds.to },
      ...(quota.ownerId !== undefined && { ownerId: { eq: quota.ownerId } }),
      ...(quota.teamId !== undefined && { teamId: { eq: quota.teamId } }),
      ...(quota.pipelineId !== undefined && { pipelineId: { eq: quota.pipelineId } }),
    };
    const won = (await salesIo.all(domain, 'deal', where)).filter((d) => {
      const day = localDate(d.closedAt!, timeZone);
      return day >= range.start && day < range.end;
    });
    const amount = cents(won.reduce((s, d) => s + d.amount, 0));
    return {
      quota,
      start: range.start,
      end: range.end,
      target: quota.target,
      won: amount,
      wonCount: won.length,
      attainment: quota.target > 0 ? amount / quota.target : null,
      remaining: cents(Math.max(0, quota.target - amount)),
    };
  }

  return {
    /** Attainment of one quota. */
    async attainment(id: string): Promise<QuotaAttainment> {
      return attainmentOf(await salesIo.get(domain, 'quota', id));
    },
    /** Attainment of every quota of a period (optionally one owner's or team's). */
    async report(query: {
      period: SalesPeriod;
      periodStart: string;
      ownerId?: string;
      teamId?: string;
    }): Promise<QuotaAttainment[]> {
      periodRange(query?.period, query?.periodStart);
      const quotas = await salesIo.all(domain, 'quota', {
        period: { eq: query.period },
        periodStart: { eq: query.periodStart },
        ...(query.ownerId !== undefined && { ownerId: { eq: query.ownerId } }),
        ...(query.teamId !== undefined && { teamId: { eq: query.teamId } }),
      });
      return Promise.all(quotas.map(attainmentOf));
    },
  };
}
