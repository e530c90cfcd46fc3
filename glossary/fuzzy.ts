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

const LOWER_ASCII_RE = /^[a-z]+$/;

/** Which letters a word has, one bit each (a-z). */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) - 97);
  return mask;
}

/** Number of set bits in a 32-bit integer. */
function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The candidates sharing a first letter (a–z) and a length (capped at 63) live in one bucket, numbered densely. */
export const FUZZY_BUCKETS = LETTERS * 64;
export const fuzzyBucket = (first: number, length: number): number => (first - 97) * 64 + Math.min(length, 63);

/**
 * The corrector's candidates pre-built at glossary build time (match-binary.ts): the long lower-case
 * words numbered in bucket order (by first letter and length, vocabulary order within a bucket), so a
 * bucket is a range of numbers. Letters are read from the words' bytes as a bucket is first looked at;
 * a word is made a string only when the distance to it is measured.
 */
export interface FuzzyTables {
  count: number;
  /** Bucket b (fuzzyBucket) holds the words numbered bucketStarts[b] … bucketStarts[b + 1] - 1. */
  bucketStarts: ArrayLike<number>;
  word(n: number): string;
  /** Per word, its letters as a bit mask (letterMask). */
  masks: ArrayLike<number>;
  /**
   * Adds word n's letter counts (a–z) to pool[at] … pool[at + 25], read from the tables in place
   * (match-binary.ts: a glued word's letters are its two parts').
   */
  countLetters(n: number, pool: Uint8Array, at: number): void;
  /** Word n's place in the vocabulary: ties between words go to the earliest. */
  index: ArrayLike<number>;
  isExcluded(key: string): boolean;
}

/** Masks and letter counts of the words, in one pool (from tables: a word's counts made when its mask first passes). */
interface Candidates {
  /** Bucket b's words are members[bucketStarts[b]] … (members null: the numbers bucketStarts[b] … themselves). */
  bucketStarts: ArrayLike<number>;
  members: ArrayLike<number> | null;
  masks: ArrayLike<number>;
  pool: Uint8Array;
  /** Makes word n's letter counts in the pool, if they are not there yet. */
  count(n: number): void;
  word(n: number): string;
  /** Word n's place in vocabulary order. */
  order(n: number): number;
  skip(key: string): boolean;
}

/**
 * Medical word-starts that change what a word means: "paraneoplastic" (caused by a cancer's
 * substances, far from it) is two edits from "preneoplastic" (not yet cancer), "hypo-" from "hyper-".
 * Two words that start with different ones are different words, however close their spelling, so
 * the corrector never turns one into the other. A typo inside a start ("hypretension") has no start
 * and is still corrected. Longer starts are listed before the shorter ones they begin with.
 */
const WORD_STARTS = [
  'hyper', 'hypo', 'intra', 'inter', 'extra', 'supra', 'infra', 'trans', 'retro', 'para', 'peri', 'post', 'pre',
  'anti', 'pro', 'endo', 'ecto', 'exo', 'epi', 'micro', 'macro', 'mono', 'poly', 'multi', 'hemi', 'semi', 'neo',
  'dys', 'sub', 'brady', 'tachy',
] as const;

function wordStart(word: string): string | null {
  for (const start of WORD_STARTS) if (word.startsWith(start)) return start;
  return null;
}

/** Starts that people swap in typing one word: "intervenous" is a misspelling of intravenous, not another word. */
const SAME_START: Readonly<Record<string, string>> = { inter: 'intra' };
const startClass = (start: string): string => SAME_START[start] ?? start;

/** Whether `head` is `start` with two neighbouring letters swapped ("prei" for "peri"): a typo, not another start. */
function swappedStart(head: string, start: string): boolean {
  if (head.length !== start.length) return false;
  let i = 0;
  while (i < head.length && head[i] === start[i]) i++;
  return i + 1 < head.length && head[i] === start[i + 1] && head[i + 1] === start[i] && head.slice(i + 2) === start.slice(i + 2);
}

/**
 * Whether key and candidate begin with two different meaning-changing word-starts (WORD_STARTS).
 * Not when the key's start is the candidate's typed with two letters swapped ("preipheral"), or the two
 * are starts people confuse in one word (intra-/inter-).
 */
export function startsClash(key: string, candidate: string): boolean {
  const a = wordStart(key);
  if (a === null) return false;
  const b = wordStart(candidate);
  if (b === null || startClass(a) === startClass(b)) return false;
  return !swappedStart(key.slice(0, b.length), b);
}

function correctWith(c: Candidates, key: string): string | null {
  if (c.skip(key)) return null;
  if (!LOWER_ASCII_RE.test(key)) return null;
  const limit = maxEdits(key.length);
  const first = key.charCodeAt(0);
  let counts: Uint8Array | null = null;
  let mask = 0;
  let best = -1;
  let bestDistance = limit + 1;
  const { masks, pool, bucketStarts, members } = c;
  for (let length = key.length - limit; length <= key.length + limit; length++) {
    const bucket = fuzzyBucket(first, length);
    const from = bucketStarts[bucket]!;
    const to = bucketStarts[bucket + 1]!;
    if (from === to) continue;
    if (counts === null) {
      counts = letterCounts(key);
      mask = letterMask(key);
    }
    for (let b = from; b < to; b++) {
      const n = members ? members[b]! : b;
      // One edit adds or drops at most two letters from the set of letters used, and changes
      // at most two letter counts: both are necessary, and far cheaper than the distance.
      if (popCount(masks[n]! ^ mask) > 2 * limit) continue;
      c.count(n);
      if (countsDiffer(counts, pool, n * LETTERS, 2 * limit)) continue;
      const d = editDistance(key, c.word(n), limit);
      // The earliest word in vocabulary order wins a tie, as it did when one list was read in order.
      if ((d < bestDistance || (d === bestDistance && c.order(n) < c.order(best))) && !startsClash(key, c.word(n))) {
        best = n;
        bestDistance = d;
      }
    }
  }
  return best < 0 ? null : c.word(best);
}

