import { createContext } from '@lit/context';
import type { Crm, Locale } from '@rapport/core';

/**
 * The `Crm` client, provided by `<crm-provider>` to every element inside it. `Symbol.for` keys
 * make two copies of this package (a host bundling one, a CDN loading another) share the context.
 */
export const crmContext = createContext<Crm | undefined>(Symbol.for('rapport.crm'));

/** The display locale, provided by `<crm-provider locale="…">`; overrides `crm.locale`. */
export const localeContext = createContext<Locale | undefined>(Symbol.for('rapport.locale'));
