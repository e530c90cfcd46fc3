import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../../../glossary/normalise';
import { createMatcher } from '../../../../glossary/matcher';
import { articleBody } from '../../../../glossary/build/passages';
import { fleschKincaidGrade } from '../../../../glossary/build/readability';
import { buildGeneratedGlossary, ENTRIES_FILE, GENERATED_FILE, MATCH_FILE } from '../../../../glossary/build/build-node';
import { validateGlossary, type GlossaryError } from '../../../../glossary/build/validate';
import type { Glossary, GlossaryEntrySource, MatchData } from '../../../../glossary/types';
import { ARTICLE_FILE, ROOT } from '../../../support/paths';

/** Stand-in for the real aliasKey in the small unit tests: case and punctuation blind. */
const simpleKey = (alias: string) => alias.toLowerCase().replace(/[^a-z0-9]/g, '');

const good = (): Record<string, unknown>[] => [
  {
    id: 'pd-l1',
    term: 'PD-L1',
    expansion: 'programmed death-ligand 1',
    aliases: ['PD-L1'],
    category: 'biomarker',
    definition: 'A protein that some cancer cells make. It tells immune cells to stay away.',
    related: ['pd-1'],
  },
  {
    id: 'pd-1',
    term: 'PD-1',
    aliases: ['PD-1'],
    category: 'immune system',
    definition: 'A protein on immune cells. It works like an off switch.',
    related: ['pd-l1'],
    passageHints: ['its ligand PD-L1'],
  },
];

const check = (data: unknown, opts: Partial<Parameters<typeof validateGlossary>[1]> = {}) =>
  validateGlossary(data, { aliasKey: simpleKey, ...opts });

/** Asserts exactly one error, for this entry and field, and returns it. */
function onlyError(errors: GlossaryError[], entry: string, field: string): GlossaryError {
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  expect(errors[0]).toMatchObject({ entry, field });
  return errors[0]!;
}

