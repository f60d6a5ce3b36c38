// Words for the issues of a core `ValidationError` (see validation-message.ts).

// The other locales of every group below: one module each, fetched once when a page shows them.
const en = () => import('./validation-messages.en.js').then((m) => m.default);
const zhTW = () => import('./validation-messages.zh-tw.js').then((m) => m.default);

/** `{field}` is the localized label of the field at the path. */
export const validation = {
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
};
export const validationMessages = { 'zh-CN': validation, en, 'zh-TW': zhTW };
