import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { createFuzzyCorrector, editDistance, FUZZY_MIN_LENGTH, maxEdits, startsClash } from '../../../glossary/fuzzy';
import { defaultMatcher } from '../../../glossary/default-matcher';

const vocabulary = defaultMatcher().vocabulary.filter((k) => k.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(k));
const corrector = createFuzzyCorrector(vocabulary);
const known = new Set(vocabulary);

/**
 * The corrector the extension used before: Fuse.js proposes up to five candidates from the
 * words sharing the first letter, edit distance confirms. Kept here as the reference the
 * direct search must not fall behind.
 */
function fuseReference(words: string[]) {
  const byFirst = new Map<string, Fuse<string>>();
  for (const w of words) {
    const group = words.filter((x) => x[0] === w[0]);
    byFirst.set(w[0]!, new Fuse(group, { threshold: 0.34, ignoreLocation: true }));
  }
  const known = new Set(words);
  return (key: string): string | null => {
    if (key.length < FUZZY_MIN_LENGTH || known.has(key)) return null;
    const limit = maxEdits(key.length);
    let best: string | null = null;
    let bestDistance = limit + 1;
    for (const { item } of byFirst.get(key[0]!)?.search(key, { limit: 5 }) ?? []) {
      const d = editDistance(key, item, limit);
      if (d < bestDistance) [best, bestDistance] = [item, d];
    }
    return best;
  };
}

/** Deterministic misspellings of `word`: every deletion and swap, and substitutions/insertions of a few letters. */
function misspellings(word: string): string[] {
  const letters = 'eioy';
  const out = new Set<string>();
  for (let i = 1; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of letters) {
      out.add(word.slice(0, i) + c + word.slice(i + 1));
      out.add(word.slice(0, i) + c + word.slice(i));
    }
  }
  // Two edits for long words: a swap plus a dropped letter further on.
  if (word.length >= 11) {
    for (let i = 1; i + 4 < word.length; i += 2) {
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      out.add(swapped.slice(0, i + 3) + swapped.slice(i + 4));
    }
  }
  out.delete(word);
  return [...out];
}

/**
 * The Fuse.js comparison runs on a fixed sample of the vocabulary: for each first letter, every
 * SAMPLE_STRIDE-th word in sorted order (the first one included). The same on every run, it covers
 * every first letter and is about the size of the whole vocabulary when Fuse.js was replaced.
 * Fuse.js is slow: on the whole vocabulary (10x larger since the category files) the comparison
 * took ~350 s, as both the words to misspell and the words each search looks through grow. Both
 * correctors get the same sample as their vocabulary, so the comparison is still like for like.
 * The stride follows the vocabulary, so the sample stays about SAMPLE_SIZE words as the glossary
 * grows: a fixed stride of 10 took 148 s with 18,000 long words, against a 180 s hang guard.
 */
const SAMPLE_SIZE = 1_200;
const SAMPLE_STRIDE = Math.max(10, Math.ceil(vocabulary.length / SAMPLE_SIZE));
const sample = [...new Set(vocabulary.map((w) => w[0]!))].flatMap((first) =>
  vocabulary
    .filter((w) => w[0] === first)
    .sort()
    .filter((_, i) => i % SAMPLE_STRIDE === 0),
);

