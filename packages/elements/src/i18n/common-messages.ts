import type { MessageKeyOf } from './messages.js';

// Strings more than one element shows. An element merges the groups it uses into its catalogue
// (see `mergeMessages`), so a page loads only the strings its elements show.

// The other locales of every group below: one module each, fetched once when a page shows them.
const en = () => import('./common-messages.en.js').then((m) => m.default);
const zhTW = () => import('./common-messages.zh-tw.js').then((m) => m.default);

/** Status lines and SDK errors: every element. */
export const common = {
  'common.loading': '加载中…',
  'common.error': '出错了。',
  'common.retry': '重试',
  'common.noClient': '未连接：请把此组件放在 <crm-provider> 内，或设置其 crm 属性。',
  'common.notFound': '记录不存在，或您无权查看。',
  'common.permissionDenied': '您没有执行此操作的权限。',
  'common.conflict': '该记录已被他人修改，请刷新后重试。',
};
export const commonMessages = { 'zh-CN': common, en, 'zh-TW': zhTW };

/** Buttons of elements that edit or page through records. */
export const actions = {
  'common.save': '保存',
  'common.saving': '正在保存…',
  'common.cancel': '取消',
  'common.loadMore': '加载更多',
};
export const actionMessages = { 'zh-CN': actions, en, 'zh-TW': zhTW };

export type CommonMessageKey = MessageKeyOf<typeof commonMessages>;
export type ActionMessageKey = MessageKeyOf<typeof actionMessages>;
