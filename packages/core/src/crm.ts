import { QueryClient } from '@tanstack/query-core';
import { createRepository, type Repository } from './client/repository.js';
import { crmKeys } from './client/query-keys.js';
import type { Locale } from './entities/common.js';
import { LOCALES } from './entities/common.js';
import {
  ENTITY_CATALOG,
  ENTITY_NAMES,
  entityOfCollection,
  type EntityName,
} from './entities/catalog.js';
import type { EntityRecord } from './entities/registry.js';
import { ValidationError } from './errors.js';
import { createGateway, type Gateway } from './gateway/gateway.js';
import { zodIssues } from './gateway/zod-issues.js';
import type { GatewayStage, RequestContext } from './gateway/gateway-core.js';
import type { DomainContext } from './client/domain-context.js';
import { guardWorkflowFields } from './client/workflow-guard.js';
import { allowAllPolicy, type Policy } from './gateway/policy.js';
import { AUDIT_COLLECTIONS } from './security/audit-chain.js';
import type { AuditLog } from './security/audit-log.js';
import type { CrmSecurity } from './security/crm-security.js';
import type { EncryptionOptions, FieldCipher } from './security/field-cipher.js';
import { LOCAL_PRINCIPAL, PrincipalSchema, type Principal } from './gateway/principal.js';
import type { QueryResult, QuerySpec, Where } from './query/query-spec.js';
import { createIndexedDbAdapter } from './storage/lazy-indexeddb-adapter.js';
import { createMemoryAdapter } from './storage/lazy-memory-adapter.js';
import type {
  AdapterCapabilities,
  ChangeListener,
  StorageAdapter,
} from './storage/storage-adapter.js';
import { createSubscribable } from './subscribable.js';
import type {
  ArticleOperations,
  ServiceNamespace,
  SurveyOperations,
  TicketOperations,
} from './service/service-operations.js';
import { serviceEventsOf } from './service/service-events.js';
import type { TicketLookupOperations } from './service/ticket-lookup.js';
import type { TicketQueueOperations } from './service/ticket-queue.js';
import type { ServiceOptions } from './service/service-options.js';
import type {
  ActivityOperations,
  CustomerOperations,
  DealOperations,
  LeadOperations,
  OrderOperations,
  PipelineOperations,
  QuotaOperations,
  SalesNamespace,
} from './sales/sales-operations.js';
import type { SalesOptions } from './sales/sales-options.js';
import type { BoardSummary } from './sales/board.js';
import type { CampaignReport } from './marketing/campaign-report.js';
import type { KpiDashboard, KpiDashboardQuery } from './analytics/kpi-dashboard.js';
import type { CrmIo, DedupeOperations } from './io/crm-io.js';
import type {
  AutomationNamespace,
  CampaignOperations,
  MarketingOperations,
  SegmentOperations,
} from './marketing/marketing-operations.js';
import type { MarketingOptions } from './marketing/marketing-options.js';
import type { AnalyticsNamespace, AnalyticsOptions } from './analytics/create-analytics.js';
import { analyticsEventsOf } from './analytics/analytics-events.js';
import { lazyIterable, lazyOperations, once } from './client/lazy-operations.js';
import { createAutomationFeed } from './client/automation-feed.js';

export type Clock = () => Date;

export interface CrmOptions {
  /** Where data lives. Default: IndexedDB database "rapport" in a browser, memory elsewhere. */
  readonly storage?: StorageAdapter;
  /** Who is acting. Default: a single local administrator. */
  readonly principal?: Principal;
  /**
   * Permissions. Default: {@link allowAllPolicy} (everyone may do everything: right for a
   * single-user page). A host with users should pass `defaultRolePolicy` or its own
   * `createRolePolicy(table)`.
   */
  readonly policy?: Policy;
  /** Encryption at rest of sensitive fields (AES-GCM, WebCrypto). Default: none. See SECURITY.md. */
  readonly encryption?: EncryptionOptions;
  /** Time source for timestamps, SLA clocks, reminders and reports; inject a fixed clock in tests. */
  readonly clock?: Clock;
  readonly locale?: Locale;
  /** Id factory for new records. Default: `crypto.randomUUID()`. */
  readonly newId?: () => string;
  /** Service domain: the host's agent directory, assignment, escalation, survey and follow-up rules. */
  readonly service?: ServiceOptions;
  /** Sales domain: lead scoring rules, pool capacity and visibility, recycling rules, time zone. */
  readonly sales?: SalesOptions;
  /** Marketing: channel adapters (`channels: { email, sms, wechat }`), RFM thresholds, automation limits. */
  readonly marketing?: MarketingOptions;
  /** Analytics: time zone of report periods (default `Asia/Shanghai`), health score weights and thresholds. */
  readonly analytics?: AnalyticsOptions;
}

