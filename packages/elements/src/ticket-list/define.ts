import { CrmTicketList, type TicketOpenDetail } from './ticket-list.js';

if (!customElements.get('crm-ticket-list')) customElements.define('crm-ticket-list', CrmTicketList);

declare global {
  interface HTMLElementTagNameMap {
    'crm-ticket-list': CrmTicketList;
  }
  interface HTMLElementEventMap {
    'crm-ticket-open': CustomEvent<TicketOpenDetail>;
  }
}
