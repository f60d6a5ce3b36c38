import type { Locale } from '@rapport/core';

/**
 * A message catalogue: the same keys in every supported locale. Keys are `area.name`; parameters
 * are `{name}` placeholders filled by `LocalizeController.t`.
 *
 * Each element has its own catalogue (`contact-card/messages.ts`, …) built from its own strings
 * and the shared groups it shows (i18n/common-messages.ts, enum-messages.ts, …), so a page that
 * loads one element loads only that element's strings.
 */
export type Messages<K extends string = string> = {
  readonly [L in Locale]: Readonly<Record<K, string>>;
};

/** The keys of a catalogue (of each member, for a union of catalogues). */
export type MessageKeyOf<M> = M extends Messages ? keyof M['en'] & string : never;

/**
 * A translation of the English strings `E`: exactly the same keys. Write a zh catalogue as
 * `{ … } satisfies Translation<typeof en>`, so a missing or misspelt key is a type error.
 */
export type Translation<E> = Record<keyof E, string>;

/**
 * Several groups as one catalogue. Mark each call as pure (the annotation bundlers read) so a
 * catalogue whose element is not used is dropped.
 */
export function mergeMessages<const M extends readonly Messages[]>(
  ...groups: M
): Messages<MessageKeyOf<M[number]>> {
  const merged = { en: {}, 'zh-CN': {}, 'zh-TW': {} };
  for (const group of groups) {
    for (const locale of Object.keys(merged) as Locale[])
      Object.assign(merged[locale], group[locale]);
  }
  return merged as Messages<MessageKeyOf<M[number]>>;
}
