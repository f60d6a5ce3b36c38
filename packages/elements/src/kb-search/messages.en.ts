import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-kb-search>`'s own strings in English, loaded when a page shows that locale. */
export default {
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
} satisfies Translation<typeof zhCN>;
