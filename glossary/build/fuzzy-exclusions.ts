/**
 * The list of real English words that fuzzy matching must leave alone.
 *
 * Computed at build time (not shipped as a dictionary: 274,000 words would not fit a
 * content script): every word of a large English word list is run through the same
 * corrector the extension uses; each one it would "correct" to a glossary word, and that
 * is not a spelling of that glossary word, goes on the list. So no ordinary English word
 * is ever fuzzily matched, and the shipped list stays small.
 */
import { createFuzzyCorrector, FUZZY_MIN_LENGTH } from '../fuzzy';
import { tokenKey } from '../normalise';

export function computeFuzzyExclusions(vocabulary: readonly string[], englishWords: Iterable<string>): string[] {
  const corrector = createFuzzyCorrector(vocabulary.filter((k) => k.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(k)));
  const out = new Set<string>();
  for (const word of englishWords) {
    if (word.length < FUZZY_MIN_LENGTH - 1) continue; // a plural "s" can make a 6-letter word 7 long
    const key = tokenKey(word);
    if (corrector.correct(key) !== null) out.add(key);
  }
  return [...out].sort();
}
