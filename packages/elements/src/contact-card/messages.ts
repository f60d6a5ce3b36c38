import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { actionMessages, commonMessages } from '../i18n/common-messages.js';
import {
  activityTypeMessages,
  lifecycleMessages,
  phoneTypeMessages,
  tierMessages,
} from '../i18n/enum-messages.js';

// The strings of <crm-contact-card>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-contact-card>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
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
};

/** Every string `<crm-contact-card>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const contactCardMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  actionMessages,
  lifecycleMessages,
  tierMessages,
  phoneTypeMessages,
  activityTypeMessages,
  {
    'zh-CN': zhCN,
    en: () => import('./messages.en.js').then((m) => m.default),
    'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
  },
);

export type ContactCardMessageKey = MessageKeyOf<typeof contactCardMessages>;