describe('validateGlossary: unit checks', () => {
  it('accepts good entries', () => {
    expect(check(good())).toEqual([]);
  });

  it('rejects data that is not an array of entries', () => {
    onlyError(check('nope'), '(glossary)', 'entries');
    onlyError(check([]), '(glossary)', 'entries');
  });

  it('reports a non-object entry by index', () => {
    const data = [...good(), 42];
    onlyError(check(data), '#2', '(entry)');
  });

  it('names an entry without an id by its index', () => {
    const data = good();
    delete data[1]!.id;
    // The other entry's related "pd-1" is now unknown too.
    const errors = check(data);
    expect(errors).toContainEqual(expect.objectContaining({ entry: '#1', field: 'id' }));
    expect(errors).toContainEqual(expect.objectContaining({ entry: 'pd-l1', field: 'related' }));
  });

  it('rejects ids that are not kebab-case', () => {
    const data = good();
    data[0]!.id = 'PD_L1';
    data[1]!.related = ['PD_L1'];
    expect(onlyError(check(data), 'PD_L1', 'id').message).toMatch(/kebab-case/);
  });

  it('rejects duplicate ids', () => {
    const data = good();
    data[1]!.id = 'pd-l1';
    data[1]!.aliases = ['PD-1'];
    data[0]!.related = [];
    data[1]!.related = [];
    expect(onlyError(check(data), 'pd-l1', 'id').message).toMatch(/duplicate id/);
  });

  it('requires a term', () => {
    const data = good();
    data[0]!.term = '  ';
    onlyError(check(data), 'pd-l1', 'term');
  });

  it('requires a known category', () => {
    const data = good();
    data[0]!.category = 'genes';
    expect(onlyError(check(data), 'pd-l1', 'category').message).toMatch(/one of/);
  });

  it('reports unknown fields (typos)', () => {
    const data = good();
    data[0]!.alias = ['x'];
    onlyError(check(data), 'pd-l1', 'alias');
  });

  it('rejects an empty expansion', () => {
    const data = good();
    data[0]!.expansion = '';
    onlyError(check(data), 'pd-l1', 'expansion');
  });

  describe('definition', () => {
    it('must be present', () => {
      const data = good();
      delete data[0]!.definition;
      onlyError(check(data), 'pd-l1', 'definition');
    });

    it('must be 1–3 sentences', () => {
      const data = good();
      data[0]!.definition = 'One. Two. Three. Four.';
      expect(onlyError(check(data), 'pd-l1', 'definition').message).toMatch(/1–3 sentences \(has 4\)/);
    });

    it('must be within the reading grade limit', () => {
      const data = good();
      data[0]!.definition =
        'A transmembrane immunoregulatory glycoprotein, characteristically overexpressed by malignant epithelial populations, attenuating cytotoxic lymphocyte proliferation.';
      expect(onlyError(check(data), 'pd-l1', 'definition').message).toMatch(/reading grade .* above the limit of 8/);
      // A custom limit applies too.
      expect(check(good(), { gradeLimit: -20 })).toHaveLength(2);
    });

    it('must not give advice', () => {
      const data = good();
      data[0]!.definition = 'A protein on cancer cells. You should ask for a test.';
      expect(onlyError(check(data), 'pd-l1', 'definition').message).toMatch(/advice/);
    });
  });

  describe('aliases', () => {
    it('must be a non-empty array', () => {
      const data = good();
      data[0]!.aliases = [];
      onlyError(check(data), 'pd-l1', 'aliases');
      data[0]!.aliases = 'PD-L1';
      onlyError(check(data), 'pd-l1', 'aliases');
    });

    it('must be non-empty strings without surrounding space', () => {
      const data = good();
      data[0]!.aliases = ['PD-L1', ''];
      onlyError(check(data), 'pd-l1', 'aliases');
      data[0]!.aliases = ['PD-L1', ' PDL1 '];
      onlyError(check(data), 'pd-l1', 'aliases');
      data[0]!.aliases = ['PD-L1', '---'];
      expect(onlyError(check(data), 'pd-l1', 'aliases').message).toMatch(/no letters or digits/);
    });

    it('must not repeat within an entry after normalisation', () => {
      const data = good();
      data[0]!.aliases = ['PD-L1', 'PD L1'];
      expect(onlyError(check(data), 'pd-l1', 'aliases').message).toMatch(/"PD L1" is the same as "PD-L1"/);
    });

    it('must not repeat the expansion (which is matched already)', () => {
      const data = good();
      data[0]!.aliases = ['PD-L1', 'Programmed death ligand 1'];
      expect(onlyError(check(data), 'pd-l1', 'expansion').message).toMatch(/expansion is matched already/);
    });

    it('must not conflict with another entry, naming both entries', () => {
      const data = good();
      data[1]!.aliases = ['PD-1', 'PDL1'];
      const e = onlyError(check(data), 'pd-1', 'aliases');
      expect(e.message).toMatch(/"PDL1" conflicts with "PD-L1" of entry "pd-l1"/);
    });

    it('checks conflicts with the real aliasKey: case matters for acronyms only', () => {
      const data = good();
      data[1]!.aliases = ['PD-1', 'pd-l1'];
      // "pd-l1" is not an acronym token form, so it does not match "PD-L1" text: no conflict.
      expect(validateGlossary(data, { aliasKey })).toEqual([]);
      data[1]!.aliases = ['PD-1', 'PD L1'];
      onlyError(validateGlossary(data, { aliasKey }), 'pd-1', 'aliases');
    });
  });

  describe('related', () => {
    it('must be an array', () => {
      const data = good();
      delete data[0]!.related;
      onlyError(check(data), 'pd-l1', 'related');
    });

    it('must name existing entries', () => {
      const data = good();
      data[0]!.related = ['pd-1', 'ctla-4'];
      expect(onlyError(check(data), 'pd-l1', 'related').message).toMatch(/unknown related id "ctla-4"/);
    });

    it('must not name the entry itself', () => {
      const data = good();
      data[0]!.related = ['pd-1', 'pd-l1'];
      expect(onlyError(check(data), 'pd-l1', 'related').message).toMatch(/itself/);
    });
  });

  it('passageHints must be 1–2 non-empty strings', () => {
    const data = good();
    data[1]!.passageHints = [];
    onlyError(check(data), 'pd-1', 'passageHints');
    data[1]!.passageHints = ['a', 'b', 'c'];
    onlyError(check(data), 'pd-1', 'passageHints');
    data[1]!.passageHints = [''];
    onlyError(check(data), 'pd-1', 'passageHints');
  });

  describe('built entries', () => {
    const builtEntries = () =>
      good().map(({ passageHints: _hints, ...e }) => ({ ...e, passages: ['A sentence of the article.'] }));

    it('accepts entries with passages', () => {
      expect(check(builtEntries(), { built: true, articleBody: 'Title\n\nA sentence of the article.' })).toEqual([]);
    });

    it('reports missing passages', () => {
      const data = builtEntries();
      delete (data[1] as Record<string, unknown>).passages;
      onlyError(check(data, { built: true }), 'pd-1', 'passages');
    });

    it('reports empty passages (even when not flagged as built)', () => {
      const data = builtEntries();
      data[0]!.passages = [];
      onlyError(check(data, { built: true }), 'pd-l1', 'passages');
      onlyError(check(data), 'pd-l1', 'passages');
    });

    it('reports passages that are not in the article body', () => {
      const data = builtEntries();
      data[0]!.passages = ['Made up.'];
      const e = onlyError(check(data, { built: true, articleBody: 'A sentence of the article.' }), 'pd-l1', 'passages');
      expect(e.message).toMatch(/not a verbatim part/);
    });

    it('treats a Glossary object as built and checks its source', () => {
      const g = { source: { title: 'T', file: '' }, entries: builtEntries() };
      onlyError(check(g), '(glossary)', 'source.file');
      const noPassages = { source: { title: 'T', file: 'f' }, entries: good() };
      const errors = check(noPassages);
      // passageHints is not a field of a built entry, and passages are missing.
      expect(errors).toContainEqual(expect.objectContaining({ entry: 'pd-1', field: 'passageHints' }));
      expect(errors).toContainEqual(expect.objectContaining({ entry: 'pd-l1', field: 'passages' }));
    });
  });
});

