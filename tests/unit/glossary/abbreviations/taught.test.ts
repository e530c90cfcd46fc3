import { describe, expect, it } from 'vitest';
import { extractAbbreviations } from '../../../../glossary/abbreviations/abbreviations';
import { findTaught, taughtMatcher, taughtTerms, teachableShort } from '../../../../glossary/abbreviations/taught';
import { defaultMatcher } from '../../../../glossary/default-matcher';
import { matchEntry } from '../../../../glossary/match-data';
import { scanText } from '../../../../glossary/cli/commands';

const matcher = defaultMatcher();
const isEntry = (id: string) => matchEntry(id) !== undefined;

/** short → entry id for the pairs a text defines. */
function taughtIn(text: string): Record<string, string> {
  const taught = taughtTerms(extractAbbreviations(text), matcher, isEntry);
  return Object.fromEntries([...taught.values()].map((t) => [t.short, t.entryId]));
}

function taughtPairs(...pairs: Array<[string, string]>): Record<string, string> {
  const taught = taughtTerms(pairs.map(([short, long]) => ({ short, long })), matcher, isEntry);
  return Object.fromEntries([...taught.values()].map((t) => [t.short, t.entryId]));
}

describe('taughtTerms: a short form the page ties to one of our entries', () => {
  it('teaches "MHC" from "major histocompatibility complex (MHC)", a form the glossary leaves out on its own', () => {
    // The premise: our glossary does not match a bare "MHC", but does match the long form.
    expect(matcher.find('MHC')).toEqual([]);
    expect(taughtIn('Cells show antigens on the major histocompatibility complex (MHC). Later the MHC binds.')).toEqual({ MHC: 'hla' });
  });

  it('keys a plural short form like the matcher folds it ("CTLs" is "CTL")', () => {
    const taught = taughtTerms([{ short: 'CTLs', long: 'cytotoxic T lymphocytes' }], matcher, isEntry);
    expect([...taught.keys()]).toEqual(['CTL']);
    expect(taught.get('CTL')?.entryId).toBe('cytotoxic-t-cells');
  });

  it('teaches nothing when the long form is no entry ("American Hospital Association (AHA)")', () => {
    expect(taughtIn('The American Hospital Association (AHA) changed insurance. The AHA counts hospitals.')).toEqual({});
  });

  it('teaches nothing when the long form is only partly a term ("tumor mutational burden-high (TMB-H)")', () => {
    expect(taughtPairs(['TMB-H', 'tumor mutational burden-high'])).toEqual({});
    expect(taughtPairs(['MHC-I', 'major histocompatibility complex class I'])).toEqual({});
    expect(taughtPairs(['NKT', 'natural killer T cells'])).toEqual({});
  });

  it('teaches nothing from a long form found only by spelling correction', () => {
    expect(matcher.find('major histocompatability complex')[0]).toMatchObject({ id: 'hla', fuzzy: true });
    expect(taughtPairs(['MHC', 'major histocompatability complex'])).toEqual({});
  });

  it('trims spaces and quotes around the long form, nothing else', () => {
    expect(taughtPairs(['MHC', ' “major histocompatibility complex” '])).toEqual({ MHC: 'hla' });
    expect(taughtPairs(['MHC', 'the major histocompatibility complex'])).toEqual({});
  });

  it('teaches no short form that is a common word whose capitals name something else: "(US)", "(IT)"', () => {
    // Each long form is one of our entries: only the short form stops it ("the US", "IT staff").
    expect(taughtPairs(['US', 'ultrasound'], ['IT', 'immunotherapy'])).toEqual({});
    expect(teachableShort('US')).toBe(false);
    expect(teachableShort('CAR')).toBe(true);
    expect(teachableShort('MHC')).toBe(true);
  });

  it('teaches an entry\'s acronym in name case ("Nice") and a question word in capitals ("WHO") from their long forms only', () => {
    expect(taughtIn('The National Institute for Health and Care Excellence (Nice), the drugs regulator, said no.')).toEqual({ Nice: 'nice' });
    expect(taughtIn('The World Health Organization (WHO) recommends it.')).toEqual({ WHO: 'world-health-organization' });
    // Name case teaches only the entry whose acronym it is; other common words stay untaught.
    expect(taughtPairs(['Car', 'chimeric antigen receptor'], ['Us', 'ultrasound'], ['Who', 'World Health Organization'], ['All', 'acute lymphoblastic leukemia'])).toEqual({});
  });

  it('teaches no short form that is not acronym-like ("Ad", "E"): it would be matched in ordinary words', () => {
    expect(taughtPairs(['Ad', 'adenovirus'], ['E', 'immunotherapy'], ['Tx', 'immunotherapy'])).toEqual({});
  });

  it('leaves a short form that is already a glossary term to the agree/conflict logic', () => {
    expect(taughtPairs(['TMB', 'tumor mutational burden'], ['TILs', 'tumor-infiltrating lymphocytes'])).toEqual({});
  });

  it('leaves a short form the glossary lists only in its other number ("TILs", not "TIL")', () => {
    expect(matcher.find('TIL')).toEqual([]);
    expect(taughtPairs(['TIL', 'tumor-infiltrating lymphocytes'])).toEqual({});
  });

  it('teaches a short form the glossary lists only in its other number when the entry\'s own name gives it ("Antibody-drug conjugate (ADC)")', () => {
    // The premise: bare "ADC" is left out (apparent diffusion coefficient on MRI reports), "ADCs" is matched.
    expect(matcher.find('ADC')).toEqual([]);
    expect(matcher.find('ADCs').map((m) => m.id)).toEqual(['antibody-drug-conjugate']);
    const names = (id: string) => matchEntry(id);
    const taught = (...pairs: Array<[string, string]>) =>
      Object.fromEntries([...taughtTerms(pairs.map(([short, long]) => ({ short, long })), matcher, isEntry, names).values()].map((t) => [t.short, t.entryId]));
    expect(taught(['ADC', 'antibody-drug conjugate'])).toEqual({ ADC: 'antibody-drug-conjugate' });
    // "Tumor-infiltrating lymphocytes (TILs)" names no "TIL": still not taught; nor without the names.
    expect(taught(['TIL', 'tumor-infiltrating lymphocytes'])).toEqual({});
    expect(taughtPairs(['ADC', 'antibody-drug conjugate'])).toEqual({});
    // A page that also defines it otherwise teaches nothing.
    expect(taught(['ADC', 'antibody-drug conjugate'], ['ADC', 'apparent diffusion coefficient'])).toEqual({});
    // The CLI's scan (what the evaluations measure) marks the later bare "ADC", and leaves an undefined one alone.
    const text = 'Tisotumab vedotin is an antibody-drug conjugate (ADC). The ADC binds tissue factor. Other ADCs are in trials.';
    const adc = scanText(text).filter((m) => m.id === 'antibody-drug-conjugate').map((m) => m.text);
    expect(adc).toEqual(['antibody-drug conjugate', 'ADC', 'ADC', 'ADCs']);
    expect(scanText('The ADC map showed restricted diffusion.').map((m) => m.id)).not.toContain('antibody-drug-conjugate');
  });

  it('teaches no Roman numeral: "intravenous (IV)" would light up every "stage IV"', () => {
    expect(matcher.find('intravenous')[0]?.id).toBe('intravenous');
    expect(taughtPairs(['IV', 'intravenous'])).toEqual({});
    expect(teachableShort('IV')).toBe(false);
    expect(teachableShort('XII')).toBe(false);
    expect(teachableShort('CML')).toBe(true);
    expect(teachableShort('MDC')).toBe(true);
  });

  it('teaches nothing for a short form the page defines with two meanings, in either order', () => {
    expect(taughtPairs(['MHC', 'major histocompatibility complex'], ['MHC', 'mental health clinic'])).toEqual({});
    expect(taughtPairs(['MHC', 'mental health clinic'], ['MHC', 'major histocompatibility complex'])).toEqual({});
    expect(taughtPairs(['OS', 'overall survival'], ['OS', 'complete response'])).toEqual({});
    // Defined twice with the same meaning is still taught.
    expect(taughtPairs(['MHC', 'major histocompatibility complex'], ['MHC', 'major histocompatibility complexes'])).toEqual({ MHC: 'hla' });
  });

  it('teaches a long form that is an entry with an everyday sense too: it stays under the health-page gate', () => {
    // "mutation" is marked only on pages about health; its taught short form keeps its id, so the same gate.
    expect(matchEntry('mutation')?.generalSense).toBe(true);
    expect(taughtPairs(['MUT', 'mutation'])).toEqual({ MUT: 'mutation' });
  });

  it("teaches nothing from a reader's own term: only a reviewed entry", () => {
    expect(taughtTerms([{ short: 'MHC', long: 'major histocompatibility complex' }], matcher, () => false).size).toBe(0);
  });
});

