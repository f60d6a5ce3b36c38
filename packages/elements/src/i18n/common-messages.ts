import type { MessageKeyOf, Translation } from './messages.js';

// Strings more than one element shows. An element merges the groups it uses into its catalogue
// (see `mergeMessages`), so a page loads only the strings its elements show.

/** Status lines and SDK errors: every element. */
const common = {
  'common.loading': 'Loading…',
  'common.error': 'Something went wrong.',
  'common.errorDetail': 'Could not load: {message}',
  'common.retry': 'Retry',
  'common.empty': 'Nothing here yet.',
  'common.noClient':
    'Not connected: put this element inside <crm-provider> or set its crm property.',
  'common.notFound': 'Not found, or not visible to you.',
  'common.permissionDenied': 'You do not have permission to do this.',
  'common.conflict': 'Someone else changed this record. Reload and try again.',
  'common.listSeparator': ', ',
};
export const commonMessages = {
  en: common,
  'zh-CN': {
    'common.loading': '加载中…',
    'common.error': '出错了。',
    'common.errorDetail': '加载失败：{message}',
    'common.retry': '重试',
    'common.empty': '暂无数据。',
    'common.noClient': '未连接：请把此组件放在 <crm-provider> 内，或设置其 crm 属性。',
    'common.notFound': '记录不存在，或您无权查看。',
    'common.permissionDenied': '您没有执行此操作的权限。',
    'common.conflict': '该记录已被他人修改，请刷新后重试。',
    'common.listSeparator': '、',
  } satisfies Translation<typeof common>,
  'zh-TW': {
    'common.loading': '載入中…',
    'common.error': '發生錯誤。',
    'common.errorDetail': '載入失敗：{message}',
    'common.retry': '重試',
    'common.empty': '尚無資料。',
    'common.noClient': '未連線：請將此元件放在 <crm-provider> 內，或設定其 crm 屬性。',
    'common.notFound': '紀錄不存在，或您無權檢視。',
    'common.permissionDenied': '您沒有執行此操作的權限。',
    'common.conflict': '此紀錄已被他人修改，請重新整理後再試。',
    'common.listSeparator': '、',
  } satisfies Translation<typeof common>,
};

/** Buttons of elements that edit or page through records. */
const actions = {
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.cancel': 'Cancel',
  'common.loadMore': 'Load more',
};
export const actionMessages = {
  en: actions,
  'zh-CN': {
    'common.save': '保存',
    'common.saving': '正在保存…',
    'common.cancel': '取消',
    'common.loadMore': '加载更多',
  } satisfies Translation<typeof actions>,
  'zh-TW': {
    'common.save': '儲存',
    'common.saving': '正在儲存…',
    'common.cancel': '取消',
    'common.loadMore': '載入更多',
  } satisfies Translation<typeof actions>,
};

export type CommonMessageKey = MessageKeyOf<typeof commonMessages>;
export type ActionMessageKey = MessageKeyOf<typeof actionMessages>;
