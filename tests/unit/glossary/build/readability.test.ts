import { describe, expect, it } from 'vitest';
import { countSentences, countSyllables, countWords, fleschKincaidGrade } from '../../../../glossary/build/readability';

describe('countWords', () => {
  it('counts runs of letters and digits, keeping apostrophes inside words', () => {
    expect(countWords('The cat sat.')).toBe(3);
    expect(countWords("Don't worry — it’s fine.")).toBe(4);
    expect(countWords('Stage 4 cancer, PD-L1 test')).toBe(6); // Stage, 4, cancer, PD, L1, test
    expect(countWords('   ')).toBe(0);
    expect(countWords('... !!! ---')).toBe(0);
  });
});

describe('countSentences', () => {
  it('splits on . ! ? and counts runs like ?! or ... once', () => {
    expect(countSentences('One. Two! Three?')).toBe(3);
    expect(countSentences('Really?! Yes... Fine.')).toBe(3);
  });
  it('treats text without final punctuation as one sentence', () => {
    expect(countSentences('no punctuation here')).toBe(1);
    expect(countSentences('First one. Then a second without a stop')).toBe(2);
  });
  it('does not split a decimal number', () => {
    expect(countSentences('The dose was 2.5 units.')).toBe(1);
  });
  it('is 0 for text without words', () => {
    expect(countSentences('')).toBe(0);
    expect(countSentences(' . ? ')).toBe(0);
  });
});

describe('fleschKincaidGrade', () => {
  it('gives a low grade for short, simple sentences', () => {
    expect(fleschKincaidGrade('The cat sat on the mat. It was warm.')).toBeLessThan(2);
  });

  it('gives a high grade for a long sentence of long words', () => {
    const hard =
      'Immunotherapeutic interventions, particularly immune checkpoint inhibition, demonstrate considerable heterogeneity regarding therapeutic responsiveness among individuals exhibiting metastatic gynecological malignancies.';
    expect(fleschKincaidGrade(hard)).toBeGreaterThan(20);
  });

  it('matches the formula on a hand-counted example', () => {
    // 5 words, 1 sentence, 9 syllables: 0.39*5 + 11.8*9/5 - 15.59
    const text = 'Doctors give medicine to people.';
    expect(countWords(text)).toBe(5);
    const s = countSyllables(text); // doc-tors give med-i-cine to peo-ple = 2+1+3+1+2 = 9
    expect(s).toBe(9);
    expect(fleschKincaidGrade(text)).toBeCloseTo(0.39 * 5 + (11.8 * 9) / 5 - 15.59, 6);
  });

  it('counts at least one syllable for numbers', () => {
    expect(countSyllables('4')).toBe(1);
  });

  it('is 0 for empty text and rises as sentences get longer', () => {
    expect(fleschKincaidGrade('')).toBe(0);
    const short = 'The drug helps. The drug works. The drug is new.';
    const long = 'The drug helps and the drug works and the drug is new.';
    expect(fleschKincaidGrade(long)).toBeGreaterThan(fleschKincaidGrade(short));
  });
});
