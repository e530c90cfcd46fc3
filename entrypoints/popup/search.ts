/**
 * Glossary search for the popup: typo-tolerant (Fuse.js) over term, expansion and aliases, for
 * Termlight's entries and the reader's own terms alike.
 */
// The basic build: it lacks only extended search and logical queries ($and/$or), which plain string
// queries never need; every option used below is in it. 6 KB less in the popup.
import Fuse from 'fuse.js/basic';

/** What search looks at: a GlossaryEntry and a personal term (PersonalDisplayEntry) both have it. */
export interface Searchable {
  id: string;
  term: string;
  expansion?: string;
  aliases: readonly string[];
}

/** How fuzzy a match may be (0 exact … 1 anything). 0.35 forgives a slip or two in a word. */
const THRESHOLD = 0.35;

export function byTerm(a: Searchable, b: Searchable): number {
  return a.term.localeCompare(b.term, 'en', { sensitivity: 'base', numeric: true });
}

/** Lower case, letters and digits only: "PD-1", "pd 1" and "PD1" all become "pd1". */
function compact(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function names(entry: Searchable): string[] {
  return [entry.term, ...(entry.expansion ? [entry.expansion] : []), ...entry.aliases];
}

/**
 * Returns a search function. An empty query lists every entry A to Z; a single
 * letter lists the terms starting with it (like a book's index). Otherwise
 * names that match exactly, ignoring case, spaces and hyphens, come first
 * (so "pd1" finds PD-1 before PD-L1), then Fuse's fuzzy matches.
 */
export function createGlossarySearch<T extends Searchable>(entries: readonly T[]): (query: string) => T[] {
  const sorted = [...entries].sort(byTerm);
  const compactNames = new Map(sorted.map((e) => [e, names(e).map(compact)]));
  const fuse = new Fuse(sorted, {
    keys: [
      { name: 'term', weight: 3 },
      { name: 'expansion', weight: 2 },
      { name: 'aliases', weight: 1 },
    ],
    threshold: THRESHOLD,
    // Terms are short; a typo anywhere in them should count the same.
    ignoreLocation: true,
    ignoreDiacritics: true,
  });

  return (query) => {
    const q = query.trim();
    const c = compact(q);
    if (!c) return q ? fuse.search(q).map((r) => r.item) : sorted;
    if (c.length === 1) return sorted.filter((e) => compact(e.term).startsWith(c));
    const exact = sorted.filter((e) => compactNames.get(e)!.includes(c));
    const fuzzy = fuse.search(q).map((r) => r.item);
    return [...new Set([...exact, ...fuzzy])];
  };
}
