import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-contact-card>`'s own strings in Traditional Chinese (zh-TW), loaded when a page shows that locale. */
export default {
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
} satisfies Translation<typeof zhCN>;