describe('the real glossary', () => {
  const entries = JSON.parse(readFileSync(resolve(ROOT, ENTRIES_FILE), 'utf8')) as GlossaryEntrySource[];
  const generatedText = readFileSync(resolve(ROOT, GENERATED_FILE), 'utf8');
  const generated = JSON.parse(generatedText) as Glossary;
  const fullText = readFileSync(ARTICLE_FILE, 'utf8');
  const body = articleBody(fullText);
  const chrome = fullText.slice(body.length);

  it('entries.json has no errors', () => {
    expect(validateGlossary(entries, { aliasKey })).toEqual([]);
  });

  it('generated/glossary.json has no errors', () => {
    expect(validateGlossary(generated, { aliasKey, articleBody: body })).toEqual([]);
  });

  it('every definition is at most grade 8', () => {
    const over = entries
      .map((e) => ({ id: e.id, grade: fleschKincaidGrade(e.definition) }))
      .filter((g) => g.grade > 8);
    expect(over).toEqual([]);
  });

  it('every passage is a verbatim sentence of the article body, never from the chrome', () => {
    expect(chrome).toContain('Best Cancer Treatment Hospital');
    for (const e of generated.entries) {
      expect(e.passages.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.passages.length, e.id).toBeLessThanOrEqual(2);
      for (const p of e.passages) {
        expect(body.includes(p), `${e.id}: ${p}`).toBe(true);
        expect(fullText.indexOf(p) + p.length, e.id).toBeLessThanOrEqual(body.length);
        expect(chrome.includes(p), e.id).toBe(false);
        expect(p).not.toMatch(/Jaipur|Leave a Reply|email address/);
      }
    }
  });

  it('is up to date: the committed glossary.json and match.json equal a fresh build', () => {
    // If this fails, run: npm run glossary -- build
    const fresh = buildGeneratedGlossary(ROOT);
    expect(generatedText).toBe(fresh.json);
    expect(readFileSync(resolve(ROOT, MATCH_FILE), 'utf8')).toBe(fresh.matchJson);
    expect(generated.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  it('match.json holds exactly what matching needs of each entry, and nothing to display', () => {
    const match = JSON.parse(readFileSync(resolve(ROOT, MATCH_FILE), 'utf8')) as MatchData;
    expect(match.source).toEqual({ title: generated.source.title });
    expect(match.entries).toEqual(
      generated.entries.map(({ id, term, expansion, aliases }) => ({ id, term, ...(expansion !== undefined ? { expansion } : {}), aliases })),
    );
  });

  it('has the core concepts', () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const id of [
      'stage-4-cervical-cancer', 'metastasis', 'lymph-nodes', 'prognosis', 'median-survival', 'remission',
      'palliative-care', 'surgery', 'chemotherapy', 'radiation-therapy', 'immunotherapy', 'immune-system',
      'immune-surveillance', 't-cells', 'antigen', 'immune-checkpoint-inhibitor', 'pd-1', 'pd-l1',
      'adoptive-cell-therapy', 'car-t-cell-therapy', 'til-therapy', 'therapeutic-vaccine', 'monoclonal-antibody',
      'angiogenesis', 'egfr', 'combination-therapy', 'response-rate', 'treatment-resistance',
      'immune-related-adverse-events', 'biomarker', 'tumor-mutational-burden', 'microsatellite-instability',
      'clinical-trial', 'investigational-treatment', 'cohort', 'personalized-treatment', 'gynecologic-oncology',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  describe('aliases', () => {
    const matcher = createMatcher(entries, { fuzzy: false });
    const ids = (text: string) => matcher.find(text).map((m) => m.id);

    it.each([
      'Parkinson’s disease (PD) is common.',
      'Park the car near the door.',
      'Wait till tomorrow.',
      'Her eGFR was 60.',
      'The HPV vaccine prevents most cervical cancers.',
      'Resistance training builds muscle.',
      'There was no response.',
      'A trial of the new bus route.',
      'At this stage we wait.',
      'Cancer is a hard word.',
      'An antibody test for the flu.',
      'Career progression matters.',
      'Her immune cells were fine.',
    ])('a trap does not match: %s', (text) => {
      expect(ids(text)).toEqual([]);
    });

    it.each([
      ['PD-L1 expression was high', 'pd-l1'],
      ['PDL1', 'pd-l1'],
      ['CAR T cells', 'car-t-cell-therapy'],
      ['CAR-T therapy', 'car-t-cell-therapy'],
      ['TILs', 'til-therapy'],
      ['irAEs', 'immune-related-adverse-events'],
      ['mAbs', 'monoclonal-antibody'],
      ['EGFR', 'egfr'],
      ['MSI-H', 'microsatellite-instability'],
      ['TMB', 'tumor-mutational-burden'],
      ['radiotherapy', 'radiation-therapy'],
      ['tumour', 'tumor'],
      ['metastases', 'metastasis'],
      ['gynaecological oncology', 'gynecologic-oncology'],
      ['a therapeutic vaccine', 'therapeutic-vaccine'],
      ['acquired resistance', 'treatment-resistance'],
      ['PD-1 inhibitors', 'immune-checkpoint-inhibitor'],
    ])('%s → %s', (text, id) => {
      expect(ids(text)).toEqual([id]);
    });
  });
});