describe('spelling correction', () => {
  // The timeouts guard against a hang, not against slowness: these loops run ~100k corrections and
  // take 10–40 s depending on the machine's load (speed is measured by the benches, not here).
  it('finds every correction the Fuse.js corrector found, at least as close (on a fixed sample)', { timeout: 180_000 }, () => {
    expect(new Set(sample.map((w) => w[0]))).toEqual(new Set(vocabulary.map((w) => w[0])));
    const reference = fuseReference(sample);
    const sampled = createFuzzyCorrector(sample);
    let checked = 0;
    let fuseFound = 0;
    for (const word of sample) {
      for (const typo of misspellings(word)) {
        const want = reference(typo);
        const got = sampled.correct(typo);
        checked++;
        if (want === null) continue;
        // Fuse.js knows nothing of word-starts: a typo that turns "pre-" into "pro-" is left alone on purpose.
        if (startsClash(typo, want)) {
          expect(got === null || !startsClash(typo, got), typo).toBe(true);
          continue;
        }
        fuseFound++;
        expect(got, `${typo} (Fuse.js: ${want})`).not.toBeNull();
        expect(editDistance(typo, got!)).toBeLessThanOrEqual(editDistance(typo, want));
      }
    }
    // The comparison means something only if it covered many corrections.
    expect(checked).toBeGreaterThan(5_000);
    expect(fuseFound).toBeGreaterThan(checked / 2);
  });

  it('only ever proposes a glossary word within the edit limit', { timeout: 180_000 }, () => {
    // Every other word: the property is the same for each word, and the vocabulary keeps growing.
    for (const word of vocabulary.filter((_, i) => i % 2 === 0)) {
      for (const typo of misspellings(word)) {
        const got = corrector.correct(typo);
        if (got !== null) {
          expect(known.has(got), got).toBe(true);
          expect(editDistance(typo, got)).toBeLessThanOrEqual(maxEdits(typo.length));
        }
      }
    }
  });

  it('leaves words alone that are known, excluded, short, or change the first letter', () => {
    const withExclusions = createFuzzyCorrector(vocabulary, ['immunotheraphy']);
    expect(corrector.correct('immunotheraphy')).toBe('immunotherapy');
    expect(withExclusions.correct('immunotheraphy')).toBeNull();
    expect(corrector.correct('immunotherapy')).toBeNull();
    expect(corrector.correct('antign')).toBeNull();
    expect(corrector.correct('ammunotherapy')).toBeNull();
    expect(corrector.correct('immunothérapie')).toBeNull(); // not normalised: never guessed at
  });

  it('never turns one medical word-start into another (para- is not pre-, hypo- is not hyper-)', () => {
    // "paraneoplastic" is two edits from "preneoplastic" and was shown the precancer card.
    const c = createFuzzyCorrector(['preneoplastic', 'hyperkalemia', 'intravenous', 'hypertension', 'peripheral', 'peritoneal']);
    expect(c.correct('paraneoplastic')).toBeNull();
    expect(c.correct('hypokalemia')).toBeNull();
    expect(c.correct('postneoplastic')).toBeNull();
    // Typos that keep the start, or garble it into no start at all, are still corrected.
    expect(c.correct('preneoplastc')).toBe('preneoplastic');
    expect(c.correct('hyperkalaemia')).toBe('hyperkalemia');
    expect(c.correct('hypretension')).toBe('hypertension');
    expect(c.correct('intravenus')).toBe('intravenous');
    // So are a start typed with two letters swapped, and intra- typed as inter- (a common misspelling).
    expect(c.correct('preipheral')).toBe('peripheral');
    expect(c.correct('preitoneal')).toBe('peritoneal');
    expect(c.correct('intervenous')).toBe('intravenous');
  });

  it('picks the closest of several candidates', () => {
    const c = createFuzzyCorrector(['lymphocyte', 'lymphocytes']);
    expect(c.correct('lymphocite')).toBe('lymphocyte');
    expect(c.correct('lymphocites')).toBe('lymphocytes');
  });

  it('looks at every length within the edit limit, and a tie goes to the word listed first', () => {
    // Candidates are kept in buckets by length: a typo one or two letters shorter or longer must
    // still reach its word, and a tie across two buckets must not depend on which is read first.
    const c = createFuzzyCorrector(['chemotherapy']);
    expect(c.correct('chemotherap')).toBe('chemotherapy'); // one letter short
    expect(c.correct('chemootherapy')).toBe('chemotherapy'); // one letter long
    expect(c.correct('chemotheraapyy')).toBe('chemotherapy'); // two long: allowed from 10 letters
    expect(c.correct('chmotherpy')).toBe('chemotherapy'); // two short
    expect(c.correct('chemotheraaapyy')).toBeNull(); // three long: past the limit
    // "metastasiss" is one edit from both words (a dropped "s", or "e" for "s").
    expect(createFuzzyCorrector(['metastasise', 'metastasis']).correct('metastasiss')).toBe('metastasise');
    expect(createFuzzyCorrector(['metastasis', 'metastasise']).correct('metastasiss')).toBe('metastasis');
  });
});