describe('findTaught', () => {
  const finder = taughtMatcher(taughtTerms([{ short: 'MHC', long: 'major histocompatibility complex' }], matcher, isEntry).values())!;
  const found = (text: string) => findTaught(text, finder).map((m) => `${text.slice(m.start, m.end)}=${m.id}`);

  it('finds the short form case-sensitively, plural folded, under the entry id', () => {
    expect(found('The MHC and two MHCs, but not mhc or Mhc.')).toEqual(['MHC=hla', 'MHCs=hla']);
  });

  it('leaves out an occurrence in a line set in capitals, not one next to a numeral or in a sentence', () => {
    expect(found('HOW MHC WORKS')).toEqual([]);
    expect(found('THE MHC')).toEqual([]);
    expect(found('MHC II and MHC class I on CD8 T cells; HLA/MHC.')).toEqual(['MHC=hla', 'MHC=hla', 'MHC=hla']);
  });

  it('reads a name-case or question-word short form only as written and not where a sentence opens with it', () => {
    const f = taughtMatcher(
      taughtTerms(
        [
          { short: 'Nice', long: 'National Institute for Health and Care Excellence' },
          { short: 'WHO', long: 'World Health Organization' },
        ],
        matcher,
        isEntry,
      ).values(),
    )!;
    const seen = (text: string) => findTaught(text, f).map((m) => text.slice(m.start, m.end));
    expect(seen('Later Nice approved it, and the WHO agreed (WHO, 2020).')).toEqual(['Nice', 'WHO', 'WHO']);
    expect(seen('It was a nice day. Nice to meet you. "Nice work."')).toEqual([]);
    expect(seen('WHO should get the vaccine? Who is at risk? WHO SHOULD NOT TAKE IT')).toEqual([]);
  });

  // Session 25: "acute lymphoblastic leukemia (ALL)" taught nothing ("all" is an English word), so every
  // later "ALL" on a CAR-T or leukemia page was unexplained.
  it('teaches a common word the page defines in capitals ("(ALL)") in capitals only, inside running text only', () => {
    expect(taughtIn('Children with acute lymphoblastic leukemia (ALL) may get CAR T-cell therapy.')).toEqual({ ALL: 'acute-lymphoblastic-leukemia' });
    expect(taughtIn('ALL (acute lymphoblastic leukemia) is the most common childhood cancer.')).toEqual({ ALL: 'acute-lymphoblastic-leukemia' });
    expect(taughtPairs(['AS', 'active surveillance'])).toEqual({ AS: 'active-surveillance' });
    const f = taughtMatcher(taughtTerms([{ short: 'ALL', long: 'acute lymphoblastic leukemia' }], matcher, isEntry).values())!;
    const seen = (text: string) => findTaught(text, f).map((m) => `${m.start}:${text.slice(m.start, m.end)}`);
    const text = 'CAR T-cell therapy for children with ALL. ALL can come back; B-cell ALL too (ALL).';
    expect(seen(text)).toEqual([text.indexOf('ALL'), text.indexOf('ALL can'), text.indexOf('ALL too'), text.indexOf('(ALL') + 1].map((at) => `${at}:ALL`));
    // Never the word: small letters, name case, a heading or a button in capitals, a lone "ALL".
    expect(seen('All children, and all adults.')).toEqual([]);
    expect(seen('ALL RIGHTS RESERVED')).toEqual([]);
    expect(seen('SEE ALL')).toEqual([]);
    expect(seen('ALL CANCER TYPES')).toEqual([]);
    expect(seen('NEWS | ALL | IMAGES')).toEqual([]);
    expect(seen('ALL')).toEqual([]);
    expect(seen('Show: ALL')).toEqual([]);
    // Listed with other short forms, still the name.
    expect(seen('Children with ALL, AML or CML.')).toEqual(['14:ALL']);
  });

  it('is null when nothing is taught', () => {
    expect(taughtMatcher([])).toBeNull();
  });
});
