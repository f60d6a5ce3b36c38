import type { MessageKeyOf } from '../i18n/messages.js';

// Words of the SVG charts (svg-charts.ts), shared by `<crm-kpi-dashboard>` and `<crm-campaign-report>`.

// The other locales of every group below: one module each, fetched once when a page shows them.
const en = () => import('./chart-messages.en.js').then((m) => m.default);
const zhTW = () => import('./chart-messages.zh-tw.js').then((m) => m.default);

/** Table toggle, caption and legend of a chart. */
export const chart = {
  'chart.showTable': '以表格显示',
  'chart.hideTable': '隐藏表格',
  'chart.tableCaption': '「{title}」的数据',
  'chart.legendTarget': '目标（虚线）',
};
export const chartMessages = { 'zh-CN': chart, en, 'zh-TW': zhTW };

export type ChartMessageKey = MessageKeyOf<typeof chartMessages>;
