import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-survey>`'s own strings in English, loaded when a page shows that locale. */
export default {
  'survey.label': 'Your feedback',
  'survey.csatQuestion': 'How satisfied are you with the support you received?',
  'survey.npsQuestion': 'How likely are you to recommend us to a friend or colleague?',
  'survey.csatLow': 'Very dissatisfied',
  'survey.csatHigh': 'Very satisfied',
  'survey.npsLow': 'Not at all likely',
  'survey.npsHigh': 'Extremely likely',
  'survey.scaleHint': 'Use the arrow keys to choose from {low} to {high}.',
  'survey.option': '{score}, {label}',
  'survey.comment': 'Anything else you would like to tell us?',
  'survey.submit': 'Send feedback',
  'survey.submitting': 'Sending…',
  'survey.scoreRequired': 'Choose a score.',
  'survey.thanks': 'Thank you for your feedback.',
  'survey.alreadyAnswered': 'This survey has already been answered. Thank you.',
  'survey.none': 'There is no survey to answer for this ticket.',
  'survey.noTarget': 'Set ticket-id or request-id.',
  'survey.cancelled': 'This survey has been withdrawn.',
} satisfies Translation<typeof zhCN>;
