import { describe, expect, it } from 'vitest';
import { longDate, questionsFileName, questionsToText } from '../../../../utils/files/questions-text';
import type { SavedQuestion } from '../../../../utils/storage/saved-questions';

const DATE = new Date(2026, 4, 14, 9, 30);

const QUESTIONS: SavedQuestion[] = [
  { term: 'PD-L1', source: 'glossary', entryId: 'pd-l1', definition: 'A protein that some cancer cells make.', note: 'Is mine positive?', savedAt: 1 },
  { term: 'Keytruda', source: 'personal', entryId: 'personal-keytruda-1', definition: 'My immunotherapy medicine.', savedAt: 2 },
  { term: 'TILs', source: 'page', definition: 'tumor-infiltrating lymphocytes', note: 'Could this work for me?\nHow long does it take?', savedAt: 3 },
];

describe('questionsToText', () => {
  it('gives a heading, then each term with what it means and the note, numbered', () => {
    expect(questionsToText(QUESTIONS, DATE)).toBe(
      [
        'Questions for my care team',
        'Made with Termlight on 14 May 2026',
        '',
        '1. PD-L1',
        '   What it means: A protein that some cancer cells make.',
        '   My note: Is mine positive?',
        '',
        '2. Keytruda',
        '   What it means (my own words): My immunotherapy medicine.',
        '',
        '3. TILs',
        '   What the page said: tumor-infiltrating lymphocytes',
        '   My note: Could this work for me?',
        '   How long does it take?',
        '',
        'The explanations are general information from Termlight, not medical advice.',
        '',
      ].join('\n'),
    );
  });

  it('lines up notes under two-digit numbers too', () => {
    const many = Array.from({ length: 10 }, (_, i): SavedQuestion => ({ term: `T${i + 1}`, source: 'glossary', definition: 'd', note: 'a\nb', savedAt: i }));
    expect(questionsToText(many, DATE)).toContain('\n10. T10\n    What it means: d\n    My note: a\n    b\n');
  });

  it('says so when there are no questions', () => {
    expect(questionsToText([], DATE)).toContain('\nNo questions saved yet.\n');
  });

  it('never holds anything but the words: no address, even though none is stored', () => {
    expect(questionsToText(QUESTIONS, DATE)).not.toMatch(/https?:|www\./);
  });
});

describe('dates and file names', () => {
  it('writes the date in words, the same on every computer', () => {
    expect(longDate(new Date(2026, 0, 3))).toBe('3 January 2026');
  });

  it('names the file by what it is and the day it was made', () => {
    expect(questionsFileName(DATE)).toBe('termlight-questions-2026-05-14.txt');
  });
});
