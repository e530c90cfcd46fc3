import { matchData } from './match-data';
import { createMatcher, type MatchableEntry, type Matcher } from './matcher';
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

/**
 * The shipped glossary plus the reader's own terms. Built-ins come first, so a form both
 * have stays the built-in's. With no terms of the reader's, it is the shared default matcher.
 */
export function glossaryMatcher(extra: readonly MatchableEntry[], options: { fuzzy?: boolean } = {}): Matcher {
  if (extra.length === 0) return defaultMatcher(options);
  return createMatcher([...matchData.entries, ...extra], {
    fuzzy: options.fuzzy ?? true,
    fuzzyExclusions: exclusions as string[],
  });
}

/** Whether a page's declared language allows spelling correction (no declaration: assume English). */
export function allowsFuzzy(lang: string | null | undefined): boolean {
  const l = (lang ?? '').trim().toLowerCase();
  return l === '' || l === 'en' || l.startsWith('en-');
}
