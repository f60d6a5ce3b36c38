import type { Translation } from './messages.js';
import type * as zhCN from './ticket-messages.js';

// Traditional Chinese (zh-TW) strings of every group of ticket-messages.ts, loaded when a page shows that locale.

export default {
  // ticketFields
  'tickets.status.new': '新建',
  'tickets.status.open': '處理中',
  'tickets.status.pending': '等待客戶',
  'tickets.status.resolved': '已解決',
  'tickets.status.closed': '已關閉',
  'tickets.priority.low': '低',
  'tickets.priority.normal': '普通',
  'tickets.priority.high': '高',
  'tickets.priority.urgent': '緊急',
  'tickets.sla.firstResponse': '首次回應',
  'tickets.sla.resolution': '解決',
  'tickets.unassigned': '未指派',

  // sla
  'tickets.sla.remaining': '剩餘 {duration}',
  'tickets.sla.atRisk': '即將逾時 · 剩餘 {duration}',
  'tickets.sla.overdue': '已逾時 {duration}',
  'tickets.sla.paused': '已暫停',
  'tickets.sla.achieved': '已達標',
  'tickets.sla.none': '無 SLA',
  'tickets.sla.due': '截止 {date}',
  'tickets.duration.minutes': '{m} 分鐘',
  'tickets.duration.hours': '{h} 小時',
  'tickets.duration.hoursMinutes': '{h} 小時 {m} 分',
} satisfies Translation<typeof zhCN.ticketFields & typeof zhCN.sla>;
