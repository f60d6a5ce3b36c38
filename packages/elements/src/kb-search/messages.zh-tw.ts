import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-kb-search>`'s own strings in Traditional Chinese (zh-TW), loaded when a page shows that locale. */
export default {
  'kb.label': '說明文章',
  'kb.search': '搜尋說明文章',
  'kb.searchPlaceholder': '描述您的問題…',
  'kb.searchButton': '搜尋',
  'kb.count': '{count} 篇文章',
  'kb.empty': '沒有符合的文章。',
  'kb.emptyAll': '尚未發佈任何文章。',
  'kb.updated': '更新於 {date}',
  'kb.helpfulQuestion': '這篇文章對您有幫助嗎？',
  'kb.yes': '有幫助',
  'kb.no': '沒幫助',
  'kb.voted': '感謝您的意見。',
  'kb.voteFailed': '您的評價未能儲存。',
} satisfies Translation<typeof zhCN>;
