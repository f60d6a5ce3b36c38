import type { ValidationIssue } from '@rapport/core';
import type { CommonMessageKey } from './common-messages.js';
import type { LocalizeController } from './localize-controller.js';
import { DEFAULT_LOCALE, fill, loadedMessages, loadMessages } from './messages.js';
import type { ValidationMessageKey } from './validation-message.js';

/** Validation messages in one locale. */
export interface ValidationText {
  /** The message of one issue of a core `ValidationError`, naming `field` (its localized label). */
  issue(issue: Pick<ValidationIssue, 'message'>, field: string): string;
  /** A validation message by key, its placeholders filled from `params`. */
  t(key: ValidationMessageKey, params: Readonly<Record<string, string | number>>): string;
}

/**
 * Validation messages in the host's current locale (see validation-message.ts), for an element
 * that shows them only once a submission fails: their rules and strings load the first time one is
 * needed (once per page), so the element does not ship them, and the caller renders the message
 * only after this resolves, so it is never shown untranslated. If they cannot be loaded, every
 * message is the locale's "Something went wrong".
 */
export async function loadValidationText(
  i18n: LocalizeController<CommonMessageKey>,
): Promise<ValidationText> {
  const locale = i18n.locale;
  try {
    const { validationMessageKey, validationMessages } = await import('./validation-bundle.js');
    await loadMessages(validationMessages, locale);
    const strings = {
      ...validationMessages[DEFAULT_LOCALE],
      ...loadedMessages(validationMessages, locale),
    };
    const t: ValidationText['t'] = (key, params) => fill(strings[key], params);
    return { t, issue: (issue, field) => t(validationMessageKey(issue), { field }) };
  } catch {
    const failed = () => i18n.t('common.error');
    return { t: failed, issue: failed };
  }
}
