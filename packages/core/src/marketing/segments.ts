import type { DomainContext } from '../client/domain-context.js';
import type { CreateInput, Patch, WriteOptions } from '../client/repository.js';
import type { Contact } from '../entities/contact.js';
import type { Customer } from '../entities/customer.js';
import type { Order } from '../entities/order.js';
import type { EntityRecord } from '../entities/registry.js';
import { ValidationError } from '../errors.js';
import type { WriteIntent } from '../gateway/gateway-core.js';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type OrderBy,
  type QueryResult,
  type Where,
} from '../query/query-spec.js';
import { salesIo } from '../sales/sales-io.js';
import { customerMetrics, type RfmThresholds } from './customer-metrics.js';
import { checkSegmentWhere, resolveSegmentWhere, type SegmentEntity } from './segment-fields.js';

type Segment = EntityRecord<'segment'>;
export type SegmentMember = Customer | Contact;

export interface MembersQuery {
  /** Page size, default 50, at most 10 000. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Dynamic segments only; default by id. */
  readonly orderBy?: readonly OrderBy[];
}

export interface RefreshMetricsResult {
  /** Customers looked at. */
  readonly checked: number;
  /** Customers whose metrics changed and were written. */
  readonly updated: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

function pageLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new ValidationError([
      { path: ['limit'], message: `Use a whole number from 1 to ${MAX_LIMIT}` },
    ]);
  return limit;
}

/** The metric fields of a customer as a patch (null clears), or `null` when nothing changed. */
function metricsPatch(
  customer: Customer,
  metrics: ReturnType<typeof customerMetrics>,
  now: string,
): Record<string, unknown> | null {
  const next = {
    lastPurchaseAt: metrics.lastPurchaseAt,
    totalSpend: metrics.orderCount > 0 ? metrics.totalSpend : null,
    orderCount: metrics.orderCount > 0 ? metrics.orderCount : null,
    rfm: metrics.rfm,
  };
  const same =
    (customer.lastPurchaseAt ?? null) === next.lastPurchaseAt &&
    (customer.totalSpend ?? null) === next.totalSpend &&
    (customer.orderCount ?? null) === next.orderCount &&
    JSON.stringify(customer.rfm ?? null) === JSON.stringify(next.rfm);
  return same ? null : { ...next, metricsAt: now };
}

/**
 * Segment operations merged into `crm.segments`: validated `create`/`update`, live `members` and
 * `count`, static list edits, and the purchase metrics segments filter on.
 *
 * Purchase metrics live on the customer (`lastPurchaseAt totalSpend orderCount rfm metricsAt`),
 * so segment filters run through the query engine and its indexes like any field. They are
 * derived from paid and delivered orders (`customerMetrics`), written when orders change
 * (`MarketingOptions.autoMetrics`) and by `refreshMetrics`. `age` is computed at query time from
 * `birthday` on the injected clock.
 */
