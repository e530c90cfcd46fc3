import { describe, expect, it } from 'vitest';
import { glossary } from '../../../glossary/index';
import { createGlossarySearch } from '../../../entrypoints/popup/search';
import { tabIdFromSearch } from '../../../entrypoints/popup/page-terms';

// Runs against the shipped glossary: these are the searches patients will type.
describe('glossary search over the shipped glossary', () => {
  const find = createGlossarySearch(glossary.entries);
  const entryNamed = (term: string) => glossary.entries.find((e) => e.term.toLowerCase() === term.toLowerCase());

  it.each([
    ['imunotherapy', 'Immunotherapy'],
    ['immunotherapy', 'Immunotherapy'],
    ['pdl1', 'PD-L1'],
    ['PD L1', 'PD-L1'],
    ['pd1', 'PD-1'],
    ['PD 1', 'PD-1'],
  ])('%s finds %s first', (query, term) => {
    const expected = entryNamed(term);
    expect(expected, `the glossary should have "${term}"`).toBeDefined();
    expect(find(query)[0]?.id).toBe(expected!.id);
  });

  it('lists the terms starting with a single letter', () => {
    const terms = find('p').map((e) => e.term);
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) expect(t.toLowerCase().startsWith('p')).toBe(true);
  });

  it('lists everything alphabetically for an empty query', () => {
    const all = find('  ');
    expect(all).toHaveLength(glossary.entries.length);
    const terms = all.map((e) => e.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
  });
});

describe('tabIdFromSearch', () => {
  it.each([
    ['?tab=12', 12],
    ['?x=1&tab=3', 3],
    ['', null],
    ['?tab=', null],
    ['?tab=abc', null],
    ['?tab=-1', null],
    ['?tab=1.5', null],
    ['?tab=99999999999999999999', null],
  ])('%s → %s', (search, id) => {
    expect(tabIdFromSearch(search)).toBe(id);
  });
});
