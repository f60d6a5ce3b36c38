import '../contact-card/define.js'; // the customer's card inside the detail
import {
  CrmTicketDetail,
  type TicketActionFailedDetail,
  type TicketAssignDetail,
  type TicketAssignedDetail,
  type TicketCommentDetail,
  type TicketCommentedDetail,
  type TicketTransitionDetail,
  type TicketTransitionedDetail,
} from './ticket-detail.js';

if (!customElements.get('crm-ticket-detail'))
  customElements.define('crm-ticket-detail', CrmTicketDetail);

declare global {
  interface HTMLElementTagNameMap {
    'crm-ticket-detail': CrmTicketDetail;
  }
  interface HTMLElementEventMap {
    'crm-ticket-transition': CustomEvent<TicketTransitionDetail>;
    'crm-ticket-transitioned': CustomEvent<TicketTransitionedDetail>;
    'crm-ticket-comment': CustomEvent<TicketCommentDetail>;
    'crm-ticket-commented': CustomEvent<TicketCommentedDetail>;
    'crm-ticket-assign': CustomEvent<TicketAssignDetail>;
    'crm-ticket-assigned': CustomEvent<TicketAssignedDetail>;
    'crm-ticket-action-failed': CustomEvent<TicketActionFailedDetail>;
  }
}
