import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { actionMessages, commonMessages } from '../i18n/common-messages.js';
import { activityStatusMessages, activityTypeMessages } from '../i18n/enum-messages.js';

// The strings of <crm-activity-timeline>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-activity-timeline>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
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
};

/** Every string `<crm-activity-timeline>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const activityTimelineMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  actionMessages,
  activityTypeMessages,
  activityStatusMessages,
  {
    'zh-CN': zhCN,
    en: () => import('./messages.en.js').then((m) => m.default),
    'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
  },
);

export type ActivityTimelineMessageKey = MessageKeyOf<typeof activityTimelineMessages>;
