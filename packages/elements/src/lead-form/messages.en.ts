import type { Translation } from '../i18n/messages.js';
import type { zhCN } from './messages.js';

/** `<crm-lead-form>`'s own strings in English, loaded when a page shows that locale. */
export default {
  'common.empty': 'Nothing here yet.',
  'leadForm.label': 'Contact us',
  'leadForm.name': 'Name',
  'leadForm.company': 'Company',
  'leadForm.title': 'Job title',
  'leadForm.phone': 'Phone',
  'leadForm.email': 'Email',
  'leadForm.industry': 'Industry',
  'leadForm.notes': 'Message',
  'leadForm.submit': 'Submit',
  'leadForm.submitting': 'Submitting…',
  'leadForm.success': 'Thank you, {name}. We will be in touch soon.',
  'leadForm.another': 'Submit another',
  'leadForm.duplicate': 'We already know someone with this {fields}.',
  'leadForm.merged': 'Your details were added to the record we already had.',
  'leadForm.duplicateField.phone': 'phone number',
  'leadForm.duplicateField.email': 'email address',
  'leadForm.duplicateField.company': 'company',
  'leadForm.honeypot': 'Leave this field empty',
  'leadForm.choose': 'Choose…',
} satisfies Translation<typeof zhCN>;
