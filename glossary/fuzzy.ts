/**
 * Spelling correction for long glossary words ("immunotheraphy", "lymphocites").
 * Pure TypeScript, no DOM.
 *
 * Precision comes first: a patient must never see an ordinary word explained as a
 * medical term. So correction only applies to long words (short words have too many
 * neighbours), allows one or two edits by length, and a build-time list of real English
 * words that would otherwise be "corrected" (see fuzzy-exclusions) is never touched.
 *
 * Why not Fuse.js here (it powers the popup's search): a page has thousands of distinct
 * long words that are not glossary words, and each would be one Fuse.js search. Measured
 * on the lung-cancer PDQ page, 2,326 such searches were two thirds of the scan, and Fuse.js
 * added 9 KB gzipped to the content script. A correction is defined by edit distance anyway,
 * so the words that could be within reach are found directly: same first letter (typos
 * rarely change it), length within the edit limit, and letter counts that differ by at most
 * twice the limit (one edit changes at most two counts). Almost every word fails those
 * checks in a few dozen operations; the rest get an exact distance. tests/unit/glossary/fuzzy.test.ts
 * checks that this finds every correction Fuse.js proposed.
 */

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

const LETTERS = 26;

function letterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(LETTERS);
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) - 97]!++;
  return counts;
}

/** Sum of differences in letter counts (`b` from `at` in a shared pool), stopping once it passes `limit`. */
function countsDiffer(a: Uint8Array, b: Uint8Array, at: number, limit: number): boolean {
  let diff = 0;
  for (let i = 0; i < LETTERS; i++) {
    diff += Math.abs(a[i]! - b[at + i]!);
    if (diff > limit) return true;
  }
  return false;
}

interface Candidate {
  word: string;
  /** Where its letter counts start in the corrector's pool. */
  at: number;
}

const LOWER_ASCII_RE = /^[a-z]+$/;

/**
 * `index`: the vocabulary's words as keys, when the caller has them so already (the matcher does):
 * the corrector then uses it instead of making a set of its own, and `vocabulary` must have no
 * repeats.
 */
export function createFuzzyCorrector(vocabulary: readonly string[], exclusions?: Iterable<string>, index?: ReadonlyMap<string, unknown>): FuzzyCorrector {
  // Built on the first long word, not up front: a page (or frame) with none never pays for it.
  let excluded: Set<string> | null = null;
  let known: ReadonlySet<string> | ReadonlyMap<string, unknown> | null = null;
  const byFirst = new Map<string, Candidate[]>();
  // Every candidate's letter counts in one array: a typed array per word cost more to allocate
  // than all the rest of the set-up.
  let pool = new Uint8Array(0);
  const prepare = () => {
    excluded = new Set(exclusions ?? []);
    known = index ?? new Set(vocabulary);
    const words = (index ? vocabulary : [...(known as ReadonlySet<string>)]).filter((word) => word.length >= FUZZY_MIN_LENGTH && LOWER_ASCII_RE.test(word));
    pool = new Uint8Array(words.length * LETTERS);
    words.forEach((word, n) => {
      const at = n * LETTERS;
      for (let i = 0; i < word.length; i++) pool[at + word.charCodeAt(i) - 97]!++;
      const group = byFirst.get(word[0]!) ?? [];
      group.push({ word, at });
      byFirst.set(word[0]!, group);
    });
  };

  return {
    correct(key: string): string | null {
      if (key.length < FUZZY_MIN_LENGTH) return null;
      if (known === null) prepare();
      if (known!.has(key) || excluded!.has(key)) return null;
      const group = byFirst.get(key[0]!);
      if (!group || !LOWER_ASCII_RE.test(key)) return null;
      const limit = maxEdits(key.length);
      let counts: Uint8Array | null = null;
      let best: string | null = null;
      let bestDistance = limit + 1;
      for (const candidate of group) {
        if (Math.abs(candidate.word.length - key.length) > limit) continue;
        counts ??= letterCounts(key);
        if (countsDiffer(counts, pool, candidate.at, 2 * limit)) continue;
        const d = editDistance(key, candidate.word, limit);
        if (d < bestDistance) {
          best = candidate.word;
          bestDistance = d;
        }
      }
      return best;
    },
  };
}
