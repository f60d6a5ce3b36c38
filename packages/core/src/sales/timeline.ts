import type { DomainContext } from '../client/domain-context.js';
import { ValidationError } from '../errors.js';
import { salesIo } from './sales-io.js';

export const TIMELINE_KINDS = [
  'activity',
  'deal_created',
  'deal_stage_changed',
  'order_placed',
  'payment',
  'ticket_opened',
  'ticket_resolved',
  'campaign_touch',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One entry of a customer's 360° timeline. */
export interface TimelineEvent {
  /** Stable key of the event, e.g. `deal:d1:stage:2`; the tiebreak of the order. */
  readonly id: string;
  readonly at: string;
  readonly kind: TimelineKind;
  readonly entity: 'activity' | 'deal' | 'order' | 'ticket' | 'lead';
  readonly recordId: string;
  /** A short human label (subject, deal name, order number…). */
  readonly title: string;
  /** Kind-specific details: activity type and status, stage id and name, amounts, campaign id. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface TimelineQuery {
  /** Page size, 1–500 (default 50). */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Only these kinds. */
  readonly kinds?: readonly TimelineKind[];
}

export interface TimelinePage {
  readonly items: TimelineEvent[];
  readonly total: number;
  readonly nextCursor: string | null;
}

function encode(at: string, id: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify([at, id])))
    binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function decode(cursor: string): [string, string] {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    // fall through
  }
  throw new ValidationError([
    { path: ['cursor'], message: 'Not a cursor returned by this timeline' },
  ]);
}

/** Newest first; ties by event id, descending — a total order, so keyset pages are stable. */
const newerFirst = (a: TimelineEvent, b: TimelineEvent) =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * A customer's 360° timeline: activities, deals and their stage changes, orders and payments,
 * tickets, and campaign touches of the leads it came from — one stream, newest first, with keyset
 * cursors (events added later never shift a page you already have).
 *
 * @example
 * ```ts
 * const page = await crm.customers.timeline(customer.id, { limit: 20 });
 * const next = await crm.customers.timeline(customer.id, { limit: 20, cursor: page.nextCursor! });
 * ```
 */
export function createTimeline(domain: DomainContext) {
  return async function timeline(
    customerId: string,
    query: TimelineQuery = {},
  ): Promise<TimelinePage> {
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new ValidationError([{ path: ['limit'], message: 'Use a whole number from 1 to 500' }]);
    const kinds = query.kinds ? new Set(query.kinds) : null;
    if (kinds && [...kinds].some((k) => !TIMELINE_KINDS.includes(k)))
      throw new ValidationError([{ path: ['kinds'], message: `Use ${TIMELINE_KINDS.join(', ')}` }]);
    const after = query.cursor === undefined ? null : decode(query.cursor);
    const customer = await salesIo.get(domain, 'customer', customerId);
    const byCustomer = { customerId: { eq: customer.id } };

    const [activities, deals, orders, tickets, leads, pipelines] = await Promise.all([
      salesIo.all(domain, 'activity', byCustomer),
      salesIo.all(domain, 'deal', byCustomer),
      salesIo.all(domain, 'order', byCustomer),
      salesIo.all(domain, 'ticket', byCustomer),
      salesIo.all(domain, 'lead', { convertedCustomerId: { eq: customer.id } }),
      salesIo.all(domain, 'pipeline', {}),
    ]);
    const stageName = new Map(
      pipelines.flatMap((p) => p.stages.map((s) => [`${p.id}/${s.id}`, s])),
    );
    const events: TimelineEvent[] = [];
    for (const a of activities) {
      events.push({
        id: `activity:${a.id}`,
        at: a.completedAt ?? a.startAt ?? a.dueAt ?? a.createdAt,
        kind: 'activity',
        entity: 'activity',
        recordId: a.id,
        title: a.subject,
        details: {
          type: a.type,
          status: a.status,
          ...(a.outcome !== undefined && { outcome: a.outcome }),
        },
      });
    }
    for (const d of deals) {
      events.push({
        id: `deal:${d.id}:created`,
        at: d.stageHistory[0]?.enteredAt ?? d.createdAt,
        kind: 'deal_created',
        entity: 'deal',
        recordId: d.id,
        title: d.name,
        details: {
          amount: d.amount,
          currency: d.currency,
          ...(d.campaignId !== undefined && { campaignId: d.campaignId }),
        },
      });
      d.stageHistory.slice(1).forEach((visit, i) => {
        const stage = stageName.get(`${d.pipelineId}/${visit.stageId}`);
        events.push({
          id: `deal:${d.id}:stage:${String(i + 1).padStart(4, '0')}`,
          at: visit.enteredAt,
          kind: 'deal_stage_changed',
          entity: 'deal',
          recordId: d.id,
          title: d.name,
          details: {
            stageId: visit.stageId,
            ...(stage && { stageName: stage.name, stageKind: stage.kind }),
            fromStageId: d.stageHistory[i]!.stageId,
          },
        });
      });
    }
    for (const o of orders) {
      events.push({
        id: `order:${o.id}`,
        at: o.orderedAt ?? o.createdAt,
        kind: 'order_placed',
        entity: 'order',
        recordId: o.id,
        title: o.number,
        details: { status: o.status, currency: o.currency },
      });
      for (const p of o.payments) {
        events.push({
          id: `order:${o.id}:payment:${p.id}`,
          at: p.paidAt,
          kind: 'payment',
          entity: 'order',
          recordId: o.id,
          title: o.number,
          details: { amount: p.amount, method: p.method, currency: o.currency },
        });
      }
    }
    for (const t of tickets) {
      events.push({
        id: `ticket:${t.id}:opened`,
        at: t.createdAt,
        kind: 'ticket_opened',
        entity: 'ticket',
        recordId: t.id,
        title: t.subject,
        details: { status: t.status, priority: t.priority, category: t.category },
      });
      if (t.resolvedAt)
        events.push({
          id: `ticket:${t.id}:resolved`,
          at: t.resolvedAt,
          kind: 'ticket_resolved',
          entity: 'ticket',
          recordId: t.id,
          title: t.subject,
          details: { status: t.status },
        });
    }
    for (const l of leads) {
      (l.touches ?? []).forEach((touch, i) => {
        if (touch.campaignId === undefined) return;
        events.push({
          id: `lead:${l.id}:touch:${String(i).padStart(4, '0')}`,
          at: touch.at,
          kind: 'campaign_touch',
          entity: 'lead',
          recordId: l.id,
          title: l.name,
          details: { campaignId: touch.campaignId, source: touch.source },
        });
      });
    }

    const matching = (kinds ? events.filter((e) => kinds.has(e.kind)) : events).sort(newerFirst);
    let start = 0;
    if (after) {
      const [at, id] = after;
      start = matching.findIndex((e) => e.at < at || (e.at === at && e.id < id));
      if (start < 0) start = matching.length;
    }
    const items = matching.slice(start, start + limit);
    const last = items[items.length - 1];
    return {
      items,
      total: matching.length,
      nextCursor: last && start + limit < matching.length ? encode(last.at, last.id) : null,
    };
  };
}
