import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput, Patch, WriteOptions } from '../client/repository.js';
import { ACTIVITY_TYPES } from '../entities/enums.js';
import type { EntityRecord } from '../entities/registry.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import { leadBehaviour, scorePatch } from './lead-scoring.js';
import { applyPatch } from './owned-record-writes.js';
import { salesIo } from './sales-io.js';
import type { ScoringRule } from './sales-options.js';

type ActivityType = (typeof ACTIVITY_TYPES)[number];
type Data = Record<string, unknown>;

/** Activity types that count as contact with the customer and keep `lastContactAt` current. */
export const CONTACT_ACTIVITY_TYPES: readonly ActivityType[] = [
  'call',
  'visit',
  'email',
  'meeting',
];

const isoOf = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/**
 * When an activity counts as contact: a call / visit / email / meeting that is done (at
 * `completedAt`, else its start, else now) or that starts in the past. `null` otherwise.
 */
export function contactTime(activity: Data, now: string): string | null {
  if (!CONTACT_ACTIVITY_TYPES.includes(activity.type as ActivityType)) return null;
  if (activity.status === 'cancelled') return null;
  const at =
    activity.status === 'done'
      ? (isoOf(activity.completedAt) ?? isoOf(activity.startAt) ?? now)
      : (isoOf(activity.completedAt) ?? isoOf(activity.startAt) ?? isoOf(activity.endAt));
  return at !== null && at <= now ? at : null;
}

function toInstant(value: unknown, path: string): string {
  const iso =
    value instanceof Date
      ? Number.isNaN(value.getTime())
        ? null
        : value.toISOString()
      : isoOf(value);
  if (iso === null)
    throw new ValidationError([{ path: [path], message: 'Expected a date or an ISO time' }]);
  return iso;
}

/**
 * Activity operations. `create` / `update` keep `lastContactAt` of the customer, contact and
 * lead current (and move a `new` lead to `contacted`), and rescore the lead, in the same write.
 *
 * @example
 * ```ts
 * await crm.activities.create({ type: 'call', subject: '首次电话', customerId, contactId, status: 'done' });
 * const reminders = await crm.activities.due({ before: new Date() });
 * const late = await crm.activities.overdue();
 * await crm.activities.complete(taskId, { outcome: '已寄样品' });
 * ```
 */
