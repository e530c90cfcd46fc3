import { describe, expect, it } from 'vitest';
import { extractAbbreviations, type AbbreviationDefinition } from '../../../../glossary/abbreviations/abbreviations';

/** The (short, long) pairs found, after checking every offset points at the exact substring. */
function pairs(text: string): string[] {
  const found = extractAbbreviations(text);
  for (const d of found) checkOffsets(text, d);
  return found.map((d) => `${d.short} = ${d.long}`);
}

function checkOffsets(text: string, d: AbbreviationDefinition): void {
  expect(text.slice(d.shortStart, d.shortEnd)).toBe(d.short);
  if (d.longParts) {
    // An assembled long form: modifier + shared head, each a piece of the text.
    const [modifier, head] = d.longParts;
    expect(d.long.startsWith(text.slice(modifier.start, modifier.end))).toBe(true);
    expect(d.long.endsWith(text.slice(head.start, head.end))).toBe(true);
    expect([d.longStart, d.longEnd]).toEqual([modifier.start, head.end]);
    return;
  }
  expect(text.slice(d.longStart, d.longEnd)).toBe(d.long);
  expect(d.start).toBeLessThanOrEqual(Math.min(d.shortStart, d.longStart));
  expect(d.end).toBeGreaterThanOrEqual(Math.max(d.shortEnd, d.longEnd));
  expect(/^[)\]]$/.test(text[d.end - 1]!)).toBe(true);
}

describe('extractAbbreviations: both orders', () => {
  it('finds "long form (SF)"', () => {
    expect(pairs('A high tumor mutational burden (TMB) may predict a response.')).toEqual(['TMB = tumor mutational burden']);
  });

  it('finds "SF (long form)"', () => {
    expect(pairs('PD-L1 (programmed death-ligand 1) is a protein.')).toEqual(['PD-L1 = programmed death-ligand 1']);
    expect(pairs('Doctors may test for MSI-H (microsatellite instability-high).')).toEqual(['MSI-H = microsatellite instability-high']);
  });

  it('finds "(long form, SF)" with both inside the brackets', () => {
    expect(pairs('It binds HIF-1beta (arylhydrocarbon receptor nuclear translocator, ARNT) in hypoxia.')).toEqual([
      'ARNT = arylhydrocarbon receptor nuclear translocator',
    ]);
  });

  it('reports the whole definition span, brackets included', () => {
    const text = 'Ask about tumor mutational burden (TMB).';
    const [d] = extractAbbreviations(text);
    expect(text.slice(d!.start, d!.end)).toBe('tumor mutational burden (TMB)');
    const other = 'Ask about PD-L1 (programmed death-ligand 1) now.';
    const [e] = extractAbbreviations(other);
    expect(other.slice(e!.start, e!.end)).toBe('PD-L1 (programmed death-ligand 1)');
  });

  it('uses UTF-16 offsets (emoji and accents before the definition)', () => {
    const text = '🎗️ Sjögren’s patients: 👩‍⚕️ non-small cell lung cancer (NSCLC) is common.';
    const [d] = extractAbbreviations(text);
    expect(d).toMatchObject({ short: 'NSCLC', long: 'non-small cell lung cancer' });
    expect(text.slice(d!.shortStart, d!.shortEnd)).toBe('NSCLC');
  });
});

