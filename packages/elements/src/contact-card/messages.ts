import { mergeMessages, type MessageKeyOf, type Translation } from '../i18n/messages.js';
import { actionMessages, commonMessages } from '../i18n/common-messages.js';
import { validationMessages } from '../i18n/validation-messages.js';
import {
  activityTypeMessages,
  lifecycleMessages,
  phoneTypeMessages,
  tierMessages,
} from '../i18n/enum-messages.js';

// The strings of <crm-contact-card>: its own, below, and the shared groups it shows. zh-CN and zh-TW
// must translate every key of en (a missing or extra key is a type error).

const en = {
  'contactCard.phones': 'Phone',
  'contactCard.emails': 'Email',
  'contactCard.tags': 'Tags',
  'contactCard.owner': 'Owner',
  'contactCard.lifecycle': 'Stage',
  'contactCard.health': 'Health {score}',
  'contactCard.healthGood': 'Healthy',
  'contactCard.healthFair': 'Needs attention',
  'contactCard.healthPoor': 'At risk',
  'contactCard.lastContact': 'Last contact',
  'contactCard.never': 'Never',
  'contactCard.masked': 'Masked',
  'contactCard.logActivity': 'Log activity',
  'contactCard.activityType': 'Type',
  'contactCard.activitySubject': 'Subject',
  'contactCard.activityLogged': 'Activity logged.',
  'contactCard.notFound': 'This contact does not exist or is not visible to you.',
  'contactCard.noTarget': 'Set customer-id or contact-id.',
  'contactCard.primary': 'Primary contact',
};

const zhCN = {
  'contactCard.phones': '电话',
  'contactCard.emails': '邮箱',
  'contactCard.tags': '标签',
  'contactCard.owner': '负责人',
  'contactCard.lifecycle': '阶段',
  'contactCard.health': '健康度 {score}',
  'contactCard.healthGood': '健康',
  'contactCard.healthFair': '需关注',
  'contactCard.healthPoor': '有风险',
  'contactCard.lastContact': '最近联系',
  'contactCard.never': '从未',
  'contactCard.masked': '已脱敏',
  'contactCard.logActivity': '记录跟进',
  'contactCard.activityType': '类型',
  'contactCard.activitySubject': '主题',
  'contactCard.activityLogged': '已记录跟进。',
  'contactCard.notFound': '该联系人不存在，或您无权查看。',
  'contactCard.noTarget': '请设置 customer-id 或 contact-id。',
  'contactCard.primary': '主要联系人',
} satisfies Translation<typeof en>;

const zhTW = {
  'contactCard.phones': '電話',
  'contactCard.emails': '電子郵件',
  'contactCard.tags': '標籤',
  'contactCard.owner': '負責人',
  'contactCard.lifecycle': '階段',
  'contactCard.health': '健康度 {score}',
  'contactCard.healthGood': '健康',
  'contactCard.healthFair': '需關注',
  'contactCard.healthPoor': '有風險',
  'contactCard.lastContact': '最近聯絡',
  'contactCard.never': '從未',
  'contactCard.masked': '已遮罩',
  'contactCard.logActivity': '記錄跟進',
  'contactCard.activityType': '類型',
  'contactCard.activitySubject': '主旨',
  'contactCard.activityLogged': '已記錄跟進。',
  'contactCard.notFound': '此聯絡人不存在，或您無權檢視。',
  'contactCard.noTarget': '請設定 customer-id 或 contact-id。',
  'contactCard.primary': '主要聯絡人',
} satisfies Translation<typeof en>;

/** Every string `<crm-contact-card>` shows, in en, zh-CN and zh-TW. */
export const contactCardMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  actionMessages,
  validationMessages,
  lifecycleMessages,
  tierMessages,
  phoneTypeMessages,
  activityTypeMessages,
  { en, 'zh-CN': zhCN, 'zh-TW': zhTW },
);

export type ContactCardMessageKey = MessageKeyOf<typeof contactCardMessages>;
