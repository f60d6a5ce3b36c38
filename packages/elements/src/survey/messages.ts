import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';

// The strings of <crm-survey>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-survey>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
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
};

/** Every string `<crm-survey>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const surveyMessages = /* @__PURE__ */ mergeMessages(commonMessages, {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((m) => m.default),
  'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
});

export type SurveyMessageKey = MessageKeyOf<typeof surveyMessages>;
