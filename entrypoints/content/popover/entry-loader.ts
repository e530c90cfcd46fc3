/**
 * Glossary entries for the popover, asked of the background when first shown and kept for the
 * page's lifetime. The content script bundles only what finds terms (glossary/match-data.ts):
 * definitions and passages of 44 entries would weigh on every page, most never hovered.
 */
import { browser } from 'wxt/browser';
import { entriesRequest, parseEntriesResponse } from '../../../utils/messages';
import type { GlossaryEntry } from '../../../glossary/types';
import type { PopoverContent } from './types';

/** Where entries come from: the background in the extension; unit tests pass the glossary itself. */
export type EntrySource = (ids: string[]) => Promise<GlossaryEntry[]>;

const askBackground: EntrySource = async (ids) => {
  const reply = parseEntriesResponse(await browser.runtime.sendMessage(entriesRequest(ids)));
  if (!reply) throw new Error('The background sent no glossary entries.');
  return reply.entries;
};

let source: EntrySource = askBackground;
const cache = new Map<string, GlossaryEntry>();
/** Requests on their way, by id: hovering a term twice asks once. */
const pending = new Map<string, Promise<boolean>>();

/** Uses `next` from now on (null: the background again) and forgets what was loaded. */
export function setEntrySource(next: EntrySource | null): void {
  source = next ?? askBackground;
  cache.clear();
  pending.clear();
}

/** A loaded entry; undefined when it was not loaded (or could not be). */
export function cachedEntry(id: string): GlossaryEntry | undefined {
  return cache.get(id);
}

/**
 * Loads the entries not loaded yet. Resolves to false when they could not be loaded (e.g. the
 * extension was updated and this old content script can no longer reach it); never rejects.
 * A failure is not remembered: the next hover asks again.
 */
export function loadEntries(ids: readonly string[]): Promise<boolean> {
  const wanted = [...new Set(ids)].filter((id) => !cache.has(id));
  const ask = wanted.filter((id) => !pending.has(id));
  if (ask.length > 0) {
    const from = source;
    const request = Promise.resolve()
      .then(() => from(ask))
      .then(
        (entries) => {
          // A reply for a source replaced meanwhile (tests) is dropped.
          if (from !== source) return false;
          for (const e of entries) if (ask.includes(e.id)) cache.set(e.id, e);
          return true;
        },
        () => false,
      )
      .finally(() => {
        for (const id of ask) if (pending.get(id) === request) pending.delete(id);
      });
    for (const id of ask) pending.set(id, request);
  }
  return Promise.all(wanted.map((id) => pending.get(id) ?? Promise.resolve(cache.has(id)))).then((ok) => ok.every(Boolean));
}

/**
 * Loads an entry, then (without waiting) the entries its "Related terms" lead to, so following
 * one is instant. Resolves to whether the entry itself loaded.
 */
export async function loadEntry(id: string): Promise<boolean> {
  const ok = await loadEntries([id]);
  const entry = cache.get(id);
  if (entry) void loadEntries(entry.related);
  return ok;
}

/** What must be loaded before a popover shows `content`: only glossary cards are not self-contained. */
export function loadFor(content: PopoverContent): Promise<unknown> {
  return content.kind === 'glossary' ? loadEntry(content.entryId) : Promise.resolve();
}
