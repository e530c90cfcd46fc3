/**
 * Spelling correction for long glossary words ("immunotheraphy", "lymphocites").
 * Pure TypeScript, no DOM.
 *
 * Precision comes first: a patient must never see an ordinary word explained as a
 * medical term. So correction only applies to long words (short words have too many
 * neighbours), Fuse.js proposes candidates, an edit-distance check confirms them, and
 * a build-time list of real English words that would otherwise be "corrected" (see
 * fuzzy-exclusions) is never touched.
 */
import Fuse from 'fuse.js';

/** Words shorter than this are never corrected. */
export const FUZZY_MIN_LENGTH = 7;

export interface FuzzyCorrector {
  /** Returns the vocabulary key `key` is a misspelling of, or null. `key` is already normalised. */
  correct(key: string): string | null;
}

/** Edits allowed: one for 7–9 letters, two from 10 letters on. */
export function maxEdits(length: number): number {
  return length >= 10 ? 2 : 1;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

export function createFuzzyCorrector(vocabulary: string[], exclusions?: Iterable<string>): FuzzyCorrector {
  const excluded = new Set(exclusions ?? []);
  const known = new Set(vocabulary);
  // One small index per first letter: misspellings rarely change the first letter, and
  // a small index keeps each lookup cheap.
  const byFirst = new Map<string, Fuse<string>>();
  const groups = new Map<string, string[]>();
  for (const word of known) {
    const first = word[0]!;
    groups.set(first, [...(groups.get(first) ?? []), word]);
  }
  for (const [first, words] of groups) {
    byFirst.set(first, new Fuse(words, { includeScore: true, threshold: 0.34, ignoreLocation: true }));
  }

  return {
    correct(key: string): string | null {
      if (key.length < FUZZY_MIN_LENGTH || known.has(key) || excluded.has(key)) return null;
      if (!/^[a-z]+$/.test(key)) return null;
      const index = byFirst.get(key[0]!);
      if (!index) return null;
      const limit = maxEdits(key.length);
      let best: string | null = null;
      let bestDistance = limit + 1;
      for (const { item } of index.search(key, { limit: 5 })) {
        if (item.length < FUZZY_MIN_LENGTH) continue;
        const d = editDistance(key, item, limit);
        if (d < bestDistance) {
          best = item;
          bestDistance = d;
        }
      }
      return best;
    },
  };
}
