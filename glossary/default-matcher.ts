import { matchData } from './match-data';
import { createMatcher, trieSourceSize, type CompiledTrie, type MatchableEntry, type Matcher } from './matcher';
import exclusions from './generated/fuzzy-exclusions.json';
import trie from './generated/match-trie.json';

const shared = new Map<boolean, Matcher>();

/**
 * The shipped glossary's trie, built with match.json (glossary/build): loading it costs a few
 * milliseconds where building it cost tens, on every page and frame. If it does not fit
 * match.json (match.json regenerated alone), the trie is built here instead: slower, never wrong.
 * (tests/unit/glossary/match-trie.test.ts fails until it is regenerated.)
 */
function shippedTrie(): CompiledTrie | null {
  const compiled = trie as CompiledTrie;
  const size = trieSourceSize(matchData.entries);
  return compiled.entries === size.entries && compiled.aliases === size.aliases ? compiled : null;
}

function build(extra: readonly MatchableEntry[], fuzzy: boolean): Matcher {
  const options = { fuzzy, fuzzyExclusions: exclusions as string[], readings: matchData.readings };
  const base = shippedTrie();
  return base ? createMatcher(extra, options, base) : createMatcher([...matchData.entries, ...extra], options);
}

/**
 * The matcher for the shipped glossary, built once on first use. Spelling correction is
 * for English text only: on a French page "efficace" is a word, not a typo of "efficacy".
 */
export function defaultMatcher(options: { fuzzy?: boolean } = {}): Matcher {
  const fuzzy = options.fuzzy ?? true;
  let matcher = shared.get(fuzzy);
  if (!matcher) {
    matcher = build([], fuzzy);
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
  return build(extra, options.fuzzy ?? true);
}

/** Whether a page's declared language allows spelling correction (no declaration: assume English). */
export function allowsFuzzy(lang: string | null | undefined): boolean {
  const l = (lang ?? '').trim().toLowerCase();
  return l === '' || l === 'en' || l.startsWith('en-');
}
