import { CrmKbSearch } from './kb-search.js';

if (!customElements.get('crm-kb-search')) customElements.define('crm-kb-search', CrmKbSearch);

declare global {
  interface HTMLElementTagNameMap {
    'crm-kb-search': CrmKbSearch;
  }
}
