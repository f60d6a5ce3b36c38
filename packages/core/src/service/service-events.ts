import type { Gateway } from '../gateway/gateway.js';
import type { TicketPriority, TicketStatus } from '../entities/ticket.js';
import { createSubscribable, type Subscribable } from '../subscribable.js';
import type { SlaClockEvaluation } from './sla-engine.js';

/**
 * What the service domain reports through `crm.service.subscribe(listener)`, after the write
 * that caused it has committed. A discriminated union on `type`.
 */
export type ServiceEvent =
  | {
      /** An SLA clock crossed its at-risk ratio or its deadline (reported once per clock cycle). */
      readonly type: 'sla_at_risk' | 'sla_breached';
      readonly ticketId: string;
      readonly clock: 'first_response' | 'resolution';
      readonly evaluation: SlaClockEvaluation;
      readonly at: string;
    }
  | {
      readonly type: 'ticket_escalated';
      readonly ticketId: string;
      readonly rule: string;
      readonly priority?: { readonly from: TicketPriority; readonly to: TicketPriority };
      readonly assignee?: { readonly from: string | null; readonly to: string };
      readonly at: string;
    }
  | {
      readonly type: 'ticket_transitioned';
      readonly ticketId: string;
      readonly from: TicketStatus;
      readonly to: TicketStatus;
      readonly at: string;
    }
  | {
      readonly type: 'ticket_assigned';
      readonly ticketId: string;
      readonly from: string | null;
      readonly to: string;
      readonly at: string;
    }
  | {
      readonly type: 'survey_requested';
      readonly ticketId: string;
      readonly requestId: string;
      readonly kind: 'csat' | 'nps';
      readonly at: string;
    }
  | {
      readonly type: 'follow_up_planned';
      readonly activityId: string;
      readonly ticketId?: string;
      readonly orderId?: string;
      readonly dueAt: string;
      readonly at: string;
    };

export type ServiceEventListener = (event: ServiceEvent) => void;

// One bus per root client: `crm.as(other)` shares the gateway, so it shares the events too.
const buses = new WeakMap<Gateway, Subscribable<ServiceEventListener>>();

export function serviceEventsOf(gateway: Gateway): Subscribable<ServiceEventListener> {
  let bus = buses.get(gateway);
  if (!bus) {
    bus = createSubscribable<ServiceEventListener>();
    buses.set(gateway, bus);
  }
  return bus;
}
