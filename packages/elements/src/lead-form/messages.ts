import { mergeMessages, type MessageKeyOf, type Translation } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';
import { validationMessages } from '../i18n/validation-messages.js';

// The strings of <crm-lead-form>: its own, below, and the shared groups it shows. zh-CN and zh-TW
// must translate every key of en (a missing or extra key is a type error).

const en = {
  'leadForm.label': 'Contact us',
  'leadForm.name': 'Name',
  'leadForm.company': 'Company',
  'leadForm.title': 'Job title',
  'leadForm.phone': 'Phone',
  'leadForm.email': 'Email',
  'leadForm.industry': 'Industry',
  'leadForm.notes': 'Message',
  'leadForm.submit': 'Submit',
  'leadForm.submitting': 'Submitting…',
  'leadForm.success': 'Thank you, {name}. We will be in touch soon.',
  'leadForm.another': 'Submit another',
  'leadForm.duplicate': 'We already know someone with this {fields}.',
  'leadForm.merged': 'Your details were added to the record we already had.',
  'leadForm.duplicateField.phone': 'phone number',
  'leadForm.duplicateField.email': 'email address',
  'leadForm.duplicateField.company': 'company',
  'leadForm.honeypot': 'Leave this field empty',
  'leadForm.choose': 'Choose…',
};

const zhCN = {
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
} satisfies Translation<typeof en>;

const zhTW = {
  'leadForm.label': '聯絡我們',
  'leadForm.name': '姓名',
  'leadForm.company': '公司',
  'leadForm.title': '職稱',
  'leadForm.phone': '電話',
  'leadForm.email': '電子郵件',
  'leadForm.industry': '產業',
  'leadForm.notes': '留言',
  'leadForm.submit': '送出',
  'leadForm.submitting': '正在送出…',
  'leadForm.success': '謝謝您，{name}。我們會盡快與您聯絡。',
  'leadForm.another': '再送出一筆',
  'leadForm.duplicate': '系統中已有相同{fields}的紀錄。',
  'leadForm.merged': '您的資料已合併到既有紀錄中。',
  'leadForm.duplicateField.phone': '電話',
  'leadForm.duplicateField.email': '電子郵件',
  'leadForm.duplicateField.company': '公司',
  'leadForm.honeypot': '請勿填寫此欄',
  'leadForm.choose': '請選擇…',
} satisfies Translation<typeof en>;

/** Every string `<crm-lead-form>` shows, in en, zh-CN and zh-TW. */
export const leadFormMessages = /* @__PURE__ */ mergeMessages(commonMessages, validationMessages, {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
});

export type LeadFormMessageKey = MessageKeyOf<typeof leadFormMessages>;
