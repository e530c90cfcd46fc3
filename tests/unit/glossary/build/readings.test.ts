import { describe, expect, it } from 'vitest';
import { deriveReadings, headNoun } from '../../../../glossary/build/readings';
import { matchData } from '../../../../glossary/match-data';

const entry = (id: string, term: string, aliases: string[]) => ({ id, term, aliases });

describe('readings derived from the entries', () => {
  it('finds a term\'s head noun, before "of" and without brackets', () => {
    expect(headNoun('Non-small cell lung cancer (NSCLC)')).toBe('cancer');
    expect(headNoun('Cancer of unknown primary')).toBe('cancer');
    expect(headNoun('Hypercalcemia of malignancy (high blood calcium)')).toBe('hypercalcemia');
    expect(headNoun('Large B-cell lymphoma')).toBe('lymphoma');
  });

  it('takes as state words what an entry writes with both a cancer noun and "disease"', () => {
    const r = deriveReadings([
      entry('advanced-cancer', 'Advanced cancer', ['advanced cancer', 'advanced disease', 'advanced-stage cancer', 'advanced-stage disease', 'late-stage cancer']),
      entry('locally-advanced', 'Locally advanced cancer', ['locally advanced cancer', 'locally advanced disease']),
      entry('staging', 'Cancer staging', ['stage of cancer', 'stage of disease']),
      entry('hodgkin', 'Hodgkin lymphoma', ['Hodgkin lymphoma', 'Hodgkin disease']),
      entry('stable', 'Stable disease', ['stable disease']),
      entry('melanoma', 'Melanoma', ['melanoma']),
      entry('nsclc', 'Non-small cell lung cancer (NSCLC)', ['NSCLC']),
      entry('cup', 'Cancer of unknown primary', ['CUP']),
      entry('hypercalcemia', 'Hypercalcemia of malignancy', ['hypercalcemia']),
      entry('nurse', 'Advanced practice nurse', ['advanced practice nurse']),
    ]);
    // Not "late-stage" (one noun), "stage of" (a preposition), "Hodgkin" (lymphoma is no generic cancer noun) or "stable".
    expect(r.stateWords).toEqual([
      { id: 'advanced-cancer', words: ['advanced', 'advanced-stage'] },
      { id: 'locally-advanced', words: ['locally advanced'] },
    ]);
    // A state entry is no cancer name, though its term ends in "cancer".
    expect(r.cancerNames).toEqual(['hodgkin', 'melanoma', 'nsclc', 'cup']);
  });

  it('lists the acronyms written alone in capitals that are also English words', () => {
    const words = new Set(['aids', 'nice', 'car', 'cd', 'tils']);
    const r = deriveReadings(
      [
        entry('aids', 'AIDS', ['AIDS']),
        entry('nice', 'NICE', ['NICE', 'National Institute for Health and Care Excellence']),
        entry('car-t', 'CAR T-cell therapy', ['CAR T-cell therapy', 'CAR-T']),
        entry('cd', 'CD', ['CD']),
        entry('til', 'TILs', ['TILs']),
        entry('hiv', 'HIV', ['HIV']),
      ],
      words,
    );
    // Not in a longer alias ("CAR T-cell"), not two letters ("CD"), not with small letters ("TILs"), not a non-word ("HIV").
    expect(r.wordAcronyms).toEqual(['AIDS', 'NICE']);
    expect(deriveReadings([entry('aids', 'AIDS', ['AIDS'])]).wordAcronyms).toBeUndefined();
    expect(matchData.readings!.wordAcronyms).toEqual(expect.arrayContaining(['AIDS', 'NICE']));
    expect(matchData.readings!.wordAcronyms).not.toContain('HIV');
  });

  it('are in the shipped match data', () => {
    const r = matchData.readings!;
    const stateOf = (word: string) => r.stateWords.find((s) => s.words.includes(word))?.id;
    expect(stateOf('advanced')).toBe('advanced-cancer');
    expect(stateOf('recurrent')).toBe('recurrent-cancer');
    expect(stateOf('locally advanced')).toBe('locally-advanced-cancer');
    expect(stateOf('unresectable')).toBe('unresectable');
    for (const id of ['melanoma', 'multiple-myeloma', 'hepatocellular-carcinoma', 'large-b-cell-lymphoma', 'non-small-cell-lung-cancer']) {
      expect(r.cancerNames).toContain(id);
    }
    expect(r.cancerNames).not.toContain('advanced-cancer');
    // "Tumor" alone stands before other nouns ("measurable tumor responses") more than it names a cancer.
    expect(r.cancerNames).not.toContain('tumor');
    expect(r.cancerNames).toContain('solid-tumor');
    // "spread" after a cancer ("the cancer has spread") means the cancer-spread card; "come back",
    // "return", "recur" the recurrent-cancer card; "progress" the progression card.
    expect(r.cancerVerbs).toEqual([
      { id: 'cancer-spread', forms: ['spread', 'spreads', 'spread', 'spread', 'spreading'] },
      { id: 'recurrent-cancer', forms: ['come back', 'comes back', 'came back', 'come back', 'coming back'] },
      { id: 'recurrent-cancer', forms: ['return', 'returns', 'returned', 'returned', 'returning'] },
      { id: 'recurrent-cancer', forms: ['recur', 'recurs', 'recurred', 'recurred', 'recurring'] },
      { id: 'cancer-progression', forms: ['progress', 'progresses', 'progressed', 'progressed', 'progressing'] },
    ]);
  });

  it('takes as a cancer\'s verb the entry that writes its noun after a noun meaning a cancer', () => {
    const r = deriveReadings([
      entry('hematogenous', 'Hematogenous spread', ['spread through the blood', 'cancer spread through the blood']),
      entry('spread', 'Cancer spread', ['cancer spread', 'spread of cancer']),
      entry('other', 'Other', ['tumor spread']),
      entry('recurrence', 'Recurrent cancer', ['recurrent cancer', 'cancer recurrence']),
    ]);
    // The first entry to write "<cancer noun> spread" keeps it; longer phrases are other cards. No
    // entry writes "cancer progression": that verb is left out.
    expect(r.cancerVerbs).toEqual([
      { id: 'spread', forms: ['spread', 'spreads', 'spread', 'spread', 'spreading'] },
      { id: 'recurrence', forms: ['come back', 'comes back', 'came back', 'come back', 'coming back'] },
      { id: 'recurrence', forms: ['return', 'returns', 'returned', 'returned', 'returning'] },
      { id: 'recurrence', forms: ['recur', 'recurs', 'recurred', 'recurred', 'recurring'] },
    ]);
    expect(deriveReadings([entry('melanoma', 'Melanoma', ['melanoma'])]).cancerVerbs).toEqual([]);
  });

  it('finds the short forms left out as aliases, with the entries of their family', () => {
    type Kind = 'tests-and-scans' | 'side-effects' | 'cancer-drugs';
    const e = (id: string, term: string, aliases: string[], category: Kind, related: string[], expansion?: string) => ({ id, term, aliases, category, related, ...(expansion ? { expansion } : {}) });
    const entries = [
      e('ct-scan', 'CT scan (CAT scan)', ['CT scan'], 'tests-and-scans', ['imaging-test', 'x-ray', 'contrast'], 'computed tomography'),
      e('imaging-test', 'Imaging test', ['imaging test'], 'tests-and-scans', ['ct-scan', 'mri', 'x-ray']),
      e('mri', 'MRI (magnetic resonance imaging)', ['MRI'], 'tests-and-scans', ['imaging-test'], 'magnetic resonance imaging'),
      e('x-ray', 'X-ray', ['X-ray'], 'tests-and-scans', ['ct-scan']),
      e('contrast', 'Contrast dye', ['contrast dye'], 'cancer-drugs', ['ct-scan']),
      e('pe', 'Pulmonary embolism (PE)', ['pulmonary embolism'], 'side-effects', ['dvt']),
      e('dvt', 'Deep vein thrombosis (DVT)', ['DVT', 'deep vein thrombosis'], 'side-effects', ['pe']),
      e('car', 'Chimeric antigen receptor (CAR)', ['chimeric antigen receptor'], 'side-effects', ['dvt']),
      e('us', 'Ultrasound (US)', ['ultrasound'], 'tests-and-scans', ['ct-scan']),
      e('net', 'Neuroendocrine tumor (NET)', ['neuroendocrine tumor'], 'side-effects', ['pe']),
      e('lonely', 'Lonely syndrome (LS)', ['lonely syndrome'], 'cancer-drugs', []),
    ];
    const r = deriveReadings(entries, new Set(['car', 'us', 'net']));
    // Not DVT (an alias), CAR (an English word), US (a word a page teaches nothing by), NET (not the
    // term's initials), LS (no family); they still are family of the entries they link to. The contrast
    // dye is of another category; mri is imaging-test's sibling.
    expect(r.shortForms).toEqual([
      { short: 'CT', id: 'ct-scan', family: ['imaging-test', 'mri', 'us', 'x-ray'] },
      { short: 'PE', id: 'pe', family: ['dvt', 'net'] },
    ]);
    // Without a word list (nor categories) there are none.
    expect(deriveReadings(entries).shortForms).toBeUndefined();
    // The shipped glossary: CT with the scans, PE with the clots, and none of them with a concept most cards link to.
    const shipped = (short: string) => matchData.readings!.shortForms!.filter((f) => f.short === short);
    expect(shipped('CT').map((f) => f.id)).toEqual(['ct-scan']);
    expect(shipped('CT')[0]!.family).toEqual(expect.arrayContaining(['mri', 'x-ray', 'ultrasound', 'pet-scan', 'pet-ct']));
    // Since round 40 a bare "scan" shows the imaging-test card, so every card that says "scan" links
    // it: a concept most cards link to, no longer family.
    expect(shipped('CT')[0]!.family).not.toContain('imaging-test');
    expect(shipped('PE').map((f) => f.id)).toEqual(['pulmonary-embolism']);
    expect(shipped('PE')[0]!.family).toEqual(expect.arrayContaining(['deep-vein-thrombosis', 'blood-clot', 'venous-thromboembolism']));
    for (const f of matchData.readings!.shortForms!) expect(f.family).not.toContain('clinical-trial');
    expect(shipped('TBI')).toEqual([]);
  });

  it('takes a short form the term writes with its expansion in brackets, though its letters are not the initials and it is a word', () => {
    const e = (id: string, term: string, expansion: string, related: string[]) => ({ id, term, aliases: [expansion], category: 'tests-and-scans' as const, related, expansion });
    const r = deriveReadings(
      [
        e('alt-test', 'ALT (alanine aminotransferase)', 'alanine aminotransferase', ['ast-test']),
        e('ast-test', 'AST (aspartate aminotransferase)', 'aspartate aminotransferase', ['alt-test']),
        // Written otherwise, the initials still decide: "ALT test" is no short form with its expansion.
        e('alt-other', 'ALT test', 'alanine aminotransferase', ['ast-test']),
      ],
      new Set(['alt']),
    );
    expect(r.shortForms).toEqual([
      { short: 'ALT', id: 'alt-test', family: ['ast-test'] },
      { short: 'AST', id: 'ast-test', family: ['alt-other', 'alt-test'] },
    ]);
    const shipped = (short: string) => matchData.readings!.shortForms!.filter((f) => f.short === short).map((f) => f.id);
    expect(shipped('ALT')).toEqual(['alt-test']);
    expect(shipped('AST')).toEqual(['ast-test']);
  });

  it('finds the summary stages: entries of one category that write "<word> stage" and all list each other', () => {
    type Kind = 'outcomes-and-statistics' | 'disease-and-staging';
    const e = (id: string, alias: string, category: Kind, related: string[]) => ({ id, term: id, aliases: [alias], category, related });
    const r = deriveReadings([
      e('loc', 'localized stage', 'outcomes-and-statistics', ['reg', 'dist']),
      e('reg', 'regional stage', 'outcomes-and-statistics', ['loc', 'dist']),
      e('dist', 'distant stage', 'outcomes-and-statistics', ['loc', 'reg']),
      e('cancer-stage', 'cancer stage', 'disease-and-staging', ['tumor-stage']),
      e('tumor-stage', 'tumor stage', 'disease-and-staging', ['cancer-stage']),
    ]);
    // Two entries are no scheme of summary stages.
    expect(r.summaryStages).toEqual([
      { id: 'loc', word: 'localized' },
      { id: 'reg', word: 'regional' },
      { id: 'dist', word: 'distant' },
    ]);
    expect(matchData.readings!.summaryStages).toEqual([
      { id: 'seer-localized', word: 'localized' },
      { id: 'seer-regional', word: 'regional' },
      { id: 'seer-distant', word: 'distant' },
    ]);
  });
});
