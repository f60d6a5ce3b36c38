import type { Translation } from './messages.js';
import type * as zhCN from './validation-messages.js';

// Traditional Chinese (zh-TW) strings of every group of validation-messages.ts, loaded when a page shows that locale.

export default {
  // validation
  'validation.required': '請填寫{field}。',
  'validation.tooLong': '{field}太長。',
  'validation.tooShort': '{field}太短。',
  'validation.email': '{field}不是有效的電子郵件地址。',
  'validation.phone': '{field}不是有效的電話號碼。',
  'validation.url': '{field}不是有效的網址。',
  'validation.number': '{field}必須是數字。',
  'validation.tooSmall': '{field}太小。',
  'validation.tooBig': '{field}太大。',
  'validation.date': '{field}不是有效的日期。',
  'validation.option': '{field}：請選擇一個選項。',
  'validation.invalid': '{field}無效。',
  'validation.summary': '請修正 {count} 處錯誤。',
} satisfies Translation<typeof zhCN.validation>;
