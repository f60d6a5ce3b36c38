import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-contact-card>`'s own strings in English, loaded when a page shows that locale. */
export default {
  'contactCard.phones': 'Phone',
  'contactCard.emails': 'Email',
  'contactCard.tags': 'Tags',
  'contactCard.owner': 'Owner',
  'contactCard.lifecycle': 'Stage',
  'contactCard.health': 'Health {score}',
  'contactCard.healthGood': 'Healthy',
  'contactCard.healthFair': 'Needs attention',
  'contactCard.healthPoor': 'At risk',
  'contactCard.lastContact': 'Last contact',
  'contactCard.never': 'Never',
  'contactCard.masked': 'Masked',
  'contactCard.logActivity': 'Log activity',
  'contactCard.activityType': 'Type',
  'contactCard.activitySubject': 'Subject',
  'contactCard.activityLogged': 'Activity logged.',
  'contactCard.notFound': 'This contact does not exist or is not visible to you.',
  'contactCard.noTarget': 'Set customer-id or contact-id.',
  'contactCard.primary': 'Primary contact',
} satisfies Translation<typeof zhCN>;
