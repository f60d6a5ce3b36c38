import type { MessageKeyOf, Translation } from './messages.js';

// Ticket words shared by `<crm-ticket-list>` and `<crm-ticket-detail>`.

/** Ticket states, priorities and the names of the two SLA clocks. */
const ticketFields = {
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
};
export const ticketFieldMessages = {
  en: ticketFields,
  'zh-CN': {
    'tickets.status.new': '新建',
    'tickets.status.open': '处理中',
    'tickets.status.pending': '等待客户',
    'tickets.status.resolved': '已解决',
    'tickets.status.closed': '已关闭',
    'tickets.priority.low': '低',
    'tickets.priority.normal': '普通',
    'tickets.priority.high': '高',
    'tickets.priority.urgent': '紧急',
    'tickets.sla.firstResponse': '首次响应',
    'tickets.sla.resolution': '解决',
    'tickets.unassigned': '未分配',
  } satisfies Translation<typeof ticketFields>,
  'zh-TW': {
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
  } satisfies Translation<typeof ticketFields>,
};

/** SLA badges (ticket-list/sla-badge.ts). */
const sla = {
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
};
export const slaMessages = {
  en: sla,
  'zh-CN': {
    'tickets.sla.remaining': '剩余 {duration}',
    'tickets.sla.atRisk': '即将超时 · 剩余 {duration}',
    'tickets.sla.overdue': '已超时 {duration}',
    'tickets.sla.paused': '已暂停',
    'tickets.sla.achieved': '已达标',
    'tickets.sla.none': '无 SLA',
    'tickets.sla.due': '截止 {date}',
    'tickets.duration.minutes': '{m} 分钟',
    'tickets.duration.hours': '{h} 小时',
    'tickets.duration.hoursMinutes': '{h} 小时 {m} 分',
  } satisfies Translation<typeof sla>,
  'zh-TW': {
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
  } satisfies Translation<typeof sla>,
};

export type SlaMessageKey = MessageKeyOf<typeof slaMessages>;
