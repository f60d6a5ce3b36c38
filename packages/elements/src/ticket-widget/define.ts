import { CrmTicketWidget } from './ticket-widget.js';

if (!customElements.get('crm-ticket-widget'))
  customElements.define('crm-ticket-widget', CrmTicketWidget);

declare global {
  interface HTMLElementTagNameMap {
    'crm-ticket-widget': CrmTicketWidget;
  }
}
