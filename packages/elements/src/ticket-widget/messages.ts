import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';

// The strings of <crm-ticket-widget>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-ticket-widget>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
  'widget.label': '联系客服',
  'widget.name': '姓名',
  'widget.email': '邮箱',
  'widget.phone': '电话',
  'widget.contactHint': '请填写邮箱或电话（或两者），以便我们回复您。',
  'widget.contactRequired': '请填写邮箱或电话。',
  'widget.category': '问题类型',
  'widget.category.inquiry': '咨询',
  'widget.category.complaint': '投诉',
  'widget.category.suggestion': '建议',
  'widget.category.fault': '故障报修',
  'widget.category.field_service': '上门服务',
  'widget.category.follow_up': '回访',
  'widget.subject': '标题',
  'widget.description': '问题描述',
  'widget.submit': '提交工单',
  'widget.submitting': '正在提交…',
  'widget.as': '提交人：{name}',
  'widget.honeypot': '此项请留空',
  'widget.rateLimited': '您在短时间内提交了多个工单，请稍后再试。',
  'widget.suggestions': '以下文章或许能解答您的问题',
  'widget.suggestionsCount': '有 {count} 篇文章或许能解答您的问题。',
  'widget.suggestionsNone': '没有相关文章。',
  'widget.openArticle': '打开文章',
  'widget.success': '谢谢，您的工单已提交。',
  'widget.number': '工单号',
  'widget.keepNumber': '请保存此工单号：凭工单号和您的邮箱或电话，可随时查询处理进度。',
  'widget.another': '再提交一个工单',
  'widget.checkStatus': '查询工单进度',
  'widget.statusTitle': '查询工单',
  'widget.lookupNumber': '工单号',
  'widget.lookupContact': '提交时填写的邮箱或电话',
  'widget.lookup': '查询',
  'widget.lookingUp': '正在查询…',
  'widget.lookupRequired': '请填写工单号，以及提交时填写的邮箱或电话。',
  'widget.notFound': '没有与该工单号和邮箱或电话相符的工单。',
  'widget.lookupLimited': '查询次数过多，请稍后再试。',
  'widget.back': '提交新工单',
  'widget.status': '状态',
  'widget.submitted': '提交时间',
  'widget.updated': '最近更新',
  'widget.replies': '回复',
  'widget.noReplies': '暂无回复。',
  'widget.fromYou': '您',
  'widget.fromTeam': '客服团队',
  'widget.status.new': '已受理',
  'widget.status.open': '处理中',
  'widget.status.pending': '等待您的回复',
  'widget.status.resolved': '已解决',
  'widget.status.closed': '已关闭',
  'widget.storageFailed': '此页面无法保存工单（浏览器存储不可用）。',
};

/** Every string `<crm-ticket-widget>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const ticketWidgetMessages = /* @__PURE__ */ mergeMessages(commonMessages, {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((m) => m.default),
  'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
});

export type TicketWidgetMessageKey = MessageKeyOf<typeof ticketWidgetMessages>;
