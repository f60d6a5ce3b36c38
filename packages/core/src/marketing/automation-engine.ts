import type { DomainContext } from '../client/domain-context.js';
import type { Patch, WriteOptions } from '../client/repository.js';
import type {
  AutomationAction,
  AutomationRule,
  AutomationRuleInput,
} from '../entities/automation-rule.js';
import type { AutomationRun, AutomationRunInput } from '../entities/automation-run.js';
import type { Contact } from '../entities/contact.js';
import { ENTITY_CATALOG, type EntityName } from '../entities/catalog.js';
import type { EntityRecord } from '../entities/registry.js';
import { OWNED_ENTITIES } from '../entities/enums.js';
import { OWNER_FIELDS } from '../gateway/policy.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import type { QueryResult, QuerySpec, Where } from '../query/query-spec.js';
import { matchesWhere } from '../query/where.js';
import { createActivityOperations } from '../sales/activities.js';
import { createPool } from '../sales/pool.js';
import { salesIo } from '../sales/sales-io.js';
import { DAY_MS, DEFAULT_SCORING_RULES, type SalesOptions } from '../sales/sales-options.js';
import type { ServiceEvent } from '../service/service-events.js';
import type { ChangeEvent } from '../storage/storage-adapter.js';
import type { MessageSender } from './message-sender.js';
import type { AutomationOptions } from './marketing-options.js';
import type { SegmentOperations } from './segments.js';

/**
 * A customer's health score dropped: the shape of analytics' `health_dropped` event
 * (`crm.analytics.subscribe`), which the engine listens to; a host may also pass its own through
 * `crm.automation.dispatch(input)`.
 */
export interface HealthDroppedInput {
  readonly type: 'health_dropped';
  readonly customerId: string;
  /** The new score, 0–100. */
  readonly current: number;
  readonly previous?: number | null;
  /** The signals that lowered the score. */
  readonly reasons?: readonly unknown[];
  readonly at?: string;
}

/** Trigger inputs that do not come from change events. */
export type AutomationInput =
  | HealthDroppedInput
  | {
      readonly type: 'sla_at_risk';
      readonly ticketId: string;
      readonly clock?: 'first_response' | 'resolution';
    }
  | { readonly type: 'ticket_resolved'; readonly ticketId: string };

type Subject = EntityRecord<EntityName> & Record<string, unknown>;

interface Chain {
  readonly id: string;
  readonly depth: number;
  /** Runs per `ruleId/recordId` in the chain, shared by every link. */
  readonly runs: Map<string, number>;
}

interface Candidate {
  readonly trigger: AutomationRule['trigger']['type'];
  readonly entity: EntityName;
  readonly recordId: string;
  /** Whether a rule with this trigger applies (trigger options such as a threshold). */
  readonly accepts: (rule: AutomationRule) => boolean;
}

type Job =
  | {
      readonly kind: 'changes';
      readonly changes: readonly ChangeEvent[];
      readonly chain: Chain | null;
    }
  | { readonly kind: 'input'; readonly input: AutomationInput; readonly chain: Chain | null };

const TAGGED: ReadonlySet<EntityName> = new Set(['lead', 'customer', 'contact', 'deal', 'ticket']);
const LINK_FIELD: Partial<Record<EntityName, string>> = {
  lead: 'leadId',
  customer: 'customerId',
  contact: 'contactId',
  deal: 'dealId',
  ticket: 'ticketId',
};

