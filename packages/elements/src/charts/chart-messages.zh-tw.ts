import type { Translation } from '../i18n/messages.js';
import type * as zhCN from './chart-messages.js';

// Traditional Chinese (zh-TW) strings of every group of chart-messages.ts, loaded when a page shows that locale.

export default {
  // chart
  'chart.showTable': '以表格顯示',
  'chart.hideTable': '隱藏表格',
  'chart.tableCaption': '「{title}」的資料',
  'chart.legendTarget': '目標（虛線）',
} satisfies Translation<typeof zhCN.chart>;
