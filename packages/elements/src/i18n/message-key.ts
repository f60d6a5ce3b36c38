import type { activityTimelineMessages } from '../activity-timeline/messages.js';
import type { campaignReportMessages } from '../campaign-report/messages.js';
import type { contactCardMessages } from '../contact-card/messages.js';
import type { customerTableMessages } from '../customer-table/messages.js';
import type { kbSearchMessages } from '../kb-search/messages.js';
import type { kpiDashboardMessages } from '../kpi-dashboard/messages.js';
import type { leadFormMessages } from '../lead-form/messages.js';
import type { pipelineBoardMessages } from '../pipeline-board/messages.js';
import type { surveyMessages } from '../survey/messages.js';
import type { ticketDetailMessages } from '../ticket-detail/messages.js';
import type { ticketListMessages } from '../ticket-list/messages.js';
import type { ticketWidgetMessages } from '../ticket-widget/messages.js';
import type { MessageKeyOf } from './messages.js';

/** Every message key of every element's catalogue (a type only: nothing here is bundled). */
export type MessageKey = MessageKeyOf<
  | typeof activityTimelineMessages
  | typeof campaignReportMessages
  | typeof contactCardMessages
  | typeof customerTableMessages
  | typeof kbSearchMessages
  | typeof kpiDashboardMessages
  | typeof leadFormMessages
  | typeof pipelineBoardMessages
  | typeof surveyMessages
  | typeof ticketDetailMessages
  | typeof ticketListMessages
  | typeof ticketWidgetMessages
>;
