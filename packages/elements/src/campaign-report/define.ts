import { CrmCampaignReport } from './campaign-report.js';

if (!customElements.get('crm-campaign-report'))
  customElements.define('crm-campaign-report', CrmCampaignReport);

declare global {
  interface HTMLElementTagNameMap {
    'crm-campaign-report': CrmCampaignReport;
  }
}
