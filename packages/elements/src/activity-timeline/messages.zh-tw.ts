import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-activity-timeline>`'s own strings in Traditional Chinese (zh-TW), loaded when a page shows that locale. */
export default {
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
} satisfies Translation<typeof zhCN>;
