import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Crm } from '@rapport/core';
import { crmContext, localeContext } from '../base/crm-context.js';
import { toLocale } from '../i18n/localize-controller.js';
import { darkTokenAssignments } from '../styles/tokens.js';
import { provideContext } from './provide-context.js';

/**
 * Gives every `<crm-*>` element inside it the same `Crm` client, locale and theme.
 *
 * @summary Provides the Crm client, locale and theme to the elements inside it.
 * @tag crm-provider
 * @slot - The page content holding `<crm-*>` elements (any depth, through shadow roots too).
 * @cssproperty [--crm-color-surface=#ffffff] Background of cards and panels (every token in styles/tokens.ts can be set here).
 * @cssproperty [--crm-color-primary=#0b57d0] Accent colour of buttons and links.
 * @cssproperty [--crm-font-family=system-ui] Font of every element.
 */
export class CrmProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([theme='dark']) {
      ${darkTokenAssignments}
    }
  `;

  readonly #provideCrm = provideContext(this, crmContext);
  readonly #provideLocale = provideContext(this, localeContext);

  static override properties = {
    crm: { attribute: false },
    locale: { reflect: true },
    theme: { reflect: true },
  };

  /** The client every element inside uses (set as a property: `provider.crm = await createCrm()`). */
  declare crm: Crm | undefined;

  /** Display locale of the elements inside: `en`, `zh-CN` or `zh-TW` (`zh-Hant`, `zh-HK` → zh-TW). Default: `crm.locale`. */
  declare locale: string | undefined;

  /** `light` (default) or `dark`. */
  declare theme: 'light' | 'dark' | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('crm')) this.#provideCrm(this.crm);
    if (changed.has('locale')) this.#provideLocale(toLocale(this.locale));
    if (changed.has('theme')) {
      if (this.theme === 'dark') this.dataset.crmTheme = 'dark';
      else delete this.dataset.crmTheme;
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
