import type { DomainContext } from '../client/domain-context.js';
import type { Customer } from '../entities/customer.js';
import type { EntityName, EntityRecord } from '../entities/registry.js';
import type { SlaPolicy } from '../entities/sla-policy.js';
import type { Ticket } from '../entities/ticket.js';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../errors.js';
import type { Where } from '../query/query-spec.js';
import { createQuotaOperations } from '../sales/quotas.js';
import { alsoBought, type AlsoBought } from './also-bought.js';
import {
  analyticsEventsOf,
  type AnalyticsEvent,
  type AnalyticsEventListener,
} from './analytics-events.js';
import { campaignRoi } from './campaign-roi.js';
import { churnRate, retentionRate, type ChurnQuery } from './churn-rate.js';
import { complaintRate } from './complaint-rate.js';
import { firstResponseTime } from './first-response-time.js';
import type { CustomerDimensions } from './group-key.js';
import {
  healthScore,
  isHealthDrop,
  resolveHealthOptions,
  type HealthOptions,
  type HealthScore,
} from './health-score.js';
import type { AnalyticsQuery, KpiReport, MoneyQuery } from './kpi-report.js';
import { leadConversionRate } from './lead-conversion-rate.js';
import { customerLifetimeValue } from './lifetime-value.js';
import { checkTimeZone, DEFAULT_ANALYTICS_TIME_ZONE, periodBuckets } from './period-buckets.js';
import { pipelineValue } from './pipeline-value.js';
import { quotaAttainmentReport } from './quota-attainment-report.js';
import { averageSalesCycle } from './sales-cycle.js';
import { csatScore, npsScore } from './satisfaction-scores.js';
import { slaCompliance, type SlaComplianceQuery } from './sla-compliance.js';
import { stageConversion } from './stage-conversion.js';
import { rankBottlenecks, timeInStage, type Bottleneck } from './time-in-stage.js';
import { weightedForecast } from './weighted-forecast.js';
import { winRate } from './win-rate.js';
import { revenueAgainstQuota } from './revenue-against-quota.js';
import { kpiDashboard, type KpiDashboard, type KpiDashboardQuery } from './kpi-dashboard.js';
import { createBoard } from '../sales/board.js';
import { localDate } from '../sales/sales-period.js';

/** `CrmOptions.analytics`. */
export interface AnalyticsOptions {
  /** Time zone of period boundaries. Default `Asia/Shanghai`. */
  readonly timeZone?: string;
  /** Health score weights and warning thresholds. */
  readonly health?: HealthOptions;
}

/** A stage KPI's query: the periods plus the pipeline. */
export interface PipelineQuery extends AnalyticsQuery {
  readonly pipelineId: string;
}

/** What `checkHealth` did. */
export interface HealthCheckResult {
  readonly checkedAt: string;
  /** Customers scored (every customer the principal can see). */
  readonly evaluated: number;
  /** Customers whose stored score changed. */
  readonly updated: number;
  /** The `health_dropped` events emitted. */
  readonly alerts: readonly AnalyticsEvent[];
  /** Customers whose score could not be stored (not editable by the principal, or changed meanwhile). */
  readonly skipped: readonly { readonly customerId: string; readonly reason: string }[];
}

/**
 * `crm.analytics`: every KPI over the records the acting principal may see (reads go through the
 * gateway, so a rep's win rate is over the rep's own deals), the health score and churn warning,
 * and "also bought" recommendations. The KPI formulas are on the pure functions each method
 * calls (analytics/*.ts); the `timeZone` of a query defaults to the client's.
 */
