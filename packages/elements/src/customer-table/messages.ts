import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';
import { lifecycleMessages, tierMessages } from '../i18n/enum-messages.js';

// The strings of <crm-customer-table>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-customer-table>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
  'common.errorDetail': '加载失败：{message}',
  'common.listSeparator': '、',
  'table.label': '客户列表',
  'table.search': '搜索客户',
  'table.searchPlaceholder': '搜索名称、电话、邮箱、标签…',
  'table.filters': '已选筛选条件',
  'table.filterTier': '等级',
  'table.filterLifecycle': '阶段',
  'table.filterOwner': '负责人',
  'table.filterAny': '全部',
  'table.ownerMe': '我',
  'table.chip': '{field}：{value}',
  'table.removeFilter': '移除筛选条件 {label}',
  'table.clearFilters': '清除筛选',
  'table.columns': '显示列',
  'table.selectAll': '全选已加载的行',
  'table.selectRow': '选择 {name}',
  'table.selected': '已选 {count} 项',
  'table.count': '已加载 {shown} / {total} 个客户',
  'table.loadingMore': '正在加载更多…',
  'table.empty': '没有符合条件的客户。',
  'table.column.name': '名称',
  'table.column.tier': '等级',
  'table.column.lifecycleStage': '阶段',
  'table.column.owner': '负责人',
  'table.column.industry': '行业',
  'table.column.region': '地区',
  'table.column.phone': '电话',
  'table.column.tags': '标签',
  'table.column.lastContactAt': '最近联系',
  'table.column.createdAt': '创建时间',
  'table.column.updatedAt': '更新时间',
};

/** Every string `<crm-customer-table>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const customerTableMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  lifecycleMessages,
  tierMessages,
  {
    'zh-CN': zhCN,
    en: () => import('./messages.en.js').then((m) => m.default),
    'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
  },
);

export type CustomerTableMessageKey = MessageKeyOf<typeof customerTableMessages>;
