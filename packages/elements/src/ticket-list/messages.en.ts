import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-ticket-list>`'s own strings in English, loaded when a page shows that locale. */
export default {
  'tickets.me': 'Me',
  'tickets.label': 'Ticket queue',
  'tickets.assignment': 'Assigned',
  'tickets.assignment.all': 'All',
  'tickets.assignment.mine': 'Mine',
  'tickets.assignment.team': 'My team',
  'tickets.assignment.unassigned': 'Unassigned',
  'tickets.slaFilter': 'SLA',
  'tickets.slaFilter.all': 'Any',
  'tickets.slaFilter.at_risk': 'At risk',
  'tickets.slaFilter.breached': 'Breached',
  'tickets.statusFilter': 'Status',
  'tickets.statusFilter.unresolved': 'Unresolved',
  'tickets.statusFilter.all': 'All',
  'tickets.column.number': 'No.',
  'tickets.column.subject': 'Subject',
  'tickets.column.status': 'Status',
  'tickets.column.priority': 'Priority',
  'tickets.column.assignee': 'Assignee',
  'tickets.column.sla': 'SLA',
  'tickets.column.createdAt': 'Created',
  'tickets.count': '{shown} of {total} tickets loaded',
  'tickets.loadingMore': 'Loading more…',
  'tickets.empty': 'No tickets match.',
} satisfies Translation<typeof zhCN>;
