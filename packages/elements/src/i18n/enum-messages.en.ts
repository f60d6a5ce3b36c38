import type { Translation } from './messages.js';
import type * as zhCN from './enum-messages.js';

// English strings of every group of enum-messages.ts, loaded when a page shows that locale.

export default {
  // lifecycle
  'lifecycle.potential': 'Potential',
  'lifecycle.prospect': 'Prospect',
  'lifecycle.customer': 'Customer',
  'lifecycle.loyal': 'Loyal',
  'lifecycle.churned': 'Churned',

  // tier
  'tier.vip': 'VIP',
  'tier.key': 'Key account',
  'tier.regular': 'Regular',

  // phoneType
  'phoneType.mobile': 'Mobile',
  'phoneType.work': 'Work',
  'phoneType.home': 'Home',
  'phoneType.fax': 'Fax',
  'phoneType.other': 'Other',

  // activityType
  'activityType.call': 'Call',
  'activityType.visit': 'Visit',
  'activityType.email': 'Email',
  'activityType.meeting': 'Meeting',
  'activityType.note': 'Note',
  'activityType.task': 'Task',

  // activityStatus
  'activityStatus.open': 'Open',
  'activityStatus.done': 'Done',
  'activityStatus.cancelled': 'Cancelled',
} satisfies Translation<
  typeof zhCN.lifecycle &
    typeof zhCN.tier &
    typeof zhCN.phoneType &
    typeof zhCN.activityType &
    typeof zhCN.activityStatus
>;
