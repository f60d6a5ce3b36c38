import { mergeMessages, type MessageKeyOf, type Translation } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';
import { slaMessages, ticketFieldMessages } from '../i18n/ticket-messages.js';

// The strings of <crm-ticket-list>: its own, below, and the shared groups it shows. zh-CN and zh-TW
// must translate every key of en (a missing or extra key is a type error).

const en = {
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
};

const zhCN = {
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
} satisfies Translation<typeof en>;

const zhTW = {
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
} satisfies Translation<typeof en>;

/** Every string `<crm-ticket-list>` shows, in en, zh-CN and zh-TW. */
export const ticketListMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  ticketFieldMessages,
  slaMessages,
  { en, 'zh-CN': zhCN, 'zh-TW': zhTW },
);

export type TicketListMessageKey = MessageKeyOf<typeof ticketListMessages>;
