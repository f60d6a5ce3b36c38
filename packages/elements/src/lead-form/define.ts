import { CrmLeadForm } from './lead-form.js';

if (!customElements.get('crm-lead-form')) customElements.define('crm-lead-form', CrmLeadForm);

declare global {
  interface HTMLElementTagNameMap {
    'crm-lead-form': CrmLeadForm;
  }
}
