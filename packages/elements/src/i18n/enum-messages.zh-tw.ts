import type { Translation } from './messages.js';
import type * as zhCN from './enum-messages.js';

// Traditional Chinese (zh-TW) strings of every group of enum-messages.ts, loaded when a page shows that locale.

export default {
  // lifecycle
  'lifecycle.potential': '潛在',
  'lifecycle.prospect': '意向',
  'lifecycle.customer': '成交',
  'lifecycle.loyal': '忠誠',
  'lifecycle.churned': '流失',

  // tier
  'tier.vip': 'VIP',
  'tier.key': '重點',
  'tier.regular': '一般',

  // phoneType
  'phoneType.mobile': '手機',
  'phoneType.work': '公司',
  'phoneType.home': '住家',
  'phoneType.fax': '傳真',
  'phoneType.other': '其他',

  // activityType
  'activityType.call': '電話',
  'activityType.visit': '拜訪',
  'activityType.email': '郵件',
  'activityType.meeting': '會議',
  'activityType.note': '備註',
  'activityType.task': '任務',

  // activityStatus
  'activityStatus.open': '進行中',
  'activityStatus.done': '已完成',
  'activityStatus.cancelled': '已取消',
} satisfies Translation<
  typeof zhCN.lifecycle &
    typeof zhCN.tier &
    typeof zhCN.phoneType &
    typeof zhCN.activityType &
    typeof zhCN.activityStatus
>;
