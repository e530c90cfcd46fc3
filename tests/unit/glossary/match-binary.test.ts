/**
 * The content script's reader gets its trie, vocabulary and spelling tables from two binary files
 * (glossary/match-binary.ts, generated/match-data.bin and match-spelling.bin): a matcher loaded from
 * them must find exactly what one loaded from the pack finds (and so what the evaluations measure),
 * with and without the reader's own terms, spelling corrections included; and before the spelling
 * file is in, it matches exactly and says that it put corrections off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import trie from '../../../glossary/generated/match-trie.json';
import exclusions from '../../../glossary/generated/fuzzy-exclusions.json';
import shipped from '../../../glossary/generated/match-pack.json';
import { encodeMatchFiles, hashKey, readMatchBinary } from '../../../glossary/match-binary';
import { packedIds, packedTrie, unpackExclusions, unpackReadings, type MatchPack } from '../../../glossary/match-pack';
import { compileTrie, createMatcher, type CompiledTrie } from '../../../glossary/matcher';
import { createFuzzyCorrector } from '../../../glossary/fuzzy';

const pack = shipped as MatchPack;
const compiled = trie as CompiledTrie;
const bytes = readFileSync(join(__dirname, '../../../glossary/generated/match-data.bin'));
const spellingBytes = readFileSync(join(__dirname, '../../../glossary/generated/match-spelling.bin'));
const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const buffer = arrayBuffer(bytes);
const spellingBuffer = arrayBuffer(spellingBytes);
/** Both files read, as the reader has them once the spelling file is in. */
const readBoth = () => {
  const binary = readMatchBinary(buffer);
  binary.provideSpelling(spellingBuffer);
  return binary;
};
const article = readFileSync(join(__dirname, '../../../glossary/sources/immunotherapy-stage-4-cervical-cancer.txt'), 'utf8');

const fromPack = (extra: Parameters<typeof createMatcher>[0] = []) =>
  createMatcher(extra, { fuzzyExclusions: unpackExclusions(pack), readings: unpackReadings(pack)! }, packedTrie(pack));
const fromBinary = (extra: Parameters<typeof createMatcher>[0] = []) => {
  const binary = readBoth();
  return createMatcher(extra, { fuzzyExclusions: binary.exclusions(), readings: unpackReadings(pack)! }, binary.trie(packedIds(pack)));
};

