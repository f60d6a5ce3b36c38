// `@rapport/elements/classes`: every element class and the foundation, WITHOUT registering any
// tag. For hosts that subclass an element or register it under another name:
//   import { CrmContactCard } from '@rapport/elements/classes';
//   customElements.define('oa-contact-card', class extends CrmContactCard {});
// The package root (`@rapport/elements`) registers every `crm-*` tag instead.
export { CrmElement, type CrmElementState } from './base/crm-element.js';
export { crmContext, localeContext } from './base/crm-context.js';
export {
  QueryController,
  type QueryControllerOptions,
  type QueryStatus,
} from './base/query-controller.js';
export {
  LocalizeController,
  toLocale,
  DEFAULT_LOCALE,
  type DateStyle,
} from './i18n/localize-controller.js';
export {
  mergeMessages,
  type Messages,
  type MessageKeyOf,
  type Translation,
} from './i18n/messages.js';
export type { MessageKey } from './i18n/message-key.js';
export { validationMessage, validationMessageKey } from './i18n/validation-message.js';
export { tokens, baseStyles, DARK_PALETTE } from './styles/tokens.js';
export { CrmProvider } from './provider/provider.js';
export { errorMessageKey } from './base/error-message.js';
export {
  CrmContactCard,
  type ActivityCreateDetail,
  type ActivityCreatedDetail,
} from './contact-card/contact-card.js';
export { CrmActivityTimeline } from './activity-timeline/activity-timeline.js';
export {
  CrmLeadForm,
  type LeadFormField,
  type LeadCreateDetail,
  type LeadCreatedDetail,
} from './lead-form/lead-form.js';
export {
  CrmCustomerTable,
  type CustomerOpenDetail,
  type SelectionChangeDetail,
} from './customer-table/customer-table.js';
export type { TableOwner, FilterChip } from './customer-table/table-columns.js';
export {
  CrmPipelineBoard,
  type DealMoveDetail,
  type DealMovedDetail,
  type DealMoveFailedDetail,
} from './pipeline-board/pipeline-board.js';
export {
  InfiniteQueryController,
  type InfiniteQueryControllerOptions,
} from './controllers/infinite-query-controller.js';
export {
  CrmTicketWidget,
  type TicketRequester,
  type TicketCreateDetail,
  type TicketCreatedDetail,
} from './ticket-widget/ticket-widget.js';
export {
  CrmSurvey,
  type SurveyRespondDetail,
  type SurveyRespondedDetail,
} from './survey/survey.js';
export {
  CrmKbSearch,
  type ArticleOpenDetail,
  type ArticleVoteDetail,
  type ArticleVotedDetail,
} from './kb-search/kb-search.js';
export { renderMarkdown, safeUrl, type MarkdownOptions } from './base/markdown.js';
export { CrmCampaignReport } from './campaign-report/campaign-report.js';
export {
  CrmKpiDashboard,
  type PeriodChangeDetail,
  type ChurnRiskOpenDetail,
} from './kpi-dashboard/kpi-dashboard.js';
export {
  CrmTicketList,
  type TicketOpenDetail,
  type TicketAssignmentFilter,
  type TicketStatusFilter,
} from './ticket-list/ticket-list.js';
export {
  CrmTicketDetail,
  type TicketTransitionDetail,
  type TicketTransitionedDetail,
  type TicketCommentDetail,
  type TicketCommentedDetail,
  type TicketAssignDetail,
  type TicketAssignedDetail,
  type TicketActionFailedDetail,
} from './ticket-detail/ticket-detail.js';
export {
  LiveClockController,
  intervalTicker,
  type Ticker,
} from './ticket-list/live-clock-controller.js';
