/**
 * Reads back a list the reader built up (their own terms, their saved questions). A value that
 * cannot be read whole is "damaged": it is reported, never half-used and never overwritten, so a
 * bug, an older version or a damaged profile cannot lose what the reader saved.
 */
import { isObject } from '../guards';
import { t, type MessageId } from '../i18n';

export type StoredList<T> = { ok: true; items: T[] } | { ok: false; error: string };

/** What is stored in a list: names the items in the technical reason, and picks the reader's message. */
export type ListNoun = 'term' | 'question';

/**
 * The message around the reason. The reason itself ("term 3 has no definition") stays in English:
 * it is for whoever helps fix the data, next to the saved copy the reader can hand them.
 */
const DAMAGED: Record<ListNoun, MessageId> = { term: 'storageTermsDamaged', question: 'storageQuestionsDamaged' };
const UNREADABLE: Record<ListNoun, MessageId> = { term: 'storageTermsUnreadable', question: 'storageQuestionsUnreadable' };

/**
 * `noun` names one item ("term"); `readItem` returns the item, or why it is damaged (a string,
 * shown after "term 3 ").  Missing storage means an empty list.
 */
// i18n-exempt: the reasons a list is damaged stay English, inside the translated message (see DAMAGED).
export function parseStoredList<T>(
  raw: unknown,
  noun: ListNoun,
  limit: number,
  readItem: (item: Record<string, unknown>, which: string) => T | string,
): StoredList<T> {
  if (raw === undefined || raw === null) return { ok: true, items: [] };
  const damaged = (why: string): StoredList<T> => ({
    ok: false,
    error: t(DAMAGED[noun], why),
  });
  if (!Array.isArray(raw)) return damaged('they are not a list');
  if (raw.length > limit) return damaged(`there are ${raw.length}, more than ${limit}`);
  const items: T[] = [];
  for (const [i, item] of raw.entries()) {
    const which = `${noun} ${i + 1}`;
    if (!isObject(item)) return damaged(`${which} is not a ${noun}`);
    const read = readItem(item, which);
    if (typeof read === 'string') return damaged(read);
    items.push(read);
  }
  return { ok: true, items };
}

/** The state shown when storage could not be read at all (not damaged: the browser failed). */
export function unreadableList(noun: ListNoun): (error: unknown) => { ok: false; error: string } {
  return (error) => ({ ok: false, error: t(UNREADABLE[noun], String(error)) });
}
