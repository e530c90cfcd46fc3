import { describe, expect, it } from 'vitest';
import { codeCuts, isCodeToken } from '../../../glossary/code-names';

describe('isCodeToken', () => {
  it('is a token of capitals and digits with at least one of each', () => {
    for (const raw of ['CD19', 'L1', 'HER2', 'A317', '1A', 'MSB0010718C', 'B7']) expect(isCodeToken(raw), raw).toBe(true);
  });

  it('is not a word, a number, a run of capitals alone or a token with small letters', () => {
    for (const raw of ['PD', 'IV', '3475', '19', 'p53', 'Ki67', 'fT4', 'HbA1c', 'CD3ζ', 'immunotherapy', '']) {
      expect(isCodeToken(raw), raw).toBe(false);
    }
  });
});

describe('codeCuts', () => {
  it('cuts only where a letter meets a digit, either way round', () => {
    expect(codeCuts('CD19')).toEqual([2]);
    expect(codeCuts('PDL1')).toEqual([3]);
    expect(codeCuts('B7H3')).toEqual([1, 2, 3]);
    expect(codeCuts('1BB')).toEqual([1]);
    expect(codeCuts('IIIC1')).toEqual([4]);
  });

  it('never cuts inside a run of letters or of digits, nor a token that is no code', () => {
    expect(codeCuts('CD190')).toEqual([2]);
    expect(codeCuts('PD')).toEqual([]);
    expect(codeCuts('3475')).toEqual([]);
    expect(codeCuts('Ki67')).toEqual([]);
  });
});
