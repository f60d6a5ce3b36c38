import type { Locale } from '@rapport/core';

/** The locale whose strings ship with every element; the others load on first use. */
export const DEFAULT_LOCALE = 'zh-CN' satisfies Locale;

/** The locales whose strings load on demand (`import()`), one module per locale and group. */
export type LazyLocale = Exclude<Locale, typeof DEFAULT_LOCALE>;

/** The strings of one locale: key → text. */
export type Strings<K extends string = string> = Readonly<Record<K, string>>;

/**
 * A message catalogue: the strings of the default locale (zh-CN), bundled with the element, and a
 * loader per other locale (`() => import('./messages.en.js').then((m) => m.default)`), so a page in
 * English fetches the English strings it shows, once, and a page in zh-CN fetches nothing. Keys are
 * `area.name`; parameters are `{name}` placeholders filled by `LocalizeController.t`.
 *
 * Each element has its own catalogue (`contact-card/messages.ts`, …) built from its own strings
 * and the shared groups it shows (i18n/common-messages.ts, enum-messages.ts, …), so a page that
 * loads one element loads only that element's strings.
 */
export type Messages<K extends string = string> = {
  readonly [L in typeof DEFAULT_LOCALE]: Strings<K>;
} & {
  readonly [L in LazyLocale]: () => Promise<Strings<K>>;
};

/** The keys of a catalogue (of each member, for a union of catalogues). */
export type MessageKeyOf<M> = M extends Messages ? keyof M[typeof DEFAULT_LOCALE] & string : never;

/**
 * A translation of the default locale's strings `S`: exactly the same keys. Write the module of a
 * locale as `export default { … } satisfies Translation<typeof zhCN>`, so a missing or misspelt
 * key is a type error.
 */
export type Translation<S> = Record<keyof S, string>;

/** `text` with its `{name}` placeholders filled from `params`; unknown names stay as written. */
export function fill(text: string, params?: Readonly<Record<string, string | number>>): string {
  return params
    ? text.replace(/\{(\w+)\}/g, (match, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : match,
      )
    : text;
}

/** Strings of a locale that have arrived (a failed load arrives as `{}`), by loader. */
const loaded = new WeakMap<() => Promise<Strings>, Strings>();
const loading = new WeakMap<() => Promise<Strings>, Promise<Strings>>();

/**
 * The strings of `locale`, when they are in: always for the default locale, else once
 * `loadMessages` has settled (`{}` when the load failed: every key then shows its default text).
 */
export function loadedMessages<K extends string>(
  messages: Messages<K>,
  locale: Locale,
): Partial<Strings<K>> | undefined {
  if (locale === DEFAULT_LOCALE) return messages[DEFAULT_LOCALE];
  return loaded.get(messages[locale]) as Partial<Strings<K>> | undefined;
}

/**
 * Loads the strings of `locale`, once per page however many elements ask. Never rejects: a load
 * that fails is reported once (console.warn) and leaves the default locale's strings in place.
 */
export function loadMessages(messages: Messages, locale: Locale): Promise<unknown> | undefined {
  if (locale === DEFAULT_LOCALE) return undefined;
  const load = messages[locale];
  let pending = loading.get(load);
  if (!pending) {
    pending = load()
      .catch((error: unknown) => {
        console.warn(
          `@rapport/elements: the ${locale} strings could not be loaded; showing ${DEFAULT_LOCALE} instead.`,
          error,
        );
        return {};
      })
      .then((strings) => {
        loaded.set(load, strings);
        return strings;
      });
    loading.set(load, pending);
  }
  return pending;
}

/**
 * Several groups as one catalogue (a locale of it loads every group's module of that locale).
 * Mark each call as pure (the annotation bundlers read) so a catalogue whose element is not used
 * is dropped.
 */
export function mergeMessages<const M extends readonly Messages[]>(
  ...groups: M
): Messages<MessageKeyOf<M[number]>> {
  const lazy = (locale: LazyLocale) => () =>
    Promise.all(groups.map((group) => loadMessages(group, locale))).then(() =>
      Object.assign({}, ...groups.map((group) => loadedMessages(group, locale))),
    );
  return {
    [DEFAULT_LOCALE]: Object.assign({}, ...groups.map((group) => group[DEFAULT_LOCALE])),
    en: lazy('en'),
    'zh-TW': lazy('zh-TW'),
  } as Messages<MessageKeyOf<M[number]>>;
}
