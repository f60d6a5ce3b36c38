import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';

// The strings of <crm-lead-form>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-lead-form>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
  'common.empty': '暂无数据。',
  'leadForm.label': '联系我们',
  'leadForm.name': '姓名',
  'leadForm.company': '公司',
  'leadForm.title': '职务',
  'leadForm.phone': '电话',
  'leadForm.email': '邮箱',
  'leadForm.industry': '行业',
  'leadForm.notes': '留言',
  'leadForm.submit': '提交',
  'leadForm.submitting': '正在提交…',
  'leadForm.success': '谢谢您，{name}。我们会尽快与您联系。',
  'leadForm.another': '再提交一条',
  'leadForm.duplicate': '系统中已有相同{fields}的记录。',
  'leadForm.merged': '您的信息已合并到已有记录中。',
  'leadForm.duplicateField.phone': '电话',
  'leadForm.duplicateField.email': '邮箱',
  'leadForm.duplicateField.company': '公司',
  'leadForm.honeypot': '请勿填写此项',
  'leadForm.choose': '请选择…',
};

/** Every string `<crm-lead-form>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const leadFormMessages = /* @__PURE__ */ mergeMessages(commonMessages, {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((m) => m.default),
  'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
});

export type LeadFormMessageKey = MessageKeyOf<typeof leadFormMessages>;