/** The repositories, by the names DESIGN.md fixes. */
export interface CrmRepositories {
  readonly customers: Repository<'customer'>;
  readonly contacts: Repository<'contact'>;
  readonly leads: Repository<'lead'>;
  readonly pipelines: Repository<'pipeline'>;
  readonly deals: Repository<'deal'>;
  readonly activities: Repository<'activity'>;
  readonly orders: Repository<'order'>;
  readonly quotas: Repository<'quota'>;
  readonly segments: Repository<'segment'>;
  readonly campaigns: Repository<'campaign'>;
  readonly tickets: Repository<'ticket'>;
  readonly slaPolicies: Repository<'slaPolicy'>;
  readonly articles: Repository<'article'>;
  readonly surveys: Repository<'surveyResponse'>;
  readonly surveyRequests: Repository<'surveyRequest'>;
  readonly customFields: Repository<'customFieldDefinition'>;
}

/** Ready-made `{ queryKey, queryFn }` pairs for a `QueryObserver` on `crm.queryClient`. */
export interface CrmQueryOptions {
  list<E extends EntityName>(
    entity: E,
    query?: QuerySpec,
  ): { queryKey: readonly unknown[]; queryFn: () => Promise<QueryResult<EntityRecord<E>>> };
  detail<E extends EntityName>(
    entity: E,
    id: string,
  ): { queryKey: readonly unknown[]; queryFn: () => Promise<EntityRecord<E>> };
  count(
    entity: EntityName,
    where?: Where,
  ): { queryKey: readonly unknown[]; queryFn: () => Promise<number> };
  /** A pipeline board's count, total and weighted amount per stage (`crm.deals.board`). */
  board(
    pipelineId: string,
    where?: Where,
  ): { queryKey: readonly unknown[]; queryFn: () => Promise<BoardSummary> };
  /** A campaign's funnel and return (`crm.campaigns.report`); refetched after any change. */
  campaignReport(id: string): {
    queryKey: readonly unknown[];
    queryFn: () => Promise<CampaignReport>;
  };
  /** The management dashboard (`crm.analytics.dashboard`); refetched after any change. */
  kpiDashboard(query: KpiDashboardQuery): {
    queryKey: readonly unknown[];
    queryFn: () => Promise<KpiDashboard>;
  };
}

