import { describe, expect, it } from 'vitest';
import { findDefinitions, sentenceFinder, type TermOccurrence } from '../../../../glossary/abbreviations/definitions';

/** Term occurrences for every place `term` appears in the text (as the matcher would report them). */
function occurrences(text: string, term: string, id: string): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) out.push({ start: i, end: i + term.length, id });
  return out;
}

function definitionsOf(text: string, term: string, id = 'entry') {
  const found = findDefinitions(text, occurrences(text, term, id));
  for (const d of found) {
    expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(d.id).toBe(id);
    expect(d.start).toBeLessThanOrEqual(d.termStart);
  }
  return found;
}

const texts = (text: string, term: string) => definitionsOf(text, term).map((d) => d.text);

describe('findDefinitions: definitional sentences', () => {
  it('finds "X is a …" and returns the sentence', () => {
    const text =
      'What is PD-L1? PD-L1 is a protein that helps keep immune cells from attacking normal cells in the body. ' +
      'Some cancer cells have a lot of it.';
    const [d, ...rest] = definitionsOf(text, 'PD-L1', 'pd-l1');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      id: 'pd-l1',
      pattern: 'copula',
      text: 'PD-L1 is a protein that helps keep immune cells from attacking normal cells in the body.',
    });
    expect(text.slice(d!.termStart, d!.termEnd)).toBe('PD-L1');
  });

  it('finds "The X is …", "X is one of …", "X is a type of …"', () => {
    expect(texts('The cervix is the lower, narrow end of the uterus.', 'cervix')).toEqual(['The cervix is the lower, narrow end of the uterus.']);
    expect(texts('Pembrolizumab is one of the drugs called checkpoint inhibitors.', 'Pembrolizumab')).toHaveLength(1);
    expect(texts('Immunotherapy is a type of cancer treatment that helps your immune system fight cancer.', 'Immunotherapy')).toEqual([
      'Immunotherapy is a type of cancer treatment that helps your immune system fight cancer.',
    ]);
  });

  it('finds "X are …" with a plural subject', () => {
    expect(texts('Checkpoint inhibitors are drugs that block proteins called checkpoints.', 'Checkpoint inhibitors')).toEqual([
      'Checkpoint inhibitors are drugs that block proteins called checkpoints.',
    ]);
    expect(texts('Tumor-infiltrating lymphocytes are a type of white blood cell found in a tumor.', 'Tumor-infiltrating lymphocytes')).toHaveLength(1);
  });

  it('finds "X refers to …" and "X means …"', () => {
    expect(texts('Prognosis refers to the likely outcome or course of a disease.', 'Prognosis')).toEqual([
      'Prognosis refers to the likely outcome or course of a disease.',
    ]);
    expect(texts('The term metastasis means the spread of cancer from one part of the body to another.', 'metastasis')).toEqual([
      'The term metastasis means the spread of cancer from one part of the body to another.',
    ]);
  });

  it('finds the sentence when the term is the abbreviation right after the subject', () => {
    expect(texts('Tumor mutational burden (TMB) is the number of gene changes in a tumor. High TMB matters.', 'TMB')).toEqual([
      'Tumor mutational burden (TMB) is the number of gene changes in a tumor.',
    ]);
    expect(texts('PD-L1 (programmed death-ligand 1) is a protein on some cells.', 'PD-L1')).toEqual([
      'PD-L1 (programmed death-ligand 1) is a protein on some cells.',
    ]);
  });

  it('finds an appositive "X, a type of …, …" and returns the clause', () => {
    const text = 'The FDA approved pembrolizumab, a type of immunotherapy called a checkpoint inhibitor, for cervical cancer.';
    const [d] = definitionsOf(text, 'pembrolizumab');
    expect(d).toMatchObject({ pattern: 'appositive', text: 'pembrolizumab, a type of immunotherapy called a checkpoint inhibitor' });
  });

  it('finds a bracketed definition "X (a … that …)"', () => {
    const text = 'CAR T-cell therapy (a treatment that changes your own T cells so they attack cancer) is being studied.';
    expect(definitionsOf(text, 'CAR T-cell therapy')).toMatchObject([
      { pattern: 'parenthetical', text: 'CAR T-cell therapy (a treatment that changes your own T cells so they attack cancer)' },
    ]);
  });

  it('does not end a sentence at initials or abbreviations such as "U.S."', () => {
    expect(texts('TMB-H is defined as 10 or more mutations per megabase by a U.S. Food and Drug Administration test.', 'TMB-H')).toEqual([
      'TMB-H is defined as 10 or more mutations per megabase by a U.S. Food and Drug Administration test.',
    ]);
  });

  it('keeps a long sentence to its first clause', () => {
    expect(texts('A biomarker is a substance that can be measured; doctors use it to choose a treatment.', 'biomarker')).toEqual([
      'A biomarker is a substance that can be measured',
    ]);
  });

  it('reads sentences across the line breaks of wrapped Markdown, not across paragraphs', () => {
    const text = '## Biomarkers\n\nA biomarker is a molecule found in blood\nor tissue that is a sign of a condition.\n\nMore text.';
    expect(texts(text, 'biomarker')).toEqual(['A biomarker is a molecule found in blood\nor tissue that is a sign of a condition.']);
  });
});

