import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** Every message id that has English text in `public/_locales/en/messages.json`. */
export type MessageId = keyof typeof messages;

/**
 * Ids of messages that depend on a number: `<id>_one`, `<id>_other` in English; a translation adds
 * the forms its language needs (`_zero`, `_two`, `_few`, `_many`, as Intl.PluralRules names them).
 */
export type PluralId = MessageId extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

const getMessage = (id: string, substitutions?: string | string[]): string =>
  (browser.i18n.getMessage as (id: string, substitutions?: string | string[]) => string)(id, substitutions);

/**
 * A user-facing string in the browser's language (English only for now). Every string the popup,
 * options, welcome page, card and manifest show goes through here, so a translation is a new
 * `_locales/<lang>/messages.json` and no code change. `substitutions` fill `$1`…`$9` (or named
 * placeholders) in the message.
 */
export function t(id: MessageId, substitutions?: string | string[]): string {
  return getMessage(id, substitutions);
}

/**
 * The language tag of the messages in use (the translation's own, "en-GB" for the English), for
 * `lang` attributes, plural rules, dates and numbers. Read from the messages, not the browser: a
 * browser in a language Termlight has no translation for shows the English, and must say so.
 */
export function uiLocale(): string {
  const tag = t('commonLocale');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A number as the reader's language writes it ("5,000"). */
export function formatNumber(n: number): string {
  return n.toLocaleString(uiLocale());
}

/** Items as the reader's language lists them ("A, B, C"; other languages use other separators). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { type: 'unit', style: 'short' }).format(items);
}

/** A date in words, in the reader's language ("3 January 2026", "December 2026"). */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(uiLocale(), options).format(date);
}

/**
 * A message that says a number: `tn('popupFoundTimes', 3)` picks `popupFoundTimes_other` ("found $1
 * times") and fills `$1` with the number; further substitutions fill `$2`… A form the translation
 * does not have falls back to `_other`.
 */
export function tn(id: PluralId, count: number, substitutions: string[] = []): string {
  const form = new Intl.PluralRules(uiLocale()).select(count);
  const subs = [formatNumber(count), ...substitutions];
  return getMessage(`${id}_${form}`, subs) || getMessage(`${id}_other`, subs);
}

/** Compares texts in the reader's language (for lists sorted A to Z). */
export function compareText(a: string, b: string, options: Intl.CollatorOptions = { sensitivity: 'base' }): number {
  return a.localeCompare(b, uiLocale(), options);
}

/** Scripts written right to left: the page's direction follows the messages' language. */
const RIGHT_TO_LEFT = /^(ar|arc|ckb|dv|fa|he|ps|sd|ug|ur|yi)(-|$)/i;

/** An extension page in the messages' language: its title (the tab, the window list) and `lang`/`dir`. */
export function localizePage(titleId: MessageId, doc: Document = document): void {
  const locale = uiLocale();
  doc.title = t(titleId);
  doc.documentElement.lang = locale;
  doc.documentElement.dir = RIGHT_TO_LEFT.test(locale) ? 'rtl' : 'ltr';
}
