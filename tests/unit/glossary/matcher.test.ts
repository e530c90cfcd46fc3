import { describe, expect, it } from 'vitest';
import { correctsCapitalised, createMatcher, isInsideName, stageOrder } from '../../../glossary/matcher';
import { defaultMatcher } from '../../../glossary/default-matcher';
import { markedOnPage } from '../../../glossary/health-page';
import { matchData, matchEntry } from '../../../glossary/match-data';
import { dashSplitCodes } from '../support/code-spellings';
import { DELAYED_RESPONSE_TRAPS, HYPHEN_TRAPS, NAME_TRAPS, NUMERAL_TRAPS, OTHER_ILLNESS_TRAPS, REFRACTORY_SYMPTOM_TRAPS, RESPONDING_TRAPS, SHORT_FORM_TRAPS, SUMMARY_STAGE_TRAPS } from '../support/listed-traps';

/** "text→id" for every match, so failures read like the page. */
function found(text: string, matcher = defaultMatcher()): string[] {
  return matcher.find(text).map((m) => `${text.slice(m.start, m.end)}→${m.id}`);
}
const ids = (text: string) => defaultMatcher().find(text).map((m) => m.id);

const small = createMatcher(
  [
    { id: 'pd-l1', aliases: ['PD-L1'], expansion: 'programmed death-ligand 1' },
    { id: 'pd-1', aliases: ['PD-1'] },
    { id: 'checkpoint', aliases: ['checkpoint inhibitor', 'immune checkpoint inhibitor'] },
    { id: 'immune-system', aliases: ['immune system'] },
    { id: 'immune', aliases: ['immune'] },
    { id: 'til', aliases: ['TIL'], expansion: 'tumor-infiltrating lymphocytes' },
  ],
  { fuzzy: false },
);

describe('exact matching', () => {
  it('finds every hyphen, dash, space and no-space form with offsets into the text', () => {
    const text = 'PD-L1, PD L1, PDL1, PD‐L1, PD‑L1, PD–L1, PD—L1, PD−L1 and PD L1.';
    const matches = small.find(text);
    expect(matches).toHaveLength(9);
    for (const m of matches) expect(text.slice(m.start, m.end).replace(/[^A-Z0-9]/g, '')).toBe('PDL1');
  });

  it('prefers the longest match', () => {
    expect(found('an immune checkpoint inhibitor', small)).toEqual(['immune checkpoint inhibitor→checkpoint']);
    expect(found('the immune system and immune cells', small)).toEqual(['immune system→immune-system', 'immune→immune']);
  });

  it('reads a plus sign after a marker as part of the term ("CD8+ T cells"), but not a plus between words', () => {
    const m = createMatcher(
      [
        { id: 'cd8', aliases: ['CD8 T cell'] },
        { id: 'chemoradiation', aliases: ['chemo radiation'] },
      ],
      { fuzzy: false },
    );
    expect(found('CD8+ T cells and CD8+T cells', m)).toEqual(['CD8+ T cells→cd8', 'CD8+T cells→cd8']);
    expect(found('chemo + radiation', m)).toEqual([]);
  });

  it('does not spell-correct a capitalised word inside a sentence (a name), but does at a sentence start', () => {
    const m = createMatcher([{ id: 'melanin', aliases: ['melanin'] }], { fuzzy: true });
    expect(found('Yesterday Melanie said hello.', m)).toEqual([]);
    expect(found('we met Melania at the gala', m)).toEqual([]);
    expect(found('the melanine in skin', m)).toEqual(['melanine→melanin']);
    expect(found('Melanine is a pigment. Melanine again.', m)).toEqual(['Melanine→melanin', 'Melanine→melanin']);
  });

  it('does not show a term negated by "non-" ("non-hematologic toxicity"), but matches a term that includes the "non"', () => {
    const m = createMatcher(
      [
        { id: 'heme-tox', aliases: ['hematologic toxicity'] },
        { id: 'sclc', aliases: ['small cell lung cancer'] },
        { id: 'nsclc', aliases: ['non-small cell lung cancer'] },
      ],
      { fuzzy: false },
    );
    expect(found('grade 3 non-hematologic toxicity and nonhematologic toxicity', m)).toEqual([]);
    expect(found('non-small cell lung cancer, not small cell lung cancer', m)).toEqual([
      'non-small cell lung cancer→nsclc',
      'small cell lung cancer→sclc',
    ]);
    expect(found('hematologic toxicity was rare', m)).toEqual(['hematologic toxicity→heme-tox']);
  });

  it('matches whole words only', () => {
    expect(found('PD-10 and PD-1a and XPD-1 and immunex', small)).toEqual([]);
  });

  it('matches plurals, British spellings and expansions', () => {
    expect(found('Tumour-infiltrating lymphocytes (TILs)', small)).toEqual([
      'Tumour-infiltrating lymphocytes→til',
      'TILs→til',
    ]);
  });

  it('does not join words across punctuation', () => {
    expect(found('checkpoint. Inhibitor', small)).toEqual([]);
  });

  it('reports UTF-16 offsets after astral characters', () => {
    const text = '😀😀 PD-L1 🎗️ TIL';
    expect(found(text, small)).toEqual(['PD-L1→pd-l1', 'TIL→til']);
  });
});

describe('marks written inside a term', () => {
  const m = createMatcher(
    [
      { id: 'phase-1-2', aliases: ['phase I/II trial'] },
      { id: 'her2', aliases: ['HER2/neu', 'HER2'] },
      { id: 'hodgkin', aliases: ["Hodgkin's lymphoma"] },
      { id: 'lymphoma', aliases: ['lymphoma'] },
      { id: 'fda', aliases: ['U.S. Food and Drug Administration'] },
      { id: '3d-crt', aliases: ['3-dimensional (3-D) conformal radiation therapy'] },
      { id: 's-phase', aliases: ['S phase'] },
      { id: 'phase-3', aliases: ['phase 3 trial'] },
    ],
    { fuzzy: false },
  );

  it('finds a term that writes a slash, an apostrophe, full stops or brackets, as the page writes them', () => {
    expect(found('a phase I/II trial of HER2/neu', m)).toEqual(['phase I/II trial→phase-1-2', 'HER2/neu→her2']);
    expect(found('Hodgkin’s lymphoma (curly) and Hodgkin\'s lymphoma', m)).toEqual([
      'Hodgkin’s lymphoma→hodgkin',
      "Hodgkin's lymphoma→hodgkin",
    ]);
    expect(found('the U.S. Food and Drug Administration', m)).toEqual(['U.S. Food and Drug Administration→fda']);
    expect(found('3-dimensional (3-D) conformal radiation therapy', m)).toEqual(['3-dimensional (3-D) conformal radiation therapy→3d-crt']);
  });

  it('does not read marks the term does not write', () => {
    expect(found('phase I, II trial; HER2, neu; Hodgkin lymphoma', m)).toEqual(['HER2→her2', 'lymphoma→lymphoma']);
  });

  it('never starts a term at the "s" of a possessive ("Merck\'s phase 3 trial" is not the S phase)', () => {
    expect(found("Merck's phase 3 trial and Merck’s phase 3 trial", m)).toEqual(['phase 3 trial→phase-3', 'phase 3 trial→phase-3']);
    expect(found('cells in S phase', m)).toEqual(['S phase→s-phase']);
  });
});

describe('words that share a noun that is no term by itself ("cardiac or respiratory arrest")', () => {
  const m = createMatcher(
    [
      { id: 'cardiac-arrest', aliases: ['cardiac arrest'] },
      { id: 'respiratory-arrest', aliases: ['respiratory arrest'] },
      { id: 'lung-problems', aliases: ['lung problems'] },
      { id: 'kidney-failure', aliases: ['kidney failure'] },
      { id: 'liver-failure', aliases: ['liver failure'] },
    ],
    { fuzzy: false },
  );

  it('reads every item with the shared noun where each makes an entry with it', () => {
    expect(found('He had a cardiac or respiratory arrest.', m)).toEqual(['cardiac→cardiac-arrest', 'respiratory arrest→respiratory-arrest']);
    expect(found('cardiac and respiratory arrest', m)).toEqual(['cardiac→cardiac-arrest', 'respiratory arrest→respiratory-arrest']);
    expect(found('kidney, liver or cardiac failure', m)).toEqual([]);
    // A noun first is a thing of its own ("germs or cancer cells"): only an adjective-shaped word is read.
    expect(found('kidney or liver failure', m)).toEqual(['liver failure→liver-failure']);
  });

  it('reads nothing more where an item makes no entry with the noun', () => {
    // Only "lung problems" is an entry: "heart" is not read as heart problems.
    expect(found('heart or lung problems', m)).toEqual(['lung problems→lung-problems']);
    // Another noun after the last item: no shared noun.
    expect(found('cardiac or respiratory arrests and seizures', m)).toEqual(['cardiac→cardiac-arrest', 'respiratory arrests→respiratory-arrest']);
    expect(found('cardiac or other arrest', m)).toEqual([]);
  });
});

