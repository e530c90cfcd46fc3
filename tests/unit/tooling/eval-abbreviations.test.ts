import { describe, expect, it } from 'vitest';
import { parseCorpus } from '../../eval/abbreviations';

// A made-up record in the MED1250 block format (not corpus text): PMID, title, abstract, pairs.
const labeled = [
  '1000002',
  'A made-up title. ',
  'We measured tumor mutational burden (TMB).\r More text (MT) here. ',
  '  TMB|tumor mutational burden',
  '//*  MT|More text',
  '//!syn',
  '  PD-L1| programmed death-ligand 1 ',
  '',
  '1000003',
  'Second record. ',
  '',
  '1000002',
  '',
  'A continuation of the first record. ',
  '',
].join('\n');

describe('MED1250 parsing for eval:abbreviations', () => {
  it('reads text lines, gold pairs (trimmed), skips comments and synonyms, merges a repeated PMID', () => {
    const records = parseCorpus(labeled, { pairFields: 2 });
    expect([...records.keys()]).toEqual(['1000002', '1000003']);
    const first = records.get('1000002')!;
    expect(first.lines).toEqual(['A made-up title. ', 'We measured tumor mutational burden (TMB).\r More text (MT) here. ', 'A continuation of the first record. ']);
    expect([...first.pairs]).toEqual(['TMB|tumor mutational burden', 'PD-L1|programmed death-ligand 1']);
    expect(records.get('1000003')!.pairs.size).toBe(0);
  });

  it('drops the pseudo-precision column of Ab3P output', () => {
    const records = parseCorpus('1000004\nTitle. \nText. \n  TMB|tumor mutational burden|0.99818\n', { pairFields: 3 });
    expect([...records.get('1000004')!.pairs]).toEqual(['TMB|tumor mutational burden']);
  });
});
