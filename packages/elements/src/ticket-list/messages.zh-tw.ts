import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-ticket-list>`'s own strings in Traditional Chinese (zh-TW), loaded when a page shows that locale. */
export default {
  'tickets.me': '我',
  'tickets.label': '工單佇列',
  'tickets.assignment': '指派',
  'tickets.assignment.all': '全部',
  'tickets.assignment.mine': '我的',
  'tickets.assignment.team': '我的團隊',
  'tickets.assignment.unassigned': '未指派',
  'tickets.slaFilter': 'SLA',
  'tickets.slaFilter.all': '全部',
  'tickets.slaFilter.at_risk': '即將逾時',
  'tickets.slaFilter.breached': '已逾時',
  'tickets.statusFilter': '狀態',
  'tickets.statusFilter.unresolved': '未解決',
  'tickets.statusFilter.all': '全部',
  'tickets.column.number': '編號',
  'tickets.column.subject': '主旨',
  'tickets.column.status': '狀態',
  'tickets.column.priority': '優先級',
  'tickets.column.assignee': '處理人',
  'tickets.column.sla': 'SLA',
  'tickets.column.createdAt': '建立時間',
  'tickets.count': '已載入 {shown} / {total} 張工單',
  'tickets.loadingMore': '正在載入更多…',
  'tickets.empty': '沒有符合條件的工單。',
} satisfies Translation<typeof zhCN>;