export interface AnalyticsNamespace {
  /** {@link leadConversionRate} over the visible leads. */
  leadConversion(query: AnalyticsQuery): Promise<KpiReport>;
  /** {@link stageConversion} over the visible deals of the pipeline. */
  stageConversion(query: PipelineQuery): Promise<KpiReport>;
  /** {@link timeInStage}, with the stages ranked slowest first ({@link rankBottlenecks}). */
  timeInStage(query: PipelineQuery): Promise<KpiReport & { readonly bottlenecks: Bottleneck[] }>;
  winRate(query: AnalyticsQuery): Promise<KpiReport>;
  /** {@link averageSalesCycle}. */
  salesCycle(query: AnalyticsQuery): Promise<KpiReport>;
  pipelineValue(query: MoneyQuery): Promise<KpiReport>;
  weightedForecast(query: MoneyQuery): Promise<KpiReport>;
  /** Attainment of the visible quotas starting in the range, computed by sales/quotas.ts ({@link quotaAttainmentReport}). */
  quotaAttainment(query: AnalyticsQuery): Promise<KpiReport>;
  churnRate(query: Omit<ChurnQuery, 'now'>): Promise<KpiReport>;
  retentionRate(query: Omit<ChurnQuery, 'now'>): Promise<KpiReport>;
  /** {@link customerLifetimeValue} (historical: payments received). */
  lifetimeValue(query: MoneyQuery): Promise<KpiReport>;
  /** {@link csatScore}. */
  csat(query: AnalyticsQuery): Promise<KpiReport>;
  /** {@link npsScore}. */
  nps(query: AnalyticsQuery): Promise<KpiReport>;
  slaCompliance(query: Omit<SlaComplianceQuery, 'now'>): Promise<KpiReport>;
  firstResponseTime(query: AnalyticsQuery): Promise<KpiReport>;
  complaintRate(query: AnalyticsQuery): Promise<KpiReport>;
  /** {@link campaignRoi}: ROI by campaign start period, from marketing's `campaignReport`. */
  campaignRoi(query: MoneyQuery): Promise<KpiReport>;
  /** {@link revenueAgainstQuota}: won revenue per period against the visible quotas' targets. */
  revenueAgainstQuota(query: MoneyQuery): Promise<KpiReport>;
  /** {@link kpiDashboard}: every figure of the management dashboard for a month, quarter, year or range. */
  dashboard(query: KpiDashboardQuery): Promise<KpiDashboard>;
  /** One customer's {@link healthScore} now (not stored). @throws NotFoundError */
  health(customerId: string): Promise<HealthScore>;
  /** Visible customers scoring below `threshold` (default `riskThreshold`), lowest first, with their reasons. */
  churnRisks(options?: { threshold?: number; limit?: number }): Promise<HealthScore[]>;
  /**
   * Scores every visible customer at the injected clock, stores changed scores on the customer
   * (`healthScore`, `healthCheckedAt`), and emits `health_dropped` for falls of `dropAlert`
   * points or below `riskThreshold` (see {@link isHealthDrop}).
   */
  checkHealth(): Promise<HealthCheckResult>;
  /** `health_dropped` warnings; returns the unsubscribe function. */
  subscribe(listener: AnalyticsEventListener): () => void;
  /** {@link alsoBought} over the visible orders. */
  alsoBought(product: string, options?: { limit?: number }): Promise<AlsoBought[]>;
}

/**
 * Builds `crm.analytics` over a domain context (the gateway only; never a storage adapter).
 *
 * @example
 * ```ts
 * const analytics = createAnalytics(domain, { timeZone: 'Asia/Shanghai', health: { riskThreshold: 50 } });
 * const rate = await analytics.winRate({ period: 'month', from: '2026-01-01', to: '2026-07-01', groupBy: 'owner' });
 * ```
 * @throws ValidationError for a bad time zone or health option
 */
