import { CrmContactCard } from './contact-card.js';

if (!customElements.get('crm-contact-card'))
  customElements.define('crm-contact-card', CrmContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'crm-contact-card': CrmContactCard;
  }
}