describe('extractAbbreviations: hard cases of medical text', () => {
  it('handles hyphens and digits', () => {
    expect(pairs('Serum levels of interleukin-6 (IL-6) rose.')).toEqual(['IL-6 = interleukin-6']);
    expect(pairs('in patients with type 2 diabetes mellitus (T2DM)')).toEqual(['T2DM = type 2 diabetes mellitus']);
    expect(pairs('treated with 5-fluorouracil (5-FU) and leucovorin')).toEqual(['5-FU = 5-fluorouracil']);
    expect(pairs('reverse transcription-polymerase chain reaction (RT-PCR) was used')).toEqual([
      'RT-PCR = reverse transcription-polymerase chain reaction',
    ]);
  });

  it('handles Greek letters written as symbols or names', () => {
    expect(pairs('Levels of tumour necrosis factor-α (TNF-α) and interferon γ (IFN-γ) rose.')).toEqual([
      'TNF-α = tumour necrosis factor-α',
      'IFN-γ = interferon γ',
    ]);
    expect(pairs('transforming growth factor beta (TGF-β) signalling')).toEqual(['TGF-β = transforming growth factor beta']);
    expect(pairs('free kappa light chains (κLC) were measured')).toEqual(['κLC = kappa light chains']);
  });

  it('handles plural short forms', () => {
    expect(pairs('Tumor-infiltrating lymphocytes (TILs) were grown.')).toEqual(['TILs = Tumor-infiltrating lymphocytes']);
    expect(pairs('Monoclonal antibodies (mAbs) bind one target.')).toEqual(['mAbs = Monoclonal antibodies']);
    expect(pairs('Cytotoxic T lymphocytes (CTLs) kill infected cells.')).toEqual(['CTLs = Cytotoxic T lymphocytes']);
  });

  it('handles long forms whose words are not all used by the short form', () => {
    expect(pairs('Patients with immune-related adverse events (irAEs) were treated.')).toEqual([
      'irAEs = immune-related adverse events',
    ]);
    expect(pairs('Antibodies against programmed cell death protein 1 (PD-1) are used.')).toEqual([
      'PD-1 = programmed cell death protein 1',
    ]);
    expect(pairs('to explore the concept of quality of life (QOL) after injury')).toEqual(['QOL = quality of life']);
  });

  it('handles letters taken from inside words', () => {
    expect(pairs('Patients received chemotherapy (CTX) before surgery.')).toEqual(['CTX = chemotherapy']);
    expect(pairs('induced by methotrexate (MTX) in vitro')).toEqual(['MTX = methotrexate']);
    expect(pairs('with an electrocardiogram (ECG) at rest')).toEqual(['ECG = electrocardiogram']);
    expect(pairs('the human immunodeficiency virus type 1 integrase (IN) forms')).toEqual(['IN = integrase']);
  });

  it('keeps the shortest long form that explains every letter', () => {
    expect(pairs('Results of the randomized phase III study of overall survival (OS) were good.')).toEqual(['OS = overall survival']);
    expect(pairs('the hypoxic pulmonary vasoconstriction (HPV) response')).toEqual(['HPV = hypoxic pulmonary vasoconstriction']);
  });

  it('handles nested brackets', () => {
    expect(pairs('Levels of prostaglandin E(2) (PGE(2)) rose.')).toEqual(['PGE(2) = prostaglandin E(2)']);
    expect(pairs('changes in magnitude of CRP (root-mean-square (RMS) analysis) were found')).toEqual(['RMS = root-mean-square']);
    expect(pairs('on body weight in obese patients (body mass index (BMI) 27-40 kg/m2)')).toEqual(['BMI = body mass index']);
  });

  it('takes the first part of "(SF; …)" and "(SF, …)"', () => {
    expect(pairs('High tumor mutational burden (TMB; 10 mut/Mb or more) was seen.')).toEqual(['TMB = tumor mutational burden']);
    expect(pairs('in fetal bovine serum (FBS, 10%) for a day')).toEqual(['FBS = fetal bovine serum']);
  });

  it('understands "also called", "or", "known as", "hereafter" inside the brackets', () => {
    for (const cue of ['also called', 'or', 'known as', 'also known as', 'hereafter', 'hereafter referred to as']) {
      expect(pairs(`Tumor mutational burden (${cue} TMB) was high.`)).toEqual(['TMB = Tumor mutational burden']);
    }
    expect(pairs('Tumor mutational burden (hereafter, "TMB") was high.')).toEqual(['TMB = Tumor mutational burden']);
  });

  it('understands ", or SF" and ", also called SF" without brackets, for capitalised short forms', () => {
    const text = 'Some people get immune-related adverse events, or irAEs, after treatment.';
    const [d, ...rest] = extractAbbreviations(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ short: 'irAEs', long: 'immune-related adverse events' });
    expect(text.slice(d!.start, d!.end)).toBe('immune-related adverse events, or irAEs');
    expect(text.slice(d!.shortStart, d!.shortEnd)).toBe('irAEs');
    expect(extractAbbreviations('Doctors measure tumor mutational burden, also called TMB.').map((x) => x.long)).toEqual(['tumor mutational burden']);
    expect(extractAbbreviations('for stage I, II, or IIIA NSCLC and ALK, ROS1, or NTRK changes')).toEqual([]);
  });

  it('understands "SF, or long form" with the long form after the cue, up to its last letter', () => {
    const text = 'HPV, or human papillomavirus, causes most cervical cancers.';
    const [d, ...rest] = extractAbbreviations(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ short: 'HPV', long: 'human papillomavirus' });
    expect(text.slice(d!.start, d!.end)).toBe('HPV, or human papillomavirus');
    expect(text.slice(d!.longStart, d!.longEnd)).toBe('human papillomavirus');
    const open = 'Patients with NSCLC, also called non-small cell lung cancer that has spread, were treated.';
    expect(extractAbbreviations(open).map((x) => `${x.short} = ${x.long}`)).toEqual(['NSCLC = non-small cell lung cancer']);
    expect(extractAbbreviations('We used CT, or MRI if needed.')).toEqual([]);
  });

  it('reads square brackets like round ones', () => {
    expect(pairs('odds ratio [OR] 3.67, 95% confidence interval [CI] 1.47-9.9')).toEqual(['OR = odds ratio', 'CI = confidence interval']);
  });

  it('keeps words attached to a bracket and words after it', () => {
    expect(pairs('induce interleukin (IL)-10 production')).toEqual(['IL = interleukin']);
    expect(pairs('determination of clozapine(CLP) in serum')).toEqual(['CLP = clozapine']);
  });

  it('stops the long form at a sentence, clause or bracket boundary', () => {
    expect(pairs('We used inversion recovery (IR) fast spin-echo (FSE) imaging.')).toEqual(['IR = inversion recovery', 'FSE = fast spin-echo']);
    expect(pairs('Finger arterial pressure was monitored continuously (Finapres).')).toEqual([]);
  });

  it('finds single-letter short forms only as a one-word long form', () => {
    expect(pairs('Testosterone (T) and progesterone (P) were measured.')).toEqual(['T = Testosterone', 'P = progesterone']);
  });

  it('reads "+" and "-" at the end of a short form as positive and negative', () => {
    expect(pairs('The M protein-positive (M+) strain grew.')).toEqual(['M+ = M protein-positive']);
  });

  it('reads a Greek letter in the long form as the Latin letter of its name', () => {
    expect(pairs('Serum α-fetoprotein (AFP) and γ-glutamyl transferase (GGT) rose.')).toEqual([
      'AFP = α-fetoprotein',
      'GGT = γ-glutamyl transferase',
    ]);
    expect(pairs('Levels of β2-microglobulin (B2M) fell.')).toEqual(['B2M = β2-microglobulin']);
  });

  it('reads a bracketed or spelled-out subscript as a qualifier that comes first', () => {
    expect(pairs('The tidal volume (V(T)) fell.')).toEqual(['V(T) = tidal volume']);
    // Not "temperature" alone, though its letters would do.
    expect(pairs('at a low ambient temperature (T(a)) the birds')).toEqual(['T(a) = ambient temperature']);
    expect(pairs('The maximum plasma concentration (Cmax) was reached.')).toEqual(['Cmax = maximum plasma concentration']);
    expect(pairs('The 50% inhibitory concentration (IC50) was low.')).toEqual(['IC50 = 50% inhibitory concentration']);
    // A leading dot is an overdot (a rate), part of the short form.
    expect(pairs('Ventilation (.V(E)) rose.')).toEqual(['.V(E) = Ventilation']);
  });

  it('reads a quantity with a lower-case subscript, qualifier first, by its conventional symbol', () => {
    expect(pairs('short-circuit current (Isc) and transepithelial resistance (Rt) were measured')).toEqual([
      'Isc = short-circuit current',
      'Rt = transepithelial resistance',
    ]);
    expect(pairs('the resting membrane potential (Em) fell')).toEqual(['Em = membrane potential']);
    expect(pairs('a calcium-activated chloride current (ICl) was seen')).toEqual(['ICl = chloride current']);
    // Written order still wins when it fits as well: "Hb" is not "b… h…".
    expect(pairs('Low hemoglobin (Hb) was common.')).toEqual(['Hb = hemoglobin']);
  });

  it('reads a lower-case qualifier said last: "mismatch repair deficient (dMMR)"', () => {
    expect(pairs('tumors that are mismatch repair deficient (dMMR) respond')).toEqual(['dMMR = mismatch repair deficient']);
    expect(pairs('tumors with deficient mismatch repair (dMMR) respond')).toEqual(['dMMR = deficient mismatch repair']);
  });

  it('reads a definition missing the space before its bracket, after a hyphenated word', () => {
    expect(pairs('the programmed death-1(PD-1) receptor')).toEqual(['PD-1 = programmed death-1']);
    // Subscripts stay notation.
    expect(pairs('levels of E(2) and V(T) rose')).toEqual([]);
  });

  it('lets a capitalised name start with a function word only when its letters need it', () => {
    expect(pairs('data from The Cancer Genome Atlas (TCGA) show')).toEqual(['TCGA = The Cancer Genome Atlas']);
    expect(pairs('The National Cancer Institute (NCI) says')).toEqual(['NCI = National Cancer Institute']);
    expect(pairs('measured by the cancer genome atlas (TCGA) team')).toEqual([]);
  });

  it('reads short forms in a coordination that shares its head noun', () => {
    expect(pairs('examined by scanning (SEM) and transmission (TEM) electron microscopy and by light microscopy')).toEqual([
      'SEM = scanning electron microscopy',
      'TEM = transmission electron microscopy',
    ]);
    // A modifier ending in a hyphen keeps it; the head stops at the bracket.
    expect(pairs('esters (dimethyl-[DMP], diethyl-[DEP] and di-n-octyl [DnOP] phthalate) in oils')).toEqual([
      'DMP = dimethyl-phthalate',
      'DEP = diethyl-phthalate',
      'DnOP = di-n-octyl phthalate',
    ]);
    // A long form the modifier explains alone is an ordinary one.
    expect(pairs('both interleukin (IL) and tumour necrosis (TN) factor')).toEqual(['IL = interleukin', 'TN = tumour necrosis']);
    // Items that are not short forms are not a coordination.
    expect(pairs('in group one (n=5) and group two (n=6) patients')).toEqual([]);
  });

  it('reads a concentration in square brackets, with its subscript for where', () => {
    expect(pairs('a rise in intracellular calcium concentration ([Ca2+]i) was seen')).toEqual(['[Ca2+]i = intracellular calcium concentration']);
    expect(pairs('and the intracellular free Ca2+ concentrations ([Ca(2+)]i) rose')).toEqual([
      '[Ca(2+)]i = intracellular free Ca2+ concentrations',
    ]);
    expect(pairs('We measured serum creatine kinase concentration ([CK]) daily.')).toEqual(['[CK] = creatine kinase concentration']);
  });

  it('reads the count of a compound where its prefix is, in the same word', () => {
    expect(pairs('Both triiodothyronine (T3) and cortisol rose.')).toEqual(['T3 = triiodothyronine']);
    expect(pairs('inositol trisphosphate (IP3) release')).toEqual(['IP3 = inositol trisphosphate']);
    // "di" of another word does not stand for the 2.
    expect(pairs('The disease in the hip (H2) was mild.')).toEqual([]);
  });

  it('reads "to" and "for" said as numbers', () => {
    expect(pairs('shared peer-to-peer (P2P) networks')).toEqual(['P2P = peer-to-peer']);
    expect(pairs('the Boot to Gecko (B2G) project')).toEqual(['B2G = Boot to Gecko']);
  });

  it('reads Roman numerals as digits, whole numerals only', () => {
    expect(pairs('People with type II diabetes (T2D) were included.')).toEqual(['T2D = type II diabetes']);
    expect(pairs('People with type III diabetes (T2D) were included.')).toEqual([]);
  });

  it('reads O2 as oxygen', () => {
    expect(pairs('the saturation of peripheral oxygen (SpO2) fell')).toEqual(['SpO2 = saturation of peripheral oxygen']);
    expect(pairs('the arterial oxygen saturation (SaO2) fell')).toEqual([]);
  });

  it('reads an elided French article as a word of its own', () => {
    expect(pairs("la Fédération Internationale de Gynécologie et d'Obstétrique (FIGO)")).toEqual([
      "FIGO = Fédération Internationale de Gynécologie et d'Obstétrique",
    ]);
  });

  it('takes a lower-case word before brackets as a short form only when it is made of initials', () => {
    expect(pairs('after injection of rh (recombinant human) growth hormone')).toEqual(['rh = recombinant human']);
    expect(pairs('with the ligand dppe (1,2-bis(diphenylphosphino)ethane) in excess')).toEqual(['dppe = 1,2-bis(diphenylphosphino)ethane']);
    expect(pairs('Male rats (Rattus norvegicus) were used.')).toEqual([]);
  });

  it('finds "(SF, long form)" with the short form first inside the brackets', () => {
    expect(pairs('Levels were measured (ELISA, enzyme-linked immunosorbent assay) twice.')).toEqual([
      'ELISA = enzyme-linked immunosorbent assay',
    ]);
    expect(pairs('Risk was lower (HR, 0.75; 95% CI, 0.6-0.9) with it.')).toEqual([]);
    expect(pairs('headers.append("Content-Length", content.length.toString());')).toEqual([]);
  });
});

