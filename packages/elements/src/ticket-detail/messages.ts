import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { commonMessages } from '../i18n/common-messages.js';
import { slaMessages, ticketFieldMessages } from '../i18n/ticket-messages.js';

// The strings of <crm-ticket-detail>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-ticket-detail>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
  'tickets.category.inquiry': '咨询',
  'tickets.category.complaint': '投诉',
  'tickets.category.suggestion': '建议',
  'tickets.category.fault': '故障',
  'tickets.category.field_service': '上门服务',
  'tickets.category.follow_up': '回访',
  'tickets.channel.web': '网页',
  'tickets.channel.email': '邮件',
  'tickets.channel.phone': '电话',
  'tickets.channel.portal': '门户',
  'tickets.channel.other': '其他',
  'ticketDetail.noTarget': '请设置 ticket-id。',
  'ticketDetail.notFound': '该工单不存在，或您无权查看。',
  'ticketDetail.details': '详情',
  'ticketDetail.requester': '提交人',
  'ticketDetail.category': '类别',
  'ticketDetail.priority': '优先级',
  'ticketDetail.channel': '渠道',
  'ticketDetail.created': '创建时间',
  'ticketDetail.status': '状态',
  'ticketDetail.assignee': '处理人',
  'ticketDetail.sla': '服务时效 (SLA)',
  'ticketDetail.slaPolicy': '策略：{name}',
  'ticketDetail.noSla': '此工单不适用任何 SLA 策略。',
  'ticketDetail.conversation': '沟通记录',
  'ticketDetail.description': '问题描述',
  'ticketDetail.noComments': '暂无评论。',
  'ticketDetail.public': '公开回复',
  'ticketDetail.internal': '内部备注',
  'ticketDetail.fromCustomer': '客户',
  'ticketDetail.composer': '添加评论',
  'ticketDetail.visibility': '可见范围',
  'ticketDetail.publicHint': '客户可以看到公开回复。',
  'ticketDetail.internalHint': '内部备注仅客服可见。',
  'ticketDetail.body': '内容',
  'ticketDetail.sendPublic': '发送回复',
  'ticketDetail.sendInternal': '添加内部备注',
  'ticketDetail.sending': '正在发送…',
  'ticketDetail.bodyRequired': '请先填写内容。',
  'ticketDetail.commented': '评论已添加。',
  'ticketDetail.transitions': '变更状态',
  'ticketDetail.action.open': '开始处理',
  'ticketDetail.action.reopen': '重新打开',
  'ticketDetail.action.pending': '等待客户',
  'ticketDetail.action.resolved': '标记为已解决',
  'ticketDetail.action.closed': '关闭工单',
  'ticketDetail.note': '备注（选填）',
  'ticketDetail.final': '已关闭的工单不能再变更状态。',
  'ticketDetail.transitioned': '状态已变更为{status}。',
  'ticketDetail.assignment': '分配',
  'ticketDetail.assignTo': '分配给',
  'ticketDetail.auto': '自动分配（按策略）',
  'ticketDetail.assign': '分配',
  'ticketDetail.assigned': '已分配给 {name}。',
  'ticketDetail.customer': '客户',
  'ticketDetail.noCustomer': '未关联客户或联系人。',
  'ticketDetail.survey': '满意度',
  'ticketDetail.csat': '满意度 {score} / 5',
  'ticketDetail.nps': 'NPS {score} / 10',
  'ticketDetail.failed': '保存失败：{reason}',
  'ticketDetail.reloaded': '已重新加载该工单的最新内容。',
};

/** Every string `<crm-ticket-detail>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const ticketDetailMessages = /* @__PURE__ */ mergeMessages(
  commonMessages,
  ticketFieldMessages,
  slaMessages,
  {
    'zh-CN': zhCN,
    en: () => import('./messages.en.js').then((m) => m.default),
    'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
  },
);

export type TicketDetailMessageKey = MessageKeyOf<typeof ticketDetailMessages>;
