import { mergeMessages, type MessageKeyOf, type Translation } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';
import { validationMessages } from '../i18n/validation-messages.js';

// The strings of <crm-survey>: its own, below, and the shared groups it shows. zh-CN and zh-TW
// must translate every key of en (a missing or extra key is a type error).

const en = {
  'survey.label': 'Your feedback',
  'survey.csatQuestion': 'How satisfied are you with the support you received?',
  'survey.npsQuestion': 'How likely are you to recommend us to a friend or colleague?',
  'survey.csatLow': 'Very dissatisfied',
  'survey.csatHigh': 'Very satisfied',
  'survey.npsLow': 'Not at all likely',
  'survey.npsHigh': 'Extremely likely',
  'survey.scaleHint': 'Use the arrow keys to choose from {low} to {high}.',
  'survey.option': '{score}, {label}',
  'survey.comment': 'Anything else you would like to tell us?',
  'survey.submit': 'Send feedback',
  'survey.submitting': 'Sending…',
  'survey.scoreRequired': 'Choose a score.',
  'survey.thanks': 'Thank you for your feedback.',
  'survey.alreadyAnswered': 'This survey has already been answered. Thank you.',
  'survey.none': 'There is no survey to answer for this ticket.',
  'survey.noTarget': 'Set ticket-id or request-id.',
  'survey.cancelled': 'This survey has been withdrawn.',
};

const zhCN = {
  'survey.label': '您的反馈',
  'survey.csatQuestion': '您对本次服务的满意程度如何？',
  'survey.npsQuestion': '您有多大可能向朋友或同事推荐我们？',
  'survey.csatLow': '非常不满意',
  'survey.csatHigh': '非常满意',
  'survey.npsLow': '完全不可能',
  'survey.npsHigh': '极有可能',
  'survey.scaleHint': '用方向键在“{low}”到“{high}”之间选择。',
  'survey.option': '{score}，{label}',
  'survey.comment': '还有什么想告诉我们的吗？',
  'survey.submit': '提交反馈',
  'survey.submitting': '正在提交…',
  'survey.scoreRequired': '请选择一个分数。',
  'survey.thanks': '感谢您的反馈。',
  'survey.alreadyAnswered': '此问卷已经填写过了，谢谢。',
  'survey.none': '此工单没有待填写的问卷。',
  'survey.noTarget': '请设置 ticket-id 或 request-id。',
  'survey.cancelled': '此问卷已撤回。',
} satisfies Translation<typeof en>;

const zhTW = {
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
} satisfies Translation<typeof en>;

/** Every string `<crm-survey>` shows, in en, zh-CN and zh-TW. */
export const surveyMessages = /* @__PURE__ */ mergeMessages(commonMessages, validationMessages, {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
});

export type SurveyMessageKey = MessageKeyOf<typeof surveyMessages>;