export interface Crm extends CrmRepositories {
  /** Tickets, plus the workflow: `submit transition comment assign sla checkSla suggestArticles suggestTechnicians dispatch`, the public `lookup` (number + email or phone) and the agent `queue`. */
  readonly tickets: Repository<'ticket'> &
    TicketOperations &
    TicketLookupOperations &
    TicketQueueOperations;
  /** Knowledge base articles, plus `suggest` and `vote`. */
  readonly articles: Repository<'article'> & ArticleOperations;
  /** Survey responses, plus `respond` and the CSAT / NPS reports. */
  readonly surveys: Repository<'surveyResponse'> & SurveyOperations;
  /** Service events (SLA alerts, escalations, …), the agent directory, order follow-ups. */
  readonly service: ServiceNamespace;
  /** Customers, plus `release claim pool timeline receivable`, and `findDuplicates merge` (io/). */
  readonly customers: Repository<'customer'> & CustomerOperations & DedupeOperations<'customer'>;
  /** Contacts, plus `findDuplicates merge` (io/). */
  readonly contacts: Repository<'contact'> & DedupeOperations<'contact'>;
  /** Leads, plus `capture convert release claim pool rescore explainScore findDuplicates`. */
  readonly leads: Repository<'lead'> & LeadOperations;
  /** Pipelines, plus `updateStages` (a removed stage's deals need a target stage). */
  readonly pipelines: Repository<'pipeline'> & PipelineOperations;
  /** Deals, plus `move` through the stages of their pipeline. */
  readonly deals: Repository<'deal'> & DealOperations;
  /** Activities, plus `complete due overdue`; contact activities keep `lastContactAt` current. */
  readonly activities: Repository<'activity'> & ActivityOperations;
  /** Orders, plus `fromDeal transition recordPayment balance`. */
  readonly orders: Repository<'order'> & OrderOperations;
  /** Quotas, plus `attainment report`. */
  readonly quotas: Repository<'quota'> & QuotaOperations;
  /** Sales operations that fit no repository: `transferOwner forecast recycle ownerHistory`. */
  readonly sales: SalesNamespace;
  /** Segments, plus `members count addMembers removeMembers checkFilter refreshMetrics`. */
  readonly segments: Repository<'segment'> & SegmentOperations;
  /** Campaigns, plus `transition schedule send recordDelivery deliveries report`. */
  readonly campaigns: Repository<'campaign'> & CampaignOperations;
  /** Nurture rules and their runs: `rules runs tick dispatch settled`. */
  readonly automation: AutomationNamespace;
  /** KPIs over what the principal may see, health score and churn warnings, `alsoBought` (analytics/). */
  readonly analytics: AnalyticsNamespace;
  /** Import and export (CSV, JSON), backup and restore: `importCsv importJson exportCsv exportCsvText exportJson backup backupText restore`. */
  readonly io: CrmIo;
  readonly principal: Principal;
  readonly locale: Locale;
  readonly clock: Clock;
  /** What the storage backend can do. */
  readonly capabilities: AdapterCapabilities;
  /** A TanStack QueryClient whose `['rapport', entity]` queries are invalidated by every change, local or from another tab. */
  readonly queryClient: QueryClient;
  readonly queries: CrmQueryOptions;
  /** The gateway every read and write goes through (for domain modules). */
  readonly gateway: Gateway;
  /** The audit log: `list`, `verify`, `append`. */
  readonly audit: AuditLog;
  /** Encryption at rest: `encrypted`, `rotateKey`. */
  readonly security: CrmSecurity;
  /** The request context for the current principal and clock reading. */
  context(): RequestContext;
  /** Change events (ids and versions only, never record data). */
  subscribe(listener: ChangeListener): () => void;
  /** The same data seen and changed as another user; shares storage, has its own cache. */
  as(principal: Principal): Crm;
  /** Releases the cache and subscriptions; the root client also closes storage. */
  close(): Promise<void>;
}

const REPOSITORY_ENTITIES = ENTITY_NAMES.filter((name) => ENTITY_CATALOG[name].repository !== null);

function defaultStorage(): StorageAdapter {
  const browser = typeof indexedDB !== 'undefined' && typeof window !== 'undefined';
  return browser ? createIndexedDbAdapter({ name: 'rapport' }) : createMemoryAdapter();
}

function defaultNewId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function')
    return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function checkPrincipal(principal: Principal): Principal {
  const parsed = PrincipalSchema.safeParse(principal);
  if (!parsed.success) {
    throw new ValidationError(zodIssues(parsed.error, ['principal']), 'Invalid principal');
  }
  return Object.freeze(parsed.data);
}

/**
 * Creates a Rapport client.
 *
 * @example
 * ```ts
 * const crm = await createCrm({ storage: createMemoryAdapter(), principal: { id: 'u1', roles: ['sales'] } });
 * const customer = await crm.customers.create({ name: '上海云帆贸易有限公司', tier: 'key' });
 * ```
 * @throws ValidationError for an invalid principal or locale
 */
export async function createCrm(options: CrmOptions = {}): Promise<Crm> {
  if (options.locale !== undefined && !LOCALES.includes(options.locale)) {
    throw new ValidationError([{ path: ['locale'], message: `Use one of ${LOCALES.join(', ')}` }]);
  }
  const storage = options.storage ?? defaultStorage();
  const newId = options.newId ?? defaultNewId;
  // Encryption at rest is optional: its code (the cipher, the gateway's encrypt stage) loads only
  // when it is configured.
  let encryption: { cipher: FieldCipher; encryptStage: GatewayStage } | undefined;
  if (options.encryption) {
    const { createFieldCipher, encryptStage } = await import('./client/domains/encryption.js');
    encryption = { cipher: createFieldCipher(options.encryption), encryptStage };
  }
  const cipher = encryption?.cipher;
  const gateway = createGateway({
    adapter: storage,
    policy: options.policy ?? allowAllPolicy,
    newId,
    ...encryption,
  });
  const shared: Shared = {
    newId,
    storage,
    gateway,
    policy: options.policy ?? allowAllPolicy,
    ...(cipher && { cipher }),
    clock: options.clock ?? (() => new Date()),
    locale: options.locale ?? 'zh-CN',
    ...(options.service && { service: options.service }),
    ...(options.sales && { sales: options.sales }),
    ...(options.marketing && { marketing: options.marketing }),
    ...(options.analytics && { analytics: options.analytics }),
  };
  const principal = checkPrincipal(options.principal ?? LOCAL_PRINCIPAL);
  // Domain options are checked now, though their domains load on first use (the checks are small
  // modules of their own, loaded only when those options are given).
  const scoringRules = options.sales?.scoringRules;
  if (scoringRules !== undefined && scoringRules !== null) {
    const { checkScoringRules } = await import('./client/domains/options.js');
    checkScoringRules(scoringRules);
  }
  if (options.analytics) {
    const { checkTimeZone, resolveHealthOptions, DEFAULT_ANALYTICS_TIME_ZONE } =
      await import('./client/domains/options.js');
    checkTimeZone(options.analytics.timeZone ?? DEFAULT_ANALYTICS_TIME_ZONE, [
      'analytics',
      'timeZone',
    ]);
    resolveHealthOptions(options.analytics.health);
  }
  return buildCrm(shared, principal, true);
}