export function createSegmentOperations(domain: DomainContext, rfm?: RfmThresholds) {
  const now = () => domain.clock().toISOString();

  function checkInput(input: Record<string, unknown>, path: (string | number)[] = []) {
    const entity = input.entity;
    if (entity !== 'customer' && entity !== 'contact') return; // the schema reports it
    if (input.where === undefined) return;
    try {
      checkSegmentWhere(entity, input.where);
    } catch (error) {
      if (error instanceof ValidationError)
        throw new ValidationError(
          error.issues.map((i) => ({ ...i, path: [...path, ...i.path] })),
          'Invalid segment filter',
        );
      throw error;
    }
  }

  async function segmentOf(id: string): Promise<Segment> {
    return salesIo.get(domain, 'segment', id);
  }

  /** Members of a static list that exist and are visible, in list order. */
  async function staticMembers(segment: Segment, ids: readonly string[]): Promise<SegmentMember[]> {
    const out: SegmentMember[] = [];
    for (const part of chunks(ids, 1000)) {
      const rows = await domain.gateway.get(domain.context(), segment.entity, part);
      for (const row of rows) if (row) out.push(row as unknown as SegmentMember);
    }
    return out;
  }

  async function members(
    id: string,
    query: MembersQuery = {},
  ): Promise<QueryResult<SegmentMember>> {
    const segment = await segmentOf(id);
    const limit = pageLimit(query.limit);
    if (segment.kind === 'static') {
      const offset = query.cursor === undefined ? 0 : Number(query.cursor);
      if (!Number.isInteger(offset) || offset < 0)
        throw new ValidationError([{ path: ['cursor'], message: 'Not a cursor of this segment' }]);
      const visible = await staticMembers(segment, segment.memberIds);
      const items = visible.slice(offset, offset + limit);
      const next = offset + limit < visible.length ? String(offset + limit) : null;
      return { items, total: visible.length, nextCursor: next };
    }
    const result = await domain.gateway.query(domain.context(), segment.entity, {
      where: resolveSegmentWhere(segment.where, now()),
      limit,
      orderBy: query.orderBy ?? [{ field: 'id', direction: 'asc' }],
      ...(query.cursor !== undefined && { cursor: query.cursor }),
    });
    return result as unknown as QueryResult<SegmentMember>;
  }

  /**
   * With a segment id: how many members the segment has now. With a filter (or nothing): the
   * repository's count of segment records, so `crm.segments.count(where)` keeps working.
   */
  async function count(
    idOrWhere?: string | Where,
    options: { search?: string } = {},
  ): Promise<number> {
    if (typeof idOrWhere !== 'string')
      return domain.gateway.count(domain.context(), 'segment', idOrWhere, options.search);
    const segment = await segmentOf(idOrWhere);
    if (segment.kind === 'static') return (await staticMembers(segment, segment.memberIds)).length;
    return domain.gateway.count(
      domain.context(),
      segment.entity,
      resolveSegmentWhere(segment.where, now()),
    );
  }

  /** Every member id, for sending and enrolment. */
  async function memberIds(segment: Segment): Promise<string[]> {
    if (segment.kind === 'static')
      return (await staticMembers(segment, segment.memberIds)).map((m) => m.id);
    const records = await salesIo.all(
      domain,
      segment.entity,
      resolveSegmentWhere(segment.where, now()),
    );
    return records.map((r) => r.id);
  }

  async function editMembers(
    id: string,
    ids: readonly string[],
    mode: 'add' | 'remove',
    options: WriteOptions = {},
  ): Promise<Segment> {
    const segment = await segmentOf(id);
    if (segment.kind !== 'static')
      throw new ValidationError([
        {
          path: ['kind'],
          message: 'Only static segments have a member list; change the filter of a dynamic one',
        },
      ]);
    if (!Array.isArray(ids))
      throw new ValidationError([{ path: ['ids'], message: 'Give an array of record ids' }]);
    let next: string[];
    if (mode === 'add') {
      const found = await domain.gateway.get(domain.context(), segment.entity, ids);
      const issues = ids.flatMap((memberId, i) =>
        found[i]
          ? []
          : [{ path: ['ids', i], message: `No visible ${segment.entity} "${memberId}"` }],
      );
      if (issues.length) throw new ValidationError(issues);
      const set = new Set(segment.memberIds);
      next = [...segment.memberIds, ...ids.filter((m) => !set.has(m) && set.add(m))];
    } else {
      const drop = new Set(ids);
      next = segment.memberIds.filter((m) => !drop.has(m));
    }
    const [record] = await domain.gateway.write(domain.context(), [
      {
        type: 'update',
        entity: 'segment',
        id,
        patch: { memberIds: next },
        expectedVersion: options.expectedVersion ?? segment.version,
      },
    ]);
    return record as unknown as Segment;
  }

  async function refreshMetrics(customerIds?: readonly string[]): Promise<RefreshMetricsResult> {
    const at = now();
    const customers: Customer[] =
      customerIds === undefined
        ? ((await salesIo.all(domain, 'customer', {})) as unknown as Customer[])
        : (
            await Promise.all(
              chunks([...new Set(customerIds)], 1000).map((part) =>
                domain.gateway.get(domain.context(), 'customer', part),
              ),
            )
          )
            .flat()
            .filter((c): c is NonNullable<typeof c> => c !== null)
            .map((c) => c as unknown as Customer);
    const byCustomer = new Map<string, Order[]>();
    const ids = customers.map((c) => c.id);
    for (const part of chunks(ids, 1000)) {
      const orders = (await salesIo.all(domain, 'order', {
        customerId: { in: part },
        status: { in: ['paid', 'delivered'] },
      })) as unknown as Order[];
      for (const order of orders) {
        const list = byCustomer.get(order.customerId) ?? [];
        list.push(order);
        byCustomer.set(order.customerId, list);
      }
    }
    const intents: WriteIntent[] = [];
    for (const customer of customers) {
      const patch = metricsPatch(
        customer,
        customerMetrics(byCustomer.get(customer.id) ?? [], at, rfm),
        at,
      );
      if (patch)
        intents.push({
          type: 'update',
          entity: 'customer',
          id: customer.id,
          patch,
          expectedVersion: customer.version,
        });
    }
    if (intents.length) await domain.gateway.write(domain.context(), intents);
    return { checked: customers.length, updated: intents.length };
  }

  return {
    /**
     * Creates a segment; the filter is checked against the entity's fields.
     * @throws ValidationError naming any field the entity does not have
     */
    async create(input: CreateInput<'segment'>): Promise<Segment> {
      if (isObject(input)) checkInput(input);
      const [record] = await domain.gateway.write(domain.context(), [
        { type: 'create', entity: 'segment', input },
      ]);
      return record as unknown as Segment;
    },
    /** Updates a segment; a changed filter or entity is checked like on create. */
    async update(
      id: string,
      patch: Patch<'segment'>,
      options: WriteOptions = {},
    ): Promise<Segment> {
      if (isObject(patch) && (patch.where !== undefined || patch.entity !== undefined)) {
        const current = await salesIo.current(domain, 'segment', id);
        if (current) checkInput({ entity: current.entity, where: current.where, ...patch });
      }
      const [record] = await domain.gateway.write(domain.context(), [
        {
          type: 'update',
          entity: 'segment',
          id,
          patch,
          ...(options.expectedVersion !== undefined && {
            expectedVersion: options.expectedVersion,
          }),
        },
      ]);
      return record as unknown as Segment;
    },
    /** Current members, a page at a time (dynamic: live filter; static: the list, skipping deleted records). */
    members,
    /** How many members the segment has now (`count(id)`); `count(where)` counts segments. */
    count,
    /** Adds records to a static segment (ids must exist); already present ids are ignored. */
    addMembers: (id: string, ids: readonly string[], options?: WriteOptions) =>
      editMembers(id, ids, 'add', options),
    /** Removes records from a static segment. */
    removeMembers: (id: string, ids: readonly string[], options?: WriteOptions) =>
      editMembers(id, ids, 'remove', options),
    /** Checks a filter for an entity without saving it; resolves to it as stored. */
    checkFilter: async (entity: SegmentEntity, where: unknown): Promise<Where> =>
      checkSegmentWhere(entity, where),
    /**
     * Recomputes purchase metrics (last purchase, total spend, order count, RFM) from paid and
     * delivered orders for the given customers, or all visible ones; writes only what changed,
     * in one all-or-nothing write.
     */
    refreshMetrics,
    /** @internal Member ids of a segment record (campaign sends, enrolment). */
    memberIds,
  };
}

export type SegmentOperations = ReturnType<typeof createSegmentOperations>;
