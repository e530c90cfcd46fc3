import { matchData } from './match-data';
import { createMatcher, type Matcher } from './matcher';
import exclusions from './generated/fuzzy-exclusions.json';

const shared = new Map<boolean, Matcher>();

/**
 * The matcher for the shipped glossary, built once on first use. Spelling correction is
 * for English text only: on a French page "efficace" is a word, not a typo of "efficacy".
 */
export function defaultMatcher(options: { fuzzy?: boolean } = {}): Matcher {
  const fuzzy = options.fuzzy ?? true;
  let matcher = shared.get(fuzzy);
  if (!matcher) {
    matcher = createMatcher(matchData.entries, { fuzzy, fuzzyExclusions: exclusions as string[] });
    shared.set(fuzzy, matcher);
  }
  return matcher;
}

/** Whether a page's declared language allows spelling correction (no declaration: assume English). */
export function allowsFuzzy(lang: string | null | undefined): boolean {
  const l = (lang ?? '').trim().toLowerCase();
  return l === '' || l === 'en' || l.startsWith('en-');
}
