import type { Translation } from './messages.js';
import type * as zhCN from './common-messages.js';

// Traditional Chinese (zh-TW) strings of every group of common-messages.ts, loaded when a page shows that locale.

export default {
  // common
  'common.loading': '載入中…',
  'common.error': '發生錯誤。',
  'common.retry': '重試',
  'common.noClient': '未連線：請將此元件放在 <crm-provider> 內，或設定其 crm 屬性。',
  'common.notFound': '紀錄不存在，或您無權檢視。',
  'common.permissionDenied': '您沒有執行此操作的權限。',
  'common.conflict': '此紀錄已被他人修改，請重新整理後再試。',

  // actions
  'common.save': '儲存',
  'common.saving': '正在儲存…',
  'common.cancel': '取消',
  'common.loadMore': '載入更多',
} satisfies Translation<typeof zhCN.common & typeof zhCN.actions>;
