import { mergeMessages, type MessageKeyOf, type Translation } from '../i18n/messages.js';
import { actionMessages, commonMessages } from '../i18n/common-messages.js';

// The strings of <crm-pipeline-board>: its own, below, and the shared groups it shows. zh-CN and zh-TW
// must translate every key of en (a missing or extra key is a type error).

const en = {
  'board.label': 'Pipeline board: {pipeline}',
  'board.pipeline': 'Pipeline',
  'board.noPipeline': 'No pipeline yet. Create one to use the board.',
  'board.empty': 'No deals in this pipeline yet.',
  'board.count': '{count} deals',
  'board.total': 'Total {amount}',
  'board.weighted': 'Weighted {amount}',
  'board.columnEmpty': 'No deals',
  'board.draggable': 'movable deal',
  'board.instructions':
    'Press Space to pick up a deal, Left and Right arrows to choose a stage, Space to drop, Escape to cancel. Up and Down arrows move between deals; Enter opens one.',
  'board.moveTo': 'Move to…',
  'board.moveToLabel': 'Move to… “{name}”',
  'board.current': '{stage} (current)',
  'board.pickedUp':
    'Picked up “{name}” from {stage}. Use Left and Right arrows to choose a stage, Space to drop, Escape to cancel.',
  'board.over': 'Over {stage}, stage {position} of {count}.',
  'board.within': 'Deals in a stage are ordered by their last update.',
  'board.moved': 'Moved “{name}” to {stage}.',
  'board.cancelled': 'Move of “{name}” cancelled.',
  'board.moveFailed': 'Could not move “{name}”: {reason}',
  'board.lostTitle': 'Why was “{name}” lost?',
  'board.lostReason': 'Reason',
  'board.lostConfirm': 'Mark as lost',
  'board.lostRequired': 'Give a reason.',
  'board.dismiss': 'Dismiss',
};

const zhCN = {
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
} satisfies Translation<typeof en>;

const zhTW = {
  'board.label': '銷售看板：{pipeline}',
  'board.pipeline': '銷售流程',
  'board.noPipeline': '尚無銷售流程，請先建立。',
  'board.empty': '此銷售流程中尚無商機。',
  'board.count': '{count} 筆商機',
  'board.total': '合計 {amount}',
  'board.weighted': '加權 {amount}',
  'board.columnEmpty': '暫無商機',
  'board.draggable': '可移動的商機',
  'board.instructions':
    '按空白鍵拿起商機，左右方向鍵選擇階段，再按空白鍵放下，按 Esc 取消。上下方向鍵在商機間移動，Enter 鍵開啟商機。',
  'board.moveTo': '移至…',
  'board.moveToLabel': '移至…「{name}」',
  'board.current': '{stage}（目前）',
  'board.pickedUp': '已拿起「{name}」（{stage}）。用左右方向鍵選擇階段，空白鍵放下，Esc 取消。',
  'board.over': '移到{stage}上方，第 {position} / {count} 個階段。',
  'board.within': '同一階段內的商機依最近更新時間排序。',
  'board.moved': '已將「{name}」移至{stage}。',
  'board.cancelled': '已取消移動「{name}」。',
  'board.moveFailed': '無法移動「{name}」：{reason}',
  'board.lostTitle': '「{name}」輸單原因',
  'board.lostReason': '原因',
  'board.lostConfirm': '確認輸單',
  'board.lostRequired': '請填寫原因。',
  'board.dismiss': '關閉',
} satisfies Translation<typeof en>;

/** Every string `<crm-pipeline-board>` shows, in en, zh-CN and zh-TW. */
export const pipelineBoardMessages = /* @__PURE__ */ mergeMessages(commonMessages, actionMessages, {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
});

export type PipelineBoardMessageKey = MessageKeyOf<typeof pipelineBoardMessages>;
