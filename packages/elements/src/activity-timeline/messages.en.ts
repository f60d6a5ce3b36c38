import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-activity-timeline>`'s own strings in English, loaded when a page shows that locale. */
export default {
  'timeline.label': 'Activity timeline',
  'timeline.empty': 'No activity yet.',
  'timeline.today': 'Today',
  'timeline.yesterday': 'Yesterday',
  'timeline.addNote': 'Add note',
  'timeline.addTask': 'Add task',
  'timeline.noteLabel': 'Note',
  'timeline.notePlaceholder': 'What happened?',
  'timeline.taskLabel': 'Task',
  'timeline.taskPlaceholder': 'What needs doing?',
  'timeline.dueLabel': 'Due',
  'timeline.added': 'Added.',
  'timeline.count': '{shown} of {total}',
  'timeline.kind.activity': 'Activity',
  'timeline.kind.deal_created': 'New deal',
  'timeline.kind.deal_stage_changed': 'Deal moved to {stage}',
  'timeline.kind.order_placed': 'Order placed',
  'timeline.kind.payment': 'Payment {amount}',
  'timeline.kind.ticket_opened': 'Ticket opened',
  'timeline.kind.ticket_resolved': 'Ticket resolved',
  'timeline.kind.campaign_touch': 'Campaign touch',
  'timeline.kind.other': 'Event',
} satisfies Translation<typeof zhCN>;
