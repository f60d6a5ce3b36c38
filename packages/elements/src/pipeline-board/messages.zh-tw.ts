import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-pipeline-board>`'s own strings in Traditional Chinese (zh-TW), loaded when a page shows that locale. */
export default {
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
} satisfies Translation<typeof zhCN>;
