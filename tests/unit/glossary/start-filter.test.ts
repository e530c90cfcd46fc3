/**
 * The first stage's "could this text hold a term?" filter (glossary/start-filter.ts): it must
 * never say no where the matcher finds a correctly spelt term, and it should say no to ordinary
 * text, or the reader loads everywhere.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher, compileTrie, type CompiledTrie, type MatchableEntry } from '../../../glossary/matcher';
import { matchData } from '../../../glossary/match-data';
import { base64Bit, createStartFilter, positions, type StartFilterData } from '../../../glossary/start-filter';
import { anchorKeys, buildStartFilter } from '../../../glossary/build/start-filter';
import { START_FILTER_MARK, START_FILTER_MARK_RE, startFilterBitsInComment } from '../../../glossary/build/start-filter-bits';
import shippedTrie from '../../../glossary/generated/match-trie.json';
import shipped from '../../../glossary/generated/start-filter.json';
import { ARTICLE_FILE, ROOT } from '../../support/paths';
import { dashSplitCodes } from '../support/code-spellings';

const entries: MatchableEntry[] = [
  { id: 'pd-l1', aliases: ['PD-L1'], expansion: 'programmed death-ligand 1' },
  { id: 'checkpoint', aliases: ['checkpoint inhibitor', 'immune checkpoint inhibitor'] },
  { id: 'immunotherapy', aliases: ['immunotherapy'] },
  { id: 'hpv-e6-e7', aliases: ['E6 and E7'] },
  { id: 'stage-iv', aliases: ['stage IV cervical cancer'] },
  { id: 'cd19', aliases: ['CD19'] },
];
const small = createStartFilter(buildStartFilter(compileTrie(entries)));
const filter = createStartFilter(shipped as StartFilterData);

describe('anchorKeys', () => {
  it('anchors each term on a word it cannot match without, not on a function word', () => {
    const anchors = anchorKeys(compileTrie(entries));
    expect(anchors).toContain('immunotherapy');
    expect(anchors).toContain('checkpoint');
    expect(anchors).not.toContain('and');
    expect(anchors).toContain('cervical');
    // A glued spelling that keeps an anchored word ("stageiv cervical cancer") adds no anchor.
    expect(anchors).not.toContain('stageiv');
  });

  it('adds no anchor for a code split after a dash ("CD-19"): its pieces are words pages are full of', () => {
    const anchors = anchorKeys(compileTrie(entries));
    expect(anchors).toContain('cd19');
    expect(anchors).not.toContain('cd');
    expect(anchors).not.toContain('19');
    expect(anchors).not.toContain('pdl');
  });
});

describe('base64Bit', () => {
  it('reads every bit of the base64 text as the decoded bytes hold it (bit i of byte i >> 3)', () => {
    // Bytes that use every base64 character, and lengths that end on each padding case.
    const all = Uint8Array.from({ length: 200 }, (_, i) => (i * 97 + 13) & 255);
    for (const length of [1, 2, 3, 4, 5, 200]) {
      const bytes = all.subarray(0, length);
      const text = Buffer.from(bytes).toString('base64');
      for (let i = 0; i < length * 8; i++) expect(base64Bit(text, i), `${length} bytes, bit ${i}`).toBe((bytes[i >> 3]! & (1 << (i & 7))) !== 0);
    }
  });

  it('agrees with the bytes of the shipped filter', () => {
    const bytes = Buffer.from(shipped.filter, 'base64');
    let set = 0;
    for (let i = 0; i < shipped.bits; i++) {
      const bit = (bytes[i >> 3]! & (1 << (i & 7))) !== 0;
      if (base64Bit(shipped.filter, i) !== bit) throw new Error(`bit ${i} differs`);
      if (bit) set++;
    }
    expect(set).toBeGreaterThan(0);
  });
});

describe('createStartFilter', () => {
  it('tests a key as positions() and base64Bit() do (its copy of them, written out for the first stage)', () => {
    const filter = createStartFilter(shipped as StartFilterData);
    const keys = new Set(anchorKeys(compileTrie(matchData.entries)));
    const anchors = keys.size;
    // Keys that are no anchor: the anchors changed a little, random ASCII and non-ASCII strings.
    for (const key of [...keys]) for (const end of ['s', 'x', 'ing', '1']) keys.add(key + end);
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let n = 0; n < 20_000; n++) {
      let key = '';
      for (let k = 1 + (next() % 14); k > 0; k--) key += String.fromCharCode(next() % 3 === 0 ? 0xa0 + (next() % 0x2000) : 0x30 + (next() % 0x4b));
      keys.add(key);
    }
    const at: number[] = [];
    let yes = 0;
    const differ: string[] = [];
    for (const key of keys) {
      const reference = positions(key, shipped.bits, shipped.hashes, at).every((p) => base64Bit(shipped.filter, p));
      if (filter.has(key) !== reference) differ.push(key);
      if (reference) yes++;
    }
    expect(differ).toEqual([]);
    expect(yes).toBeGreaterThanOrEqual(anchors);
    expect(yes).toBeLessThan(keys.size);
  });

  it('says yes to every way the matcher finds these terms', () => {
    for (const text of [
      'PD-L1', 'programmed death ligand 1', 'Immune checkpoint inhibitors work.', 'immuno-therapy', 'immuno therapy',
      'Immunotherapies', 'E6 and E7', 'stage IV cervical cancer', 'stageIV cervical cancer',
      'CD-19', 'anti-CD-19 cells', 'PDL-1', 'PD-L-1', 'high-PDL-1 tumours', 'immunotherapy¹', 'immunotherapy12', 'immuno-therapy¹',
    ]) {
      expect(small.mayHoldTerm(text), text).toBe(true);
      expect(createMatcher(entries).find(text).length, text).toBeGreaterThan(0);
    }
  });

  it('says yes to a hyphenated word glued with its second piece\'s British spelling ("angio-oedema")', () => {
    const filter = createStartFilter(buildStartFilter(compileTrie([{ id: 'angioedema', aliases: ['angioedema'] }])));
    expect(filter.mayHoldTerm('angio-oedema')).toBe(true);
    expect(createMatcher([{ id: 'angioedema', aliases: ['angioedema'] }]).find('angio-oedema').length).toBe(1);
    expect(filter.mayHoldTerm('angio-something')).toBe(false);
  });

  it('says yes where the matcher glues a two-letter prefix across a hyphen ("co-insurance"), and no across a space', () => {
    const entries = [{ id: 'coinsurance', aliases: ['coinsurance'] }];
    const filter = createStartFilter(buildStartFilter(compileTrie(entries)));
    expect(filter.mayHoldTerm('Your co-insurance is due')).toBe(true);
    expect(createMatcher(entries).find('Your co-insurance is due').length).toBe(1);
    expect(filter.mayHoldTerm('co insurance')).toBe(false);
    expect(createMatcher(entries).find('co insurance').length).toBe(0);
  });

  it('says no to text without them', () => {
    for (const text of ['Nothing much to read here.', 'The weather and the news.', 'Stage four of the tour', 'CD 19', 'CD-20', '', '   ']) {
      expect(small.mayHoldTerm(text), text).toBe(false);
    }
  });

  it('says yes to an abbreviation the page defines, either way round', () => {
    expect(small.mayHoldTerm('The Affordable Care Act (ACA) passed.')).toBe(true);
    expect(small.mayHoldTerm('The ACA (Affordable Care Act) passed.')).toBe(true);
    expect(small.mayHoldTerm('It rained (a lot) today.')).toBe(false);
  });

  it('is not fooled by words that name members of Object', () => {
    expect(small.mayHoldTerm('constructor toString hasOwnProperty __proto__')).toBe(false);
  });
});

describe('the shipped filter', () => {
  it('fits match.json (if not, run: npm run glossary -- build)', () => {
    expect(shipped).toEqual(buildStartFilter(compileTrie(matchData.entries)));
    expect(shipped).toEqual(buildStartFilter(shippedTrie as CompiledTrie));
    // Compiles the whole glossary's trie: a few seconds on a quiet machine, more on a busy one.
  }, 60_000);

  it('says yes to every alias and expansion of the glossary', () => {
    const missed = matchData.entries.flatMap((e) => [...e.aliases, ...(e.expansion ? [e.expansion] : [])].filter((a) => !filter.mayHoldTerm(a)));
    expect(missed).toEqual([]);
  });

  it('says yes to every code of the glossary split by dashes at each letter–digit change the matcher reads', () => {
    const exact = createMatcher(matchData.entries, { fuzzy: false });
    const spellings = matchData.entries.flatMap((e) => [...e.aliases, ...(e.expansion ? [e.expansion] : [])].map(dashSplitCodes).filter((s) => exact.find(s).length > 0 && /\p{Lu}-\p{N}|\p{N}-\p{Lu}/u.test(s)));
    expect(spellings.length).toBeGreaterThan(100);
    expect(spellings.filter((s) => !filter.mayHoldTerm(s))).toEqual([]);
  });

  it('says yes to every sentence of the source article in which the matcher finds a term', () => {
    const exact = createMatcher(matchData.entries, { fuzzy: false });
    const lines = readFileSync(resolve(ROOT, ARTICLE_FILE), 'utf8').split(/\n|(?<=[.!?])\s+|<[^>]*>/);
    const withTerms = lines.filter((line) => exact.find(line).length > 0);
    expect(withTerms.length).toBeGreaterThan(20);
    expect(withTerms.filter((line) => !filter.mayHoldTerm(line))).toEqual([]);
  });

  it('says no to a plain sentence', () => {
    expect(filter.mayHoldTerm('Nothing much to read here.')).toBe(false);
  });
});

describe('the bits as the first stage\'s file holds them (a comment its function reads back)', () => {
  /** The expression as the built content.js has it, evaluated as a script would. */
  const readBack = (bits: string): string => new Function(`return ${startFilterBitsInComment(bits)};`)() as string;

  it('gives back the shipped bits exactly, and every base64 ending', () => {
    expect(readBack(shipped.filter)).toBe(shipped.filter);
    for (const text of ['', 'QQ==', 'QUI=', 'QUJD', '+/+/', 'a/b+c/d=']) expect(readBack(text)).toBe(text);
  });

  it('makes a filter that says yes to every alias and expansion of the glossary, as the shipped one does', () => {
    const fromFile = createStartFilter({ ...(shipped as StartFilterData), filter: readBack(shipped.filter) });
    const missed = matchData.entries.flatMap((e) => [...e.aliases, ...(e.expansion ? [e.expansion] : [])].filter((a) => !fromFile.mayHoldTerm(a)));
    expect(missed).toEqual([]);
    expect(fromFile.mayHoldTerm('Nothing much to read here.')).toBe(false);
  });

  it('refuses bits that could end the comment', () => {
    expect(() => startFilterBitsInComment('QUJD*/alert(1)/*')).toThrow(/not base64/);
  });

  it('finds the mark the build imports in any quotes the minifier writes', () => {
    for (const q of ['"', "'", '`']) expect(`x={filter:${q}${START_FILTER_MARK}${q}}`.replace(START_FILTER_MARK_RE, 'BITS')).toBe('x={filter:BITS}');
    expect(`"${START_FILTER_MARK}\``.replace(START_FILTER_MARK_RE, 'BITS')).not.toBe('BITS');
  });

  it('answers "maybe" to every text when the bits it is given are not all there (never a false "no")', () => {
    for (const filter of ['', shipped.filter.slice(0, -4), 'function () { [native code] }']) {
      const cut = createStartFilter({ ...(shipped as StartFilterData), filter });
      expect(cut.mayHoldTerm('Nothing much to read here.'), filter.slice(0, 20)).toBe(true);
    }
  });
});
