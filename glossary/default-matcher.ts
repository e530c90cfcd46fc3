import { glossary } from './index';
import { createMatcher, type Matcher } from './matcher';
import exclusions from './generated/fuzzy-exclusions.json';

let shared: Matcher | null = null;

/** The matcher for the shipped glossary, built once on first use. */
export function defaultMatcher(): Matcher {
  shared ??= createMatcher(glossary.entries, { fuzzyExclusions: exclusions as string[] });
  return shared;
}
