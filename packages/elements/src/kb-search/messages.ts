import { mergeMessages, type MessageKeyOf, type Translation } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';

// The strings of <crm-kb-search>: its own, below, and the shared groups it shows. zh-CN and zh-TW
// must translate every key of en (a missing or extra key is a type error).

const en = {
  'kb.label': 'Help articles',
  'kb.search': 'Search help articles',
  'kb.searchPlaceholder': 'Describe your question…',
  'kb.searchButton': 'Search',
  'kb.count': '{count} articles',
  'kb.empty': 'No articles match.',
  'kb.emptyAll': 'No articles have been published yet.',
  'kb.updated': 'Updated {date}',
  'kb.helpfulQuestion': 'Was this article helpful?',
  'kb.yes': 'Yes',
  'kb.no': 'No',
  'kb.voted': 'Thank you for your feedback.',
  'kb.voteFailed': 'Your vote could not be saved.',
};

const zhCN = {
  'kb.label': '帮助文章',
  'kb.search': '搜索帮助文章',
  'kb.searchPlaceholder': '描述您的问题…',
  'kb.searchButton': '搜索',
  'kb.count': '{count} 篇文章',
  'kb.empty': '没有匹配的文章。',
  'kb.emptyAll': '尚未发布任何文章。',
  'kb.updated': '更新于 {date}',
  'kb.helpfulQuestion': '这篇文章对您有帮助吗？',
  'kb.yes': '有帮助',
  'kb.no': '没帮助',
  'kb.voted': '感谢您的反馈。',
  'kb.voteFailed': '您的评价未能保存。',
} satisfies Translation<typeof en>;

const zhTW = {
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
} satisfies Translation<typeof en>;

/** Every string `<crm-kb-search>` shows, in en, zh-CN and zh-TW. */
export const kbSearchMessages = /* @__PURE__ */ mergeMessages(commonMessages, {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
});

export type KbSearchMessageKey = MessageKeyOf<typeof kbSearchMessages>;