export function createActivityOperations(domain: DomainContext, rules: readonly ScoringRule[]) {
  /** Intents that update the linked records after `after` replaces `before` (null on create). */
  async function sideEffects(before: Data | null, after: Data): Promise<WriteIntent[]> {
    const now = domain.clock().toISOString();
    const at = contactTime(after, now);
    const patches = new Map<
      string,
      { entity: 'customer' | 'contact' | 'lead'; id: string; patch: Data; version?: number }
    >();
    const entry = (entity: 'customer' | 'contact' | 'lead', id: string) => {
      const key = `${entity}:${id}`;
      const found = patches.get(key) ?? { entity, id, patch: {} };
      patches.set(key, found);
      return found;
    };
    const leads = new Map<string, EntityRecord<'lead'>>();
    if (at !== null) {
      for (const [entity, field] of [
        ['customer', 'customerId'],
        ['contact', 'contactId'],
        ['lead', 'leadId'],
      ] as const) {
        const id = after[field];
        if (typeof id !== 'string') continue;
        const [record] = await domain.gateway.get(domain.context(), entity, [id]);
        if (!record) continue;
        if (entity === 'lead') leads.set(id, record as unknown as EntityRecord<'lead'>);
        const e = entry(entity, id);
        e.version = record.version;
        if (typeof record.lastContactAt !== 'string' || record.lastContactAt < at)
          e.patch.lastContactAt = at;
        if (entity === 'lead' && record.status === 'new') {
          e.patch.status = 'contacted';
          e.patch.stageChangedAt = now;
        }
      }
    }
    // Rescore every lead whose activity count changed.
    const counted = (a: Data | null) =>
      a !== null && typeof a.leadId === 'string' && a.status !== 'cancelled';
    const leadIds = new Set<string>();
    if (counted(before)) leadIds.add(before!.leadId as string);
    if (counted(after)) leadIds.add(after.leadId as string);
    for (const leadId of leadIds) {
      let lead = leads.get(leadId);
      if (!lead) {
        const [record] = await domain.gateway.get(domain.context(), 'lead', [leadId]);
        if (!record) continue;
        lead = record as unknown as EntityRecord<'lead'>;
      }
      const adjust: { add?: string; remove?: string } = {};
      if (counted(before) && before!.leadId === leadId && before!.id !== undefined)
        adjust.remove = before!.type as string;
      if (counted(after) && after.leadId === leadId) adjust.add = after.type as string;
      const e = entry('lead', leadId);
      e.version = lead.version;
      const scored = scorePatch(
        { ...lead, ...(e.patch as Partial<EntityRecord<'lead'>>) },
        await leadBehaviour(domain, leadId, adjust),
        rules,
      );
      if (scored) Object.assign(e.patch, scored);
    }
    return [...patches.values()]
      .filter((e) => Object.keys(e.patch).length > 0)
      .map((e) => ({
        type: 'update',
        entity: e.entity,
        id: e.id,
        patch: e.patch,
        ...(e.version !== undefined && { expectedVersion: e.version }),
      }));
  }

  const isObject = (v: unknown): v is Data =>
    typeof v === 'object' && v !== null && !Array.isArray(v);

  async function create(input: CreateInput<'activity'>): Promise<EntityRecord<'activity'>> {
    const extra = isObject(input) ? await sideEffects(null, { status: 'open', ...input }) : [];
    const [record] = await domain.gateway.write(domain.context(), [
      { type: 'create', entity: 'activity', input },
      ...extra,
    ]);
    return record as unknown as EntityRecord<'activity'>;
  }

  async function update(
    id: string,
    patch: Patch<'activity'>,
    options: WriteOptions = {},
  ): Promise<EntityRecord<'activity'>> {
    const current = (await salesIo.current(domain, 'activity', id)) as unknown as Data | null;
    const extra =
      current !== null && isObject(patch)
        ? await sideEffects(current, applyPatch(current, patch))
        : [];
    const [record] = await domain.gateway.write(domain.context(), [
      {
        type: 'update',
        entity: 'activity',
        id,
        patch,
        ...((options.expectedVersion ?? current?.version) !== undefined && {
          expectedVersion: options.expectedVersion ?? (current!.version as number),
        }),
      },
      ...extra,
    ]);
    return record as unknown as EntityRecord<'activity'>;
  }

  return {
    create,
    update,

    /**
     * Marks an open activity done (now, or at `completedAt`) with an optional outcome.
     * @throws ConflictError when it is not open
     */
    async complete(
      id: string,
      options: { outcome?: string; completedAt?: Date | string; expectedVersion?: number } = {},
    ): Promise<EntityRecord<'activity'>> {
      const current = await salesIo.get(domain, 'activity', id);
      if (current.status !== 'open')
        throw new ConflictError(
          'activities',
          id,
          current.version,
          current.version,
          `Activity ${id} is ${current.status}, not open`,
        );
      const completedAt =
        options.completedAt === undefined
          ? domain.clock().toISOString()
          : toInstant(options.completedAt, 'completedAt');
      return update(
        id,
        {
          status: 'done',
          completedAt,
          ...(options.outcome !== undefined && { outcome: options.outcome }),
        },
        { expectedVersion: options.expectedVersion ?? current.version },
      );
    },

    /** Open activities whose reminder time is at or before `before`, earliest first. */
    async due(options: {
      before: Date | string;
      ownerId?: string;
    }): Promise<EntityRecord<'activity'>[]> {
      const before = toInstant(options?.before, 'before');
      return salesIo.all(
        domain,
        'activity',
        {
          status: { eq: 'open' },
          remindAt: { lte: before },
          ...(options.ownerId !== undefined && { ownerId: { eq: options.ownerId } }),
        },
        [{ field: 'remindAt', direction: 'asc' }],
      );
    },

    /** Open activities (default: tasks) past their due time at the clock's now, most overdue first. */
    async overdue(
      options: { now?: Date | string; ownerId?: string; types?: readonly ActivityType[] } = {},
    ): Promise<EntityRecord<'activity'>[]> {
      const now =
        options.now === undefined ? domain.clock().toISOString() : toInstant(options.now, 'now');
      return salesIo.all(
        domain,
        'activity',
        {
          status: { eq: 'open' },
          dueAt: { lt: now },
          type: { in: [...(options.types ?? ['task'])] },
          ...(options.ownerId !== undefined && { ownerId: { eq: options.ownerId } }),
        },
        [{ field: 'dueAt', direction: 'asc' }],
      );
    },
  };
}
