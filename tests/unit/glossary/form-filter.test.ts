import { describe, expect, it } from 'vitest';
import { formFilter, formKeyRun } from '../../../glossary/form-filter';
import { createMatcher } from '../../../glossary/matcher';

const FORMS = ['PD-L1', 'TILs', 'TME', 'CTLA-4', 'MHC', 'EGFR', 'NSCLC', 'HER2', 'mAbs', 'irAE', 'ALK', 'CAR-Ts', 'CD19', 'T4'];
const TEXTS = [
  'PDL1 PD L1 PD-L1 pd-l1 PD‐L1 P\u00ADD-L1 PD-\nL1 PD–L1 PDL-1',
  "TIL TILs TILS tils TIL\u00ADs T-ILs TILs'",
  'TME TMEs TME’s tme T.M.E. T ME the treatment',
  'CTLA4 CTLA 4 CTLA-4 CTLA‑4 ctla-4',
  'MHC MHCs M-HC',
  'EGFR EGF-R EGFRs E\u00ADGFR',
  'NSCLC NSCLCs NS-CLC',
  'HER2 HER-2 HER 2 Her2 HER2+',
  'mAbs mAb MAbs mabs MAB',
  'irAE irAEs IRAE ir-AE',
  'ALK ALK+ ALK-positive Alk alk',
  'CAR-Ts CAR Ts CARTs car-ts CD-19 CD 19 cd19 T-4',
];

describe('formFilter', () => {
  const matcher = createMatcher(FORMS.map((f) => ({ id: `page:${f}`, aliases: [f] })), { fuzzy: false });

  it('never refuses text the forms matcher finds something in (each form and variant spelling alone)', () => {
    for (const form of FORMS) {
      const one = createMatcher([{ id: 'x', aliases: [form] }], { fuzzy: false });
      const test = formFilter([form])!;
      for (const text of TEXTS) for (const word of text.split(' ')) if (one.find(word).length) expect(test(word), `${form} in ${word}`).toBe(true);
    }
    const all = formFilter(FORMS)!;
    for (const text of TEXTS) if (matcher.find(text).length) expect(all(text)).toBe(true);
  });

  it('refuses ordinary text, even where the letters meet in another case ("treatment" holds "tme")', () => {
    const test = formFilter(FORMS.filter((f) => f !== 'T4'))!;
    expect(test('The treatment helped her, and the team met the doctor.')).toBe(false);
    expect(test('Ask about the TME.')).toBe(true);
    expect(test('T\u00ADME')).toBe(true);
  });

  it('takes the longest run of letters or digits of an acronym-like token; none for a plain word', () => {
    expect(formKeyRun('PD-L1')).toBe('PD');
    expect(formKeyRun('CTLA-4')).toBe('CTLA');
    expect(formKeyRun('TILs')).toBe('TILs');
    // "T4" has no run longer than a letter: every capital T passes (still right, just no help).
    expect(formKeyRun('T4')).toBe('T');
    expect(formKeyRun('chemo')).toBeNull();
    expect(formFilter(['NLR', 'chemo'])).toBeNull();
    expect(formFilter([])!('anything')).toBe(false);
  });
});
