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

  // Session 24: "erythropoietin or EPO" (no bracket, no comma) taught nothing; bare "EPO" is no glossary
  // alias (the European Patent Office), so only the page's own pairing may mark it.
  it('marks a short form the text pairs with its entry by "or" or ", or", without brackets, and no other', () => {
    const bare = 'A drug called erythropoietin or EPO raises red cells. Later, EPO can cause clots.';
    expect(marks(bare).filter((m) => m.includes('EPO'))).toEqual([`${bare.indexOf('EPO')}:EPO→erythropoietin`, `${bare.lastIndexOf('EPO')}:EPO→erythropoietin`]);
    const comma = 'Some get erythropoietin, or EPO, after chemo. EPO helps.';
    expect(marks(comma).filter((m) => m.includes('EPO'))).toEqual([`${comma.indexOf('EPO')}:EPO→erythropoietin`, `${comma.lastIndexOf('EPO')}:EPO→erythropoietin`]);
    // Not paired: no card; paired with another long form as well: none either.
    expect(marks('The EPO granted the patent. Erythropoietin is a hormone.').filter((m) => m.includes('EPO'))).toEqual([]);
    expect(marks('Erythropoietin or EPO; the European Patent Office (EPO) too. EPO.').filter((m) => m.includes('EPO'))).toEqual([]);
    // Session 25: the short form first, "EPO or erythropoietin", taught nothing (the "or" cue read only a
    // short form after it); read the same way now, and still nothing where the page also means the patent office.
    const first = 'Some patients with anemia get EPO or erythropoietin during chemotherapy. EPO can raise red cells.';
    expect(marks(first).filter((m) => m.includes('EPO'))).toEqual([`${first.indexOf('EPO')}:EPO→erythropoietin`, `${first.lastIndexOf('EPO')}:EPO→erythropoietin`]);
    expect(marks('EPO or erythropoietin; the European Patent Office (EPO) too. EPO.').filter((m) => m.includes('EPO'))).toEqual([]);
    // A list of alternatives teaches nothing: "surgery or SBRT", a glossary short form keeps its card.
    expect(marks('They had surgery or SBRT.').filter((m) => m.includes('SBRT→surgery'))).toEqual([]);
  });

  // Session 25: "(ALL)" taught nothing, "all" being an English word: every later "ALL" on a leukemia page was unexplained.
  it('marks "ALL" as acute lymphoblastic leukemia where the page defines it, in capitals and running text only', () => {
    const page =
      'Children with acute lymphoblastic leukemia (ALL) may get CAR T-cell therapy. CAR T-cell therapy for children with ALL is approved. All children with ALL need follow-up. See all results.\nALL RIGHTS RESERVED. SEE ALL. ALL CANCER TYPES.';
    const all = scanText(page).filter((m) => m.id === 'acute-lymphoblastic-leukemia').map((m) => `${m.start}:${m.text}`);
    const at = (s: string) => page.indexOf(s);
    expect(all).toEqual([`${at('acute')}:acute lymphoblastic leukemia`, `${at('(ALL') + 1}:ALL`, `${at('ALL is')}:ALL`, `${at('ALL need')}:ALL`]);
    // Not defined on the page: no card for a capital "ALL".
    expect(scanText('Treatment for ALL is long. ALL patients get it.').map((m) => m.id)).not.toContain('acute-lymphoblastic-leukemia');
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