describe('the shipped match file (if not, run: npm run glossary -- build)', () => {
  it('is what the build writes for match-trie.json and fuzzy-exclusions.json', () => {
    const again = encodeMatchFiles({ trie: compiled, entryIds: packedIds(pack), exclusions });
    expect(Buffer.from(again.data).equals(bytes)).toBe(true);
    expect(Buffer.from(again.spelling).equals(spellingBytes)).toBe(true);
  });

  it('finds every vocabulary key and excluded word at its place, and nothing else', () => {
    const binary = readBoth();
    const misplaced = compiled.vocabulary.filter((key, id) => binary.vocabulary.find(key) !== id || binary.vocabulary.key(id) !== key);
    expect(misplaced).toEqual([]);
    expect(binary.exclusions()).toEqual(exclusions);
    expect(exclusions.filter((word) => !binary.isExcluded(word))).toEqual([]);
    for (const missing of ['', 'zzzqx', 'immunotheraphy', compiled.vocabulary[0] + 'x']) expect(binary.vocabulary.find(missing)).toBe(-1);
    expect(binary.vocabulary.size).toBe(compiled.vocabulary.length);
  });

  it('loads into a matcher that finds what the pack\'s finds, on the source article and with misspellings', () => {
    const text = `${article}\nStage IV cervical cancer, PD-L1 and immunotheraphy; CAR T cell therapy after a lumpectomy. HER2/neu, TNM, TNFα, CD3ζ, immuno-therapy, check point inhibitors, lymphocites.`;
    const a = fromPack();
    const b = fromBinary();
    const found = b.find(text);
    expect(found).toEqual(a.find(text));
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((m) => m.fuzzy)).toBe(true);
    expect(b.vocabulary).toEqual(a.vocabulary);
  });

  it('corrects a word as the pack\'s corrector does, for a sample of every long word with a letter dropped, doubled or swapped', () => {
    const a = fromPack();
    const b = fromBinary();
    const words = compiled.vocabulary.filter((w) => w.length >= 7 && /^[a-z]+$/.test(w));
    let corrected = 0;
    for (let i = 0; i < words.length; i += 7) {
      const w = words[i]!;
      const k = (i >> 3) % (w.length - 2) + 1;
      for (const typo of [w.slice(0, k) + w.slice(k + 1), w.slice(0, k) + w[k] + w.slice(k), w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)]) {
        const expected = a.correct(typo);
        expect(b.correct(typo), typo).toBe(expected);
        if (expected !== null && expected !== typo) corrected++;
      }
    }
    expect(corrected).toBeGreaterThan(1000);
  });

  it('with the reader\'s own terms added, matches as the pack does (the tables give way to the words as for any matcher)', () => {
    const extra = [
      { id: 'personal-zorbex', aliases: ['zorbex', 'zorbex cervical cancer', 'Zorbexamab'] },
      { id: 'personal-pill', aliases: ['my pill'] },
    ];
    const text = `${article.slice(0, 20_000)} zorbex cervical cancer, zorbexamob, my pill, immunotheraphy.`;
    const b = fromBinary(extra);
    expect(b.find(text)).toEqual(fromPack(extra).find(text));
    expect(b.find('zorbexamob').map((m) => m.id)).toEqual(['personal-zorbex']);
  });

  it('round-trips a small trie with non-ASCII keys, and hashes the same everywhere', () => {
    const entries = [
      { id: 'tnf', aliases: ['TNFα', 'tumour necrosis factor alpha'] },
      { id: 'cd3', aliases: ['CD3ζ'] },
      { id: 'ul', aliases: ['µL'] },
    ];
    const small = compileTrie(entries);
    const files = encodeMatchFiles({ trie: small, entryIds: entries.map((e) => e.id), exclusions: ['colin'] });
    const binary = readMatchBinary(files.data.slice().buffer);
    binary.provideSpelling(files.spelling.slice().buffer);
    const text = 'TNFα and CD3ζ at 5 µL; tumour necrosis factor alpha.';
    expect(createMatcher([], {}, binary.trie(entries.map((e) => e.id))).find(text)).toEqual(createMatcher(entries).find(text));
    small.vocabulary.forEach((key, id) => expect(binary.vocabulary.find(key)).toBe(id));
    expect(hashKey('abc')).toBe(0x1a47e90b);
  });

  it('reads every node of the shipped trie as match-trie.json has it (its edge starts and acronym edges pass 65,536)', () => {
    const src = readBoth().trie(packedIds(pack));
    expect(compiled.nodeIds.length).toBeGreaterThan(0x10000);
    let start = 0;
    const wrong: number[] = [];
    compiled.edgeCounts.forEach((count, n) => {
      if (src.edgeStart(n) !== start || src.nodeId(n) !== compiled.nodeIds[n]) wrong.push(n);
      start += count;
    });
    expect(src.edgeStart(compiled.edgeCounts.length)).toBe(start);
    expect(wrong).toEqual([]);
    expect(compiled.edgeTokens.filter((token, e) => src.edgeToken(e) !== token)).toEqual([]);
    const forms = new Map<number, string>();
    for (let i = 0; i < compiled.edgeForms.length; i += 2) forms.set(compiled.edgeForms[i]!, compiled.caseForms[compiled.edgeForms[i + 1]!]!);
    expect(Math.max(...forms.keys())).toBeGreaterThan(0x10000);
    for (let e = 0; e < compiled.edgeTokens.length; e++) if (src.edgeForms.get(e) !== forms.get(e)) wrong.push(e);
    expect(wrong).toEqual([]);
  });

  it('round-trips keys whose bytes pass 65,536 twice, once within one key', () => {
    const long = 'a'.repeat(70_000);
    const entries = [
      { id: 'short', aliases: ['cervix'] },
      { id: 'long', aliases: [long] },
      ...Array.from({ length: 300 }, (_, i) => ({ id: `e${i}`, aliases: [`${'immunotherapy'.repeat(20)}${i}x`] })),
    ];
    const small = compileTrie(entries);
    const files = encodeMatchFiles({ trie: small, entryIds: entries.map((e) => e.id), exclusions: [] });
    const binary = readMatchBinary(files.data.slice().buffer);
    small.vocabulary.forEach((key, id) => {
      expect(binary.vocabulary.find(key)).toBe(id);
      expect(binary.vocabulary.key(id)).toBe(key);
    });
    expect(binary.vocabulary.find(`${long}a`)).toBe(-1);
    const text = `See the cervix and ${'immunotherapy'.repeat(20)}7x here.`;
    expect(createMatcher([], {}, binary.trie(entries.map((e) => e.id))).find(text)).toEqual(createMatcher(entries).find(text));
  });

  it('stores a glued key as the two earlier keys it is made of, non-ASCII parts too, and corrects from them as from bytes', () => {
    const entries = [
      { id: 'tnf', aliases: ['TNFα blocker', 'TNFα blocker therapy'] },
      { id: 'ul', aliases: ['µL dose'] },
      { id: 'psma', aliases: ['prostate-specific membrane antigen'] },
    ];
    const small = compileTrie(entries);
    const files = encodeMatchFiles({ trie: small, entryIds: entries.map((e) => e.id), exclusions: [] });
    const dir = JSON.parse(Buffer.from(files.data.subarray(8, 8 + new DataView(files.data.buffer).getUint32(4, true))).toString()) as {
      sections: Record<string, { length: number }>;
    };
    expect(small.vocabulary).toContain('tnfαblocker');
    expect(dir.sections['vocab.pairs']!.length).toBeGreaterThanOrEqual(2 * 4);
    const binary = readMatchBinary(files.data.slice().buffer);
    small.vocabulary.forEach((key, id) => {
      expect(binary.vocabulary.find(key)).toBe(id);
      expect(binary.vocabulary.key(id)).toBe(key);
    });
    for (const missing of ['tnfαblockers', 'tnfαblocke', 'prostatespecificmembran', 'µldos']) expect(binary.vocabulary.find(missing)).toBe(-1);
    binary.provideSpelling(files.spelling.slice().buffer);
    const text = 'A TNFα-blocker therapy, a 5 µL dose, prostatespecificmembrane antigen and prostate specific membrane antegen.';
    expect(createMatcher([], {}, binary.trie(entries.map((e) => e.id))).find(text)).toEqual(createMatcher(entries).find(text));
  });

  it('before the spelling file is in, matches exactly and counts what it put off; after, finds what the pack finds', async () => {
    const binary = readMatchBinary(buffer);
    const m = createMatcher([], { readings: unpackReadings(pack)! }, binary.trie(packedIds(pack)));
    const loading = m.spellingLoaded();
    expect(loading).toBeInstanceOf(Promise);
    const text = 'Stage IV cervical cancer treated with immunotheraphy and pembrolizumab; lymphocites.';
    const exact = createMatcher([], { fuzzy: false, readings: unpackReadings(pack)! }, packedTrie(pack));
    expect(m.find('Stage IV cervical cancer and pembrolizumab.')).toEqual(exact.find('Stage IV cervical cancer and pembrolizumab.'));
    expect(m.deferred).toBe(0);
    expect(m.find(text)).toEqual(exact.find(text));
    expect(m.deferred).toBeGreaterThan(0);
    expect(m.correct('immunotheraphy')).toBeNull();
    binary.provideSpelling(spellingBuffer);
    await loading;
    expect(m.spellingLoaded()).toBeNull();
    const deferred = m.deferred;
    // The words put off were not remembered as unknown: with the tables they are corrected.
    expect(m.find(text)).toEqual(fromPack().find(text));
    expect(m.find(text).some((t) => t.fuzzy)).toBe(true);
    expect(m.deferred).toBe(deferred);
  });

  it('corrects nothing when the spelling file could not be loaded, and waits for nothing', async () => {
    const binary = readMatchBinary(buffer);
    const m = createMatcher([], {}, binary.trie(packedIds(pack)));
    const loading = m.spellingLoaded();
    binary.provideSpelling(null);
    await loading;
    expect(m.spellingLoaded()).toBeNull();
    expect(m.correct('immunotheraphy')).toBeNull();
    expect(m.find('immunotheraphy').length).toBe(0);
    expect(binary.exclusions()).toEqual([]);
  });

  it('keeps a dynamic corrector equal to itself (the table corrector shares its loop)', () => {
    const c = createFuzzyCorrector(['lymphocyte', 'lymphocytes', 'chemotherapy'], ['lymphocyt']);
    expect(c.correct('lymphocite')).toBe('lymphocyte');
    expect(c.correct('lymphocyt')).toBeNull();
    expect(c.correct('chemoterapy')).toBe('chemotherapy');
  });
});
