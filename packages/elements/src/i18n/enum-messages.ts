// The names of @rapport/core enumerations (`LIFECYCLE_STAGES`, `CUSTOMER_TIERS`, …), one group each.

// The other locales of every group below: one module each, fetched once when a page shows them.
const en = () => import('./enum-messages.en.js').then((m) => m.default);
const zhTW = () => import('./enum-messages.zh-tw.js').then((m) => m.default);

/** Customer lifecycle stages. */
export const lifecycle = {
  'lifecycle.potential': '潜在',
  'lifecycle.prospect': '意向',
  'lifecycle.customer': '成交',
  'lifecycle.loyal': '忠诚',
  'lifecycle.churned': '流失',
};
export const lifecycleMessages = { 'zh-CN': lifecycle, en, 'zh-TW': zhTW };

/** Customer tiers. */
export const tier = {
  'tier.vip': 'VIP',
  'tier.key': '重点',
  'tier.regular': '普通',
};
export const tierMessages = { 'zh-CN': tier, en, 'zh-TW': zhTW };

/** Phone number types. */
export const phoneType = {
  'phoneType.mobile': '手机',
  'phoneType.work': '办公',
  'phoneType.home': '住宅',
  'phoneType.fax': '传真',
  'phoneType.other': '其他',
};
export const phoneTypeMessages = { 'zh-CN': phoneType, en, 'zh-TW': zhTW };

/** Activity types. */
export const activityType = {
  'activityType.call': '电话',
  'activityType.visit': '拜访',
  'activityType.email': '邮件',
  'activityType.meeting': '会议',
  'activityType.note': '备注',
  'activityType.task': '任务',
};
export const activityTypeMessages = { 'zh-CN': activityType, en, 'zh-TW': zhTW };

/** Activity states. */
export const activityStatus = {
  'activityStatus.open': '进行中',
  'activityStatus.done': '已完成',
  'activityStatus.cancelled': '已取消',
};
export const activityStatusMessages = { 'zh-CN': activityStatus, en, 'zh-TW': zhTW };
