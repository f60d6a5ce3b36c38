import { mergeMessages, type MessageKeyOf } from '../i18n/messages.js';
import { actionMessages, commonMessages } from '../i18n/common-messages.js';

// The strings of <crm-pipeline-board>: its own, below, and the shared groups it shows. zh-CN ships with the
// element; en and zh-TW (messages.en.ts, messages.zh-tw.ts) load when a page shows them and must
// translate every key of zh-CN (a missing or extra key is a type error).

/** `<crm-pipeline-board>`'s own strings in zh-CN, the default locale. */
export const zhCN = {
  'board.label': '销售看板：{pipeline}',
  'board.pipeline': '销售流程',
  'board.noPipeline': '还没有销售流程，请先创建。',
  'board.empty': '此销售流程中还没有商机。',
  'board.count': '{count} 个商机',
  'board.total': '合计 {amount}',
  'board.weighted': '加权 {amount}',
  'board.columnEmpty': '暂无商机',
  'board.draggable': '可移动的商机',
  'board.instructions':
    '按空格键拿起商机，左右方向键选择阶段，再按空格键放下，按 Esc 取消。上下方向键在商机间移动，回车键打开商机。',
  'board.moveTo': '移至…',
  'board.moveToLabel': '移至…「{name}」',
  'board.current': '{stage}（当前）',
  'board.pickedUp': '已拿起「{name}」（{stage}）。用左右方向键选择阶段，空格键放下，Esc 取消。',
  'board.over': '移到{stage}上方，第 {position} / {count} 个阶段。',
  'board.within': '同一阶段内的商机按最近更新时间排序。',
  'board.moved': '已将「{name}」移至{stage}。',
  'board.cancelled': '已取消移动「{name}」。',
  'board.moveFailed': '无法移动「{name}」：{reason}',
  'board.lostTitle': '「{name}」输单原因',
  'board.lostReason': '原因',
  'board.lostConfirm': '确认输单',
  'board.lostRequired': '请填写原因。',
  'board.dismiss': '关闭',
};

/** Every string `<crm-pipeline-board>` shows: zh-CN here, en and zh-TW loaded on first use. */
export const pipelineBoardMessages = /* @__PURE__ */ mergeMessages(commonMessages, actionMessages, {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((m) => m.default),
  'zh-TW': () => import('./messages.zh-tw.js').then((m) => m.default),
});

export type PipelineBoardMessageKey = MessageKeyOf<typeof pipelineBoardMessages>;
