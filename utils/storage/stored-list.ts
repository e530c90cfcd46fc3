/**
 * Reads back a list the reader built up (their own terms, their saved questions). A value that
 * cannot be read whole is "damaged": it is reported, never half-used and never overwritten, so a
 * bug, an older version or a damaged profile cannot lose what the reader saved.
 */
import { isObject } from '../guards';

export type StoredList<T> = { ok: true; items: T[] } | { ok: false; error: string };

/**
 * `noun` names one item ("term"); `readItem` returns the item, or why it is damaged (a string,
 * shown after "term 3 ").  Missing storage means an empty list.
 */
export function parseStoredList<T>(
  raw: unknown,
  noun: string,
  limit: number,
  readItem: (item: Record<string, unknown>, which: string) => T | string,
): StoredList<T> {
  if (raw === undefined || raw === null) return { ok: true, items: [] };
  const damaged = (why: string): StoredList<T> => ({
    ok: false,
    error: `Your saved ${noun}s could not be read (${why}). They have not been changed or deleted.`,
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
export function unreadableList(noun: string): (error: unknown) => { ok: false; error: string } {
  return (error) => ({ ok: false, error: `Your saved ${noun}s could not be read (${String(error)}).` });
}
