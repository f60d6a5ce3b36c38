import { CrmActivityTimeline } from './activity-timeline.js';

if (!customElements.get('crm-activity-timeline'))
  customElements.define('crm-activity-timeline', CrmActivityTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'crm-activity-timeline': CrmActivityTimeline;
  }
}