/** The table corrector's candidates: no set-up but one zeroed array. */
function tableCandidates(tables: FuzzyTables, isKnown: (key: string) => boolean): Candidates {
  const pool = new Uint8Array(tables.count * LETTERS);
  const counted = new Uint8Array(tables.count);
  const { index } = tables;
  return {
    bucketStarts: tables.bucketStarts,
    members: null,
    masks: tables.masks,
    pool,
    count(n) {
      if (counted[n]) return;
      counted[n] = 1;
      tables.countLetters(n, pool, n * LETTERS);
    },
    word: (n) => tables.word(n),
    order: (n) => index[n]!,
    skip: (key) => isKnown(key) || tables.isExcluded(key),
  };
}

/**
 * A corrector over pre-built tables (the shipped glossary in the content script), which may still be
 * loading: `tables` returns null until they are in (match-binary.ts: the reader's spelling file comes
 * after the data its first marks need). Meanwhile a word that they could correct (long, a–z, not a
 * vocabulary word) is not corrected, and `onDeferred` is called, so the caller can match that text
 * again once they are in. A word's letters are counted the first time its mask does not rule it out.
 * `isKnown`: whether a key is a vocabulary word (never corrected).
 */
export function createTableCorrector(tables: () => FuzzyTables | null, isKnown: (key: string) => boolean, onDeferred: () => void = () => {}): FuzzyCorrector {
  let candidates: Candidates | null = null;
  return {
    correct(key) {
      if (key.length < FUZZY_MIN_LENGTH) return null;
      if (!candidates) {
        const loaded = tables();
        if (!loaded) {
          if (LOWER_ASCII_RE.test(key) && !isKnown(key)) onDeferred();
          return null;
        }
        candidates = tableCandidates(loaded, isKnown);
      }
      return correctWith(candidates, key);
    },
  };
}

/**
 * `index`: the vocabulary's words as keys, when the caller has them so already (the matcher does):
 * the corrector then uses it instead of making a set of its own, and `vocabulary` must have no
 * repeats.
 */
export function createFuzzyCorrector(
  vocabulary: readonly string[],
  exclusions?: Iterable<string>,
  index?: { has(key: string): boolean },
): FuzzyCorrector {
  // Built on the first long word, not up front: a page (or frame) with none never pays for it.
  let candidates: Candidates | null = null;
  // Candidates are looked for only among words with the same first letter and a length within the
  // edit limit, so a query reads a few buckets rather than every word with its first letter: with
  // the first-letter groups alone, a glossary grown to 10,000 terms made every unknown long word on
  // a page cost three times more (the growth check).
  const prepare = (): Candidates => {
    const excluded = new Set(exclusions ?? []);
    const known: { has(key: string): boolean } = index ?? new Set(vocabulary);
    const words = (index ? vocabulary : [...(known as ReadonlySet<string>)]).filter((word) => word.length >= FUZZY_MIN_LENGTH && LOWER_ASCII_RE.test(word));
    // Per word: its letters as a bit mask (a cheap first filter) and its letter counts, all in one
    // array: a typed array per word cost more to allocate than all the rest of the set-up.
    const pool = new Uint8Array(words.length * LETTERS);
    const masks = new Int32Array(words.length);
    const bucketOf = new Uint16Array(words.length);
    const bucketStarts = new Uint32Array(FUZZY_BUCKETS + 1);
    words.forEach((word, n) => {
      const at = n * LETTERS;
      for (let i = 0; i < word.length; i++) pool[at + word.charCodeAt(i) - 97]!++;
      masks[n] = letterMask(word);
      bucketOf[n] = fuzzyBucket(word.charCodeAt(0), word.length);
      bucketStarts[bucketOf[n]! + 1]!++;
    });
    for (let b = 0; b < FUZZY_BUCKETS; b++) bucketStarts[b + 1]! += bucketStarts[b]!;
    // Each bucket's word numbers, in vocabulary order (a counting sort).
    const members = new Uint32Array(words.length);
    const next = bucketStarts.slice(0, FUZZY_BUCKETS);
    for (let n = 0; n < words.length; n++) members[next[bucketOf[n]!]!++] = n;
    return {
      bucketStarts,
      members,
      masks,
      pool,
      count: () => {},
      word: (n) => words[n]!,
      order: (n) => n,
      skip: (key) => known.has(key) || excluded.has(key),
    };
  };

  return {
    correct(key: string): string | null {
      if (key.length < FUZZY_MIN_LENGTH) return null;
      candidates ??= prepare();
      return correctWith(candidates, key);
    },
  };
}