export function createAnalytics(
  domain: DomainContext,
  options: AnalyticsOptions = {},
): AnalyticsNamespace {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_ANALYTICS_TIME_ZONE, [
    'analytics',
    'timeZone',
  ]);
  const health = resolveHealthOptions(options.health);
  const events = analyticsEventsOf(domain.gateway);
  const quotas = createQuotaOperations(domain, timeZone);

  /** Every matching record the principal may see, page by page (keyset cursors). */
  async function all<E extends EntityName>(entity: E, where: Where = {}) {
    const out: EntityRecord<E>[] = [];
    const ctx = domain.context();
    let cursor: string | undefined;
    do {
      const page = await domain.gateway.query(ctx, entity, {
        where,
        limit: 1000,
        ...(cursor !== undefined && { cursor }),
      });
      out.push(...(page.items as unknown as EntityRecord<E>[]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** The query with the client's time zone, checked before anything is read. */
  function withZone<Q extends AnalyticsQuery>(query: Q): Q {
    if (query === null || typeof query !== 'object')
      throw new ValidationError([{ path: [], message: 'Give a query: { period, from, to }' }]);
    const q = { ...query, timeZone: query.timeZone ?? timeZone };
    periodBuckets(q); // validates period, from, to and timeZone
    return q;
  }

  /** Customers by id, for team and region (and churn / CLV owner) grouping. */
  async function customersFor(query: AnalyticsQuery, always = false) {
    if (!always && query.groupBy !== 'team' && query.groupBy !== 'region') return undefined;
    return new Map<string, CustomerDimensions>((await all('customer')).map((c) => [c.id, c]));
  }

  async function pipelineOf(query: PipelineQuery) {
    if (typeof query.pipelineId !== 'string' || query.pipelineId.length === 0)
      throw new ValidationError([{ path: ['pipelineId'], message: 'Give a pipeline id' }]);
    const [pipeline] = await domain.gateway.get(domain.context(), 'pipeline', [query.pipelineId]);
    if (!pipeline) throw new NotFoundError('pipelines', query.pipelineId);
    return pipeline as unknown as EntityRecord<'pipeline'>;
  }

  const now = () => domain.clock().toISOString();

  /** Everything the health score reads, for one customer or all visible ones. */
  async function healthData(customerId?: string) {
    const where: Where = customerId !== undefined ? { customerId: { eq: customerId } } : {};
    const [orders, tickets, surveys, slaPolicies] = await Promise.all([
      all('order', where),
      all('ticket', where),
      all('surveyResponse', where),
      all('slaPolicy'),
    ]);
    const byCustomer = <T extends { customerId?: string | undefined }>(list: readonly T[]) => {
      const map = new Map<string, T[]>();
      for (const item of list) {
        if (item.customerId === undefined) continue;
        const bucket = map.get(item.customerId);
        if (bucket) bucket.push(item);
        else map.set(item.customerId, [item]);
      }
      return map;
    };
    const o = byCustomer(orders);
    const t = byCustomer(tickets as unknown as Ticket[]);
    const s = byCustomer(surveys);
    const at = now();
    return (customer: Customer): HealthScore =>
      healthScore(
        {
          customer,
          orders: o.get(customer.id) ?? [],
          tickets: t.get(customer.id) ?? [],
          surveys: s.get(customer.id) ?? [],
          slaPolicies: slaPolicies as unknown as SlaPolicy[],
          now: at,
        },
        health,
      );
  }

  const board = createBoard(domain);
  const analytics: AnalyticsNamespace = {
    async leadConversion(query) {
      const q = withZone(query);
      return leadConversionRate(await all('lead'), q, await customersFor(q));
    },
    async stageConversion(query) {
      const q = withZone(query);
      const pipeline = await pipelineOf(q);
      const { pipelineId: _, ...rest } = q;
      return stageConversion(
        await all('deal', { pipelineId: { eq: pipeline.id } }),
        pipeline,
        rest,
      );
    },
    async timeInStage(query) {
      const q = withZone(query);
      const pipeline = await pipelineOf(q);
      const { pipelineId: _, ...rest } = q;
      const report = timeInStage(
        await all('deal', { pipelineId: { eq: pipeline.id } }),
        pipeline,
        rest,
      );
      return { ...report, bottlenecks: rankBottlenecks(report) };
    },
    async winRate(query) {
      const q = withZone(query);
      return winRate(await all('deal'), q, await customersFor(q));
    },
    async salesCycle(query) {
      const q = withZone(query);
      return averageSalesCycle(await all('deal'), q, await customersFor(q));
    },
    async pipelineValue(query) {
      const q = withZone(query);
      return pipelineValue(await all('deal'), q, await customersFor(q));
    },
    async weightedForecast(query) {
      const q = withZone(query);
      const [deals, pipelines] = await Promise.all([all('deal'), all('pipeline')]);
      return weightedForecast(deals, pipelines, q, await customersFor(q));
    },
    async quotaAttainment(query) {
      const q = withZone(query);
      const visible = await all('quota', { periodStart: { gte: q.from, lt: q.to } });
      const attainments = [];
      for (const quota of visible) attainments.push(await quotas.attainment(quota.id));
      return quotaAttainmentReport(attainments, q);
    },
    async churnRate(query) {
      const q = withZone(query);
      return churnRate(await all('order'), { ...q, now: now() }, await customersFor(q, true));
    },
    async retentionRate(query) {
      const q = withZone(query);
      return retentionRate(await all('order'), { ...q, now: now() }, await customersFor(q, true));
    },
    async lifetimeValue(query) {
      const q = withZone(query);
      return customerLifetimeValue(await all('order'), q, await customersFor(q, true));
    },
    async csat(query) {
      const q = withZone(query);
      return csatScore(await all('surveyResponse'), q, await customersFor(q));
    },
    async nps(query) {
      const q = withZone(query);
      return npsScore(await all('surveyResponse'), q, await customersFor(q));
    },
    async slaCompliance(query) {
      const q = withZone(query);
      const [tickets, policies] = await Promise.all([all('ticket'), all('slaPolicy')]);
      return slaCompliance(
        tickets as unknown as Ticket[],
        policies as unknown as SlaPolicy[],
        { ...q, now: now() },
        await customersFor(q),
      );
    },
    async firstResponseTime(query) {
      const q = withZone(query);
      return firstResponseTime(await all('ticket'), q, await customersFor(q));
    },
    async complaintRate(query) {
      const q = withZone(query);
      return complaintRate(await all('ticket'), q);
    },
    async campaignRoi(query) {
      const q = withZone(query);
      const [campaigns, leads, deals] = await Promise.all([
        all('campaign'),
        all('lead'),
        all('deal'),
      ]);
      return campaignRoi(campaigns, leads, deals, q);
    },

    async health(customerId) {
      if (typeof customerId !== 'string' || customerId.length === 0)
        throw new ValidationError([{ path: ['customerId'], message: 'Give a customer id' }]);
      const [customer] = await domain.gateway.get(domain.context(), 'customer', [customerId]);
      if (!customer) throw new NotFoundError('customers', customerId);
      return (await healthData(customerId))(customer as unknown as Customer);
    },
    async churnRisks(opts = {}) {
      const threshold = opts.threshold ?? health.riskThreshold;
      if (!(typeof threshold === 'number' && threshold >= 0 && threshold <= 100))
        throw new ValidationError([{ path: ['threshold'], message: 'Give a score 0–100' }]);
      const limit = opts.limit ?? Infinity;
      if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1)))
        throw new ValidationError([{ path: ['limit'], message: 'Give a whole number ≥ 1' }]);
      const score = await healthData();
      return (await all('customer'))
        .map((c) => score(c as unknown as Customer))
        .filter((h) => h.score < threshold)
        .sort(
          (a, b) =>
            a.score - b.score ||
            (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
        )
        .slice(0, limit);
    },
    async checkHealth() {
      const checkedAt = now();
      const score = await healthData();
      const customers = (await all('customer')) as unknown as Customer[];
      const alerts: AnalyticsEvent[] = [];
      const skipped: { customerId: string; reason: string }[] = [];
      let updated = 0;
      for (const customer of customers) {
        const result = score(customer);
        const previous = customer.healthScore ?? null;
        if (result.score === previous) continue;
        try {
          await domain.gateway.write(domain.context(), [
            {
              type: 'update',
              entity: 'customer',
              id: customer.id,
              patch: { healthScore: result.score, healthCheckedAt: checkedAt },
              expectedVersion: customer.version,
            },
          ]);
        } catch (error) {
          if (!(error instanceof PermissionError || error instanceof ConflictError)) throw error;
          skipped.push({ customerId: customer.id, reason: error.message });
          continue;
        }
        updated++;
        if (isHealthDrop(previous, result.score, health))
          alerts.push({
            type: 'health_dropped',
            customerId: customer.id,
            previous,
            current: result.score,
            reasons: result.reasons,
            at: checkedAt,
          });
      }
      for (const alert of alerts) events.emit(alert);
      return { checkedAt, evaluated: customers.length, updated, alerts, skipped };
    },
    subscribe: (listener) => events.subscribe(listener),

    async alsoBought(product, opts = {}) {
      alsoBought([], product, opts); // validates before reading
      return alsoBought(await all('order'), product, opts);
    },

    async revenueAgainstQuota(query) {
      const q = withZone(query);
      const [deals, visibleQuotas] = await Promise.all([
        all('deal', { status: { eq: 'won' } }),
        all('quota'),
      ]);
      return revenueAgainstQuota(deals, visibleQuotas, q, await customersFor(q));
    },
    dashboard(query) {
      return kpiDashboard(
        {
          timeZone,
          today: () => localDate(now(), timeZone),
          leadConversion: (q) => analytics.leadConversion(q),
          winRate: (q) => analytics.winRate(q),
          pipelineValue: (q) => analytics.pipelineValue(q),
          revenueAgainstQuota: (q) => analytics.revenueAgainstQuota(q),
          slaCompliance: (q) => analytics.slaCompliance(q),
          csat: (q) => analytics.csat(q),
          nps: (q) => analytics.nps(q),
          stageConversion: (q) => analytics.stageConversion(q),
          churnRisks: (o) => analytics.churnRisks(o),
          pipelines: () => all('pipeline'),
          board: (pipelineId) => board(pipelineId),
          async customerNames(ids) {
            const found = ids.length
              ? await domain.gateway.get(domain.context(), 'customer', [...ids])
              : [];
            const names = new Map<string, string>();
            for (const c of found) if (c) names.set(c.id as string, c.name as string);
            return names;
          },
        },
        query,
      );
    },
  };
  return analytics;
}
