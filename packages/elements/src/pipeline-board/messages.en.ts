import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-pipeline-board>`'s own strings in English, loaded when a page shows that locale. */
export default {
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
} satisfies Translation<typeof zhCN>;