interface Shared {
  readonly storage: StorageAdapter;
  readonly gateway: Gateway;
  readonly clock: Clock;
  readonly locale: Locale;
  readonly newId: () => string;
  readonly policy: Policy;
  readonly cipher?: FieldCipher;
  readonly service?: ServiceOptions;
  readonly sales?: SalesOptions;
  readonly analytics?: AnalyticsOptions;
  readonly marketing?: MarketingOptions;
  /** The root client's marketing operations (their automation engine serves every client). */
  rootMarketing?: () => Promise<MarketingOperations>;
}

function buildCrm(shared: Shared, principal: Principal, root: boolean): Crm {
  const { storage, gateway, clock } = shared;
  const context = (): RequestContext => ({ principal, now: clock().toISOString() });
  const queryClient = new QueryClient({
    defaultOptions: {
      // Data changes only through change events, which invalidate; large lists skip structural sharing.
      queries: { staleTime: Infinity, structuralSharing: false, retry: false },
    },
  });
  const listeners = createSubscribable<ChangeListener>();
  const unsubscribe = storage.subscribe((all) => {
    // Audit bookkeeping is not a data change: listeners see the change, not its audit entry.
    const changes = all.filter((c) => !AUDIT_COLLECTIONS.has(c.collection));
    if (changes.length === 0) return;
    const entities = new Set<EntityName>();
    for (const change of changes) {
      const entity = entityOfCollection(change.collection);
      if (entity) entities.add(entity);
    }
    for (const entity of entities)
      void queryClient.invalidateQueries({ queryKey: crmKeys.entity(entity) });
    if (entities.size > 0) void queryClient.invalidateQueries({ queryKey: crmKeys.reports() });
    listeners.emit(changes);
  });

  const repositories = Object.fromEntries(
    REPOSITORY_ENTITIES.map((entity) => [
      ENTITY_CATALOG[entity].repository,
      createRepository(entity, gateway, context),
    ]),
  ) as unknown as CrmRepositories;
  const repositoryOf = <E extends EntityName>(entity: E) =>
    (repositories as unknown as Record<string, Repository<E>>)[
      ENTITY_CATALOG[entity].repository ?? ''
    ] ?? createRepository(entity, gateway, context);

  // Domain operations (sales, service, …) are built over this on first use (a dynamic import,
  // cached per client) and merged into the repositories; see client/lazy-operations.ts.
  const domain: DomainContext = { gateway, context, clock, newId: shared.newId, repositories };
  const service = once(async () =>
    (await import('./client/domains/service.js')).createServiceOperations(domain, shared.service),
  );
  const sales = once(async () =>
    (await import('./client/domains/sales.js')).createSalesOperations(domain, shared.sales),
  );
  const io = once(async () =>
    (await import('./client/domains/io.js')).createCrmIo(domain, shared.policy),
  );
  const analytics = once(async () =>
    (await import('./client/domains/analytics.js')).createAnalytics(domain, shared.analytics),
  );
  const marketingOptions = shared.marketing ?? {};
  const salesWiring = shared.sales && { sales: shared.sales };
  let marketing: () => Promise<MarketingOperations>;
  let stopAutomation = () => {};
  if (root) {
    // Automation runs on the root client's engine, subscribed from the start (automation-feed.ts).
    let stopped = false;
    let loaded: MarketingOperations | undefined;
    const feed = createAutomationFeed(
      {
        changes: listeners.subscribe,
        service: serviceEventsOf(gateway).subscribe,
        health: analyticsEventsOf(gateway).subscribe,
      },
      marketingOptions,
      () => marketing(),
    );
    marketing = shared.rootMarketing = once(async () => {
      const { createMarketingOperations } = await import('./client/domains/marketing.js');
      const ops = createMarketingOperations(domain, marketingOptions, {
        ...feed.wiring,
        ...salesWiring,
      });
      feed.flush();
      if (stopped) ops.stop(); // the client closed while this loaded
      return (loaded = ops);
    });
    stopAutomation = () => {
      stopped = true;
      feed.stop();
      loaded?.stop();
    };
  } else {
    const rootMarketing = shared.rootMarketing!;
    marketing = once(async () => {
      await rootMarketing(); // builds the engine this client's operations share
      return (await import('./client/domains/marketing.js')).createMarketingOperations(
        domain,
        marketingOptions,
        { ...salesWiring },
      );
    });
  }
  const part =
    <T, K extends keyof T>(load: () => Promise<T>, key: K) =>
    () =>
      load().then((ops) => ops[key]);
  const serviceTickets = lazyOperations(part(service, 'tickets'), {
    submit: 1,
    transition: 1,
    comment: 1,
    assign: 1,
    sla: 1,
    checkSla: 1,
    suggestArticles: 1,
    suggestTechnicians: 1,
    dispatch: 1,
  });
  const salesDeals: DealOperations = lazyOperations(part(sales, 'deals'), {
    move: 1,
    create: 1,
    board: 1,
  });
  const campaigns: CampaignOperations = lazyOperations(part(marketing, 'campaigns'), {
    create: 1,
    update: 1,
    transition: 1,
    schedule: 1,
    send: 1,
    recordDelivery: 1,
    deliveries: 1,
    report: 1,
  });
  const analyticsOps: AnalyticsNamespace = {
    ...lazyOperations(analytics, {
      leadConversion: 1,
      stageConversion: 1,
      timeInStage: 1,
      winRate: 1,
      salesCycle: 1,
      pipelineValue: 1,
      weightedForecast: 1,
      quotaAttainment: 1,
      churnRate: 1,
      retentionRate: 1,
      lifetimeValue: 1,
      csat: 1,
      nps: 1,
      slaCompliance: 1,
      firstResponseTime: 1,
      complaintRate: 1,
      campaignRoi: 1,
      revenueAgainstQuota: 1,
      dashboard: 1,
      health: 1,
      churnRisks: 1,
      checkHealth: 1,
      alsoBought: 1,
    }),
    subscribe: (listener) => analyticsEventsOf(gateway).subscribe(listener),
  };
  const ioDedupe = { findDuplicates: 1, merge: 1 } as const;
  const crmIo = part(io, 'io');

  let closed = false;
  const crm: Crm = {
    ...repositories,
    tickets: {
      ...repositories.tickets,
      ...serviceTickets,
      ...lazyOperations(
        once(async () => (await import('./client/domains/service.js')).createTicketLookup(domain)),
        { lookup: 1 },
      ),
      ...lazyOperations(
        once(async () => (await import('./client/domains/service.js')).createTicketQueue(domain)),
        { queue: 1 },
      ),
      update: guardWorkflowFields(
        repositories.tickets.update,
        ['status', 'statusHistory'],
        'crm.tickets.transition',
      ),
    },
    articles: {
      ...repositories.articles,
      ...lazyOperations(part(service, 'articles'), { suggest: 1, vote: 1 }),
    },
    surveys: {
      ...repositories.surveys,
      ...lazyOperations(part(service, 'surveys'), { respond: 1, report: 1, csat: 1, nps: 1 }),
    },
    service: {
      ...lazyOperations(part(service, 'service'), { agents: 1, planOrderFollowUps: 1 }),
      subscribe: (listener) => serviceEventsOf(gateway).subscribe(listener),
    },
    customers: {
      ...repositories.customers,
      ...lazyOperations(part(sales, 'customers'), {
        create: 1,
        update: 1,
        release: 1,
        claim: 1,
        pool: 1,
        timeline: 1,
        receivable: 1,
      }),
      ...lazyOperations(part(io, 'customers'), ioDedupe),
    },
    contacts: { ...repositories.contacts, ...lazyOperations(part(io, 'contacts'), ioDedupe) },
    leads: {
      ...repositories.leads,
      ...lazyOperations(part(sales, 'leads'), {
        create: 1,
        update: 1,
        capture: 1,
        convert: 1,
        release: 1,
        claim: 1,
        pool: 1,
        rescore: 1,
        explainScore: 1,
        findDuplicates: 1,
      }),
    },
    pipelines: {
      ...repositories.pipelines,
      ...lazyOperations(part(sales, 'pipelines'), {
        updateStages: 1,
        update: 1,
        remove: 1,
      }),
    },
    deals: {
      ...repositories.deals,
      ...salesDeals,
      update: guardWorkflowFields(
        repositories.deals.update,
        ['stageId', 'status', 'stageHistory', 'closedAt'],
        'crm.deals.move',
      ),
    },
    activities: {
      ...repositories.activities,
      ...lazyOperations(part(sales, 'activities'), {
        create: 1,
        update: 1,
        complete: 1,
        due: 1,
        overdue: 1,
      }),
    },
    orders: {
      ...repositories.orders,
      ...lazyOperations(part(sales, 'orders'), {
        update: 1,
        transition: 1,
        fromDeal: 1,
        recordPayment: 1,
        balance: 1,
      }),
    },
    quotas: {
      ...repositories.quotas,
      ...lazyOperations(part(sales, 'quotas'), { attainment: 1, report: 1 }),
    },
    sales: lazyOperations(part(sales, 'sales'), {
      transferOwner: 1,
      forecast: 1,
      recycle: 1,
      ownerHistory: 1,
    }),
    io: {
      ...lazyOperations(crmIo, {
        importCsv: 1,
        importJson: 1,
        exportCsv: 1,
        exportCsvText: 1,
        exportJson: 1,
        backupText: 1,
        restore: 1,
      }),
      backup: (options) => lazyIterable(crmIo, (ops) => ops.backup(options)),
    },
    analytics: analyticsOps,
    segments: {
      ...repositories.segments,
      ...lazyOperations(part(marketing, 'segments'), {
        create: 1,
        update: 1,
        members: 1,
        count: 1,
        addMembers: 1,
        removeMembers: 1,
        refreshMetrics: 1,
        checkFilter: 1,
      }),
    },
    campaigns: { ...repositories.campaigns, ...campaigns },
    automation: {
      ...lazyOperations(part(marketing, 'automation'), {
        dispatch: 1,
        tick: 1,
        settled: 1,
        runs: 1,
      }),
      rules: lazyOperations(() => marketing().then((ops) => ops.automation.rules), {
        create: 1,
        update: 1,
        remove: 1,
        get: 1,
        list: 1,
      }),
    },
    principal,
    locale: shared.locale,
    clock,
    capabilities: storage.capabilities,
    queryClient,
    gateway,
    audit: lazyOperations(
      once(async () =>
        (await import('./client/domains/governance.js')).createAuditLog(gateway, storage, context),
      ),
      { list: 1, verify: 1, append: 1 },
    ),
    security: {
      encrypted: shared.cipher !== undefined,
      ...lazyOperations(
        once(async () =>
          (await import('./client/domains/governance.js')).createCrmSecurity({
            adapter: storage,
            cipher: shared.cipher,
            gateway,
            context,
          }),
        ),
        { rotateKey: 1 },
      ),
    },
    context,
    queries: {
      list: (entity, query = {}) => ({
        queryKey: crmKeys.list(entity, query),
        queryFn: () => repositoryOf(entity).list(query),
      }),
      detail: (entity, id) => ({
        queryKey: crmKeys.detail(entity, id),
        queryFn: () => repositoryOf(entity).get(id),
      }),
      count: (entity, where = {}) => ({
        queryKey: crmKeys.count(entity, where),
        queryFn: () => repositoryOf(entity).count(where),
      }),
      board: (pipelineId, where = {}) => ({
        queryKey: crmKeys.board(pipelineId, where),
        queryFn: () => salesDeals.board(pipelineId, { where }),
      }),
      campaignReport: (id) => ({
        queryKey: crmKeys.report('campaignReport', id),
        queryFn: () => campaigns.report(id),
      }),
      kpiDashboard: (query) => ({
        queryKey: crmKeys.report('kpiDashboard', query),
        queryFn: () => analyticsOps.dashboard(query),
      }),
    },
    subscribe: listeners.subscribe,
    as: (other) => buildCrm(shared, checkPrincipal(other), false),
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      queryClient.clear();
      if (root) {
        stopAutomation();
        gateway.dispose();
        await storage.close();
      }
    },
  };
  return crm;
}
