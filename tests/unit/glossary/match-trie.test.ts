/**
 * The pre-built trie (glossary/generated/match-trie.json) that pages load instead of building
 * the matcher: a matcher loaded from it must find exactly what a freshly built one finds,
 * with and without the reader's own terms added on top.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTrie, createMatcher, trieSourceSize, type CompiledTrie, type MatchableEntry } from '../../../glossary/matcher';
import { matchData } from '../../../glossary/match-data';
import shipped from '../../../glossary/generated/match-trie.json';
import { ARTICLE_FILE, ROOT } from '../../support/paths';

const entries: MatchableEntry[] = [
  { id: 'pd-l1', aliases: ['PD-L1'], expansion: 'programmed death-ligand 1' },
  { id: 'checkpoint', aliases: ['checkpoint inhibitor', 'immune checkpoint inhibitor'] },
  { id: 'immune', aliases: ['immune'] },
  { id: 'immunotherapy', aliases: ['immunotherapy'] },
  { id: 'car-t', aliases: ['CAR T-cell therapy', 'CAR-T'], expansion: 'chimeric antigen receptor (CAR) T-cell therapy' },
];
const text =
  'PD-L1 (programmed death ligand 1) and immune checkpoint inhibitors; immuno-therapy and immunotheraphy; ' +
  'car t, CAR T cell therapy, chimeric antigen receptor (CAR) T-cell therapy, www.immune.org.';

describe('compileTrie and createMatcher(…, base)', () => {
  it('finds the same terms as a matcher built from the entries', () => {
    const built = createMatcher(entries);
    const loaded = createMatcher([], {}, compileTrie(entries));
    expect(loaded.find(text)).toEqual(built.find(text));
    expect(loaded.find(text).map((m) => m.id)).toContain('immunotherapy');
    expect(loaded.vocabulary).toEqual(built.vocabulary);
  });

  it('adds entries after the base ones, which keep the forms both have', () => {
    const extra: MatchableEntry[] = [{ id: 'personal-zorbex', aliases: ['zorbex', 'PD-L1', 'zorbex PD-L1 inhibitor'] }];
    const built = createMatcher([...entries, ...extra]);
    const loaded = createMatcher(extra, {}, compileTrie(entries));
    const page = `${text} zorbex PD-L1 inhibitor, zorbex.`;
    expect(loaded.find(page)).toEqual(built.find(page));
    expect(loaded.find('PD-L1').map((m) => m.id)).toEqual(['pd-l1']);
    expect(loaded.find('zorbex').map((m) => m.id)).toEqual(['personal-zorbex']);
  });

  it('is plain JSON data that survives a round trip', () => {
    const compiled = compileTrie(entries);
    const copy = JSON.parse(JSON.stringify(compiled)) as CompiledTrie;
    expect(createMatcher([], {}, copy).find(text)).toEqual(createMatcher(entries).find(text));
    expect(trieSourceSize(entries)).toEqual({ entries: 5, aliases: 9 });
  });
});

describe('the shipped trie', () => {
  it('fits match.json (if not, run: npm run glossary -- build)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(compileTrie(matchData.entries))));
  });

  it('finds on the source article what a matcher built from match.json finds', () => {
    const article = readFileSync(resolve(ROOT, ARTICLE_FILE), 'utf8');
    const built = createMatcher(matchData.entries);
    const loaded = createMatcher([], {}, shipped as CompiledTrie);
    expect(loaded.find(article).length).toBeGreaterThan(100);
    expect(loaded.find(article)).toEqual(built.find(article));
  });
});
