import type { MessageKeyOf } from './messages.js';

// Ticket words shared by `<crm-ticket-list>` and `<crm-ticket-detail>`.

// The other locales of every group below: one module each, fetched once when a page shows them.
const en = () => import('./ticket-messages.en.js').then((m) => m.default);
const zhTW = () => import('./ticket-messages.zh-tw.js').then((m) => m.default);

/** Ticket states, priorities and the names of the two SLA clocks. */
export const ticketFields = {
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
};
export const ticketFieldMessages = { 'zh-CN': ticketFields, en, 'zh-TW': zhTW };

/** SLA badges (ticket-list/sla-badge.ts). */
export const sla = {
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
};
export const slaMessages = { 'zh-CN': sla, en, 'zh-TW': zhTW };

export type SlaMessageKey = MessageKeyOf<typeof slaMessages>;
