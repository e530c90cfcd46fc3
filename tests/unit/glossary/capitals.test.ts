import { describe, expect, it } from 'vitest';
import { inCapitalsRun, inOwnBrackets, pairedWith } from '../../../glossary/capitals';
import type { Tokens } from '../../../glossary/coordination';
import { tokenize } from '../../../glossary/normalise';

/** The matcher's view of a text, and the index of its token `word`. */
function view(text: string, word: string): [Tokens, number] {
  const tokens = tokenize(text);
  const t = { text, raws: tokens.map((k) => k.raw), starts: tokens.map((k) => k.start), ends: tokens.map((k) => k.end) };
  return [t, t.raws.indexOf(word)];
}

describe('text set in capitals', () => {
  it.each(['SLEEP AIDS', 'BAND-AIDS', 'EXERCISE AIDS RECOVERY', 'TOP 10 SLEEP AIDS', 'A AIDS 2024 GUIDE', 'Read more: SLEEP AIDS'])('"%s" is a run of capitals', (text) => {
    expect(inCapitalsRun(...view(text, 'AIDS'))).toBe(true);
  });

  it.each(['AIDS', 'People with AIDS', 'The NICE HTA guidance', 'NICE HTA guidance came', 'Sleep. AIDS', 'AIDS 2024', 'AIDS: a guide', 'HIV\nAIDS'])(
    '"%s" is not',
    (text) => {
      const word = text.includes('AIDS') ? 'AIDS' : 'NICE';
      expect(inCapitalsRun(...view(text, word))).toBe(false);
    },
  );

  it('finds the words a token is paired with', () => {
    const pair = (text: string) => {
      const [t, i] = view(text, 'AIDS');
      return pairedWith(t, i).map((k) => t.raws[k]);
    };
    expect(pair('HIV/AIDS')).toEqual(['HIV']);
    expect(pair('HIV AND AIDS')).toEqual(['HIV']);
    expect(pair('AIDS OR HIV')).toEqual(['HIV']);
    expect(pair('HIV & AIDS, TB')).toEqual(['HIV', 'TB']);
    expect(pair('SLEEP AIDS')).toEqual([]);
    expect(pair('AND AIDS')).toEqual([]);
  });

  it('tells a token alone in brackets', () => {
    expect(inOwnBrackets(...view('SYNDROME (AIDS)', 'AIDS'))).toBe(true);
    expect(inOwnBrackets(...view('(SLEEP AIDS)', 'AIDS'))).toBe(false);
  });
});
