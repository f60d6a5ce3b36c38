import type { Translation } from './messages.js';
import type * as zhCN from './ticket-messages.js';

// English strings of every group of ticket-messages.ts, loaded when a page shows that locale.

export default {
  // ticketFields
  'tickets.status.new': 'New',
  'tickets.status.open': 'Open',
  'tickets.status.pending': 'Pending',
  'tickets.status.resolved': 'Resolved',
  'tickets.status.closed': 'Closed',
  'tickets.priority.low': 'Low',
  'tickets.priority.normal': 'Normal',
  'tickets.priority.high': 'High',
  'tickets.priority.urgent': 'Urgent',
  'tickets.sla.firstResponse': 'Response',
  'tickets.sla.resolution': 'Resolution',
  'tickets.unassigned': 'Unassigned',

  // sla
  'tickets.sla.remaining': '{duration} left',
  'tickets.sla.atRisk': 'At risk · {duration} left',
  'tickets.sla.overdue': 'Overdue by {duration}',
  'tickets.sla.paused': 'Paused',
  'tickets.sla.achieved': 'Met',
  'tickets.sla.none': 'No SLA',
  'tickets.sla.due': 'Due {date}',
  'tickets.duration.minutes': '{m} min',
  'tickets.duration.hours': '{h} h',
  'tickets.duration.hoursMinutes': '{h} h {m} min',
} satisfies Translation<typeof zhCN.ticketFields & typeof zhCN.sla>;
