import { CrmSurvey } from './survey.js';

if (!customElements.get('crm-survey')) customElements.define('crm-survey', CrmSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'crm-survey': CrmSurvey;
  }
}
