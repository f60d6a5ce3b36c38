import { mergeMessages, type MessageKeyOf, type Translation } from '../i18n/messages.js';
import { actionMessages, commonMessages } from '../i18n/common-messages.js';
import { validationMessages } from '../i18n/validation-messages.js';
import { activityStatusMessages, activityTypeMessages } from '../i18n/enum-messages.js';

// The strings of <crm-activity-timeline>: its own, below, and the shared groups it shows. zh-CN and zh-TW
// must translate every key of en (a missing or extra key is a type error).

const en = {
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
};

const zhCN = {
  'timeline.label': '活动时间线',
  'timeline.empty': '暂无活动。',
  'timeline.today': '今天',
  'timeline.yesterday': '昨天',
  'timeline.addNote': '添加备注',
  'timeline.addTask': '添加任务',
  'timeline.noteLabel': '备注',
  'timeline.notePlaceholder': '发生了什么？',
  'timeline.taskLabel': '任务',
  'timeline.taskPlaceholder': '需要做什么？',
  'timeline.dueLabel': '截止',
  'timeline.added': '已添加。',
  'timeline.count': '{shown} / {total}',
  'timeline.kind.activity': '活动',
  'timeline.kind.deal_created': '新商机',
  'timeline.kind.deal_stage_changed': '商机进入{stage}',
  'timeline.kind.order_placed': '下单',
  'timeline.kind.payment': '回款 {amount}',
  'timeline.kind.ticket_opened': '新工单',
  'timeline.kind.ticket_resolved': '工单已解决',
  'timeline.kind.campaign_touch': '营销触达',
  'timeline.kind.other': '事件',
} satisfies Translation<typeof en>;

const zhTW = {
  'timeline.label': '活動時間軸',
  'timeline.empty': '尚無活動。',
  'timeline.today': '今天',
  'timeline.yesterday': '昨天',
  'timeline.addNote': '新增備註',
  'timeline.addTask': '新增任務',
  'timeline.noteLabel': '備註',
  'timeline.notePlaceholder': '發生了什麼？',
  'timeline.taskLabel': '任務',
  'timeline.taskPlaceholder': '需要做什麼？',
  'timeline.dueLabel': '截止',
  'timeline.added': '已新增。',
  'timeline.count': '{shown} / {total}',
  'timeline.kind.activity': '活動',
  'timeline.kind.deal_created': '新商機',
  'timeline.kind.deal_stage_changed': '商機進入{stage}',
  'timeline.kind.order_placed': '下單',
  'timeline.kind.payment': '收款 {amount}',
  'timeline.kind.ticket_opened': '新工單',
  'timeline.kind.ticket_resolved': '工單已解決',
  'timeline.kind.campaign_touch': '行銷接觸',
  'timeline.kind.other': '事件',
} satisfies Translation<typeof en>;

/** Every string `<crm-activity-timeline>` shows, in en, zh-CN and zh-TW. */
export const activityTimelineMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  actionMessages,
  validationMessages,
  activityTypeMessages,
  activityStatusMessages,
  { en, 'zh-CN': zhCN, 'zh-TW': zhTW },
);

export type ActivityTimelineMessageKey = MessageKeyOf<typeof activityTimelineMessages>;
