import {
  CrmPipelineBoard,
  type BoardDealRecord,
  type DealMoveDetail,
  type DealMovedDetail,
  type DealMoveFailedDetail,
} from './pipeline-board.js';

if (!customElements.get('crm-pipeline-board'))
  customElements.define('crm-pipeline-board', CrmPipelineBoard);

declare global {
  interface HTMLElementTagNameMap {
    'crm-pipeline-board': CrmPipelineBoard;
  }
  interface HTMLElementEventMap {
    'crm-deal-move': CustomEvent<DealMoveDetail>;
    'crm-deal-moved': CustomEvent<DealMovedDetail>;
    'crm-deal-move-failed': CustomEvent<DealMoveFailedDetail>;
    'crm-deal-open': CustomEvent<{ dealId: string; deal: BoardDealRecord }>;
    'crm-pipeline-change': CustomEvent<{ pipelineId: string }>;
  }
}
