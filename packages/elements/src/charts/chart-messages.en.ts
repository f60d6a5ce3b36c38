import type { Translation } from '../i18n/messages.js';
import type * as zhCN from './chart-messages.js';

// English strings of every group of chart-messages.ts, loaded when a page shows that locale.

export default {
  // chart
  'chart.showTable': 'Show as table',
  'chart.hideTable': 'Hide table',
  'chart.tableCaption': 'Data of “{title}”',
  'chart.legendTarget': 'Target (dashed line)',
} satisfies Translation<typeof zhCN.chart>;
