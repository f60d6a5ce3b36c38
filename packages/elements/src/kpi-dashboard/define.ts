import { CrmKpiDashboard } from './kpi-dashboard.js';

if (!customElements.get('crm-kpi-dashboard'))
  customElements.define('crm-kpi-dashboard', CrmKpiDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'crm-kpi-dashboard': CrmKpiDashboard;
  }
}
