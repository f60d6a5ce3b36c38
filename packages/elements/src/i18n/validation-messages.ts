import type { Translation } from './messages.js';

// Words for the issues of a core `ValidationError` (see validation-message.ts).

/** `{field}` is the localized label of the field at the path. */
const validation = {
  'validation.required': '{field} is required.',
  'validation.tooLong': '{field} is too long.',
  'validation.tooShort': '{field} is too short.',
  'validation.email': '{field} is not a valid email address.',
  'validation.phone': '{field} is not a valid phone number.',
  'validation.url': '{field} is not a valid web address.',
  'validation.number': '{field} must be a number.',
  'validation.tooSmall': '{field} is too small.',
  'validation.tooBig': '{field} is too large.',
  'validation.date': '{field} is not a valid date.',
  'validation.option': '{field}: choose one of the options.',
  'validation.invalid': '{field} is not valid.',
  'validation.summary': 'Please correct {count} field(s).',
};
export const validationMessages = {
  en: validation,
  'zh-CN': {
    'validation.required': '请填写{field}。',
    'validation.tooLong': '{field}太长。',
    'validation.tooShort': '{field}太短。',
    'validation.email': '{field}不是有效的邮箱地址。',
    'validation.phone': '{field}不是有效的电话号码。',
    'validation.url': '{field}不是有效的网址。',
    'validation.number': '{field}必须是数字。',
    'validation.tooSmall': '{field}太小。',
    'validation.tooBig': '{field}太大。',
    'validation.date': '{field}不是有效的日期。',
    'validation.option': '{field}：请选择一个选项。',
    'validation.invalid': '{field}无效。',
    'validation.summary': '请修改 {count} 处错误。',
  } satisfies Translation<typeof validation>,
  'zh-TW': {
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
  } satisfies Translation<typeof validation>,
};
