import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Crm, Locale } from '@rapport/core';
import { consumeContext } from '../base/consume-context.js';
import { localeContext } from '../base/crm-context.js';
import { DEFAULT_LOCALE, fill, loadedMessages, loadMessages, type Messages } from './messages.js';

export { DEFAULT_LOCALE };

/**
 * A BCP 47 tag (`zh`, `zh-Hans-CN`, `zh-HK`, `en-GB`, …) as one of the supported locales, or
 * `undefined` when none fits.
 */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) {
    return /^zh-(hant|tw|hk|mo)\b/.test(lower) ? 'zh-TW' : 'zh-CN';
  }
  return undefined;
}

export type DateStyle = 'date' | 'datetime' | 'time' | 'weekday' | 'long';

const DATE_FORMATS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  weekday: { weekday: 'short', month: 'short', day: 'numeric' },
  long: { dateStyle: 'full' },
};

/**
 * Hosts watching `<html lang>` (the connected ones): one MutationObserver for the page, made when
 * the first host connects, not one per element.
 */
const langWatchers = new Set<ReactiveControllerHost>();
let langObserver: MutationObserver | undefined;

/** `Intl` formatters by locale and options, made once per page and shared by every host. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/**
 * Localisation as a reactive controller: strings from the host's typed catalogue (en, zh-CN,
 * zh-TW; see messages.ts), and `Intl` for numbers, money (CNY by default), dates and relative
 * times. zh-CN strings ship with the element; another locale's load on first use, and until they
 * are in, `ready` is false: `CrmElement` holds its update (so `updateComplete` resolves with the
 * final DOM and a page in English never shows Chinese first); any other host re-renders when
 * they arrive. A locale whose strings fail to load shows zh-CN's (reported once).
 *
 * `K` is the catalogue's keys, so `t()` with a key the element has no string for is a type error;
 * a controller with more keys fits where fewer are needed (`in K`), and a bare
 * `LocalizeController` is any controller (for code that formats numbers and dates only).
 *
 * The locale is, first match wins: the nearest `<crm-provider locale>` (through `localeContext`),
 * the host's `crm.locale`, `<html lang>`, then zh-CN. Changing any of them re-renders the host.
 *
 * @example
 * ```ts
 * protected readonly i18n = new LocalizeController(this, contactCardMessages);
 * ```
 */
export class LocalizeController<in K extends string = never> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { crm?: Crm | undefined };
  readonly #messages: Messages<K>;
  #provided: Locale | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { crm?: Crm | undefined },
    messages: Messages<K>,
  ) {
    this.#host = host;
    this.#messages = messages;
    host.addController(this);
    consumeContext(host, localeContext, (value) => {
      if (value === this.#provided) return;
      this.#provided = value;
      host.requestUpdate();
    });
  }

  hostConnected(): void {
    langWatchers.add(this.#host);
    if (!langObserver) {
      langObserver = new MutationObserver(() => langWatchers.forEach((h) => h.requestUpdate()));
      langObserver.observe(document.documentElement, { attributeFilter: ['lang'] });
    }
  }

  hostDisconnected(): void {
    langWatchers.delete(this.#host);
  }

  hostUpdate(): void {
    // Reached unready only by a host that does not wait (not a CrmElement): re-render when in.
    if (!this.ready) void this.load().then(() => this.#host.requestUpdate());
  }

  /** Whether the strings of the current locale are in (or failed, so zh-CN's show). */
  get ready(): boolean {
    return loadedMessages(this.#messages, this.locale) !== undefined;
  }

  /** Loads the strings of the current locale; settles (never rejects) once they are in. */
  async load(): Promise<void> {
    await loadMessages(this.#messages, this.locale);
  }

  /** The current locale. */
  get locale(): Locale {
    return (
      this.#provided ??
      this.#host.crm?.locale ??
      toLocale(typeof document === 'undefined' ? undefined : document.documentElement.lang) ??
      DEFAULT_LOCALE
    );
  }

  /** The `lang` to put on rendered text (same as `locale`). */
  get lang(): string {
    return this.locale;
  }

  /** A string of the current locale, `{name}` placeholders filled from `params`. */
  t(key: K, params?: Readonly<Record<string, string | number>>): string {
    return fill(
      loadedMessages(this.#messages, this.locale)?.[key] ??
        this.#messages[DEFAULT_LOCALE][key] ??
        key,
      params,
    );
  }

  /** A number, grouped for the locale. */
  number(n: number, options?: Intl.NumberFormatOptions): string {
    return this.#format(
      `n:${JSON.stringify(options)}`,
      () => new Intl.NumberFormat(this.locale, options),
    ).format(n);
  }

  /** An amount of money, `¥1,234.50` (CNY unless another ISO 4217 code is given). */
  money(amount: number, currency = 'CNY'): string {
    return this.#format(
      `money:${currency}`,
      () => new Intl.NumberFormat(this.locale, { style: 'currency', currency }),
    ).format(amount);
  }

  /** An ISO date or instant; an empty string for a missing or unparsable value. */
  date(iso: string | undefined | null, style: DateStyle = 'date'): string {
    if (!iso) return '';
    const value = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
    if (Number.isNaN(value.getTime())) return '';
    return this.#format(
      `d:${style}`,
      () => new Intl.DateTimeFormat(this.locale, DATE_FORMATS[style]),
    ).format(value);
  }

  /** "3 days ago" / "3天前", relative to the client's clock (`crm.clock`, else now). */
  relative(iso: string | undefined | null): string {
    if (!iso) return '';
    const then = new Date(iso).getTime();
    if (Number.isNaN(then)) return '';
    const now = (this.#host.crm?.clock() ?? new Date()).getTime();
    const seconds = Math.round((then - now) / 1000);
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 365 * 86400],
      ['month', 30 * 86400],
      ['week', 7 * 86400],
      ['day', 86400],
      ['hour', 3600],
      ['minute', 60],
    ];
    const format = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(0, 'minute');
  }

  /** A list joined for the locale: "a, b and c" / "a、b和c". */
  list(items: readonly string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }

  /** An `Intl` formatter of the current locale, made once per page for each key and locale. */
  #format<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
    key = `${this.locale} ${key}`;
    let format = formats.get(key) as F | undefined;
    if (!format) formats.set(key, (format = make()));
    return format;
  }
}
