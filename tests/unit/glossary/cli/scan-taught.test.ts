/**
 * scanText (what `glossary scan` and the evaluations run) marks the short forms a text teaches,
 * as the extension does (glossary/abbreviations/taught.ts), so the evaluations measure it.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../../glossary/cli/commands';

const marks = (text: string, ...rest: Parameters<typeof scanText> extends [string, ...infer R] ? R : never) =>
  scanText(text, ...rest).map((m) => `${m.start}:${m.text}→${m.id}`);

describe('scanText: short forms the text teaches', () => {
  const text = 'The MHC matters. Cells carry it on the major histocompatibility complex (MHC). Later, MHC binds.';

  it('marks the taught short form page-wide, before and after its definition, as the entry', () => {
    const at = (s: string, from = 0) => text.indexOf(s, from);
    expect(marks(text)).toEqual([
      `${at('MHC')}:MHC→hla`,
      `${at('major')}:major histocompatibility complex→hla`,
      `${at('(MHC') + 1}:MHC→hla`,
      `${at('Later, MHC') + 7}:MHC→hla`,
    ]);
    expect(scanText(text).find((m) => m.text === 'MHC')).toMatchObject({ term: expect.stringContaining('HLA'), fuzzy: false });
  });

  it('keeps the glossary-only scan available', () => {
    expect(marks(text, undefined, '', { taught: false })).toEqual([`${text.indexOf('major')}:major histocompatibility complex→hla`]);
  });

  it('finds the definition across segments (text nodes), and marks per segment in the page-wide offsets', () => {
    const page = 'major histocompatibility complex\n (MHC) is on cells.\nThe MHC again.';
    const segments = [
      { start: 0, text: 'major histocompatibility complex' },
      { start: 33, text: ' (MHC) is on cells.' },
      { start: 53, text: 'The MHC again.' },
    ];
    expect(marks(page, segments)).toEqual(['0:major histocompatibility complex→hla', '35:MHC→hla', '57:MHC→hla']);
  });

  it('never marks a taught short form over a glossary match, nor what the text does not teach', () => {
    const overlap = 'Natural killer cells (NKs) differ from NK cells. The American Hospital Association (AHA) helps; the AHA counts.';
    const found = marks(overlap);
    expect(found.filter((m) => m.includes('NK cells'))).toEqual([`${overlap.indexOf('NK cells')}:NK cells→nk-cells`]);
    expect(found.some((m) => m.includes('AHA'))).toBe(false);
  });
});
