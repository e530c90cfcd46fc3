/**
 * What the session hands on about found terms: the card the popover shows for a term (our
 * entry, the reader's own, or the page's words) and the page-only terms the popup lists.
 * Decided here, from the page's definitions and the reader's terms, so that the session only
 * wires the stages together and the popover only draws what it is given.
 */
import { matchEntry } from '../../../glossary/match-data';
import { MAX_PAGE_MEANING_LENGTH, MAX_PAGE_TERM_LENGTH, type PageDefinedTerm } from '../../../utils/messages';
import type { PersonalDisplayEntry } from '../../../utils/storage/personal-glossary';
import type { PopoverContent } from '../popover/types';
import type { PageDefinitions } from './page-definitions';
import { PAGE_ID_PREFIX } from './page-only-terms';
import type { FoundTerm, TermIndex } from './term-index';

export function createTermDescriber(defs: PageDefinitions, personal: ReadonlyMap<string, PersonalDisplayEntry>) {
  return {
    /** What the popover shows for a found term (null: nothing to show). */
    describe(term: FoundTerm): PopoverContent | null {
      // Hovered before the definitions pass reached this block: read it now (one block is cheap).
      defs.readAround(term.node);
      const surface = term.node.data.slice(term.match.start, term.match.end);
      // A glossary short form the page gives another meaning ("Symptom Care Clinic (SCC)"), hovered before
      // the page-only pass took it out of the glossary layer: the page's words, never our card.
      if (term.match.id.startsWith(PAGE_ID_PREFIX) || defs.isConflict(surface)) {
        const def = defs.pageMeaning(surface, term.node);
        return def ? { kind: 'page', words: { term: surface, text: def.text, conflict: def.conflict } } : null;
      }
      const mine = personal.get(term.match.id);
      if (mine) return { kind: 'personal', entry: mine };
      const def = defs.forEntry(term.match.id, term.node);
      return { kind: 'glossary', entryId: term.match.id, onPage: def && { term: def.term, text: def.text, conflict: false } };
    },
    /** A glossary or personal entry by id (a word the reader selected that the scan did not mark). */
    describeId(id: string): PopoverContent | null {
      const mine = personal.get(id);
      if (mine) return { kind: 'personal', entry: mine };
      return matchEntry(id) ? { kind: 'glossary', entryId: id, onPage: null } : null;
    },
  };
}

/** Abbreviations only the page defines (or redefines) that are marked, with the page's meaning, for the popup. */
export function pageDefinedTerms(pageIndex: TermIndex, defs: PageDefinitions, doc: Document): PageDefinedTerm[] {
  return pageIndex.termCounts().flatMap(({ id, count }) => {
    const term = id.slice(PAGE_ID_PREFIX.length);
    const def = defs.pageMeaning(term, doc.documentElement);
    const fits = def && term.length <= MAX_PAGE_TERM_LENGTH && def.text.length <= MAX_PAGE_MEANING_LENGTH;
    return fits ? [{ term, meaning: def.text, count, conflict: def.conflict }] : [];
  });
}
