import { html, nothing, type TemplateResult } from 'lit';
import type { CommonMessageKey } from '../i18n/common-messages.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { errorMessageKey } from './error-message.js';

/** The loading line: a polite live region, so screen readers hear it once. */
export function loadingView(i18n: LocalizeController<CommonMessageKey>): TemplateResult {
  return html`<p part="status loading" class="status" role="status" aria-live="polite">
    ${i18n.t('common.loading')}
  </p>`;
}

/** The empty line, with the element's own words. */
export function emptyView<K extends string>(
  i18n: LocalizeController<K>,
  key: NoInfer<K>,
): TemplateResult {
  return html`<p part="status empty" class="status">${i18n.t(key)}</p>`;
}

/** The error line (typed SDK errors get their own words) with a retry button when given. */
export function errorView(
  i18n: LocalizeController<CommonMessageKey>,
  error: unknown,
  retry?: () => void,
): TemplateResult {
  return html`<div part="status error" class="status error" role="alert">
    <span>${i18n.t(errorMessageKey(error))}</span>
    ${
      retry
        ? html`<button class="button" part="retry" type="button" @click=${retry}>
            ${i18n.t('common.retry')}
          </button>`
        : nothing
    }
  </div>`;
}