describe('extractAbbreviations: what is not a definition', () => {
  it('ignores statistics, citations, years, references and asides', () => {
    for (const text of [
      'Results (n = 12) were good (P < 0.05).',
      'This was shown before (Smith et al., 2019) [12].',
      'Immunotherapy is not for everyone (see below).',
      'Some drugs (e.g., pembrolizumab) help.',
      'The survival curve (Fig. 2) and the doses (Table 1) are shown.',
      'The median follow-up was 24 months (range, 3-60 months).',
      'We saw 20 cases (15%) of rash.',
    ]) {
      expect(pairs(text), text).toEqual([]);
    }
  });

  it('ignores brackets that are part of a word, and Markdown links', () => {
    expect(pairs('Amiloride inhibited [3H]prazosin and [3H]rauwolscine binding.')).toEqual([]);
    expect(pairs('We used the inhibitor CFTR(inh)-172 and effective fields H(eff).')).toEqual([]);
    expect(pairs('Read [Pembrolizumab](/about-cancer/treatment/drugs/pembrolizumab) first.')).toEqual([]);
  });

  it('ignores names from code made of whole words glued together', () => {
    expect(pairs('The controller serves calls for claiming a task for execution (ClaimTask), setting state.')).toEqual([]);
  });

  it('ignores list labels and enumerations of letters', () => {
    expect(pairs('Thrombosis of the internal carotid artery (A), thrombosis of the medial artery (B).')).toEqual([]);
    expect(pairs('across the three HLA class I alleles (A, B, C) there are')).toEqual([]);
    // A letter with a count after it is still a definition.
    expect(pairs('neurons responded with excitatory (E, n = 20) patterns')).toEqual(['E = excitatory']);
  });

  it('ignores brackets whose letters do not fit the words before them', () => {
    expect(pairs('The trial enrolled women with cervical cancer (KEYNOTE-826).')).toEqual([]);
    expect(pairs('It is given by vein (IV) every three weeks.')).toEqual([]);
  });

  it('ignores a long form that repeats the short form, or is itself one abbreviation', () => {
    expect(pairs('One optimal SD sequence (SD(+)) was used.')).toEqual([]);
    expect(pairs('Mutations in ATM (A-T) were found.')).toEqual([]);
  });
});

