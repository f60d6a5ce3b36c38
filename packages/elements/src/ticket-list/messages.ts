import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';
import { slaMessages, ticketFieldMessages } from '../i18n/ticket-messages.js';

// The strings of <crm-ticket-list>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-ticket-list>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
  'tickets.me': '我',
  'tickets.label': '工单队列',
  'tickets.assignment': '分配',
  'tickets.assignment.all': '全部',
  'tickets.assignment.mine': '我的',
  'tickets.assignment.team': '我的团队',
  'tickets.assignment.unassigned': '未分配',
  'tickets.slaFilter': 'SLA',
  'tickets.slaFilter.all': '全部',
  'tickets.slaFilter.at_risk': '即将超时',
  'tickets.slaFilter.breached': '已超时',
  'tickets.statusFilter': '状态',
  'tickets.statusFilter.unresolved': '未解决',
  'tickets.statusFilter.all': '全部',
  'tickets.column.number': '编号',
  'tickets.column.subject': '主题',
  'tickets.column.status': '状态',
  'tickets.column.priority': '优先级',
  'tickets.column.assignee': '处理人',
  'tickets.column.sla': 'SLA',
  'tickets.column.createdAt': '创建时间',
  'tickets.count': '已加载 {shown} / {total} 个工单',
  'tickets.loadingMore': '正在加载更多…',
  'tickets.empty': '没有符合条件的工单。',
};

/** Every string `<crm-ticket-list>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const ticketListMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  ticketFieldMessages,
  slaMessages,
  {
    'zh-CN': zhCN,
    en: () => import('./messages.en.js').then((m) => m.default),
    'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
  },
);

export type TicketListMessageKey = MessageKeyOf<typeof ticketListMessages>;
