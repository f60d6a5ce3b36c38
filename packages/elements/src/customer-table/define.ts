import {
  CrmCustomerTable,
  type CustomerOpenDetail,
  type SelectionChangeDetail,
} from './customer-table.js';

if (!customElements.get('crm-customer-table'))
  customElements.define('crm-customer-table', CrmCustomerTable);

declare global {
  interface HTMLElementTagNameMap {
    'crm-customer-table': CrmCustomerTable;
  }
  interface HTMLElementEventMap {
    'crm-customer-open': CustomEvent<CustomerOpenDetail>;
    'crm-selection-change': CustomEvent<SelectionChangeDetail>;
  }
}