/**
 * Nurture automation: rules of trigger → conditions → actions, stored as `automationRule`
 * records and run by one engine per storage.
 *
 * Inputs: change events of leads and deals (the record is loaded through the gateway; events carry
 * ids only), service events (`ticket_transitioned` to resolved, `sla_at_risk`), `dispatch` (health
 * warnings) and `tick` (time triggers: no activity for N days). Each input is processed in order,
 * one at a time; for each, enabled rules run in (`order`, id) order and their actions in the
 * order given — so the same inputs give the same runs.
 *
 * Loop protection: every input starts a causal chain; change events that arrive while a rule's
 * actions are writing belong to that chain, one level deeper. Within a chain a rule runs at most
 * `runsPerRecord` times (default 1) on one record, and nothing runs deeper than `maxChainDepth`
 * (default 5). A refused run is recorded with status `stopped` and no action runs, which ends the
 * chain. (A change made by someone else during a rule's write window is counted in the chain: that
 * can only refuse a run, never cause an endless one.)
 *
 * Actions act as the principal of the client that built the engine (the root `createCrm` client),
 * with that principal's permissions.
 */
export function createAutomationEngine(
  domain: DomainContext,
  deps: {
    readonly sender: MessageSender;
    readonly segments: SegmentOperations;
    readonly sales?: SalesOptions;
    /** Called for order changes (customer purchase metrics). */
    readonly onOrdersChanged?: (orderIds: readonly string[]) => Promise<void>;
  },
  options: AutomationOptions = {},
) {
  const maxDepth = options.maxChainDepth ?? 5;
  const budget = options.runsPerRecord ?? 1;
  const onError = options.onError ?? (() => {});
  const ctx = () => domain.context();
  const now = () => domain.clock().toISOString();
  const pool = createPool(domain, deps.sales ?? {});
  const activities = createActivityOperations(
    domain,
    deps.sales?.scoringRules ?? DEFAULT_SCORING_RULES,
  );

  let rulesCache: Promise<AutomationRule[]> | null = null;
  const lastScore = new Map<string, number | undefined>();
  const queue: Job[] = [];
  let draining: Promise<void> | null = null;
  let executing: Chain | null = null;
  let stopped = false;
  let chainSeq = 0;

  const newChain = (): Chain => ({
    id: `chain-${Date.now().toString(36)}-${++chainSeq}`,
    depth: 0,
    runs: new Map(),
  });
  const deeper = (chain: Chain): Chain => ({ ...chain, depth: chain.depth + 1 });

  function rules(): Promise<AutomationRule[]> {
    if (!rulesCache) {
      rulesCache = salesIo
        .all(domain, 'automationRule', { enabled: { eq: true } })
        .then((list) =>
          (list as unknown as AutomationRule[]).sort(
            (a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          ),
        );
      rulesCache.catch(() => (rulesCache = null));
    }
    return rulesCache;
  }

  function enqueue(job: Job): void {
    if (stopped) return;
    queue.push(job);
    if (!draining) draining = drain().finally(() => (draining = null));
  }

  async function drain(): Promise<void> {
    while (queue.length && !stopped) {
      const job = queue.shift()!;
      try {
        await process(job);
      } catch (error) {
        if (!stopped) onError(error);
      }
    }
  }

  async function load(entity: EntityName, id: string): Promise<Subject | null> {
    const [record] = await domain.gateway.get(ctx(), entity, [id]);
    return (record as unknown as Subject | null) ?? null;
  }

  /** The candidates a batch of change events gives (deduplicated per record and trigger). */
  async function candidatesOf(changes: readonly ChangeEvent[]): Promise<Candidate[]> {
    const out: Candidate[] = [];
    const orders: string[] = [];
    for (const change of changes) {
      if (change.collection === ENTITY_CATALOG.automationRule.collection) rulesCache = null;
      if (change.collection === ENTITY_CATALOG.order.collection && change.type !== 'deleted')
        orders.push(change.id);
      if (change.type === 'deleted') continue;
      if (change.collection === ENTITY_CATALOG.lead.collection) {
        const lead = await load('lead', change.id);
        if (!lead) continue;
        const score = typeof lead.score === 'number' ? lead.score : undefined;
        const known = lastScore.has(lead.id);
        const previous = lastScore.get(lead.id);
        lastScore.set(lead.id, score);
        const all = () => true;
        out.push({
          trigger: change.type === 'created' ? 'lead_created' : 'lead_updated',
          entity: 'lead',
          recordId: lead.id,
          accepts: all,
        });
        if (change.type === 'updated' && known && previous !== score) {
          const before = previous ?? 0;
          const after = score ?? 0;
          out.push({
            trigger: 'score_crossed',
            entity: 'lead',
            recordId: lead.id,
            accepts: (rule) => {
              const t = rule.trigger as { threshold: number; direction: 'up' | 'down' };
              return t.direction === 'down'
                ? before >= t.threshold && after < t.threshold
                : before < t.threshold && after >= t.threshold;
            },
          });
        }
      } else if (
        change.collection === ENTITY_CATALOG.deal.collection &&
        change.type === 'updated'
      ) {
        const deal = await load('deal', change.id);
        const history = (deal?.stageHistory ?? []) as { stageId: string; enteredAt: string }[];
        const last = history[history.length - 1];
        // The deal entered its stage in the write that produced this version.
        if (!deal || !last || last.enteredAt !== deal.updatedAt || last.stageId !== deal.stageId)
          continue;
        out.push({
          trigger: 'deal_stage_changed',
          entity: 'deal',
          recordId: deal.id,
          accepts: (rule) => {
            const t = rule.trigger as { pipelineId?: string; toStageId?: string };
            return (
              (t.pipelineId === undefined || t.pipelineId === deal.pipelineId) &&
              (t.toStageId === undefined || t.toStageId === deal.stageId)
            );
          },
        });
      }
    }
    if (orders.length && deps.onOrdersChanged) await deps.onOrdersChanged(orders);
    return out;
  }

  function candidatesOfInput(input: AutomationInput): Candidate[] {
    if (input.type === 'health_dropped')
      return [
        {
          trigger: 'health_dropped',
          entity: 'customer',
          recordId: input.customerId,
          accepts: (rule) => {
            const below = (rule.trigger as { below?: number }).below;
            return below === undefined || input.current < below;
          },
        },
      ];
    if (input.type === 'sla_at_risk')
      return [
        {
          trigger: 'sla_at_risk',
          entity: 'ticket',
          recordId: input.ticketId,
          accepts: (rule) => {
            const clock = (rule.trigger as { clock?: string }).clock;
            return clock === undefined || clock === input.clock;
          },
        },
      ];
    return [
      {
        trigger: 'ticket_resolved',
        entity: 'ticket',
        recordId: input.ticketId,
        accepts: () => true,
      },
    ];
  }

  async function process(job: Job): Promise<AutomationRun[]> {
    const candidates =
      job.kind === 'changes' ? await candidatesOf(job.changes) : candidatesOfInput(job.input);
    if (candidates.length === 0 || (job.kind === 'changes' && options.enabled === false)) return [];
    const list = await rules();
    if (list.length === 0) return [];
    const chain = job.chain ?? newChain();
    const runs: AutomationRun[] = [];
    for (const candidate of candidates) {
      for (const rule of list) {
        if (rule.trigger.type !== candidate.trigger || !candidate.accepts(rule)) continue;
        const run = await runRule(rule, candidate.entity, candidate.recordId, chain);
        if (run) runs.push(run);
      }
    }
    return runs;
  }

  async function record(input: AutomationRunInput): Promise<AutomationRun> {
    const [run] = await domain.gateway.write(ctx(), [
      { type: 'create', entity: 'automationRun', input },
    ]);
    return run as unknown as AutomationRun;
  }

  /** Runs one rule on one record within a chain; `null` when its conditions do not hold. */
  async function runRule(
    rule: AutomationRule,
    entity: EntityName,
    recordId: string,
    chain: Chain,
  ): Promise<AutomationRun | null> {
    const subject = await load(entity, recordId);
    if (!subject || !matchesWhere(subject, rule.conditions)) return null;
    const base = {
      ruleId: rule.id,
      trigger: rule.trigger.type,
      entity,
      recordId,
      chainId: chain.id,
      depth: chain.depth,
      at: now(),
    };
    const key = `${rule.id}/${entity}/${recordId}`;
    const count = chain.runs.get(key) ?? 0;
    if (count >= budget)
      return record({
        ...base,
        status: 'stopped',
        reason: `Loop: rule already ran ${count}× on this record in this chain`,
      });
    if (chain.depth > maxDepth)
      return record({ ...base, status: 'stopped', reason: `Chain deeper than ${maxDepth}` });
    chain.runs.set(key, count + 1);
    const results: AutomationRunInput['actions'] = [];
    let failed: string | undefined;
    executing = deeper(chain);
    try {
      let current = subject;
      for (const action of rule.actions) {
        if (failed !== undefined) break;
        try {
          const outcome = await apply(action, entity, current);
          results.push({
            type: action.type,
            status: outcome.status,
            ...(outcome.detail && { detail: outcome.detail.slice(0, 500) }),
          });
          current = (await load(entity, recordId)) ?? current;
        } catch (error) {
          failed = error instanceof Error ? error.message : String(error);
          results.push({ type: action.type, status: 'failed', detail: failed.slice(0, 500) });
        }
      }
    } finally {
      executing = null;
    }
    return record({
      ...base,
      status: failed === undefined ? 'succeeded' : 'failed',
      ...(failed && { reason: failed.slice(0, 500) }),
      actions: results,
    });
  }

  type Outcome = { status: 'done' | 'skipped'; detail?: string };

  async function update(
    entity: EntityName,
    subject: Subject,
    patch: Record<string, unknown>,
    extra: WriteIntent[] = [],
  ) {
    await domain.gateway.write(ctx(), [
      { type: 'update', entity, id: subject.id, patch, expectedVersion: subject.version },
      ...extra,
    ]);
  }

  async function recipients(entity: EntityName, subject: Subject): Promise<Contact[]> {
    if (entity === 'contact') return [subject as unknown as Contact];
    if (entity === 'customer') return deps.sender.contactsOfCustomers([subject.id]);
    const contactId = entity === 'lead' ? subject.convertedContactId : subject.contactId;
    return typeof contactId === 'string' ? deps.sender.contactsById([contactId]) : [];
  }

  async function apply(
    action: AutomationAction,
    entity: EntityName,
    subject: Subject,
  ): Promise<Outcome> {
    switch (action.type) {
      case 'add_tag': {
        if (!TAGGED.has(entity)) return { status: 'skipped', detail: `${entity} has no tags` };
        const tags = (subject.tags as string[] | undefined) ?? [];
        if (tags.includes(action.tag)) return { status: 'skipped', detail: 'already tagged' };
        await update(entity, subject, { tags: [...tags, action.tag] });
        return { status: 'done' };
      }
      case 'assign_owner': {
        const field = OWNER_FIELDS[entity];
        if (!field) return { status: 'skipped', detail: `${entity} has no owner` };
        const from = subject[field] as string | undefined;
        if (from === action.ownerId) return { status: 'skipped', detail: 'already the owner' };
        const at = now();
        const owned = (OWNED_ENTITIES as readonly string[]).includes(entity);
        const pooled = entity === 'lead' || entity === 'customer';
        await update(
          entity,
          subject,
          { [field]: action.ownerId, ...(pooled && { assignedAt: at, poolId: null }) },
          owned
            ? [
                salesIo.ownerChange(
                  domain,
                  {
                    entity: entity as (typeof OWNED_ENTITIES)[number],
                    recordId: subject.id,
                    kind: 'assign',
                    toOwnerId: action.ownerId,
                    ...(from && { fromOwnerId: from }),
                    reason: 'automation',
                  },
                  at,
                ),
              ]
            : [],
        );
        return { status: 'done' };
      }
      case 'create_task': {
        const link = LINK_FIELD[entity];
        if (!link) return { status: 'skipped', detail: `tasks do not link to ${entity}` };
        const owner =
          action.ownerId ?? (subject[OWNER_FIELDS[entity] ?? 'ownerId'] as string | undefined);
        const task = await activities.create({
          type: 'task',
          subject: action.subject,
          [link]: subject.id,
          ...(entity !== 'customer' &&
            typeof subject.customerId === 'string' && { customerId: subject.customerId }),
          ...(owner && { ownerId: owner }),
          ...(action.dueInDays !== undefined && {
            dueAt: new Date(domain.clock().getTime() + action.dueInDays * DAY_MS).toISOString(),
          }),
        });
        return { status: 'done', detail: `activity ${task.id}` };
      }
      case 'enrol_in_campaign': {
        const campaign = await salesIo.get(domain, 'campaign', action.campaignId);
        if (entity === 'lead') {
          const touches = (subject.touches as unknown[] | undefined) ?? [];
          await update(entity, subject, {
            touches: [...touches, { at: now(), source: 'campaign', campaignId: campaign.id }].slice(
              -500,
            ),
            ...(subject.campaignId === undefined && { campaignId: campaign.id }),
          });
          return { status: 'done' };
        }
        if ((entity === 'customer' || entity === 'contact') && campaign.segmentId) {
          const segment = await salesIo.get(domain, 'segment', campaign.segmentId);
          if (segment.kind !== 'static' || segment.entity !== entity)
            return {
              status: 'skipped',
              detail: `the campaign's audience is not a static ${entity} list`,
            };
          if (segment.memberIds.includes(subject.id))
            return { status: 'skipped', detail: 'already enrolled' };
          await deps.segments.addMembers(segment.id, [subject.id]);
          return { status: 'done' };
        }
        return { status: 'skipped', detail: `cannot enrol a ${entity}` };
      }
      case 'send_message': {
        const contacts = await recipients(entity, subject);
        if (contacts.length === 0) return { status: 'skipped', detail: 'no contact to message' };
        const campaign = action.campaignId
          ? await salesIo.get(domain, 'campaign', action.campaignId)
          : undefined;
        const outcome = await deps.sender.send({
          channel: action.channel,
          template: {
            body: action.body,
            ...(action.subject !== undefined && { subject: action.subject }),
          },
          contacts,
          ...(campaign && { campaign: { id: campaign.id, name: campaign.name } }),
        });
        if (outcome.deliveries.length) await domain.gateway.write(ctx(), [...outcome.deliveries]);
        const detail = `sent ${outcome.sent}, failed ${outcome.failed}, skipped ${outcome.skipped.map((s) => `${s.contactId} (${s.reason})`).join(', ') || 0}`;
        if (outcome.failed > 0) throw new Error(detail);
        return { status: outcome.sent > 0 ? 'done' : 'skipped', detail };
      }
      case 'release_to_pool': {
        if (entity !== 'lead' && entity !== 'customer')
          return { status: 'skipped', detail: `${entity} has no pool` };
        if (subject.ownerId === undefined)
          return { status: 'skipped', detail: 'already in a pool' };
        await pool.release(entity, subject.id, action.reason, {
          ...(action.poolId && { poolId: action.poolId }),
          expectedVersion: subject.version,
        });
        return { status: 'done' };
      }
    }
  }

  /** Time triggers: records with no contact for N days, each once per quiet spell. */
  async function tick(): Promise<AutomationRun[]> {
    await settled();
    const list = (await rules()).filter((r) => r.trigger.type === 'no_activity');
    const runs: AutomationRun[] = [];
    const nowMs = domain.clock().getTime();
    for (const rule of list) {
      const t = rule.trigger as { entity: 'lead' | 'customer' | 'contact'; days: number };
      const cutoff = new Date(nowMs - t.days * DAY_MS).toISOString();
      const quiet: Where = {
        or: [
          { lastContactAt: { lte: cutoff } },
          { lastContactAt: { exists: false }, createdAt: { lte: cutoff } },
        ],
      };
      const records = await salesIo.all(domain, t.entity, quiet);
      const previous = await salesIo.all(domain, 'automationRun', { ruleId: { eq: rule.id } });
      const lastRun = new Map<string, string>();
      for (const run of previous as unknown as AutomationRun[])
        if ((lastRun.get(run.recordId) ?? '') < run.at) lastRun.set(run.recordId, run.at);
      for (const r of records as unknown as Subject[]) {
        const since = (r.lastContactAt as string | undefined) ?? r.createdAt;
        if ((lastRun.get(r.id) ?? '') >= since) continue; // already ran in this quiet spell
        const run = await runRule(rule, t.entity, r.id, newChain());
        if (run) runs.push(run);
      }
    }
    return runs;
  }

  function settled(): Promise<void> {
    return draining ? draining.then(settled) : Promise.resolve();
  }

  const ruleEntity = 'automationRule' as const;
  return {
    /** Feeds change events (wired to the client's change stream by createCrm). */
    handleChanges(changes: readonly ChangeEvent[]): void {
      const local = changes.filter((c) => c.source === 'local');
      if (local.length) enqueue({ kind: 'changes', changes: local, chain: executing });
    },
    /** Feeds analytics' health warnings. */
    handleHealthEvent(event: HealthDroppedInput): void {
      if (event.type === 'health_dropped')
        enqueue({ kind: 'input', input: event, chain: executing });
    },
    /** Feeds service events: resolved tickets and SLA risk. */
    handleServiceEvent(event: ServiceEvent): void {
      if (event.type === 'ticket_transitioned' && event.to === 'resolved')
        enqueue({
          kind: 'input',
          input: { type: 'ticket_resolved', ticketId: event.ticketId },
          chain: executing,
        });
      else if (event.type === 'sla_at_risk')
        enqueue({
          kind: 'input',
          input: { type: 'sla_at_risk', ticketId: event.ticketId, clock: event.clock },
          chain: executing,
        });
    },
    /**
     * Runs the rules for an outside trigger now (health warnings from analytics, say) and returns
     * the runs, after anything queued before it.
     */
    async dispatch(input: AutomationInput): Promise<AutomationRun[]> {
      await settled();
      return process({ kind: 'input', input, chain: null });
    },
    tick,
    /** Resolves when every queued change has been processed (tests, before reading results). */
    settled,
    stop(): void {
      stopped = true;
      queue.length = 0;
    },
    rules: {
      async create(input: AutomationRuleInput): Promise<AutomationRule> {
        const [rule] = await domain.gateway.write(ctx(), [
          { type: 'create', entity: ruleEntity, input },
        ]);
        rulesCache = null;
        return rule as unknown as AutomationRule;
      },
      async update(
        id: string,
        patch: Patch<'automationRule'>,
        opts: WriteOptions = {},
      ): Promise<AutomationRule> {
        const [rule] = await domain.gateway.write(ctx(), [
          {
            type: 'update',
            entity: ruleEntity,
            id,
            patch,
            ...(opts.expectedVersion !== undefined && { expectedVersion: opts.expectedVersion }),
          },
        ]);
        rulesCache = null;
        return rule as unknown as AutomationRule;
      },
      async remove(id: string): Promise<void> {
        await domain.gateway.write(ctx(), [{ type: 'delete', entity: ruleEntity, id }]);
        rulesCache = null;
      },
      get: (id: string) =>
        salesIo.get(domain, ruleEntity, id) as unknown as Promise<AutomationRule>,
      async list(query: QuerySpec = {}): Promise<QueryResult<AutomationRule>> {
        return (await domain.gateway.query(ctx(), ruleEntity, {
          orderBy: [{ field: 'order', direction: 'asc' }],
          ...query,
        })) as unknown as QueryResult<AutomationRule>;
      },
    },
    /** Recorded runs, newest first by default. */
    async runs(query: QuerySpec = {}): Promise<QueryResult<AutomationRun>> {
      return (await domain.gateway.query(ctx(), 'automationRun', {
        orderBy: [{ field: 'at', direction: 'desc' }],
        ...query,
      })) as unknown as QueryResult<AutomationRun>;
    },
  };
}

export type AutomationEngine = ReturnType<typeof createAutomationEngine>;
