import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-survey>`'s own strings in Traditional Chinese (zh-TW), loaded when a page shows that locale. */
export default {
  'survey.label': '您的意見',
  'survey.csatQuestion': '您對本次服務的滿意程度如何？',
  'survey.npsQuestion': '您有多大可能向朋友或同事推薦我們？',
  'survey.csatLow': '非常不滿意',
  'survey.csatHigh': '非常滿意',
  'survey.npsLow': '完全不可能',
  'survey.npsHigh': '極有可能',
  'survey.scaleHint': '用方向鍵在「{low}」到「{high}」之間選擇。',
  'survey.option': '{score}，{label}',
  'survey.comment': '還有什麼想告訴我們的嗎？',
  'survey.submit': '送出意見',
  'survey.submitting': '正在送出…',
  'survey.scoreRequired': '請選擇一個分數。',
  'survey.thanks': '感謝您的意見。',
  'survey.alreadyAnswered': '此問卷已經填寫過了，謝謝。',
  'survey.none': '此工單沒有待填寫的問卷。',
  'survey.noTarget': '請設定 ticket-id 或 request-id。',
  'survey.cancelled': '此問卷已撤回。',
} satisfies Translation<typeof zhCN>;