describe('extractAbbreviations: cost', () => {
  it('stays fast on long texts with many and unbalanced brackets', () => {
    const paragraph =
      'Patients with immune-related adverse events (irAEs) (n = 12; 15%) received anti-programmed cell death protein 1 (PD-1) ' +
      'therapy [12], (see Table 2) or chemotherapy (CTX). ';
    const text = paragraph.repeat(500) + '('.repeat(3000) + ' unclosed ' + '['.repeat(3000);
    // CPU time, not wall time: the budget only catches a super-linear blow-up (minutes), not noise.
    const before = process.cpuUsage();
    const found = extractAbbreviations(text);
    const used = process.cpuUsage(before);
    expect(found.map((d) => d.short).slice(0, 3)).toEqual(['irAEs', 'PD-1', 'CTX']);
    expect(found.length).toBe(1500);
    expect((used.user + used.system) / 1000).toBeLessThan(5000);
  });

  it('bounds the work on pathological letters', () => {
    // (The second short form also has other readings: the count 3 before each letter.)
    const text = `${'eeee e-e eee '.repeat(30)}(EEEEEEEEEEEEEEE) ${'tri-eee e-e '.repeat(30)}(EEE3) `.repeat(100);
    const before = process.cpuUsage();
    extractAbbreviations(text);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });
});
