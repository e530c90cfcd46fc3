import { matchPack } from './match-data';
import { packedIds, packedTrie, unpackExclusions, unpackReadings, type MatchPackWithoutNames } from './match-pack';
import { readMatchBinary, type MatchBinary } from './match-binary';
import { createMatcher, type MatchableEntry, type Matcher, type TrieSource } from './matcher';
import type { MatchReadings } from './types';

const shared = new Map<boolean, Matcher>();

/**
 * The shipped glossary's trie, built with match.json (glossary/build) and shipped in the same
 * pack as the entries (so it always fits them; tests/unit/glossary/match-trie.test.ts checks the
 * pack against match.json): loading it costs a few milliseconds where building it cost tens, on
 * every page and frame.
 *
 * In the content script's reader the trie and the spelling corrector's data are not in the bundle:
 * they come as the two binary files glossary/match-binary.ts describes: the first stage fetches the
 * first while the reader loads, and the reader hands it over (provideMatchBinary) before it asks for a
 * matcher; the spelling file follows (provideSpellingBinary), and until then the matcher matches
 * exactly and says what it put off (Matcher.deferred). Everywhere else the bundled pack holds them.
 */
let trie: TrieSource | null = null;
let exclusions: Iterable<string> | null = null;
let readings: MatchReadings | null = null;
let binary: MatchBinary | null = null;

/** Hands over the reader's match file (its bytes, as fetched); before the first matcher is built. */
export function provideMatchBinary(buffer: ArrayBuffer): void {
  if (trie) return;
  binary = readMatchBinary(buffer);
}

/** Hands over the reader's spelling file (null: it could not be loaded, and no word is corrected). */
export function provideSpellingBinary(buffer: ArrayBuffer | null): void {
  binary?.provideSpelling(buffer);
}

/**
 * Whether a matcher with the reader's own terms can be built now: it works out its spelling
 * candidates from the words, and needs the spelling file's exclusions for that.
 */
export function canAddTerms(): boolean {
  return !binary || binary.hasSpelling;
}

function build(extra: readonly MatchableEntry[], fuzzy: boolean): Matcher {
  const pack = matchPack as MatchPackWithoutNames & { trie?: unknown };
  if (!trie) {
    if (binary) {
      const b = binary;
      trie = b.trie(packedIds(matchPack));
      // Read by createMatcher only when keys are added to the table (the reader's own terms), which
      // waits for the spelling file (canAddTerms).
      exclusions = { [Symbol.iterator]: () => b.exclusions()[Symbol.iterator]() };
    } else if (pack.trie) {
      trie = packedTrie(matchPack);
      exclusions = unpackExclusions(matchPack);
    } else {
      throw new Error('The glossary match file is not loaded: provideMatchBinary first');
    }
  }
  readings ??= unpackReadings(matchPack) ?? null;
  return createMatcher(extra, { fuzzy, fuzzyExclusions: exclusions!, ...(readings ? { readings } : {}) }, trie);
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
