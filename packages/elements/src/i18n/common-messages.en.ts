import type { Translation } from './messages.js';
import type * as zhCN from './common-messages.js';

// English strings of every group of common-messages.ts, loaded when a page shows that locale.

export default {
  // common
  'common.loading': 'Loading…',
  'common.error': 'Something went wrong.',
  'common.retry': 'Retry',
  'common.noClient':
    'Not connected: put this element inside <crm-provider> or set its crm property.',
  'common.notFound': 'Not found, or not visible to you.',
  'common.permissionDenied': 'You do not have permission to do this.',
  'common.conflict': 'Someone else changed this record. Reload and try again.',

  // actions
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.cancel': 'Cancel',
  'common.loadMore': 'Load more',
} satisfies Translation<typeof zhCN.common & typeof zhCN.actions>;
