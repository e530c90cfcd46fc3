/**
 * The reader's data ships packed (glossary/match-pack.ts, generated/match-pack.json): unpacked, it
 * must be exactly match.json, match-trie.json and fuzzy-exclusions.json, or pages would match
 * with other data than the evaluations and tests use.
 */
import { describe, expect, it } from 'vitest';
import match from '../../../glossary/generated/match.json';
import trie from '../../../glossary/generated/match-trie.json';
import exclusions from '../../../glossary/generated/fuzzy-exclusions.json';
import shipped from '../../../glossary/generated/match-pack.json';
import {
  fixedReader,
  namesOf,
  packedTrie,
  packFixed,
  packMatch,
  packNumbers,
  unpackEntries,
  unpackExclusions,
  unpackNumbers,
  unpackTrie,
  withoutNames,
  type MatchPack,
} from '../../../glossary/match-pack';
import { compileTrie, createMatcher, type CompiledTrie } from '../../../glossary/matcher';
import type { MatchData } from '../../../glossary/types';

const matchPack = shipped as MatchPack;

describe('the shipped match pack (if not, run: npm run glossary -- build)', () => {
  it('holds match.json, match-trie.json and fuzzy-exclusions.json exactly', () => {
    expect(unpackEntries(matchPack)).toEqual(match);
    expect(unpackTrie(matchPack)).toEqual(trie);
    expect(unpackExclusions(matchPack)).toEqual(exclusions);
  });

  it('loads, read node by node, into a matcher that finds what one built from match.json finds', () => {
    const text = 'Stage IV cervical cancer, PD-L1 and immunotheraphy; CAR T cell therapy after a lumpectomy. HER2/neu, TNM.';
    const built = createMatcher(match.entries);
    const packed = createMatcher([], {}, packedTrie(matchPack));
    expect(packed.find(text)).toEqual(built.find(text));
    expect(packed.find(text).length).toBeGreaterThan(5);
    const extra = [{ id: 'personal-zorbex', aliases: ['zorbex', 'zorbex cervical cancer'] }];
    expect(createMatcher(extra, {}, packedTrie(matchPack)).find(`${text} zorbex cervical cancer`)).toEqual(
      createMatcher([...match.entries, ...extra]).find(`${text} zorbex cervical cancer`),
    );
  });

  it('splits into the part that finds terms and the names, which together are the pack again', () => {
    const rest = withoutNames(matchPack);
    const names = namesOf(matchPack);
    expect(rest).not.toHaveProperty('terms');
    expect(rest).not.toHaveProperty('aliases');
    expect(rest).not.toHaveProperty('expansions');
    expect({ ...rest, ...names }).toEqual(matchPack);
    // The names are what the reader's first marks can do without: a large part of its bytes.
    expect(JSON.stringify(names).length).toBeGreaterThan(JSON.stringify(matchPack).length * 0.15);
  });

  it('is smaller to scan than the JSON it replaces', () => {
    const packed = JSON.stringify(matchPack).length;
    const plain = JSON.stringify(match).length + JSON.stringify(trie).length + JSON.stringify(exclusions).length;
    expect(packed).toBeLessThan(plain * 0.8);
  });
});

describe('packMatch', () => {
  const data: MatchData = {
    source: { title: 'T' },
    entries: [
      { id: 'pd-l1', term: 'PD-L1', expansion: 'programmed death-ligand 1', aliases: ['PD-L1'] },
      { id: 'colon', term: 'Colon', aliases: ['colon', 'large intestine'], everyday: true, generalSense: true },
      { id: 'none', term: 'No aliases', aliases: [] },
    ],
  };

  it('round-trips entries, trie and exclusions, empty lists included', () => {
    const compiled = compileTrie(data.entries);
    const pack = packMatch(data, compiled, ['colin']);
    expect(unpackEntries(pack)).toEqual(data);
    expect(unpackTrie(pack)).toEqual(JSON.parse(JSON.stringify(compiled)) as CompiledTrie);
    expect(unpackExclusions(packMatch(data, compiled, []))).toEqual([]);
  });

  it('refuses text holding a separator rather than ship it garbled', () => {
    const bad: MatchData = { source: { title: 'T' }, entries: [{ id: 'x', term: 'X', aliases: ['a|b'] }] };
    expect(() => packMatch(bad, compileTrie(bad.entries), [])).toThrow(/separator/);
  });

  it('packs numbers of any size, none of them needing an escape in JSON or a template literal', () => {
    const values = [0, 1, 44, 45, 2024, 2025, 91124, 91125, 123456789, 7];
    const packed = packNumbers(values);
    expect(unpackNumbers(packed)).toEqual(values);
    expect(packed).not.toMatch(/["\\`$\s]/);
    expect(JSON.stringify(packed)).toBe(`"${packed}"`);
    for (const list of [values, [0], [], [89, 90, 8099, 8100]]) {
      const fixed = fixedReader(packFixed(list));
      expect(Array.from({ length: fixed.length }, (_, i) => fixed.at(i))).toEqual(list);
    }
  });
});

describe('entryFlags', () => {
  it("gives each entry's everyday and general-sense flags as match.json has them", async () => {
    const { entryFlags } = await import('../../../glossary/match-data');
    for (const e of match.entries as MatchData['entries']) {
      expect(entryFlags(e.id)).toEqual({ ...(e.everyday ? { everyday: true } : {}), ...(e.generalSense ? { generalSense: true } : {}) });
    }
    expect(entryFlags('no-such-entry')).toBeUndefined();
  });
});
