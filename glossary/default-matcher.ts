import { matchPack } from './match-data';
import { packedTrie, unpackExclusions, unpackReadings } from './match-pack';
import { createMatcher, type MatchableEntry, type Matcher, type TrieSource } from './matcher';
import type { MatchReadings } from './types';

const shared = new Map<boolean, Matcher>();

/**
 * The shipped glossary's trie, built with match.json (glossary/build) and shipped in the same
 * pack as the entries (so it always fits them; tests/unit/glossary/match-trie.test.ts checks the
 * pack against match.json): loading it costs a few milliseconds where building it cost tens, on
 * every page and frame.
 */
let trie: TrieSource | null = null;
let exclusions: string[] | null = null;
let readings: MatchReadings | null = null;

function build(extra: readonly MatchableEntry[], fuzzy: boolean): Matcher {
  trie ??= packedTrie(matchPack);
  exclusions ??= unpackExclusions(matchPack);
  readings ??= unpackReadings(matchPack) ?? null;
  return createMatcher(extra, { fuzzy, fuzzyExclusions: exclusions, ...(readings ? { readings } : {}) }, trie);
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