describe('words that share a noun over a list', () => {
  const m = createMatcher(
    [
      { id: 'recurrent', aliases: ['recurrent cervical cancer', 'recurrent cancer'] },
      { id: 'persistent', aliases: ['persistent cervical cancer'] },
      { id: 'locally-advanced', aliases: ['locally advanced cervical cancer'] },
      { id: 'metastatic', aliases: ['metastatic'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
      { id: 'stage-1', aliases: ['stage I'] },
      { id: 'infection', aliases: ['infection'] },
    ],
    { fuzzy: false },
  );

  it('reads "recurrent, metastatic, or persistent cervical cancer" as three kinds of cervical cancer', () => {
    expect(found('patients with recurrent, metastatic, or persistent cervical cancer.', m)).toEqual([
      'recurrent→recurrent',
      'metastatic→metastatic',
      'persistent cervical cancer→persistent',
    ]);
    expect(found('recurrent or metastatic cervical cancer', m)).toEqual([
      'recurrent→recurrent',
      'metastatic→metastatic',
      'cervical cancer→cervical-cancer',
    ]);
    expect(found('recurrent and/or locally advanced cervical cancer', m)[0]).toBe('recurrent→recurrent');
    // An item in the middle is a term with the noun ("persistent cervical cancer"), not alone.
    expect(found('persistent, recurrent, or metastatic cervical cancer', m)).toEqual([
      'persistent→persistent',
      'recurrent→recurrent',
      'metastatic→metastatic',
      'cervical cancer→cervical-cancer',
    ]);
  });

  it('does not read a word as sharing a noun when no list joins them', () => {
    // "recurrent cancer" is an alias, but here "recurrent" describes infections.
    expect(found('recurrent infections and cancer', m)).toEqual(['infections→infection']);
    expect(found('recurrent or cancer', m)).toEqual([]);
    // The last item must name a kind, and the shared noun must be a term by itself.
    expect(found('recurrent, or it cervical cancer', m)).toEqual(['cervical cancer→cervical-cancer']);
    expect(found('recurrent or metastatic cervical', m)).toEqual(['metastatic→metastatic']);
    expect(found('recurrent. Or metastatic cervical cancer', m)).toEqual(['metastatic→metastatic', 'cervical cancer→cervical-cancer']);
  });

  it('gives each label listed after a stage its stage: "stages IVA and IVB", "stage IB1, IB2, and IB3"', () => {
    const m3 = createMatcher(
      [
        { id: 'stage-iva', aliases: ['stage IVA'] },
        { id: 'stage-ivb', aliases: ['stage IVB'] },
        { id: 'stage-ib1', aliases: ['stage IB1'] },
        { id: 'stage-ib2', aliases: ['stage IB2'] },
        { id: 'stage-ib3', aliases: ['stage IB3'] },
        { id: 'colon-cancer', aliases: ['colon cancer'] },
        { id: 'colon-polyp', aliases: ['colon polyp'] },
      ],
      { fuzzy: false },
    );
    expect(found('stages IVA and IVB', m3)).toEqual(['stages IVA→stage-iva', 'IVB→stage-ivb']);
    expect(found('stage IB1, IB2, and IB3 disease', m3)).toEqual(['stage IB1→stage-ib1', 'IB2→stage-ib2', 'IB3→stage-ib3']);
    // Only labels take the words before them: "polyps" is no label, and a bare "IVB" no stage.
    expect(found('colon cancer and polyps', m3)).toEqual(['colon cancer→colon-cancer']);
    expect(found('an IVB injection', m3)).toEqual([]);
  });

  it('needs every item of the list to be a term: a word that only appears inside an alias is not one', () => {
    const m2 = createMatcher(
      [
        { id: 'radiation-dose', aliases: ['radiation dose'] },
        { id: 'dose', aliases: ['dose'] },
        { id: 'cancer-screening', aliases: ['cancer screening'] },
        { id: 'screening', aliases: ['screening'] },
        { id: 'infusion', aliases: ['an IV'] },
        { id: 'radiation', aliases: ['radiation'] },
        { id: 'care-plan', aliases: ['plan of care'] },
      ],
      { fuzzy: false },
    );
    expect(found('the kind of radiation and plan the dose', m2)).toEqual(['radiation→radiation', 'dose→dose']);
    expect(found('possible cancer, or an abnormal screening result', m2)).toEqual(['screening→screening']);
  });

  it('reads "stage I" as a stage, but not "stage I" followed by the pronoun\'s verb', () => {
    expect(found('Stage I. In stage I, the cancer is small; stage I or II', m)).toEqual([
      'Stage I→stage-1',
      'stage I→stage-1',
      'stage I→stage-1',
    ]);
    expect(found('stage I cervical cancer', m)).toEqual(['stage I→stage-1', 'cervical cancer→cervical-cancer']);
    expect(found('At this stage I felt tired, and at that stage I was scared.', m)).toEqual([]);
  });
});

describe('traps from real pages (shipped glossary)', () => {
  it('never matches short acronyms in the wrong case', () => {
    expect(ids('Wait till Tuesday. Till then, rest.')).toEqual([]);
    expect(ids('Parking for the car is free.')).toEqual([]);
    // eGFR is the kidney test, never the EGFR gene (acronyms match in their own case).
    expect(ids('Your eGFR shows how well your kidneys work.')).toEqual(['estimated-glomerular-filtration-rate', 'kidneys']);
    // "PD" is neither progressive disease nor PD-1 here; the name in brackets has its own card.
    expect(ids('PD (Parkinson’s disease) is not cancer.')).toEqual(['parkinsons-disease']);
  });

  it('does not take other vaccines or other resistance for cancer terms', () => {
    // The HPV vaccine has its own entry now: it prevents cancer, it is not a therapeutic (treatment) vaccine.
    expect(ids('Get the HPV vaccine at age 11.')).toEqual(['hpv-vaccine']);
    expect(ids('Her family put up some resistance to the move.')).toEqual([]);
    // Round 41: strength training has its own card now, the exercise, never drug resistance.
    expect(ids('Resistance training builds muscle.')).toEqual(['resistance-exercise']);
  });

  it('finds the acronyms in their own case', () => {
    expect(ids('TIL therapy')).toHaveLength(1);
    expect(ids('CAR-T and CAR T-cell therapy')).toHaveLength(2);
    expect(ids('EGFR')).toHaveLength(1);
    expect(ids('irAEs')).toHaveLength(1);
  });

  it('finds the terms of the source article', () => {
    const text =
      'immune checkpoint inhibitors, adoptive cell therapies, therapeutic vaccines, and monoclonal antibodies';
    expect(ids(text)).toHaveLength(4);
  });
});

describe('text in other scripts', () => {
  it('finds English terms written straight against Chinese, Japanese or Korean characters', () => {
    expect(found('开始immunotherapy之前，检测PD-L1的表达')).toEqual(['immunotherapy→immunotherapy', 'PD-L1→pd-l1']);
    expect(found('免疫療法とchemotherapyを比べる')).toEqual(['chemotherapy→chemotherapy']);
    expect(found('면역요법immunotherapy')).toEqual(['immunotherapy→immunotherapy']);
  });

  it('still treats accented Latin, Greek and Cyrillic letters as part of a word', () => {
    // One word, not "Immunoth" + "rapie" (the spelling correction, off on French pages, then reads it whole).
    expect(found('Immunothérapie')).toEqual(['Immunothérapie→immunotherapy']);
    expect(found('chemotherapyα')).toEqual([]);
  });
});

describe('fuzzy matching', () => {
  it.each(['immunotheraphy', 'checkpoint inhibiters', 'lymphocites', 'chemotherapie', 'monoclonol antibody'])(
    'catches the misspelling %s',
    (text) => {
      const matches = defaultMatcher().find(text);
      expect(matches).toHaveLength(1);
      expect(matches[0]!.start).toBe(0);
      expect(matches[0]!.end).toBe(text.length);
    },
  );

  it('marks corrected matches as fuzzy and exact ones as not', () => {
    expect(defaultMatcher().find('immunotheraphy')[0]!.fuzzy).toBe(true);
    expect(defaultMatcher().find('immunotherapy')[0]!.fuzzy).toBe(false);
  });

  it('never corrects short words', () => {
    expect(ids('tumer')).toEqual([]);
    expect(ids('antign')).toEqual([]); // 6 letters: too short to correct
    expect(ids('antigan')).toEqual(['antigen']); // 7 letters, one edit
  });

  it('glues split words back only when the result is exact', () => {
    expect(found('immuno-therapy and chemo therapy')).toEqual(['immuno-therapy→immunotherapy', 'chemo therapy→chemotherapy']);
    expect(found('the immune response to treatment')).toEqual(['immune response→immune-response']);
    expect(found('the immuneresponse')).toEqual(['immuneresponse→immune-response']);
  });

  it('glues a two-letter prefix across a hyphen only ("co-insurance", not "co insurance" or "ex-wife")', () => {
    const m = createMatcher([
      { id: 'coinsurance', aliases: ['coinsurance'] },
      { id: 'restaging', aliases: ['restaging'] },
    ]);
    const ids = (text: string) => m.find(text).map((x) => `${text.slice(x.start, x.end)}→${x.id}`);
    expect(ids('Your co-insurance is 20%. A re-staging scan.')).toEqual(['co-insurance→coinsurance', 're-staging→restaging']);
    // Apart by a space, the two pieces are words of their own.
    expect(ids('co insurance, re staging')).toEqual([]);
    // Only the listed prefixes: "un-" and "in-" are not glued ("in-surance" is not "insurance").
    expect(createMatcher([{ id: 'insurance', aliases: ['insurance'] }]).find('in-surance')).toEqual([]);
  });

  it('never corrects ordinary English words', () => {
    // "ontologist" is one letter from "oncologist" (a glossary word now, so no longer in this list).
    const text = 'The therapist said the remittance, the ontologist and the inhibition of a programmer were immaterial.';
    expect(found(text)).toEqual([]);
  });
});

describe('names are not words (isInsideName)', () => {
  const at = (text: string, word: string) => {
    const start = text.indexOf(word);
    return isInsideName(text, start, start + word.length);
  };

  it('knows a match inside a web address, a domain, a hashtag or a handle', () => {
    expect(at('Search ClinicalTrials.gov today.', 'ClinicalTrials')).toBe(true);
    expect(at('See www.cancer.gov/types/cervical for more.', 'cancer')).toBe(true);
    expect(at('See www.cancer.gov/types/cervical for more.', 'types')).toBe(true);
    expect(at('Follow #chemo on the app.', 'chemo')).toBe(true);
    expect(at('Ask @x_y or @chemo_care.', 'chemo')).toBe(true);
    expect(at('Ask @x_y or @chemo_care.', 'care')).toBe(true);
    expect(at('Mail nurse@clinic.org.', 'clinic')).toBe(true);
  });

  it('knows hyphen-joined words in the path of a web address, and keeps hyphenated words in prose', () => {
    const url = 'Source: http://www.englemed.co.uk/2023/03/29/immunotherapy-available-for-advanced-cervical-cancer/';
    expect(at(url, 'advanced-cervical-cancer')).toBe(true);
    expect(at('(https://example.org/side-effects-of-chemo)', 'side-effects')).toBe(true);
    expect(at('See www.example.org/chemotherapy-side-effects today.', 'side-effects')).toBe(true);
    expect(at('Ask about side-effects and follow-up care.', 'side-effects')).toBe(false);
    expect(at('A www-style name: non-small-cell lung cancer.', 'non-small-cell')).toBe(false);
  });

  it('reads any scheme, a scheme after a label and "www." after a bracket as an address (one test for both kinds of name)', () => {
    // Words that touch only hyphens in the path: were prose unless the run began with "http(s)://".
    expect(at('Get it at ftp://files.example.org/a-chemotherapy-guide today.', 'chemotherapy-guide')).toBe(true);
    expect(at('Source:https://example.org/what-are-side-effects-of-chemo', 'side-effects')).toBe(true);
    expect(found('Source:https://example.org/immunotherapy-for-advanced-cervical-cancer/')).toEqual([]);
    expect(at('(www.example.org/chemotherapy/side-effects)', 'chemotherapy')).toBe(true);
    expect(at('"www.example.org/chemotherapy-side-effects"', 'side-effects')).toBe(true);
    // A stop that ends a sentence stays prose, an address's stop stays a name.
    expect(at('It can reach the vagina.The cancer grows.', 'vagina')).toBe(false);
    expect(at('See ftp://x.org/vagina.The file.', 'vagina')).toBe(true);
    // A link's text that touches the address after it is prose, as before: the address starts after it.
    expect(at('[[Monoclonal Antibodies]](https://www.cancer.gov/types/immunotherapy)', 'Antibodies')).toBe(false);
    expect(at('[chemotherapy](https://example.org/x)', 'chemotherapy')).toBe(false);
    expect(at('the cervix and vagina.The](https://example.org/x)', 'vagina')).toBe(false);
    // A word that only looks like a scheme's neighbour is prose.
    expect(at('Ask about side-effects: chemo, radiation.', 'side-effects')).toBe(false);
  });

  it('reads a slash between words as prose, and as a name only inside an address', () => {
    expect(at('PD-1/PD-L1 inhibitors', 'PD-L1')).toBe(false);
    expect(at('given cisplatin/gemcitabine', 'cisplatin')).toBe(false);
    expect(at('given cisplatin/gemcitabine', 'gemcitabine')).toBe(false);
    expect(at('See cancer.gov/immunotherapy now', 'immunotherapy')).toBe(true);
    expect(at('See https://example.org/chemotherapy/x', 'chemotherapy')).toBe(true);
    expect(found('PD-1/PD-L1 inhibitors and cisplatin/gemcitabine')).toContain('cisplatin→cisplatin');
  });

  it('keeps words in sentences, before punctuation and at the ends of the text', () => {
    expect(at('Ask about chemo.', 'chemo')).toBe(false);
    expect(at('chemo', 'chemo')).toBe(false);
    expect(at('Chemo. Then rest.', 'Chemo')).toBe(false);
    expect(at('Is it chemo? Yes.', 'chemo')).toBe(false);
    expect(at('(chemo) and [radiation]', 'radiation')).toBe(false);
    expect(at('The trial ended in 2024. Chemo is next.', 'Chemo')).toBe(false);
    expect(at('Chemo #2 starts Monday.', 'Chemo')).toBe(false);
  });

  it('reads a stop with a footnote number or a new sentence after it as prose ("vagina.The", "chemotherapy.¹")', () => {
    expect(at('the cervix and vagina.The cancer', 'vagina')).toBe(false);
    expect(at('the cervix and vagina.Cervical cancer is', 'Cervical')).toBe(false);
    expect(at('after platinum chemotherapy.¹ Then', 'chemotherapy')).toBe(false);
    expect(at('after platinum chemotherapy.12 Then', 'chemotherapy')).toBe(false);
    expect(at('after platinum chemotherapy.¹²', 'chemotherapy')).toBe(false);
    // A number that goes on into a name is no footnote.
    expect(at('see chemotherapy.1a for the file', 'chemotherapy')).toBe(true);
    expect(at('see chemotherapy.1234 now', 'chemotherapy')).toBe(true);
  });

  it('keeps names with a stop between words as names', () => {
    for (const [text, word] of NAME_TRAPS) expect(at(text, word), text).toBe(true);
    // "e.g." has a one-letter word before its stop.
    expect(at('e.g.Chemo', 'g')).toBe(true);
  });

  it('drops such matches in the shipped glossary, and keeps the same words in a sentence', () => {
    expect(ids('Search ClinicalTrials.gov for a clinical trial.')).toEqual(['clinical-trial']);
    expect(ids('See www.cancer.gov/about-cancer/treatment for more.')).toEqual([]);
    expect(ids('Read https://example.org/news/immunotherapy-for-advanced-cervical-cancer/ today.')).toEqual([]);
    expect(ids('Follow #chemo and @immunotherapy_news.')).toEqual([]);
    expect(ids('Ask about chemo and immunotherapy.')).toEqual(['chemotherapy', 'immunotherapy']);
  });
});

describe('a bracketed abbreviation inside a phrase', () => {
  const phrases = createMatcher(
    [
      { id: 'car-t', aliases: ['CAR T-cell therapy', 'chimeric antigen receptor T-cell therapy'] },
      { id: 'til-therapy', aliases: ['TIL therapy', 'tumor-infiltrating lymphocyte therapy'] },
      { id: 'antigen', aliases: ['antigen'] },
      { id: 'car', aliases: ['CAR'] },
    ],
    { fuzzy: false },
  );

  it('is read past, so the whole phrase is one term', () => {
    expect(found('Ask about chimeric antigen receptor (CAR) T-cell therapy.', phrases)).toEqual([
      'chimeric antigen receptor (CAR) T-cell therapy→car-t',
    ]);
    expect(found('chimeric antigen receptor (CAR) T cell therapy', phrases)).toEqual(['chimeric antigen receptor (CAR) T cell therapy→car-t']);
    expect(found('tumor-infiltrating lymphocyte (TIL) therapy', phrases)).toEqual(['tumor-infiltrating lymphocyte (TIL) therapy→til-therapy']);
    // The phrase without the brackets still matches, of course.
    expect(found('chimeric antigen receptor T-cell therapy', phrases)).toEqual(['chimeric antigen receptor T-cell therapy→car-t']);
  });

  it('is read past only inside a phrase: not when the phrase stops at it', () => {
    expect(found('the chimeric antigen receptor (CAR) is made in a lab', phrases)).toEqual(['antigen→antigen', 'CAR→car']);
    expect(found('the receptor (CAR) is', phrases)).toEqual(['CAR→car']);
    expect(found('tumor-infiltrating lymphocyte (TIL) cells', phrases)).toEqual([]);
  });

  it('is only a short abbreviation alone in brackets, hugged by them', () => {
    // Not an abbreviation: a word in lower case, a long code, two words, or spaces inside the brackets.
    expect(found('chimeric antigen receptor (modified) T-cell therapy', phrases)).toEqual(['antigen→antigen']);
    expect(found('chimeric antigen receptor (CARTCELLS) T-cell therapy', phrases)).toEqual(['antigen→antigen']);
    expect(found('chimeric antigen receptor (CAR T) T-cell therapy', phrases)).toEqual(['antigen→antigen', 'CAR→car']);
    expect(found('chimeric antigen receptor ( CAR ) T-cell therapy', phrases)).toEqual(['antigen→antigen', 'CAR→car']);
  });

  it('works in the shipped glossary', () => {
    expect(ids('She asked about chimeric antigen receptor (CAR) T cell therapy.')).toEqual(['car-t-cell-therapy']);
    expect(ids('Tumor-infiltrating lymphocyte (TIL) therapy is given once.')).toEqual(['til-therapy']);
  });
});

describe('a disease-state word before a cancer name ("advanced melanoma")', () => {
  const m = createMatcher(
    [
      { id: 'advanced-cancer', aliases: ['advanced cancer', 'advanced cervical cancer', 'advanced disease', 'advanced-stage cancer'] },
      { id: 'locally-advanced', aliases: ['locally advanced cancer', 'locally advanced disease', 'locally advanced'] },
      { id: 'metastasis', aliases: ['metastatic', 'metastatic disease', 'metastatic cancer'] },
      { id: 'distant-metastasis', aliases: ['distant metastatic disease'] },
      { id: 'recurrent-cancer', aliases: ['recurrent cancer', 'recurrent disease'] },
      { id: 'melanoma', aliases: ['melanoma'] },
      { id: 'lung-cancer', aliases: ['lung cancer'] },
      { id: 'nsclc', aliases: ['non-small cell lung cancer', 'NSCLC'] },
      { id: 'hnc', aliases: ['head and neck cancer'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
      { id: 'infection', aliases: ['infection'] },
      { id: 'nurse', aliases: ['nurse practitioner'] },
    ],
    {
      fuzzy: false,
      readings: {
        cancerNames: ['melanoma', 'lung-cancer', 'nsclc', 'hnc', 'cervical-cancer'],
        stateWords: [
          { id: 'advanced-cancer', words: ['advanced', 'advanced-stage'] },
          { id: 'locally-advanced', words: ['locally advanced'] },
          { id: 'metastasis', words: ['metastatic'] },
          { id: 'recurrent-cancer', words: ['recurrent'] },
        ],
      },
    },
  );

  it('marks the state word with its entry and the cancer name with its own', () => {
    expect(found('advanced melanoma', m)).toEqual(['advanced→advanced-cancer', 'melanoma→melanoma']);
    expect(found('Recurrent melanoma', m)).toEqual(['Recurrent→recurrent-cancer', 'melanoma→melanoma']);
    expect(found('advanced-stage lung cancer', m)).toEqual(['advanced-stage→advanced-cancer', 'lung cancer→lung-cancer']);
    expect(found('locally advanced head and neck cancer', m)).toEqual(['locally advanced→locally-advanced', 'head and neck cancer→hnc']);
    expect(found('advanced NSCLC and advanced non-small cell lung cancer', m)).toEqual([
      'advanced→advanced-cancer',
      'NSCLC→nsclc',
      'advanced→advanced-cancer',
      'non-small cell lung cancer→nsclc',
    ]);
  });

  it('reads state words listed before a cancer name ("recurrent or metastatic head and neck cancer")', () => {
    expect(found('recurrent or metastatic head and neck cancer', m)).toEqual([
      'recurrent→recurrent-cancer',
      'metastatic→metastasis',
      'head and neck cancer→hnc',
    ]);
    expect(found('advanced or metastatic NSCLC', m)).toEqual(['advanced→advanced-cancer', 'metastatic→metastasis', 'NSCLC→nsclc']);
  });

  it('leaves what the aliases already read, and the state words before anything but a cancer name', () => {
    // An alias that holds the cancer name stays one match.
    expect(found('advanced cervical cancer', m)).toEqual(['advanced cervical cancer→advanced-cancer']);
    // "metastatic" inside a longer alias is not read again.
    expect(found('distant metastatic disease', m)).toEqual(['distant metastatic disease→distant-metastasis']);
    expect(found('advanced practice nurse, advanced age, recurrent infections, persistent cough', m)).toEqual(['infections→infection']);
    // Only right before the name: not across other words, marks or a line.
    expect(found('advanced, melanoma', m)).toEqual(['melanoma→melanoma']);
    expect(found('the advanced skin melanoma', m)).toEqual(['melanoma→melanoma']);
    // A state word that is an alias of another entry by itself keeps that entry.
    const bulky = createMatcher(
      [
        { id: 'bulky', aliases: ['bulky'] },
        { id: 'bulky-tumor', aliases: ['bulky cancer', 'bulky disease'] },
        { id: 'melanoma', aliases: ['melanoma'] },
      ],
      { fuzzy: false, readings: { cancerNames: ['melanoma'], stateWords: [{ id: 'bulky-tumor', words: ['bulky'] }] } },
    );
    expect(found('bulky melanoma', bulky)).toEqual(['bulky→bulky', 'melanoma→melanoma']);
    // A state word is not read without the readings.
    const plain = createMatcher([{ id: 'melanoma', aliases: ['melanoma'] }, { id: 'advanced-cancer', aliases: ['advanced cancer'] }], { fuzzy: false });
    expect(found('advanced melanoma', plain)).toEqual(['melanoma→melanoma']);
  });

  it('works in the shipped glossary, with readings derived at build time', () => {
    expect(found('advanced lung cancer')).toEqual(['advanced→advanced-cancer', 'lung cancer→lung-cancer']);
    // Session 23 (the brief's item 3): both cards, for other cancers too; the cervix's own phrase stays one term,
    // and so does a cancer whose advanced form has a card of its own (round 37: advanced ovarian cancer).
    expect(found('advanced ovarian cancer')).toEqual(['advanced ovarian cancer→advanced-ovarian-cancer']);
    expect(found('advanced breast cancer')).toEqual(['advanced→advanced-cancer', 'breast cancer→breast-cancer']);
    expect(found('advanced cervical cancer')).toEqual(['advanced cervical cancer→advanced-cancer']);
    expect(found('recurrent melanoma')).toEqual(['recurrent→recurrent-cancer', 'melanoma→melanoma']);
    expect(found('metastatic lung cancer')).toEqual(['metastatic→metastasis', 'lung cancer→lung-cancer']);
    expect(found('unresectable hepatocellular carcinoma')).toEqual(['unresectable→unresectable', 'hepatocellular carcinoma→hepatocellular-carcinoma']);
    expect(found('recurrent or metastatic head and neck cancer')).toEqual([
      'recurrent→recurrent-cancer',
      'metastatic→metastasis',
      'head and neck cancer→head-and-neck-cancer',
    ]);
    // "advanced practice nurse" is a nurse's title with its own card, never the advanced-cancer state.
    expect(ids('an advanced practice nurse; advanced age; persistent cough')).toEqual(['advanced-practice-registered-nurse']);
    expect(ids('patients had measurable tumor responses')).not.toContain('measurable-disease');
  });
});

describe('acronyms that are also words, in text set in capitals', () => {
  const m = createMatcher(
    [
      { id: 'aids', aliases: ['AIDS'] },
      { id: 'hiv', aliases: ['HIV'] },
      { id: 'nice', aliases: ['NICE'] },
      { id: 'hearing-aid', aliases: ['hearing aid'] },
    ],
    { fuzzy: false, readings: { cancerNames: [], stateWords: [], wordAcronyms: ['AIDS', 'NICE'] } },
  );

  it('reads such an acronym alone among words in capitals as the word', () => {
    for (const text of ['SLEEP AIDS', 'BAND-AIDS', 'EXERCISE AIDS RECOVERY', 'NICE TO MEET YOU', 'AND NICE', 'SLEEP AIDS. Many people take them.']) {
      expect(found(text, m), text).toEqual([]);
    }
    // A longer alias still wins in capitals.
    expect(found('HEARING AIDS', m)).toEqual(['HEARING AIDS→hearing-aid']);
  });

  it('keeps the acronym where the text makes it certain', () => {
    expect(found('HIV/AIDS', m)).toEqual(['HIV→hiv', 'AIDS→aids']);
    expect(found('HIV AND AIDS', m)).toEqual(['HIV→hiv', 'AIDS→aids']);
    expect(found('AIDS OR HIV', m)).toEqual(['AIDS→aids', 'HIV→hiv']);
    expect(found('SYNDROME (AIDS)', m)).toEqual(['AIDS→aids']);
    // Paired with another acronym that is also a word, or with a word, it is not certain.
    expect(found('NICE AND AIDS', m)).toEqual([]);
    expect(found('SLEEP AND MEMORY AIDS', m)).toEqual([]);
  });

  it('reads the text around a piece of text on its line (find\'s context): a heading split over inline elements', () => {
    const around = (before: string, after = '') => () => ({ before, after });
    // "<h2><span>SLEEP</span> AIDS</h2>": the node " AIDS" after "SLEEP".
    expect(found(' AIDS', m)).toEqual(['AIDS→aids']);
    expect(m.find(' AIDS', around('SLEEP'))).toEqual([]);
    expect(m.find('AIDS', around('', ' RECOVERY TIPS'))).toEqual([]);
    // Small letters around it, or another acronym of the glossary paired with it, keep the acronym.
    expect(m.find(' AIDS', around('Living with'))).toHaveLength(1);
    expect(m.find('/AIDS', around('HIV'))).toHaveLength(1);
    expect(m.find('AIDS', around('HIV AND '))).toHaveLength(1);
    expect(m.find('AIDS', around('NICE AND '))).toEqual([]);
    // Asked for only when a rule needs it, and at most once per text.
    let asked = 0;
    const counting = () => {
      asked++;
      return { before: 'SLEEP ', after: '' };
    };
    expect(m.find('Many people with AIDS and their families', counting)).toHaveLength(1);
    expect(m.find('People with HIV', counting)).toHaveLength(1);
    expect(asked).toBe(0);
    expect(m.find('AIDS AIDS', counting)).toEqual([]);
    expect(asked).toBe(1);
  });

  it('leaves acronyms in ordinary text, alone, and without the reading as before', () => {
    expect(found('AIDS', m)).toEqual(['AIDS→aids']);
    expect(found('People with AIDS', m)).toEqual(['AIDS→aids']);
    expect(found('The NICE HTA guidance', m)).toEqual(['NICE→nice']);
    expect(found('Read more: NICE', m)).toEqual(['NICE→nice']);
    const plain = createMatcher([{ id: 'aids', aliases: ['AIDS'] }], { fuzzy: false });
    expect(found('SLEEP AIDS', plain)).toEqual(['AIDS→aids']);
  });
});

describe('a disease-state word over a bracketed aside', () => {
  const m = createMatcher(
    [
      { id: 'advanced-cancer', aliases: ['advanced cancer', 'advanced disease'] },
      { id: 'stage-range', aliases: ['stage 3 or 4'] },
      { id: 'uterine-cancer', aliases: ['uterine cancer'] },
    ],
    { fuzzy: false, readings: { cancerNames: ['uterine-cancer'], stateWords: [{ id: 'advanced-cancer', words: ['advanced', 'advanced-stage'] }] } },
  );

  it('reads on past a short aside in brackets to the cancer name', () => {
    expect(found('advanced-stage (stage 3 or 4) uterine cancer', m)).toEqual(['advanced-stage→advanced-cancer', 'stage 3 or 4→stage-range', 'uterine cancer→uterine-cancer']);
    expect(found('advanced (FIGO 2018) uterine cancer', m)).toEqual(['advanced→advanced-cancer', 'uterine cancer→uterine-cancer']);
  });

  it('does not read past a long aside, a sentence end, a bracket inside or no space', () => {
    expect(found('advanced (one two three four five six seven eight nine) uterine cancer', m)).toEqual(['uterine cancer→uterine-cancer']);
    expect(found('advanced (stage 3 or 4). uterine cancer', m)).toEqual(['stage 3 or 4→stage-range', 'uterine cancer→uterine-cancer']);
    expect(found('advanced (see (a)) uterine cancer', m)).toEqual(['uterine cancer→uterine-cancer']);
    expect(found('advanced (stage 3 or 4)uterine cancer', m)).toEqual(['stage 3 or 4→stage-range', 'uterine cancer→uterine-cancer']);
    expect(found('advanced (stage 3 or 4) care', m)).toEqual(['stage 3 or 4→stage-range']);
  });
});

describe('stages listed before a thing staged apart from cancer', () => {
  const m = createMatcher(
    [
      { id: 'stage-iii', aliases: ['stage 3'] },
      { id: 'stage-iv', aliases: ['stage 4', 'stage 4 disease'] },
      { id: 'stage-range', aliases: ['stage 3 or 4'] },
      { id: 'ckd', aliases: ['chronic kidney disease'] },
      { id: 'ckd-stage', aliases: ['stage 3 chronic kidney disease', 'stage 4 chronic kidney disease'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
      { id: 'stage-4-cervical-cancer', aliases: ['stage 4 cervical cancer'] },
      { id: 'phase-3', aliases: ['phase 3', 'phase 3 trial'] },
      { id: 'phase-2', aliases: ['phase 2'] },
      { id: 'trial', aliases: ['trial'] },
    ],
    { fuzzy: false, readings: { cancerNames: ['cervical-cancer', 'stage-4-cervical-cancer'], stateWords: [] } },
  );

  it('reads a range or a list of stages with the staged thing as its own term', () => {
    expect(found('stage 3 or 4 chronic kidney disease', m)).toEqual(['stage 3 or 4 chronic kidney disease→ckd-stage']);
    expect(found('stages 3 or 4 chronic kidney disease', m)).toEqual(['stages 3 or 4 chronic kidney disease→ckd-stage']);
    expect(found('stage 3, 4 chronic kidney disease', m)).toEqual(['stage 3, 4 chronic kidney disease→ckd-stage']);
    expect(found('stage 3-4 chronic kidney disease', m)).toEqual(['stage 3-4 chronic kidney disease→ckd-stage']);
    expect(found('stage 3 to 4 chronic kidney disease', m)).toEqual(['stage 3 to 4 chronic kidney disease→ckd-stage']);
  });

  it('keeps the stages before a cancer, a word that changes nothing and other labels', () => {
    expect(found('stage 3 or 4 cervical cancer', m)).toEqual(['stage 3 or 4→stage-range', 'cervical cancer→cervical-cancer']);
    expect(found('stage 3 or 4 disease', m)).toEqual(['stage 3 or 4→stage-range']);
    expect(found('stage 3 or 4 patients', m)).toEqual(['stage 3 or 4→stage-range']);
    expect(found('stage 3 or 4\nchronic kidney disease', m)).toEqual(['stage 3 or 4→stage-range', 'chronic kidney disease→ckd']);
    expect(found('phase 2 or 3 trial', m)).toEqual(['phase 2→phase-2', '3→phase-3', 'trial→trial']);
  });
});

describe('hyphenated words listed before a shared noun', () => {
  const m = createMatcher(
    [
      { id: 'single-arm-trial', aliases: ['single-arm trial'] },
      { id: 'open-label-trial', aliases: ['open-label', 'open-label trial'] },
      { id: 'multicenter-trial', aliases: ['multicenter', 'multicenter trial'] },
      { id: 'phase-2-trial', aliases: ['phase II trial'] },
      { id: 'randomized-trial', aliases: ['randomized trial'] },
      { id: 'recurrent', aliases: ['recurrent cervical cancer'] },
      { id: 'locally-advanced', aliases: ['locally-advanced cervical cancer'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
      { id: 'hodgkin', aliases: ['Hodgkin lymphoma'] },
      { id: 'nhl', aliases: ['non-Hodgkin lymphoma'] },
      { id: 'arm', aliases: ['arm'] },
    ],
    { fuzzy: false },
  );

  it('reads each item with the noun, from the last words of the term after the list', () => {
    expect(found('a single-arm, open-label, multicenter phase II trial', m)).toEqual([
      'single-arm→single-arm-trial',
      'open-label→open-label-trial',
      'multicenter→multicenter-trial',
      'phase II trial→phase-2-trial',
    ]);
    expect(found('a single-arm or randomized phase II trial', m)).toEqual(['single-arm→single-arm-trial', 'phase II trial→phase-2-trial']);
    expect(found('recurrent or locally-advanced cervical cancer', m)).toEqual(['recurrent→recurrent', 'locally-advanced cervical cancer→locally-advanced']);
  });

  it('needs a list of terms before a term: a hyphenated word alone, or after other words, stays as it was', () => {
    expect(found('a single-arm phase II trial', m)).toEqual(['arm→arm', 'phase II trial→phase-2-trial']);
    expect(found('a single-arm, well-run phase II trial', m)).toEqual(['arm→arm', 'phase II trial→phase-2-trial']);
    expect(found('single-arm, open-label, multicenter and small', m)).toEqual(['arm→arm', 'open-label→open-label-trial', 'multicenter→multicenter-trial']);
    // A "non-" word is no item here: the list reads as it did before hyphenated items.
    expect(found('Hodgkin and non-Hodgkin lymphoma', m)).toEqual(['non-Hodgkin lymphoma→nhl']);
  });

  it('works in the shipped glossary', () => {
    expect(found('a single-arm, open-label, multicenter phase II trial')).toEqual([
      'single-arm→single-arm-trial',
      'open-label→open-label-trial',
      'multicenter→multicenter-trial',
      'phase II trial→phase-2-trial',
    ]);
  });
});

describe('a match of articles and prepositions before a longer term ("an IV push")', () => {
  const m = createMatcher(
    [
      { id: 'infusion', aliases: ['an IV', 'by IV', 'IV line', 'on a drip'] },
      { id: 'iv-bolus', aliases: ['IV push'] },
      { id: 'drip-rate', aliases: ['drip rate'] },
      { id: 'iv-chemo', aliases: ['IV chemo'] },
    ],
    { fuzzy: false },
  );

  it('yields to the longer term that starts after its articles and prepositions', () => {
    expect(found('given as an IV push', m)).toEqual(['IV push→iv-bolus']);
    expect(found('an IV line', m)).toEqual(['IV line→infusion']);
    expect(found('on a drip rate of 20', m)).toEqual(['drip rate→drip-rate']);
  });

  it('keeps the match when the term after it is no longer', () => {
    expect(found('she has an IV in her arm, given by IV.', m)).toEqual(['an IV→infusion', 'by IV→infusion']);
    expect(found('on a drip', m)).toEqual(['on a drip→infusion']);
  });

  it('works in the shipped glossary', () => {
    expect(found('She was given an IV push of saline.')).toEqual(['IV push→iv-bolus', 'saline→saline']);
  });
});

describe('code names written with the hyphen elsewhere ("CD-19", "PDL-1")', () => {
  const codes = createMatcher(
    [
      { id: 'cd19', aliases: ['CD19'] },
      { id: 'pd-l1', aliases: ['PD-L1', 'PD-L1 expression'] },
      { id: 'her2', aliases: ['HER2'] },
      { id: 'il-2', aliases: ['IL-2'] },
      { id: 'b7-h3', aliases: ['B7-H3'] },
      { id: 'mk-3475', aliases: ['MK-3475'] },
      { id: 'stage-ia', aliases: ['stage IA'] },
      { id: 'stage-ia1', aliases: ['stage IA1'] },
      { id: 't4-level', aliases: ['T4 level'] },
      { id: 'both', aliases: ['ZX-12', 'ZX12'] },
    ],
    { fuzzy: false },
  );
  const read = (text: string) => codes.find(text).map((m) => `${text.slice(m.start, m.end)}→${m.id}${m.fuzzy ? ' (guess)' : ''}`);

  it('reads a hyphen or dash between a letter and a digit where the alias writes none', () => {
    expect(read('CD-19 and CD‐19 and CD–19')).toEqual(['CD-19→cd19 (guess)', 'CD‐19→cd19 (guess)', 'CD–19→cd19 (guess)']);
    expect(read('HER-2')).toEqual(['HER-2→her2 (guess)']);
    expect(read('B-7-H3')).toEqual(['B-7-H3→b7-h3 (guess)']);
    expect(read('a T-4 level')).toEqual(['T-4 level→t4-level (guess)']);
  });

  it('moves the hyphen: glues where the alias splits and splits where it glues ("PDL-1", "PD-L-1")', () => {
    expect(read('PDL-1 and PD-L-1')).toEqual(['PDL-1→pd-l1 (guess)', 'PD-L-1→pd-l1 (guess)']);
    expect(read('PDL-1 expression')).toEqual(['PDL-1 expression→pd-l1 (guess)']);
  });

  it('still reads the alias\'s own places as before: apart with a space or hyphen, or glued', () => {
    expect(read('PD L1, PD-L1, PDL1, IL2, IL 2, B7H3, B7 H3, MK3475, MK 3475')).toEqual([
      'PD L1→pd-l1', 'PD-L1→pd-l1', 'PDL1→pd-l1', 'IL2→il-2', 'IL 2→il-2', 'B7H3→b7-h3', 'B7 H3→b7-h3', 'MK3475→mk-3475', 'MK 3475→mk-3475',
    ]);
  });

  it('takes the alias as written over the same span read as a split code', () => {
    expect(read('ZX-12')).toEqual(['ZX-12→both']);
  });

  it('does not split with a bare space where the alias writes nothing (counters, sizes, stages)', () => {
    expect(read('CD 19 patients')).toEqual([]);
    expect(read('HER 2')).toEqual([]);
    expect(read('stage IA 1 cm tumours')).toEqual(['stage IA→stage-ia']);
  });

  it('needs the same characters: no other digits, no split inside a run of letters or digits, no glued word', () => {
    expect(read('PD L10, PDL-10, CD-190, CD-1-9, CD1-9, C-D19, XCD-19, CD-19X, PDL-1X')).toEqual([]);
    expect(read('PDL-1expression')).toEqual([]);
  });

  it('keeps the case of every piece, even a single capital', () => {
    expect(read('cd-19, Cd-19, pdl-1, her-2, t-4 level')).toEqual([]);
    expect(read('stage IA-1')).toEqual(['stage IA-1→stage-ia1 (guess)']);
    expect(read('stage ia-1')).toEqual([]);
  });

  it('is a guess, so it is marked only on a page about health ("AK-104" is also a rifle)', () => {
    const m = defaultMatcher();
    const gun = 'The AK-104 is a shortened carbine.';
    const matches = m.find(gun);
    expect(matches.map((x) => [gun.slice(x.start, x.end), x.id, x.fuzzy])).toEqual([['AK-104', 'cadonilimab', true]]);
    expect(markedOnPage(matches, matchEntry)).toEqual([false]);
  });

  it('reads every code of the shipped glossary split at each letter–digit change as its alias', () => {
    const m = defaultMatcher();
    const misread: string[] = [];
    let spellings = 0;
    for (const e of matchData.entries) {
      for (const alias of [...e.aliases, ...(e.expansion ? [e.expansion] : [])]) {
        const text = dashSplitCodes(alias);
        if (text === alias) continue;
        spellings++;
        const asWritten = m.find(alias).find((x) => x.start === 0)?.id ?? e.id;
        const whole = m.find(text).find((x) => x.start === 0 && x.end === text.replace(/[^\p{L}\p{N}]+$/u, '').length);
        if (whole?.id !== asWritten) misread.push(`${text} (${alias}): ${whole?.id ?? 'not found'}`);
      }
    }
    expect(spellings).toBeGreaterThan(100);
    expect(misread).toEqual([]);
  });
});

describe('stage ranges written with a dash ("stage 3-4")', () => {
  const m = createMatcher(
    [
      { id: 'stage-ii', aliases: ['stage II', 'stage 2'] },
      { id: 'stage-iii', aliases: ['stage III', 'stage 3', 'stage IIIA'] },
      { id: 'stage-iv', aliases: ['stage IV', 'stage 4'] },
      { id: 'stage-range', aliases: ['stage IB-IVA', 'stages 3 or 4', 'stage III or IV'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
    ],
    { fuzzy: false, readings: { cancerNames: ['cervical-cancer'], stateWords: [] } },
  );

  it('orders stage labels, and knows no stage past V', () => {
    expect(stageOrder('3')).toBeLessThan(stageOrder('IIIA'));
    expect(stageOrder('IIIA')).toBeLessThan(stageOrder('IIIB'));
    expect(stageOrder('IIIC2')).toBeLessThan(stageOrder('IV'));
    expect(stageOrder('1b')).toBe(stageOrder('IB'));
    for (const label of ['12', 'X', 'IIII', 'VI', 'polyps']) expect(stageOrder(label), label).toBe(-1);
  });

  it('reads the range as "stage 3 or 4" reads, where the trie has no such alias', () => {
    expect(found('stage 3-4 cervical cancer', m)).toEqual(['stage 3-4→stage-range', 'cervical cancer→cervical-cancer']);
    expect(found('stages II–III', m)).toEqual(['stages II–III→stage-range']);
    expect(found('stage IIIA - IV', m)).toEqual(['stage IIIA - IV→stage-range']);
    // An alias of the range stays what it was.
    expect(found('stage IB-IVA', m)).toEqual(['stage IB-IVA→stage-range']);
  });

  it('keeps the first stage alone where the dash is not a range', () => {
    expect(found('Stage 3 - the treatment', m)).toEqual(['Stage 3→stage-iii']);
    expect(found('stage 3-12', m)).toEqual(['stage 3→stage-iii']);
    expect(found('stage 4-3', m)).toEqual(['stage 4→stage-iv']);
    expect(found('stage 3 -4', m)).toEqual(['stage 3→stage-iii']);
    expect(found('stage 3-4-5', m)).toEqual(['stage 3→stage-iii']);
    // Without a "stage <label> or <label>" term in the glossary there is no range to read.
    const none = createMatcher([{ id: 'stage-iii', aliases: ['stage 3'] }], { fuzzy: false });
    expect(found('stage 3-4', none)).toEqual(['stage 3→stage-iii']);
  });
});

describe('a disease-state word after a verb, with a cancer as its subject ("the cancer is recurrent")', () => {
  const m = createMatcher(
    [
      { id: 'advanced-cancer', aliases: ['advanced cancer', 'advanced disease'] },
      { id: 'recurrent-cancer', aliases: ['recurrent cancer', 'recurrent disease'] },
      { id: 'persistent-cancer', aliases: ['persistent cancer', 'persistent disease'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
      { id: 'metastasis', aliases: ['metastatic'] },
      { id: 'bulky-tumor', aliases: ['bulky tumor'] },
    ],
    {
      fuzzy: false,
      readings: {
        cancerNames: ['cervical-cancer'],
        stateWords: [
          { id: 'advanced-cancer', words: ['advanced'] },
          { id: 'recurrent-cancer', words: ['recurrent'] },
          { id: 'persistent-cancer', words: ['persistent'] },
        ],
        cancerNouns: ['cancer', 'tumor'],
      },
    },
  );

  it('reads it after a cancer name, a cancer noun, or "the disease" once a cancer is named', () => {
    expect(found('if the cancer is recurrent', m)).toEqual(['recurrent→recurrent-cancer']);
    expect(found('when cervical cancer is advanced', m)).toEqual(['cervical cancer→cervical-cancer', 'advanced→advanced-cancer']);
    expect(found('The tumours were persistent.', m)).toEqual(['persistent→persistent-cancer']);
    expect(found('cancer that has become advanced', m)).toEqual(['advanced→advanced-cancer']);
    expect(found('The cancer can become advanced.', m)).toEqual(['advanced→advanced-cancer']);
    expect(found('If the tumor comes back as advanced', m)).toEqual(['advanced→advanced-cancer']);
    expect(found('the cancer is now advanced', m)).toEqual(['advanced→advanced-cancer']);
    expect(found('the cancer is recurrent or persistent', m)).toEqual(['recurrent→recurrent-cancer', 'persistent→persistent-cancer']);
    expect(found('Cervical cancer spreads. If the disease is recurrent, ask.', m)).toEqual(['Cervical cancer→cervical-cancer', 'recurrent→recurrent-cancer']);
  });

  it('leaves it where the subject is no cancer, or is not the subject', () => {
    for (const text of [
      'the disease is recurrent',
      'her English is advanced',
      'the cough is persistent',
      'the treatment of the cancer is advanced',
      'cancer research is advanced',
      'research into cancer is advanced',
      'the cancer is not advanced',
      'the cancer is advanced cancer',
      'the cancer, advanced',
      'the cancer is\nadvanced',
      'treating cancer is advanced',
      'the anti-cancer drug is advanced',
    ]) {
      expect(found(text, m).filter((f) => !f.endsWith('advanced cancer→advanced-cancer')), text).toEqual([]);
    }
    // A cancer noun ends its subject, whatever stands before it but a preposition ("lip cancer", "the
    // patient's tumor"); after "that" or "which" the noun before is the subject ("treatment for cancer
    // that is advanced").
    expect(found('lip cancer is advanced', m)).toEqual(['advanced→advanced-cancer']);
    expect(found("the patient's tumor is advanced", m)).toEqual(['advanced→advanced-cancer']);
    expect(found('patients whose cancer is recurrent', m)).toEqual(['recurrent→recurrent-cancer']);
    expect(found('treatment for cancer that is advanced', m)).toEqual(['advanced→advanced-cancer']);
    // Without the readings nothing changes.
    const plain = createMatcher([{ id: 'advanced-cancer', aliases: ['advanced cancer'] }], { fuzzy: false });
    expect(found('the cancer is advanced', plain)).toEqual([]);
  });
});

describe('a dash between two labels where a term writes a slash ("phase 1-2 trial")', () => {
  const m = createMatcher(
    [
      { id: 'phase-1-2', aliases: ['phase 1/2 trial', 'phase I/II trial'] },
      { id: 'phase-2', aliases: ['phase 2 trial'] },
      { id: 'her2-neu', aliases: ['HER2/neu'] },
    ],
    { fuzzy: false },
  );

  it('reads the dash as the slash between rising labels only', () => {
    expect(found('a phase 1-2 trial', m)).toEqual(['phase 1-2 trial→phase-1-2']);
    expect(found('a phase I–II trial', m)).toEqual(['phase I–II trial→phase-1-2']);
    expect(found('a phase I – II trial', m)).toEqual(['phase I – II trial→phase-1-2']);
    expect(found('a phase 1/2 trial', m)).toEqual(['phase 1/2 trial→phase-1-2']);
    // Falling, with one space, or words that are no labels: as before.
    expect(found('a phase 2-1 trial', m)).toEqual([]);
    expect(found('a phase 1 -2 trial', m)).toEqual([]);
    expect(found('HER2-neu', m)).toEqual([]);
  });
});

describe('a verb of a cancer, with a cancer as its subject ("the cancer has spread")', () => {
  const m = createMatcher(
    [
      { id: 'cancer-spread', aliases: ['cancer spread', 'cancer spreading', 'spread of cancer'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
      { id: 'tumor', aliases: ['tumor'] },
      { id: 'cancer-cell', aliases: ['cancer cell', 'tumor cell'] },
      { id: 'liver', aliases: ['liver'] },
      { id: 'hematogenous', aliases: ['spread through the blood'] },
      { id: 'liver-metastasis', aliases: ['cancer spread to the liver'] },
    ],
    {
      fuzzy: false,
      readings: { cancerNames: ['cervical-cancer'], stateWords: [], cancerNouns: ['cancer', 'tumor'], cancerVerbs: [{ id: 'cancer-spread', forms: ['spread', 'spreads', 'spread', 'spread', 'spreading'] }] },
    },
  );

  it('marks the verb and its auxiliaries; the subject and what follows keep their own cards', () => {
    expect(found('Cervical cancer has spread to the liver.', m)).toEqual(['Cervical cancer→cervical-cancer', 'has spread→cancer-spread', 'liver→liver']);
    expect(found('The tumor had spread.', m)).toEqual(['tumor→tumor', 'had spread→cancer-spread']);
    expect(found('cancer cells have spread', m)).toEqual(['cancer cells→cancer-cell', 'have spread→cancer-spread']);
    expect(found('The cancer may have spread.', m)).toEqual(['may have spread→cancer-spread']);
    expect(found('The cancer may not have spread.', m)).toEqual(['may not have spread→cancer-spread']);
    expect(found('The cancer has already spread.', m)).toEqual(['has already spread→cancer-spread']);
    expect(found("The cancer hasn't spread.", m)).toEqual(["hasn't spread→cancer-spread"]);
    expect(found('The cancer didn’t spread.', m)).toEqual(['didn’t spread→cancer-spread']);
    expect(found('The cancer cannot spread.', m)).toEqual(['cannot spread→cancer-spread']);
    expect(found('The tumor spreads quickly.', m)).toEqual(['tumor→tumor', 'spreads→cancer-spread']);
    expect(found('The cancer is spreading.', m)).toEqual(['is spreading→cancer-spread']);
    expect(found('The cancer has been spreading.', m)).toEqual(['has been spreading→cancer-spread']);
    expect(found('The cancer may be spreading.', m)).toEqual(['may be spreading→cancer-spread']);
    expect(found('Her cancer spread to her bones.', m)).toEqual(['spread→cancer-spread']);
    expect(found("The patient's cancer spread.", m)).toEqual(['spread→cancer-spread']);
    // A longer term keeps its card.
    expect(found('The cancer has spread through the blood.', m)).toEqual(['spread through the blood→hematogenous']);
    expect(found('Cancer spread to the liver is common.', m)).toEqual(['Cancer spread to the liver→liver-metastasis']);
    // The compound noun an alias writes, without an article, stays as it was.
    expect(found('Signs of cancer spread include pain.', m)).toEqual(['cancer spread→cancer-spread']);
    expect(found('the risk of cancer spreading', m)).toEqual(['cancer spreading→cancer-spread']);
  });

  it('reads "that", "it", "the disease" and a clause joined by "and", "but" or "or"', () => {
    expect(found('treatment for cancer that has spread', m)).toEqual(['has spread→cancer-spread']);
    expect(found('cervical cancer, which has spread', m)).toEqual(['cervical cancer→cervical-cancer', 'has spread→cancer-spread']);
    expect(found('Cervical cancer was found. Tests show if it has spread to the liver.', m)).toEqual(['Cervical cancer→cervical-cancer', 'has spread→cancer-spread', 'liver→liver']);
    expect(found('She has cancer. We will see whether it spreads.', m)).toEqual(['spreads→cancer-spread']);
    expect(found('Cervical cancer is common. The disease has spread.', m)).toContain('has spread→cancer-spread');
    expect(found('patients whose cancer cannot be removed by surgery or has spread', m)).toEqual(['has spread→cancer-spread']);
    expect(found('the cancer is in the cervix but has not spread to the liver', m)).toEqual(['has not spread→cancer-spread', 'liver→liver']);
    expect(found('cancer that has come back, or has spread', m)).toEqual(['has spread→cancer-spread']);
  });

  it('leaves it where no cancer is its subject, or where it has an object', () => {
    for (const text of [
      'News of his cancer spread quickly through the village.',
      'News of the cancer spreading shocked them.',
      'Spread the butter on the toast.',
      'The rash spread over her arms.',
      'Spread out the doses.',
      'A spread of results was seen.',
      'Spread the word about cancer screening.',
      'The cancer charity spread the word.',
      'Beating cancer has spread hope.',
      'She wrote about her cancer and it spread widely online.',
      'The disease has spread.',
      'The treatment of the cancer has spread.',
      'The anti-cancer message spread.',
      'The cancer screening program has spread to other states.',
      // "it" only just after a cancer is named.
      'Cervical cancer was found early. The family then told everyone in the village, and soon enough the story was known. It spread to the town.',
      'The cancer was treated; the rash has spread.',
    ]) {
      expect(found(text, m).filter((f) => f.endsWith('cancer-spread')), text).toEqual([]);
    }
    // Without the readings nothing changes.
    const plain = createMatcher([{ id: 'cancer-spread', aliases: ['cancer spread'] }], { fuzzy: false });
    expect(found('The cancer has spread.', plain)).toEqual([]);
  });
});

describe('verbs of a cancer that are two words or also nouns ("has come back", "returned", "progressed")', () => {
  const m = createMatcher(
    [
      { id: 'recurrent-cancer', aliases: ['recurrent cancer', 'cancer recurrence', 'cancer coming back'] },
      { id: 'cancer-progression', aliases: ['cancer progression', 'disease progresses'] },
      { id: 'progressed', aliases: ['progressed'] },
      { id: 'relapse', aliases: ['recurred'] },
      { id: 'cervical-cancer', aliases: ['cervical cancer'] },
      { id: 'melanoma', aliases: ['melanoma'] },
      { id: 'tumor', aliases: ['tumor'] },
      { id: 'pain', aliases: ['pain'] },
      { id: 'chemotherapy', aliases: ['chemotherapy'] },
    ],
    {
      fuzzy: false,
      readings: {
        cancerNames: ['cervical-cancer', 'melanoma'],
        stateWords: [],
        cancerNouns: ['cancer', 'tumor'],
        cancerVerbs: [
          { id: 'recurrent-cancer', forms: ['come back', 'comes back', 'came back', 'come back', 'coming back'] },
          { id: 'recurrent-cancer', forms: ['return', 'returns', 'returned', 'returned', 'returning'] },
          { id: 'recurrent-cancer', forms: ['recur', 'recurs', 'recurred', 'recurred', 'recurring'] },
          { id: 'cancer-progression', forms: ['progress', 'progresses', 'progressed', 'progressed', 'progressing'] },
        ],
      },
    },
  );

  it('marks the verb, both its words and its auxiliaries, with the entry of what the cancer does', () => {
    expect(found('If the cancer has come back, talk to your doctor.', m)).toEqual(['has come back→recurrent-cancer']);
    expect(found('Cancer that has returned is treated again.', m)).toEqual(['has returned→recurrent-cancer']);
    expect(found('cancer that came back after treatment', m)).toEqual(['came back→recurrent-cancer']);
    expect(found('If cervical cancer comes back, it may be in the pelvis.', m)).toEqual(['cervical cancer→cervical-cancer', 'comes back→recurrent-cancer']);
    expect(found('The cancer may come back.', m)).toEqual(['may come back→recurrent-cancer']);
    expect(found('The cancer is coming back.', m)).toEqual(['is coming back→recurrent-cancer']);
    expect(found('The melanoma returned.', m)).toEqual(['melanoma→melanoma', 'returned→recurrent-cancer']);
    expect(found('The tumor recurred twice.', m)).toEqual(['tumor→tumor', 'recurred→recurrent-cancer']);
    expect(found('The cancer has progressed.', m)).toEqual(['has progressed→cancer-progression']);
    expect(found('cancer that progressed on chemotherapy', m)).toEqual(['progressed→cancer-progression', 'chemotherapy→chemotherapy']);
    expect(found('If the tumor progresses, the drug is changed.', m)).toEqual(['tumor→tumor', 'progresses→cancer-progression']);
    // The base form alone after a plural subject only: "cancer return", "cancer progress" are nouns.
    expect(found('Tumors that come back are treated.', m)).toEqual(['Tumors→tumor', 'come back→recurrent-cancer']);
    expect(found('Tumors progress slowly.', m)).toEqual(['Tumors→tumor', 'progress→cancer-progression']);
    // "it" just after a cancer is named, when the clause ends.
    expect(found('Cervical cancer was treated. If it comes back, call us.', m)).toEqual(['Cervical cancer→cervical-cancer', 'comes back→recurrent-cancer']);
    // An alias that writes the subject keeps its card.
    expect(found('Cervical cancer is common. If the disease progresses, call us.', m)).toContain('disease progresses→cancer-progression');
    expect(found('the fear of cancer coming back', m)).toEqual(['cancer coming back→recurrent-cancer']);
    // A time after the verb: the verb goes nowhere, and the time is no object.
    expect(found('My cancer came back in 2022.', m)).toEqual(['came back→recurrent-cancer']);
    expect(found('The cancer returned two years later.', m)).toEqual(['returned→recurrent-cancer']);
    expect(found('The tumor came back 18 months after surgery.', m)).toEqual(['tumor→tumor', 'came back→recurrent-cancer']);
    expect(found('Her melanoma recurred last year.', m)).toEqual(['melanoma→melanoma', 'recurred→recurrent-cancer']);
  });

  it('leaves them where no cancer is the subject, where the words are nouns, or where a result came back', () => {
    for (const text of [
      'The pain has come back.',
      'She has come back from holiday.',
      'The rash returned.',
      'His cancer fundraiser has returned.',
      'They tested her for cancer and it came back negative.',
      'The biopsy for cancer came back clear.',
      'She will return to work after cancer treatment.',
      'Cancer return rates fell.',
      'Cancer progress has been slow.',
      'The Annual Cancer Progress Report is out.',
      'Cancer research has progressed.',
      'The treatment of the cancer has come back into use.',
      'The cancer has came back.',
      'The cancer is come back.',
      'The pain came back in 2022.',
      'The rash returned two years later.',
    ]) {
      expect(found(text, m).filter((f) => /→(?:recurrent-cancer|cancer-progression)$/.test(f)), text).toEqual([]);
    }
    // A verb that is an alias by itself keeps that entry where no cancer is its subject.
    expect(found('The project has progressed.', m)).toEqual(['progressed→progressed']);
    expect(found('As the day progressed, it rained.', m)).toEqual(['progressed→progressed']);
    expect(found('The problem recurred.', m)).toEqual(['recurred→relapse']);
  });
});

describe('a trial phase named apart from its trial word ("a phase 3, double-blind study")', () => {
  const m = createMatcher(
    [
      { id: 'phase-1', aliases: ['phase 1 trial', 'phase I trial', 'phase 1b trial', 'phase one trial'] },
      { id: 'phase-2', aliases: ['phase 2 trial', 'phase II trial', 'phase 2a trial'] },
      { id: 'phase-3', aliases: ['phase 3 trial', 'phase III trial', 'phase 3 clinical trial', 'phase III clinical trial'] },
      { id: 'phase-1-2', aliases: ['phase 1/2 trial', 'phase I/II trial'] },
      { id: 'clinical-trial', aliases: ['clinical trial'] },
      { id: 'double-blind', aliases: ['double-blind'] },
      { id: 'keynote-a18', aliases: ['KEYNOTE-A18'] },
      { id: 'maintenance', aliases: ['maintenance therapy'] },
    ],
    { fuzzy: false },
  );

  it('reads "phase" and its label as the phase entry when a trial word is near it in the sentence', () => {
    expect(found('The ADRIATIC trial was a phase 3, double-blind, placebo-controlled study.', m)).toEqual(['phase 3→phase-3', 'double-blind→double-blind']);
    expect(found('a randomized, phase III KEYNOTE-A18 clinical trial', m)).toEqual(['phase III→phase-3', 'KEYNOTE-A18→keynote-a18', 'clinical trial→clinical-trial']);
    expect(found('In some phase 2 and all phase 3 clinical trials, patients are assigned.', m)).toEqual(['phase 2→phase-2', 'phase 3 clinical trials→phase-3']);
    expect(found('the phase III EMPOWER trial', m)).toEqual(['phase III→phase-3']);
    // The combined phases; a part letter the glossary has no entry for reads as its phase.
    expect(found('a phase 1b/2 study', m)).toEqual(['phase 1b/2→phase-1-2']);
    expect(found('a phase I-II, open-label study', m)).toEqual(['phase I-II→phase-1-2']);
    expect(found('a phase 1b, open-label study', m)).toEqual(['phase 1b→phase-1']);
    expect(found('a phase IIIb, open-label study', m)).toEqual(['phase IIIb→phase-3']);
    expect(found('The trial, a phase 2, enrolled women.', m)).toEqual(['phase 2→phase-2']);
  });

  it('reads the phases listed after one ("phase 2 and 3 trials") as phases of the same trials', () => {
    expect(found('It was tested in phase 2 and 3 trials.', m)).toEqual(['phase 2→phase-2', '3→phase-3']);
    expect(found('in phase II or III clinical trials', m)).toEqual(['phase II→phase-2', 'III→phase-3', 'clinical trials→clinical-trial']);
    expect(found('phase 1, 2 and 3 studies', m)).toEqual(['phase 1→phase-1', '2→phase-2', '3→phase-3']);
    expect(found('results of phase 1/2 and 3 studies', m)).toEqual(['phase 1/2→phase-1-2', '3→phase-3']);
    expect(found('Results from phase 1/2 and phase 3 studies.', m)).toEqual(['phase 1/2→phase-1-2', 'phase 3→phase-3']);
    // A label with no phase entry is left alone; the others still read.
    expect(found('in phase 2 and 5 trials', m)).toEqual(['phase 2→phase-2']);
  });

  it('leaves phases of other things, and phases no trial word goes with', () => {
    for (const text of [
      'This is phase 3 of the reopening plan.',
      "We watched the moon's phase.",
      'Phase 2 of the building works starts soon.',
      'Patients in the acute phase of the illness.',
      'The drug is given in the maintenance phase.',
      'We are in phase 3 of the study.',
      'The study phase 2 lasted six weeks.',
      'Phase 2 starts in June, the study says.',
      'Phase 1: planning. The study begins later.',
      'Phase I metabolism studies were done.',
      'A phase 3-2 trial.',
      'A phase 2 -3 trial.',
      'A phase 1-3 trial.',
      'New York enters phase 3 reopening.',
      'Phase 2 and 3 of the building works start soon.',
      'Phases 2 and 3 of the plan are done; the trial ends later.',
    ]) {
      expect(found(text, m).filter((f) => /→phase-/.test(f)), text).toEqual([]);
    }
  });
});

describe('a line of therapy before a therapy word ("first-line platinum-containing therapy")', () => {
  const m = createMatcher(
    [
      { id: 'first-line', aliases: ['first-line therapy', 'first-line treatment', 'front-line therapy', 'first-line setting'] },
      { id: 'second-line', aliases: ['second-line therapy', 'second-line treatment'] },
      { id: 'platinum', aliases: ['platinum-containing', 'platinum-based chemotherapy'] },
      { id: 'systemic', aliases: ['systemic therapy'] },
      { id: 'pembrolizumab', aliases: ['pembrolizumab'] },
    ],
    { fuzzy: false },
  );

  it('marks the line words only, so the therapy after them keeps its own card', () => {
    expect(found('progression after first-line platinum-containing therapy', m)).toEqual(['first-line→first-line', 'platinum-containing→platinum']);
    expect(found('the few second line systemic therapies available', m)).toEqual(['second line→second-line', 'systemic therapies→systemic']);
    expect(found('first-line platinum-based chemotherapy', m)).toEqual(['first-line→first-line', 'platinum-based chemotherapy→platinum']);
    expect(found('first-line pembrolizumab', m)).toEqual(['first-line→first-line', 'pembrolizumab→pembrolizumab']);
    expect(found('Front-line chemotherapy was given.', m)).toEqual(['Front-line→first-line']);
    expect(found('the first line of treatment', m)).toEqual(['first line→first-line']);
    expect(found('in the second-line or third-line setting', m)).toEqual(['second-line→second-line']);
    // The whole term where the glossary writes it.
    expect(found('in the first-line setting', m)).toEqual(['first-line setting→first-line']);
  });

  it('leaves lines of other things, and ordinals with no entry', () => {
    for (const text of [
      'Our first-line managers met.',
      'The first line of the poem.',
      'A second line of defense.',
      'Front-line staff and front-line workers.',
      'Nurses working in a front-line setting.',
      'The first line, treatment notes follow.',
      'as a third-line treatment',
    ]) {
      expect(found(text, m).filter((f) => /→(?:first|second)-line$/.test(f)), text).toEqual([]);
    }
  });
});

describe('capitalised words inside a sentence (names) and spelling correction', () => {
  it('corrects one only when it is long and the correction is a drug or procedure name', () => {
    expect(correctsCapitalised('Pembrolizimab', 'pembrolizumab')).toBe(true);
    expect(correctsCapitalised('Brachytheraphy', 'brachytherapy')).toBe(true);
    expect(correctsCapitalised('Hysterectomey', 'hysterectomy')).toBe(true);
    // Short words (a name is often one letter from a word) and corrections that are no drug or procedure.
    expect(correctsCapitalised('Cisplatn', 'cisplatin')).toBe(false);
    expect(correctsCapitalised('Melanomas', 'melanoma')).toBe(false);
    expect(correctsCapitalised('Lymphocite', 'lymphocyte')).toBe(false);
    const m = createMatcher([{ id: 'pembro', aliases: ['pembrolizumab'] }, { id: 'melanin', aliases: ['melanin'] }], { fuzzy: true });
    expect(found('She had the Pembrolizimab infusion.', m)).toEqual(['Pembrolizimab→pembro']);
    expect(found('Yesterday Melanie said hello.', m)).toEqual([]);
  });
});

describe('a short form left out as an alias, listed with a term of its family ("ultrasound or CT", "DVT/PE")', () => {
  const m = createMatcher(
    [
      { id: 'ct-scan', aliases: ['CT scan'], expansion: 'computed tomography' },
      { id: 'mri', aliases: ['MRI', 'MRI scan'] },
      { id: 'x-ray', aliases: ['X-ray'] },
      { id: 'ultrasound', aliases: ['ultrasound'] },
      { id: 'pet-scan', aliases: ['PET', 'PET scan'] },
      { id: 'pulmonary-embolism', aliases: ['pulmonary embolism'] },
      { id: 'deep-vein-thrombosis', aliases: ['DVT', 'deep vein thrombosis'] },
      { id: 'blood-clot', aliases: ['blood clot'] },
      { id: 'biopsy', aliases: ['biopsy'] },
      { id: 'warfarin', aliases: ['warfarin'] },
      { id: 'music-therapy', aliases: ['music therapy', 'music'] },
      { id: 't-cell-receptor', aliases: ['T-cell receptor'] },
      { id: 't-cell-repertoire', aliases: ['T-cell repertoire'] },
      { id: 't-cells', aliases: ['T cells'] },
    ],
    {
      fuzzy: false,
      readings: {
        cancerNames: [],
        stateWords: [],
        shortForms: [
          { short: 'CT', id: 'ct-scan', family: ['mri', 'x-ray', 'ultrasound', 'pet-scan', 'biopsy'] },
          { short: 'PE', id: 'pulmonary-embolism', family: ['deep-vein-thrombosis', 'blood-clot'] },
          { short: 'TCR', id: 't-cell-receptor', family: ['t-cells', 't-cell-repertoire'] },
          { short: 'TCR', id: 't-cell-repertoire', family: ['t-cells', 't-cell-receptor'] },
          { short: 'ALT', id: 'alt-test', family: ['ast-test'] },
          { short: 'AST', id: 'ast-test', family: ['alt-test'] },
        ],
      },
    },
  );

  it('reads it as its entry when a comma, a slash, "or", "and" or "and/or" joins it to a term of its family', () => {
    expect(found('a biopsy under ultrasound or CT', m)).toEqual(['biopsy→biopsy', 'ultrasound→ultrasound', 'CT→ct-scan']);
    expect(found('scans such as CT or MRI', m)).toEqual(['CT→ct-scan', 'MRI→mri']);
    expect(found('X-ray, CT and MRI', m)).toEqual(['X-ray→x-ray', 'CT→ct-scan', 'MRI→mri']);
    expect(found('CT, MRI, and PET scans', m)).toEqual(['CT→ct-scan', 'MRI→mri', 'PET scans→pet-scan']);
    expect(found('CT/MRI', m)).toEqual(['CT→ct-scan', 'MRI→mri']);
    expect(found('CTs and MRI scans', m)).toEqual(['CTs→ct-scan', 'MRI scans→mri']);
    expect(found('patients with cancer and DVT or PE get treated with warfarin', m)).toEqual(['DVT→deep-vein-thrombosis', 'PE→pulmonary-embolism', 'warfarin→warfarin']);
    expect(found('DVT/PE', m)).toEqual(['DVT→deep-vein-thrombosis', 'PE→pulmonary-embolism']);
    expect(found('a blood clot and/or PE', m)).toEqual(['blood clot→blood-clot', 'PE→pulmonary-embolism']);
    expect(found('PE, DVT', m)).toEqual(['PE→pulmonary-embolism', 'DVT→deep-vein-thrombosis']);
    expect(found('an X-ray or a CT', m)).toEqual(['X-ray→x-ray', 'CT→ct-scan']);
    expect(found('a CT or an MRI', m)).toEqual(['CT→ct-scan', 'MRI→mri']);
  });

  it('reads two short forms of one family listed together as each other\'s family ("AST and ALT", "ALT/AST")', () => {
    expect(found('AST and ALT ≤1.5 times the upper limit', m)).toEqual(['AST→ast-test', 'ALT→alt-test']);
    expect(found('ALT/AST', m)).toEqual(['ALT→alt-test', 'AST→ast-test']);
    expect(found('ALT, AST or MRI', m)).toEqual(['ALT→alt-test', 'AST→ast-test', 'MRI→mri']);
    // Short forms of different families say nothing of each other.
    for (const text of ['CT and PE', 'PE/CT', 'ALT and CT', 'Press CTRL, ALT and DEL.', 'ALT and TAB']) {
      expect(found(text, m), text).toEqual([]);
    }
  });

  it('is a guess, so it is marked only on a page about health', () => {
    expect(m.find('CT or MRI').map((f) => f.fuzzy)).toEqual([true, false]);
  });

  it('leaves it where nothing of its family is listed with it, or where two entries claim it', () => {
    for (const text of [
      ...SHORT_FORM_TRAPS,
      'CT scan or PE',
      'MRI in CT',
      'MRI. CT is next.',
      'the CT MRI centre',
      'Visit example.com/CT/MRI',
      'T cells and TCR',
      'ct or MRI',
    ]) {
      expect(found(text, m).filter((f) => /→(?:ct-scan|pulmonary-embolism|t-cell-rep\w+)$/.test(f) && !/^CT scan/.test(f)), text).toEqual([]);
    }
    // A term of another family does not say which: CT with a blood clot.
    expect(found('a blood clot or CT', m)).toEqual(['blood clot→blood-clot']);
    // Without the readings nothing changes.
    expect(found('CT or MRI', createMatcher([{ id: 'mri', aliases: ['MRI'] }], { fuzzy: false }))).toEqual(['MRI→mri']);
  });
});

describe('cells a card explains for one organ ("columnar cells" on the cervix\'s glandular-cells card)', () => {
  const m = createMatcher([{ id: 'glandular-cells', aliases: ['glandular cells', 'columnar cells', 'columnar epithelium'] }], { fuzzy: false });
  it('shows the card where the text names the organ, and none elsewhere', () => {
    expect(found('The cervical canal is lined by columnar cells.', m)).toEqual(['columnar cells→glandular-cells']);
    expect(found('Pap tests check columnar epithelium.', m)).toEqual(['columnar epithelium→glandular-cells']);
    expect(found('The thyroid has a columnar cell variant.', m)).toEqual([]);
    expect(found(`Columnar cells. ${'x '.repeat(250)}The cervix.`, m)).toEqual([]);
    // Another first word is not bound: glandular cells are glandular cells anywhere.
    expect(found('Breast glandular cells make milk.', m)).toEqual(['glandular cells→glandular-cells']);
  });
});

describe('a place a card explains for what goes in there ("insertion site" of a needle, a line or a port)', () => {
  const m = createMatcher([{ id: 'insertion-site', aliases: ['insertion site', 'catheter insertion site'] }], { fuzzy: false });
  it('shows the card where the text names such a device, and none where a tendon or a muscle attaches', () => {
    expect(found('Check the insertion site of your PICC every day.', m)).toEqual(['insertion site→insertion-site']);
    expect(found('Keep the insertion site dry. The needle is out.', m)).toEqual(['insertion site→insertion-site']);
    expect(found("The tendon's insertion site on the bone was sore.", m)).toEqual([]);
    expect(found(`Insertion site. ${'x '.repeat(250)}The catheter.`, m)).toEqual([]);
    // An alias with its device in it reads anywhere.
    expect(found('Watch the catheter insertion site.', m)).toEqual(['catheter insertion site→insertion-site']);
  });
});

describe('a cancer-only card said of another illness ("refractory epilepsy")', () => {
  const m = createMatcher(
    [
      { id: 'treatment-resistance', aliases: ['refractory', 'treatment resistance', 'refractory to chemotherapy'] },
      { id: 'drug-resistance', aliases: ['treatment-resistant'] },
    ],
    { fuzzy: false },
  );
  it('shows no card where another illness follows the term, or is near it and no cancer is', () => {
    for (const text of OTHER_ILLNESS_TRAPS) expect(found(text, m).filter((f) => f.endsWith('→treatment-resistance')), text).toEqual([]);
    expect(found(`The seizures stopped. ${'x '.repeat(250)}It became refractory.`, m)).toEqual(['refractory→treatment-resistance']);
  });
  it('keeps the card where a cancer is named near it, and leaves other entries alone', () => {
    expect(found('Depression is common when the cancer is refractory.', m)).toEqual(['refractory→treatment-resistance']);
    expect(found('Treatment resistance is a problem in cancer care.', m)).toEqual(['Treatment resistance→treatment-resistance']);
    expect(found('Treatment-resistant depression is common.', m)).toEqual(['Treatment-resistant→drug-resistance']);
    // An illness named right after the term wins over a cancer nearby.
    expect(found('Refractory epilepsy is common with brain tumors.', m)).toEqual([]);
  });
  it('shows no card where the term is said of a symptom, even on a cancer page ("refractory pain", "pain that is refractory")', () => {
    for (const text of REFRACTORY_SYMPTOM_TRAPS) expect(found(text, m).filter((f) => f.endsWith('→treatment-resistance')), text).toEqual([]);
    // A symptom elsewhere in the sentence is not what the term is said of.
    expect(found('The cancer became refractory to platinum, and her pain got worse.', m)).toEqual(['refractory→treatment-resistance']);
    expect(found('Pain is common when the cancer is refractory.', m)).toEqual(['refractory→treatment-resistance']);
  });
});

describe('summary stages listed together ("localized, regional and distant")', () => {
  const m = createMatcher(
    [
      { id: 'seer-localized', aliases: ['localized stage'] },
      { id: 'seer-regional', aliases: ['regional stage'] },
      { id: 'seer-distant', aliases: ['distant stage'] },
      { id: 'localized', aliases: ['localized'] },
      { id: 'lymph-nodes', aliases: ['lymph nodes'] },
      { id: 'relative-survival', aliases: ['5-year relative survival'] },
    ],
    {
      fuzzy: false,
      readings: {
        cancerNames: [],
        stateWords: [],
        summaryStages: [
          { id: 'seer-localized', word: 'localized' },
          { id: 'seer-regional', word: 'regional' },
          { id: 'seer-distant', word: 'distant' },
        ],
      },
    },
  );

  it('reads each listed word as its stage where the sentence speaks of stages', () => {
    expect(
      found(
        'Stage at diagnosis: localized (the tumor is only in the organ it started in), regional (the tumor has spread to nearby organs, structures, or regional lymph nodes), distant (the tumor has spread to parts of the body far from where it started), and unknown.',
        m,
      ),
    ).toEqual(['localized→seer-localized', 'regional→seer-regional', 'lymph nodes→lymph-nodes', 'distant→seer-distant']);
    expect(found('5-year relative survival for localized, regional and distant stage', m)).toEqual([
      '5-year relative survival→relative-survival',
      'localized→seer-localized',
      'regional→seer-regional',
      'distant stage→seer-distant',
    ]);
    expect(found('early stage (localized) or late stage (regional and distant combined)', m)).toEqual(['localized→seer-localized', 'regional→seer-regional', 'distant→seer-distant']);
    expect(found('Survival by stage: distant, regional or localized.', m)).toEqual(['distant→seer-distant', 'regional→seer-regional', 'localized→seer-localized']);
    expect(found('Localized (confined to the primary site), Regional (spread to regional lymph nodes), Distant (cancer has metastasized).', m)).toEqual([
      'Localized→seer-localized',
      'Regional→seer-regional',
      'lymph nodes→lymph-nodes',
      'Distant→seer-distant',
    ]);
  });

  it('leaves the words where they name something else, or stand alone', () => {
    for (const text of [
      ...SUMMARY_STAGE_TRAPS,
      'The regional and distant offices are at stage 2 of the move.',
      'Localized, regional and distant teams met.',
      'The cancer is localized. Regional stage means it has spread nearby.',
      'A regional stage and a distant relative.',
      'The stage was regional; distant relatives came.',
      'At stage two, a distant (faraway) relative and a regional (nearby) office wrote.',
      'Localized (small) and regional offices are at stage 1.',
    ]) {
      expect(found(text, m).filter((f) => /→seer-(?:localized|regional|distant)$/.test(f) && !/stage→/.test(f)), text).toEqual([]);
    }
    // "localized" alone keeps its own entry.
    expect(found('She had localized pain.', m)).toEqual(['localized→localized']);
    // Without the readings nothing changes.
    expect(found('localized, regional and distant stage', createMatcher([{ id: 'seer-distant', aliases: ['distant stage'] }], { fuzzy: false }))).toEqual(['distant stage→seer-distant']);
  });
});

describe('a term that opens a bracket ends where the text closes it ("vein (IV)")', () => {
  const m = createMatcher(
    [
      { id: 'intravenous', aliases: ['intravenous', 'vein (IV)', 'intravenous (IV)'] },
      { id: 'vein', aliases: ['vein'] },
      { id: 'car-t', aliases: ['chimeric antigen receptor (CAR) T-cell therapy'] },
      { id: 'crt', aliases: ['three-dimensional (3-D) conformal radiation therapy'] },
    ],
    { fuzzy: false },
  );

  it('reads the term where its bracket closes after its words', () => {
    expect(found('given into a vein (IV) every week', m)).toEqual(['vein (IV→intravenous']);
    expect(found('given intravenous (IV).', m)).toEqual(['intravenous (IV→intravenous']);
    expect(found('given intravenous (IV ) weekly', m)).toEqual(['intravenous (IV→intravenous']);
    expect(found('She had chimeric antigen receptor (CAR) T-cell therapy.', m)).toEqual(['chimeric antigen receptor (CAR) T-cell therapy→car-t']);
    expect(found('three-dimensional (3-D) conformal radiation therapy', m)).toEqual(['three-dimensional (3-D) conformal radiation therapy→crt']);
  });

  it('reads a shorter term where the bracket holds more than the term', () => {
    expect(found('where the needle goes into a vein (IV site) or where surgery was done', m)).toEqual(['vein→vein']);
    expect(found('It is given intravenous (IV, or into the vein) or by mouth.', m)).toEqual(['intravenous→intravenous', 'vein→vein']);
  });
});

describe('a term that opens with a Roman numeral after a word it numbers ("a Level IV site")', () => {
  const m = createMatcher(
    [
      { id: 'insertion-site', aliases: ['IV site'] },
      { id: 'iv-fluids', aliases: ['IV fluids'] },
      { id: 'vein', aliases: ['vein'] },
    ],
    { fuzzy: false },
  );
  it('reads the short form after an article, a bracket or a verb, and no term after a label or a capitalised word in a sentence', () => {
    expect(found('where the needle goes into a vein (IV site) or where surgery was done', m)).toEqual(['vein→vein', 'IV site→insertion-site']);
    expect(found('Check your IV site daily.', m)).toEqual(['IV site→insertion-site']);
    expect(found('IV site care. She needs IV fluids.', m)).toEqual(['IV site→insertion-site', 'IV fluids→iv-fluids']);
    for (const text of NUMERAL_TRAPS) expect(found(text, m), text).toEqual([]);
    expect(found('a grade II site', createMatcher([{ id: 'x', aliases: ['II site'] }], { fuzzy: false }))).toEqual([]);
  });
});

describe('"stopped responding to" a treatment ("had stopped responding to standard treatments")', () => {
  const m = createMatcher(
    [
      { id: 'drug-resistance', aliases: ['stopped responding to treatment', 'stops responding to treatment'] },
      { id: 'standard-treatment', aliases: ['standard treatment'] },
      { id: 'chemo', aliases: ['chemotherapy'] },
      { id: 'pembrolizumab', aliases: ['pembrolizumab'] },
    ],
    { fuzzy: false },
  );
  it('marks the verb words with the entry the glossary writes "<verb words> to treatment" for, and the treatment with its own', () => {
    expect(found('who had stopped responding to standard treatments', m)).toEqual(['stopped responding→drug-resistance', 'standard treatments→standard-treatment']);
    expect(found('it stops responding to chemotherapy', m)).toEqual(['stops responding→drug-resistance', 'chemotherapy→chemo']);
    expect(found('it stopped responding to first-line pembrolizumab', m)).toEqual(['stopped responding→drug-resistance', 'pembrolizumab→pembrolizumab']);
    expect(found('it stopped responding to treatment', m)).toEqual(['stopped responding to treatment→drug-resistance']);
  });
  it('leaves it where no treatment follows, or the glossary writes no such entry', () => {
    for (const text of RESPONDING_TRAPS) expect(found(text, m), text).toEqual([]);
    expect(found('it no longer responds to chemotherapy', m)).toEqual(['chemotherapy→chemo']);
    expect(found('it stopped responding, to our relief, to chemotherapy', m)).toEqual(['chemotherapy→chemo']);
  });
});

describe('a term whose last word is a verb with the word after it ("flu shot up")', () => {
  const m = createMatcher(
    [
      { id: 'flu-vaccine', aliases: ['flu shot'] },
      { id: 'influenza', aliases: ['flu'] },
      { id: 'booster', aliases: ['booster shot'] },
      { id: 'drug-target', aliases: ['drug target', 'drug targets', 'molecular target'] },
    ],
    { fuzzy: false },
  );

  it('reads the shorter term when the last word and the word after it are a verb', () => {
    expect(found('Cases of flu shot up this winter.', m)).toEqual(['flu→influenza']);
    expect(found('The booster shot up the price.', m)).toEqual([]);
    expect(found('The other drug targets a binding partner of PD-1.', m)).toEqual([]);
    expect(found('The drug targets the HER2 protein.', m)).toEqual([]);
  });

  it('keeps the plural noun before other words', () => {
    expect(found('New drug targets are found each year.', m)).toEqual(['drug targets→drug-target']);
    expect(found('Drug targets include HER2.', m)).toEqual(['Drug targets→drug-target']);
  });

  it('keeps the noun elsewhere, and "up to date"', () => {
    expect(found('Get your flu shot before October.', m)).toEqual(['flu shot→flu-vaccine']);
    expect(found('Keep your flu shot up to date.', m)).toEqual(['flu shot→flu-vaccine']);
    expect(found('The booster shot upped protection.', m)).toEqual(['booster shot→booster']);
  });
});

describe('a word before a term that makes it another thing ("man flu", "chimney flu")', () => {
  const m = createMatcher([{ id: 'influenza', aliases: ['flu', 'the flu'] }, { id: 'flu-vaccine', aliases: ['flu shot'] }], { fuzzy: false });

  it('shows no card for the term there', () => {
    for (const text of ['He had man flu all weekend.', 'He was off work with man-flu again.', 'The chimney flu was blocked.', 'Have the boiler flu checked.', 'A man flu shot?']) {
      expect(found(text, m), text).toEqual([]);
    }
  });

  it('shows no response card after "delayed" or "late" (a late effect, or a late shrinking the words cannot tell)', () => {
    const r = createMatcher([{ id: 'treatment-response', aliases: ['response to treatment', 'response to therapy'] }], { fuzzy: false });
    for (const text of DELAYED_RESPONSE_TRAPS) expect(found(text, r), text).toEqual([]);
    expect(found('Her response to treatment was good.', r)).toEqual(['response to treatment→treatment-response']);
  });

  it('keeps the term after other words', () => {
    expect(found('She had the flu last week.', m)).toEqual(['the flu→influenza']);
    expect(found('Bird flu is rare in people.', m)).toEqual(['flu→influenza']);
    expect(found('A man, flu and all, came in.', m)).toEqual(['flu→influenza']);
  });
});

describe('a time zone after a clock time ("1 p.m. MDT")', () => {
  const m = createMatcher([{ id: 'multidisciplinary-team', aliases: ['MDT', 'multidisciplinary team'] }, { id: 'tumor-board', aliases: ['MDT meeting'] }], { fuzzy: false });

  it('reads the zone, not the care team, after a clock time', () => {
    for (const text of ['Join the webinar at 1 p.m. MDT on Tuesday.', 'The call is at 11am MDT.', 'It starts 10:00 MDT sharp.', 'Doors open at 9.30 pm MDT.']) {
      expect(found(text, m), text).toEqual([]);
    }
  });

  it('keeps the care team elsewhere, and a longer term after a time', () => {
    expect(found('Your case goes to the MDT next week.', m)).toEqual(['MDT→multidisciplinary-team']);
    expect(found('She saw the MDT at 9.30. MDT members agreed.', m)).toEqual(['MDT→multidisciplinary-team', 'MDT→multidisciplinary-team']);
    expect(found('Stage 4 MDT review.', m)).toEqual(['MDT→multidisciplinary-team']);
    expect(found('The 1 p.m. MDT meeting was moved.', m)).toEqual(['MDT meeting→tumor-board']);
  });
});

describe('a word that names a type of a kind ("high-risk types of HPV")', () => {
  const m = createMatcher(
    [
      { id: 'increased-risk', aliases: ['high risk', 'at high risk'] },
      { id: 'low-risk', aliases: ['low risk'] },
      { id: 'high-risk-hpv', aliases: ['high-risk HPV', 'high-risk human papillomavirus'] },
      { id: 'low-risk-hpv', aliases: ['low-risk HPV'] },
      { id: 'high-risk-melanoma', aliases: ['high-risk melanoma'] },
      { id: 'hpv', aliases: ['HPV', 'human papillomavirus'] },
      { id: 'hpv-types', aliases: ['types of HPV', 'strains of HPV', 'types of human papillomavirus'] },
      { id: 'melanoma', aliases: ['melanoma'] },
    ],
    { fuzzy: false },
  );

  it('reads it as the entry it makes with the kind where the sentence sorts the kind into types by it', () => {
    expect(found('How do high-risk and low-risk types of human papillomavirus (HPV) differ?', m)).toEqual([
      'high-risk→high-risk-hpv',
      'low-risk→low-risk-hpv',
      'types of human papillomavirus→hpv-types',
      'HPV→hpv',
    ]);
    expect(found('These types of HPV are called high-risk.', m)).toEqual(['types of HPV→hpv-types', 'high-risk→high-risk-hpv']);
    expect(found('Some strains of HPV (known as "low-risk") cause warts while other strains (known as "high-risk") cause cancer.', m)).toEqual([
      'strains of HPV→hpv-types',
      'low-risk→low-risk-hpv',
      'high-risk→high-risk-hpv',
    ]);
    expect(found('Infection with "high-risk" types of genital human papilloma viruses (HPV) raises the risk.', m)).toEqual(['high-risk→high-risk-hpv', 'HPV→hpv']);
    expect(found('Many strains of HPV infect the skin. Some strains (known as "high-risk") cause cancer.', m)).toEqual(['strains of HPV→hpv-types', 'high-risk→high-risk-hpv']);
  });

  it('keeps the word\'s own entry for a risk of something, or where no type of the kind is named', () => {
    expect(found('Women at high risk of HPV infection, and some types of cancer.', m)).toEqual(['at high risk→increased-risk', 'HPV→hpv']);
    expect(found('Smokers have a high risk of some types of HPV infection.', m)).toEqual(['high risk→increased-risk', 'types of HPV→hpv-types']);
    expect(found('Some types of cancer are high risk; melanoma is one.', m)).toEqual(['high risk→increased-risk', 'melanoma→melanoma']);
    expect(found('Her HPV test was negative, but she is high risk.', m)).toEqual(['HPV→hpv', 'high risk→increased-risk']);
    expect(found('Many strains of HPV infect the skin. Her doctor says she is high risk. Some types are called high risk.', m)).toEqual([
      'strains of HPV→hpv-types',
      'high risk→increased-risk',
      'high risk→increased-risk',
    ]);
  });

  it('keeps the card of a member of the kind ("narcotics are a type of analgesic")', () => {
    const k = createMatcher(
      [
        { id: 'narcotic', aliases: ['narcotic'] },
        { id: 'opioid', aliases: ['opioid', 'narcotic analgesic'] },
        { id: 'analgesic', aliases: ['analgesic'] },
        { id: 'cisplatin', aliases: ['cisplatin'] },
        { id: 'platinum-chemo', aliases: ['cisplatin chemotherapy'] },
        { id: 'chemotherapy', aliases: ['chemotherapy'] },
      ],
      { fuzzy: false },
    );
    expect(found('They are also called opiates or narcotics and are a type of analgesic medicine.', k)).toEqual(['narcotics→narcotic', 'analgesic→analgesic']);
    expect(found('Cisplatin is a type of chemotherapy.', k)).toEqual(['Cisplatin→cisplatin', 'chemotherapy→chemotherapy']);
    expect(found('Cisplatin, a type of chemotherapy, is given weekly.', k)).toEqual(['Cisplatin→cisplatin', 'chemotherapy→chemotherapy']);
  });
});


describe('a footnote number after a term ("chemotherapy¹", "chemotherapy1")', () => {
  const platinum = 'platinum chemotherapy→platinum-chemotherapy';

  it('ends the term before it, as a space would', () => {
    for (const text of [
      'Patients progressed after platinum chemotherapy.¹ Then',
      'after platinum chemotherapy¹ then',
      'after platinum chemotherapy¹²,³ then',
      'after platinum chemotherapy1 then',
      'after platinum chemotherapy12.',
      'after platinum chemotherapy[1] then',
      'after platinum chemotherapy.12 Then',
    ]) {
      expect(found(text), text).toContain(platinum);
    }
  });

  it('is no part of a term: a term never reads on past it', () => {
    expect(found('platinum¹ chemotherapy')).toEqual(['chemotherapy→chemotherapy']);
    expect(found('platinum1 chemotherapy')).toEqual(['chemotherapy→chemotherapy']);
  });

  it('leaves codes and units, whose digits are part of the word', () => {
    expect(ids('BRCA1 and HER2 at 75 mg/m² and Covid19')).toEqual(['brca-genes', 'her2', 'dose-per-body-surface-area', 'covid-19']);
    // Plain digits are cut only off a glossary word, and only up to three of them.
    expect(found('chemotherapy1234 and abcdefg1')).toEqual([]);
  });

  it('works the same in a small matcher', () => {
    const m = createMatcher([{ id: 'chemo', aliases: ['chemotherapy'] }, { id: 'm2', aliases: ['mg/m²'] }], { fuzzy: false });
    expect(found('chemotherapy¹ and chemotherapy2 and 5 mg/m²', m)).toEqual(['chemotherapy→chemo', 'chemotherapy→chemo', 'mg/m²→m2']);
  });
});

describe('a hyphenated word glued with the British spelling of its second piece ("angio-oedema")', () => {
  it('reads as the joined word when that is an alias', () => {
    expect(found('She had angio-oedema after the drug.')).toEqual(['angio-oedema→angioedema']);
    expect(found('Angio-oedema can be serious.')).toEqual(['Angio-oedema→angioedema']);
    expect(found('lymph-oedema of the arm')[0]).toBe('lymph-oedema→lymphedema');
  });

  it('works the same in a small matcher', () => {
    const m = createMatcher([{ id: 'angioedema', aliases: ['angioedema'] }, { id: 'edema', aliases: ['edema'] }], { fuzzy: false });
    expect(found('angio-oedema, angio oedema, angioedema, oedema', m)).toEqual([
      'angio-oedema→angioedema', 'angio oedema→angioedema', 'angioedema→angioedema', 'oedema→edema',
    ]);
  });

  it('leaves other hyphenated words as they were', () => {
    for (const [text, expected] of HYPHEN_TRAPS) expect(found(text), text).toEqual([...expected]);
  });
});
