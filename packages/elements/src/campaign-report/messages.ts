import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';
import { chartMessages } from '../charts/chart-messages.js';

// The strings of <crm-campaign-report>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-campaign-report>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
  'campaign.noTarget': '未选择营销活动。',
  'campaign.notFound': '找不到该营销活动，或您无权查看。',
  'campaign.funnel': '活动漏斗',
  'campaign.funnelDesc':
    '受众 {audience}，已发送 {sent}，已响应 {responses}，线索 {leads}，商机 {deals}，赢单 {won}。',
  'campaign.step': '环节',
  'campaign.count': '数量',
  'campaign.stage.audience': '受众',
  'campaign.stage.sent': '已发送',
  'campaign.stage.responses': '已响应',
  'campaign.stage.leads': '线索',
  'campaign.stage.deals': '商机',
  'campaign.stage.won': '赢单',
  'campaign.metrics': '关键指标',
  'campaign.roi': '投资回报率',
  'campaign.costPerLead': '单条线索成本',
  'campaign.conversionRate': '线索转化率',
  'campaign.responseRate': '响应率',
  'campaign.cost': '成本',
  'campaign.wonRevenue': '赢单金额',
  'campaign.ofBudget': '预算 {budget}',
  'campaign.na.roi': '无法计算：该活动没有记录成本，因此无法计算投资回报率。',
  'campaign.na.noLeads': '无法计算：该活动尚无线索。',
  'campaign.na.noneSent': '无法计算：尚未发送任何消息。',
  'campaign.na.noBudget': '无法计算：该活动没有预算。',
  'campaign.na.noSegment': '无法计算：该活动没有关联客户分群。',
  'campaign.otherCurrency': '有 {count} 个其他币种的赢单商机未计入金额。',
  'campaign.dates': '{start} – {end}',
  'campaign.channel.email': '邮件',
  'campaign.channel.sms': '短信',
  'campaign.channel.wechat': '微信',
  'campaign.channel.event': '线下活动',
  'campaign.channel.ads': '广告',
  'campaign.channel.other': '其他',
  'campaign.status.draft': '草稿',
  'campaign.status.scheduled': '已排期',
  'campaign.status.running': '进行中',
  'campaign.status.completed': '已结束',
  'campaign.status.cancelled': '已取消',
};

/** Every string `<crm-campaign-report>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const campaignReportMessages = /* @__PURE__ */ mergeMessages(commonMessages, chartMessages, {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((m) => m.default),
  'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
});

export type CampaignReportMessageKey = MessageKeyOf<typeof campaignReportMessages>;
