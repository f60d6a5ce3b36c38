import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';

// The strings of <crm-kb-search>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-kb-search>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
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
};

/** Every string `<crm-kb-search>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const kbSearchMessages = /* @__PURE__ */ mergeMessages(commonMessages, {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((m) => m.default),
  'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
});

export type KbSearchMessageKey = MessageKeyOf<typeof kbSearchMessages>;