describe('findDefinitions: precision', () => {
  it('ignores sentences that only say something about the term', () => {
    for (const [text, term] of [
      ['Immunotherapy is not for everyone.', 'Immunotherapy'],
      ['Immunotherapy is a good option for some women.', 'Immunotherapy'],
      ['Pembrolizumab is the only drug approved for this use.', 'Pembrolizumab'],
      ['Side effects are common.', 'Side effects'],
      ['Many people think immunotherapy is a cure.', 'immunotherapy'],
      ['Is PD-L1 a protein?', 'PD-L1'],
      ['What is PD-L1 a marker of?', 'PD-L1'],
      ['For TMB, a high value means many gene changes.', 'TMB'],
      ['Immunotherapy is used to treat many cancers.', 'Immunotherapy'],
      ['Pembrolizumab (Keytruda) is given by vein.', 'Pembrolizumab'],
      ['Ask about pembrolizumab, a drug, if you can.', 'pembrolizumab'],
      ['Surgery is the treatment of choice for stage I cancer.', 'Surgery'],
      ['Treatment vaccines are different from the ones that help prevent disease.', 'Treatment vaccines'],
      ['To find the lymph node, a radioactive substance is injected near the tumor.', 'lymph node'],
    ] as const) {
      expect(definitionsOf(text, term), text).toEqual([]);
    }
  });

  it('reports each definition once, in page order', () => {
    const text = 'PD-L1 is a protein on cells. Biopsies are samples of tissue that are checked in a lab.';
    const found = findDefinitions(text, [
      ...occurrences(text, 'Biopsies', 'biopsy'),
      ...occurrences(text, 'PD-L1', 'pd-l1'),
      ...occurrences(text, 'PD-L1', 'pd-l1'),
    ]);
    expect(found.map((d) => d.id)).toEqual(['pd-l1', 'biopsy']);
  });
});

describe('sentenceFinder: the sentence around many positions of one text', () => {
  const long = `${'word '.repeat(400)}ends here. `;
  const texts = [
    'TILs are immune cells that attack tumors. Dr. J. Smith said so, e.g. in 2020! Is it? Yes.\n\n- a list item\n- another one',
    `Short. ${long}Then (PD-L1) is "a protein." And the U.S. trial ended.\nNew line. Last`,
    `${'x'.repeat(1600)}. Then a short one. Y ${'y '.repeat(900)}end.`,
    '',
  ];

  it('finds for each position what a finder of its own finds, position after position and out of order', () => {
    for (const text of texts) {
      const positions = [...Array(text.length).keys()];
      // A new finder for each position looks for the edges from scratch.
      const alone = (p: number) => sentenceFinder(text)(p);
      const inOrder = sentenceFinder(text);
      expect(positions.map((p) => inOrder(p))).toEqual(positions.map(alone));
      // Backwards and jumping about, as terms of several glossary entries come in.
      const shuffled = positions.map((_, i) => positions[(i * 7919) % positions.length]!).reverse();
      const anyOrder = sentenceFinder(text);
      expect(shuffled.map((p) => anyOrder(p))).toEqual(shuffled.map(alone));
    }
  });

  it('finds sentences and gives up on ones longer than its reach', () => {
    const text = texts[0]!;
    const find = sentenceFinder(text);
    const sentence = (p: number) => text.slice(find(p)!.start, find(p)!.end);
    expect(sentence(0)).toBe('TILs are immune cells that attack tumors.');
    expect(sentence(text.indexOf('Smith'))).toBe('Dr. J. Smith said so, e.g. in 2020!');
    expect(sentence(text.indexOf('tumors'))).toBe('TILs are immune cells that attack tumors.');
    expect(sentenceFinder(texts[2]!)(10)).toBeUndefined();
    expect(sentenceFinder(texts[2]!)(texts[2]!.indexOf('short'))).toBeDefined();
  });
});
