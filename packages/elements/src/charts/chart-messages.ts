import type { MessageKeyOf, Translation } from '../i18n/messages.js';

// Words of the SVG charts (svg-charts.ts), shared by `<crm-kpi-dashboard>` and `<crm-campaign-report>`.

/** Table toggle, caption and legend of a chart. */
const chart = {
  'chart.showTable': 'Show as table',
  'chart.hideTable': 'Hide table',
  'chart.tableCaption': 'Data of “{title}”',
  'chart.legendTarget': 'Target (dashed line)',
};
export const chartMessages = {
  en: chart,
  'zh-CN': {
    'chart.showTable': '以表格显示',
    'chart.hideTable': '隐藏表格',
    'chart.tableCaption': '「{title}」的数据',
    'chart.legendTarget': '目标（虚线）',
  } satisfies Translation<typeof chart>,
  'zh-TW': {
    'chart.showTable': '以表格顯示',
    'chart.hideTable': '隱藏表格',
    'chart.tableCaption': '「{title}」的資料',
    'chart.legendTarget': '目標（虛線）',
  } satisfies Translation<typeof chart>,
};

export type ChartMessageKey = MessageKeyOf<typeof chartMessages>;
