import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-lead-form>`'s own strings in Traditional Chinese (zh-TW), loaded when a page shows that locale. */
export default {
  'common.empty': '尚無資料。',
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
} satisfies Translation<typeof zhCN>;
