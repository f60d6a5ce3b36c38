import type { Translation } from './messages.js';

// The names of @rapport/core enumerations (`LIFECYCLE_STAGES`, `CUSTOMER_TIERS`, …), one group each.

/** Customer lifecycle stages. */
const lifecycle = {
  'lifecycle.potential': 'Potential',
  'lifecycle.prospect': 'Prospect',
  'lifecycle.customer': 'Customer',
  'lifecycle.loyal': 'Loyal',
  'lifecycle.churned': 'Churned',
};
export const lifecycleMessages = {
  en: lifecycle,
  'zh-CN': {
    'lifecycle.potential': '潜在',
    'lifecycle.prospect': '意向',
    'lifecycle.customer': '成交',
    'lifecycle.loyal': '忠诚',
    'lifecycle.churned': '流失',
  } satisfies Translation<typeof lifecycle>,
  'zh-TW': {
    'lifecycle.potential': '潛在',
    'lifecycle.prospect': '意向',
    'lifecycle.customer': '成交',
    'lifecycle.loyal': '忠誠',
    'lifecycle.churned': '流失',
  } satisfies Translation<typeof lifecycle>,
};

/** Customer tiers. */
const tier = {
  'tier.vip': 'VIP',
  'tier.key': 'Key account',
  'tier.regular': 'Regular',
};
export const tierMessages = {
  en: tier,
  'zh-CN': {
    'tier.vip': 'VIP',
    'tier.key': '重点',
    'tier.regular': '普通',
  } satisfies Translation<typeof tier>,
  'zh-TW': {
    'tier.vip': 'VIP',
    'tier.key': '重點',
    'tier.regular': '一般',
  } satisfies Translation<typeof tier>,
};

/** Phone number types. */
const phoneType = {
  'phoneType.mobile': 'Mobile',
  'phoneType.work': 'Work',
  'phoneType.home': 'Home',
  'phoneType.fax': 'Fax',
  'phoneType.other': 'Other',
};
export const phoneTypeMessages = {
  en: phoneType,
  'zh-CN': {
    'phoneType.mobile': '手机',
    'phoneType.work': '办公',
    'phoneType.home': '住宅',
    'phoneType.fax': '传真',
    'phoneType.other': '其他',
  } satisfies Translation<typeof phoneType>,
  'zh-TW': {
    'phoneType.mobile': '手機',
    'phoneType.work': '公司',
    'phoneType.home': '住家',
    'phoneType.fax': '傳真',
    'phoneType.other': '其他',
  } satisfies Translation<typeof phoneType>,
};

/** Activity types. */
const activityType = {
  'activityType.call': 'Call',
  'activityType.visit': 'Visit',
  'activityType.email': 'Email',
  'activityType.meeting': 'Meeting',
  'activityType.note': 'Note',
  'activityType.task': 'Task',
};
export const activityTypeMessages = {
  en: activityType,
  'zh-CN': {
    'activityType.call': '电话',
    'activityType.visit': '拜访',
    'activityType.email': '邮件',
    'activityType.meeting': '会议',
    'activityType.note': '备注',
    'activityType.task': '任务',
  } satisfies Translation<typeof activityType>,
  'zh-TW': {
    'activityType.call': '電話',
    'activityType.visit': '拜訪',
    'activityType.email': '郵件',
    'activityType.meeting': '會議',
    'activityType.note': '備註',
    'activityType.task': '任務',
  } satisfies Translation<typeof activityType>,
};

/** Activity states. */
const activityStatus = {
  'activityStatus.open': 'Open',
  'activityStatus.done': 'Done',
  'activityStatus.cancelled': 'Cancelled',
};
export const activityStatusMessages = {
  en: activityStatus,
  'zh-CN': {
    'activityStatus.open': '进行中',
    'activityStatus.done': '已完成',
    'activityStatus.cancelled': '已取消',
  } satisfies Translation<typeof activityStatus>,
  'zh-TW': {
    'activityStatus.open': '進行中',
    'activityStatus.done': '已完成',
    'activityStatus.cancelled': '已取消',
  } satisfies Translation<typeof activityStatus>,
};
