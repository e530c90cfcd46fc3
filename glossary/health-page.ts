/**
 * Which found terms are marked only on pages about health.
 *
 * Some glossary words are also everyday words with another common meaning: "colon" the
 * punctuation mark, "mutation" in a game, "in our DNA", "a miscarriage of justice", "quality of
 * life" of a country. On a page about cancer they mean what the card says; on a news page,
 * a novel or a programming blog they usually do not, and a mark there would mislead. The same
 * holds for spelling corrections: on a page about health a misspelt medical word is likely, on
 * other pages a "corrected" word is usually a foreign or made-up word ("geneticus").
 *
 * So such terms are marked once the page has shown it is about health: it names at least
 * HEALTH_PAGE_MIN_TERMS different glossary concepts that are not everyday words and have no
 * everyday meaning (SPELLING_MIN_TERMS for spelling corrections). Until then they are still found, and pointing at one still explains it,
 * exactly like an everyday word. Pure: the content script feeds it as the scan goes, the
 * evaluations give it a whole page.
 */
import type { MatchEntry, TermMatch } from './types';

/** Distinct unambiguous medical concepts a page names before its ambiguous words are marked. */
export const HEALTH_PAGE_MIN_TERMS = 3;
/**
 * Before its spelling corrections are marked: more, because a correction is the riskier guess (a
 * fan-fiction page naming an MRI, wheezing and a reader called "cytokines" has three, and its
 * username "unreemarkable" is no misspelt scan-report word).
 */
export const SPELLING_MIN_TERMS = 5;

type EntryOf = (id: string) => Pick<MatchEntry, 'everyday' | 'generalSense'> | undefined;

/** Marked only on a page about health: a word with an everyday meaning, or a spelling correction. */
export function needsHealthPage(match: Pick<TermMatch, 'id' | 'fuzzy'>, entryOf: EntryOf): boolean {
  return match.fuzzy || entryOf(match.id)?.generalSense === true;
}

/** A term that shows the page is about health: exact, not everyday, no everyday meaning. */
function isHealthSignal(match: Pick<TermMatch, 'id' | 'fuzzy'>, entryOf: EntryOf): boolean {
  const entry = entryOf(match.id);
  return !match.fuzzy && entry !== undefined && entry.everyday !== true && entry.generalSense !== true;
}

export interface HealthPageGate {
  /** Counts the terms found; returns true when this call let more terms through (it opens in two steps). */
  note(matches: Iterable<Pick<TermMatch, 'id' | 'fuzzy'>>): boolean;
  /** The page has named enough medical concepts for its everyday-meaning words. */
  readonly open: boolean;
  /** Whether this term may be marked now. */
  admits(match: Pick<TermMatch, 'id' | 'fuzzy'>): boolean;
}

/** The reader's own terms (no glossary entry) are always marked and do not count as a signal. */
export function createHealthPageGate(entryOf: EntryOf, min = HEALTH_PAGE_MIN_TERMS, spellingMin = Math.max(min, SPELLING_MIN_TERMS)): HealthPageGate {
  const seen = new Set<string>();
  const last = Math.max(min, spellingMin);
  return {
    note(matches) {
      if (seen.size >= last) return false;
      const before = seen.size;
      for (const m of matches) {
        if (isHealthSignal(m, entryOf)) seen.add(m.id);
        if (seen.size >= last) break;
      }
      const crossed = (step: number) => before < step && seen.size >= step;
      return crossed(min) || crossed(spellingMin);
    },
    get open() {
      return seen.size >= min;
    },
    admits(match) {
      if (match.fuzzy) return seen.size >= spellingMin;
      return seen.size >= min || !needsHealthPage(match, entryOf);
    },
  };
}

/** For a whole page at once (the evaluations): which of its matches are marked. */
export function markedOnPage<M extends Pick<TermMatch, 'id' | 'fuzzy'>>(matches: readonly M[], entryOf: EntryOf, min = HEALTH_PAGE_MIN_TERMS): boolean[] {
  const gate = createHealthPageGate(entryOf, min, Math.max(min, SPELLING_MIN_TERMS));
  gate.note(matches);
  return matches.map((m) => entryOf(m.id)?.everyday !== true && gate.admits(m));
}
