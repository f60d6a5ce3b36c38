// @rapport/core/service — the service domain's functions and constants: ticket workflow and
// intake, assignment, business calendars and the one SLA engine, knowledge base, surveys,
// follow-ups and dispatch. `crm` loads this code on first use (crm.tickets.*, crm.service.*);
// import from here to call the helpers yourself. Every type is exported from `@rapport/core` too.
// Explicit named re-exports only.

export type { DomainContext } from '../client/domain-context.js';
export {
  addWorkingMinutes,
  workingMinutesBetween,
  isWorkingDay,
  isWorkingTime,
} from './business-calendar.js';
export type { BusinessCalendar, BusinessCalendarInput, DateInput } from './business-calendar.js';
export { evaluateSlaClock, SLA_CLOCK_STATES } from './sla-engine.js';
export type { SlaClockInput, SlaClockEvaluation, SlaClockState, SlaPause } from './sla-engine.js';
export { TICKET_TRANSITIONS, TicketTransitionError, canTransition } from './ticket-workflow.js';
export { selectSlaPolicy, evaluateTicketSla } from './ticket-sla.js';
export type { TicketSla } from './ticket-sla.js';
export { chooseAgent } from './assignment.js';
export type { AgentWorkload, AgentChoice } from './assignment.js';
export { haversineKm, rankTechnicians } from './dispatch.js';
export type { GeoPoint, TechnicianSuggestion } from './dispatch.js';
export { extractTerms, rankArticles } from './knowledge-base.js';
export type { ArticleSuggestion } from './knowledge-base.js';
export { summarizeSurveys, groupSurveys } from './surveys.js';
export type { CsatSummary, NpsSummary, SurveySummary, SurveyGroup } from './surveys.js';
export { planFollowUps } from './follow-ups.js';
export type { FollowUpSubject } from './follow-ups.js';
export { ASSIGNMENT_STRATEGIES } from './service-options.js';
export type {
  ServiceOptions,
  ServiceAgent,
  AgentDirectory,
  AssignmentStrategy,
  EscalationRule,
  FollowUpRule,
} from './service-options.js';
export type { ServiceEvent, ServiceEventListener } from './service-events.js';
export { createServiceOperations } from './service-operations.js';
export { createTicketLookup } from './ticket-lookup.js';
export type {
  TicketLookupOperations,
  TicketLookupQuery,
  PublicTicketStatus,
  PublicTicketComment,
} from './ticket-lookup.js';
export { newTicketNumber } from './ticket-number.js';
export {
  createTicketQueue,
  headlineSla,
  ticketSlaHeadline,
  TICKET_SLA_FILTERS,
  UNRESOLVED_TICKET_STATUSES,
} from './ticket-queue.js';
export type {
  TicketQueueOperations,
  TicketQueueQuery,
  TicketSlaFilter,
  TicketSlaHeadline,
} from './ticket-queue.js';
export type {
  ServiceOperations,
  TicketOperations,
  ArticleOperations,
  SurveyOperations,
  ServiceNamespace,
  TicketSubmission,
  AssignTarget,
  CommentInput,
  SuggestOptions,
  SurveyReportQuery,
  SurveyReport,
} from './service-operations.js';
