import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aliasKey } from '../../../../glossary/normalise';
import { createMatcher } from '../../../../glossary/matcher';
import { markedOnPage } from '../../../../glossary/health-page';
import { articleBody } from '../../../../glossary/build/passages';
import { fleschKincaidGrade } from '../../../../glossary/build/readability';
import { SOURCE_FILE } from '../../../../glossary/build/build';
import {
  buildGeneratedGlossary,
  DATA_DIR,
  GENERATED_FILE,
  MATCH_FILE,
  TRIE_FILE,
  START_FILTER_FILE,
  readGlossaryData,
  validateGlossaryData,
} from '../../../../glossary/build/build-node';
import { buildAll } from '../../../../glossary/cli/build-command';
import { formatErrors, median, validateGlossary, type GlossaryError } from '../../../../glossary/build/validate';
import { CATEGORIES, type Glossary, type MatchData } from '../../../../glossary/types';
import { ARTICLE_FILE, ROOT } from '../../../support/paths';

/** These run a whole glossary build (about 2,000 entries): seconds, more on a busy machine. */
const BUILD_TIMEOUT = { timeout: 60_000 };

/** Stand-in for the real aliasKey in the small unit tests: case and punctuation blind. */
const simpleKey = (alias: string) => alias.toLowerCase().replace(/[^a-z0-9]/g, '');

const TODAY = '2026-12-05';
const FILES = ['glossary/data/biomarkers.json', 'glossary/data/immune-system.json', 'glossary/data/research.json'];
const BODY = 'A Title\n\nCheckpoint inhibitors target PD-1 and its ligand PD-L1. They are new.\n';
const SOURCES = [{ name: 'NCI Dictionary of Cancer Terms: PD-L1', url: 'https://www.cancer.gov/publications/dictionaries/cancer-terms/def/pd-l1' }];

/** Two source entries (as in the category files: no category) that pass every rule. */
const good = (): Record<string, unknown>[] => [
  {
    id: 'pd-l1',
    term: 'PD-L1',
    expansion: 'programmed death-ligand 1',
    aliases: ['PD-L1'],
    definition: 'A protein that some cancer cells make. It tells immune cells to stay away.',
    related: ['pd-1'],
    sources: SOURCES,
    reviewed: '2026-11-20',
    article: { quote: 'none', why: 'The article only names it.' },
  },
  {
    id: 'pd-1',
    term: 'PD-1',
    aliases: ['PD-1'],
    pronunciation: 'P D one',
    definition: 'A protein on immune cells. It works like an off switch.',
    related: ['pd-l1'],
    sources: SOURCES,
    reviewed: '2026-12-05',
    notes: 'For reviewers.',
    article: { quote: 'as-is', hints: ['its ligand PD-L1'], why: 'It says what PD-1 is.' },
  },
];

/** A stand-in for the exact matcher: the glossary terms named in a text. */
const termsIn = (text: string) => [...(/\bPD-L1\b/.test(text) ? ['pd-l1'] : []), ...(/\bPD-1\b/.test(text) ? ['pd-1'] : [])];

const check = (data: unknown, opts: Partial<Parameters<typeof validateGlossary>[1]> = {}) =>
  validateGlossary(data, {
    aliasKey: simpleKey,
    articleBody: BODY,
    mentionedInArticle: new Set(['pd-l1', 'pd-1']),
    termsIn,
    today: TODAY,
    fileOf: (i) => FILES[i],
    ...opts,
  });

/** Asserts exactly one error, for this file, entry and field, and returns it. */
function onlyError(errors: GlossaryError[], entry: string, field: string, file?: string | null): GlossaryError {
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  const index = entry.startsWith('#') ? Number(entry.slice(1)) : ['pd-l1', 'pd-1'].indexOf(entry);
  // null: a built entry, which has no data file.
  const expectedFile = file === null ? undefined : (file ?? (entry === '(glossary)' ? undefined : FILES[index]));
  expect(errors[0]).toEqual({ ...(expectedFile !== undefined ? { file: expectedFile } : {}), entry, field, message: expect.any(String) });
  return errors[0]!;
}


// These read and check the whole glossary (3,600 entries and its data files, or a copy of them): several
// seconds on a quiet two-core machine and more while it is busy, past vitest's default 5 s, and growing
// with the data. A slow run is not a failure here; the speed that matters is measured by the benches.
const WHOLE_GLOSSARY_MS = 60_000;
describe('validateGlossary: source entries', () => {
  it('accepts good entries', () => {
    expect(check(good())).toEqual([]);
  });

  it('rejects data that is not an array of entries', () => {
    onlyError(check('nope'), '(glossary)', 'entries');
    onlyError(check([]), '(glossary)', 'entries');
  });

  it('reports a non-object entry by index, with its file', () => {
    onlyError(check([...good(), 42]), '#2', '(entry)');
  });

  it('names an entry without an id by its index', () => {
    const data = good();
    delete data[1]!.id;
    const errors = check(data);
    expect(errors).toContainEqual({ file: FILES[1], entry: '#1', field: 'id', message: expect.stringMatching(/missing id/) });
    // The other entry's related "pd-1" is now unknown too.
    expect(errors).toContainEqual(expect.objectContaining({ file: FILES[0], entry: 'pd-l1', field: 'related' }));
  });

  it('rejects ids that are not kebab-case', () => {
    const data = good();
    data[0]!.id = 'PD_L1';
    data[1]!.related = ['PD_L1'];
    data[1]!.article = { quote: 'none', why: 'x' };
    expect(onlyError(check(data, { mentionedInArticle: new Set(['PD_L1', 'pd-1']) }), 'PD_L1', 'id', FILES[0]).message).toMatch(/kebab-case/);
  });

  it('rejects duplicate ids', () => {
    const data = good();
    data[1]!.id = 'pd-l1';
    data[0]!.related = [];
    data[1]!.related = [];
    expect(onlyError(check(data), 'pd-l1', 'id', FILES[1]).message).toMatch(/duplicate id/);
  });

  it('requires a term', () => {
    const data = good();
    data[0]!.term = '  ';
    onlyError(check(data), 'pd-l1', 'term');
  });

  it('reports unknown fields, including the old category and passageHints (the file gives the category now)', () => {
    for (const field of ['alias', 'category', 'passageHints', 'passages']) {
      const data = good();
      data[0]![field] = ['x'];
      // `passages` makes it look like a built entry: then the source-only fields are unknown instead.
      if (field === 'passages') expect(check(data).map((e) => e.field)).toContain('sources');
      else onlyError(check(data), 'pd-l1', field);
    }
  });

  it('rejects an empty expansion', () => {
    const data = good();
    data[0]!.expansion = '';
    onlyError(check(data), 'pd-l1', 'expansion');
  });

  it('everyday must be true when present', () => {
    const data = good();
    data[0]!.everyday = true;
    expect(check(data)).toEqual([]);
    data[0]!.everyday = false;
    onlyError(check(data), 'pd-l1', 'everyday');
  });

  it('generalSense must be true when present, and not on an everyday word', () => {
    const data = good();
    data[0]!.generalSense = true;
    expect(check(data)).toEqual([]);
    data[0]!.generalSense = 'yes';
    onlyError(check(data), 'pd-l1', 'generalSense');
    data[0]!.generalSense = true;
    data[0]!.everyday = true;
    onlyError(check(data), 'pd-l1', 'generalSense');
  });

  it('notes must be text', () => {
    const data = good();
    data[1]!.notes = 3;
    onlyError(check(data), 'pd-1', 'notes');
  });

  describe('pronunciation', () => {
    it.each(['pem-broh-LIZ-oo-mab', 'KEE-moh-THAIR-uh-pee', 'limf', 'stage four', 'P D one'])('accepts %s', (p) => {
      const data = good();
      data[1]!.pronunciation = p;
      expect(check(data)).toEqual([]);
    });

    it('needs the stressed syllable in capitals', () => {
      const data = good();
      data[1]!.pronunciation = 'pem-broh-liz-oo-mab';
      expect(onlyError(check(data), 'pd-1', 'pronunciation').message).toMatch(/stressed syllable in capitals/);
      data[1]!.pronunciation = 'pem-broh-Liz-oo-mab';
      expect(onlyError(check(data), 'pd-1', 'pronunciation').message).toMatch(/stressed syllable in capitals/);
    });

    it('is letters joined by hyphens or spaces', () => {
      for (const p of ['pem/broh/LIZ', 'pem--LIZ', '-LIZ', 'LIZ ', '/ˈpɛm/', '', 3]) {
        const data = good();
        data[1]!.pronunciation = p;
        expect(onlyError(check(data), 'pd-1', 'pronunciation').message, String(p)).toMatch(/letters only/);
      }
    });
  });

  describe('definition', () => {
    it('must be present', () => {
      const data = good();
      delete data[0]!.definition;
      onlyError(check(data), 'pd-l1', 'definition');
    });

    it('must be 1–5 sentences', () => {
      const data = good();
      data[0]!.definition = 'One cell. Two cells. Three cells. Four cells. Five cells.';
      expect(check(data)).toEqual([]);
      data[0]!.definition = 'One cell. Two cells. Three cells. Four cells. Five cells. Six cells.';
      expect(onlyError(check(data), 'pd-l1', 'definition').message).toMatch(/1–5 sentences \(has 6\)/);
    });

    it('must be within the reading grade limit, each one', () => {
      const data = good();
      data[0]!.definition =
        'A transmembrane immunoregulatory glycoprotein, characteristically overexpressed by malignant epithelial populations, attenuating cytotoxic lymphocyte proliferation.';
      const errors = check(data, { medianGradeLimit: 100 });
      expect(onlyError(errors, 'pd-l1', 'definition').message).toMatch(/reading grade .* above the limit of 8/);
      // A custom limit applies too.
      expect(check(good(), { gradeLimit: -20, medianGradeLimit: 100 })).toHaveLength(2);
    });

    it('must keep the median grade over all definitions at most 6 (or the given limit)', () => {
      const grades = good().map((e) => fleschKincaidGrade(e.definition as string));
      expect(Math.max(...grades)).toBeLessThanOrEqual(8);
      const m = median(grades);
      const e = onlyError(check(good(), { medianGradeLimit: m - 0.5 }), '(glossary)', 'definition');
      expect(e.message).toBe(`median reading grade ${m.toFixed(1)} is above ${m - 0.5}`);
      expect(check(good(), { medianGradeLimit: m })).toEqual([]);
    });

    it.each(['/tmp/ud-pa.js', 'TODO', 'see notes', 'A protein on cancer cells', 'It is made by ./build/x.mjs.'])('must be prose, not %s', (text) => {
      const data = good();
      data[0]!.definition = text;
      expect(check(data).some((e) => e.entry === 'pd-l1' && e.field === 'definition' && /sentences of words/.test(e.message))).toBe(true);
    });

    it('takes a definition that opens with a word written with a capital inside', () => {
      const data = good();
      data[0]!.definition = 'eGFR is a number that shows how well the kidneys work.';
      expect(check(data).filter((e) => /sentences of words/.test(e.message))).toEqual([]);
    });

    it('must not give advice', () => {
      const data = good();
      data[0]!.definition = 'A protein on cancer cells. You should ask for a test.';
      expect(onlyError(check(data), 'pd-l1', 'definition').message).toMatch(/advice/);
    });

    it.each(['It is given as 200 mg every three weeks.', 'The dose is 2 mg/kg.', 'She gets 5 units.'])('must not give a dose: %s', (dose) => {
      const data = good();
      data[0]!.definition = `A protein on cancer cells. ${dose}`;
      expect(onlyError(check(data), 'pd-l1', 'definition').message).toMatch(/never doses/);
    });

    it.each(['tumour', 'anaemia', 'oedema', 'diarrhoea', 'womb', 'colour', 'centre', 'oesophagus', 'GP'])('must be US English, not %s', (word) => {
      const data = good();
      data[0]!.definition = `A protein that some cells make. It is linked to the ${word}.`;
      expect(onlyError(check(data), 'pd-l1', 'definition').message).toMatch(new RegExp(`"${word}" is British`));
    });
  });

  describe('sources', () => {
    it('are required', () => {
      for (const sources of [undefined, [], 'NCI']) {
        const data = good();
        data[0]!.sources = sources;
        expect(onlyError(check(data), 'pd-l1', 'sources').message).toMatch(/missing: list the reference sources/);
      }
    });

    it('each need a name and an https address', () => {
      const data = good();
      data[0]!.sources = [{ name: 'NCI', url: 'http://www.cancer.gov/x' }];
      expect(onlyError(check(data), 'pd-l1', 'sources').message).toMatch(/not an https address/);
      data[0]!.sources = [{ url: 'https://www.cancer.gov/x' }];
      expect(onlyError(check(data), 'pd-l1', 'sources').message).toMatch(/source #0 must be/);
      data[0]!.sources = [...SOURCES, { name: 'NCI', url: 'https://nowhere' }];
      expect(onlyError(check(data), 'pd-l1', 'sources').message).toMatch(/source #1 url "https:\/\/nowhere"/);
    });
  });

  describe('reviewed', () => {
    it('is a required date', () => {
      for (const reviewed of [undefined, '2026-12', '05/12/2026', '2026-02-30x', 20261205]) {
        const data = good();
        data[0]!.reviewed = reviewed;
        expect(onlyError(check(data), 'pd-l1', 'reviewed').message, String(reviewed)).toMatch(/missing or not a date/);
      }
    });

    it('is not in the future', () => {
      const data = good();
      data[0]!.reviewed = '2026-12-06';
      expect(onlyError(check(data), 'pd-l1', 'reviewed').message).toMatch(/2026-12-06 is in the future/);
    });

    it('is at most 365 days old', () => {
      const data = good();
      data[0]!.reviewed = '2025-12-05';
      expect(check(data)).toEqual([]);
      data[0]!.reviewed = '2025-12-04';
      expect(onlyError(check(data), 'pd-l1', 'reviewed').message).toMatch(/stale \(over 365 days old\)/);
    });

    it('is checked for age only when today is given', () => {
      const data = good();
      data[0]!.reviewed = '2001-01-01';
      expect(check(data, { today: undefined })).toEqual([]);
    });
  });

  describe('article quote choice', () => {
    it('is required when the article mentions the entry, and only then', () => {
      const data = good();
      delete data[0]!.article;
      expect(onlyError(check(data), 'pd-l1', 'article').message).toMatch(/the article mentions this entry/);
      expect(check(data, { mentionedInArticle: new Set(['pd-1']) })).toEqual([]);
    });

    it('must be an object with a known quote and a reason', () => {
      const data = good();
      data[0]!.article = 'none';
      onlyError(check(data), 'pd-l1', 'article');
      data[0]!.article = { quote: 'none' };
      onlyError(check(data), 'pd-l1', 'article.why');
      data[0]!.article = { quote: 'some', why: 'x' };
      expect(onlyError(check(data), 'pd-l1', 'article.quote').message).toMatch(/"none", "as-is" or "with-note"/);
      data[0]!.article = { quote: 'none', why: 'x', hints: ['PD-1'] };
      onlyError(check(data), 'pd-l1', 'article.hints');
    });

    it('quotes only an entry the article mentions', () => {
      const data = good();
      const e = onlyError(check(data, { mentionedInArticle: new Set(['pd-l1']) }), 'pd-1', 'article.quote');
      expect(e.message).toMatch(/never mentions this entry/);
    });

    it('needs 1–2 hints, each in the article body', () => {
      for (const hints of [undefined, [], ['PD-1', 'PD-L1', 'They are new'], ['']]) {
        const data = good();
        data[1]!.article = { quote: 'as-is', hints, why: 'x' };
        onlyError(check(data), 'pd-1', 'article.hints');
      }
      const data = good();
      data[1]!.article = { quote: 'as-is', hints: ['its ligand PD-L2'], why: 'x' };
      expect(onlyError(check(data), 'pd-1', 'article.hints').message).toMatch(/hint "its ligand PD-L2" is not in the article body/);
    });

    it('with a note needs the note, the month it was true and its sources', () => {
      const note = { quote: 'with-note', hints: ['its ligand PD-L1'], why: 'Out of date.', note: 'Now approved.', asOf: '2026-12', sources: SOURCES };
      const data = good();
      data[1]!.article = note;
      expect(check(data)).toEqual([]);
      for (const [field, value] of [
        ['note', undefined],
        ['note', ''],
        ['asOf', undefined],
        ['asOf', '2026-13'],
        ['asOf', '2026-12-05'],
        ['sources', undefined],
        ['sources', [{ name: 'x', url: 'ftp://x.org/y' }]],
      ] as const) {
        data[1]!.article = { ...note, [field]: value };
        onlyError(check(data), 'pd-1', `article.${field}`);
      }
    });

    it('with a note keeps the note easy to read', () => {
      const data = good();
      data[1]!.article = {
        quote: 'with-note',
        hints: ['its ligand PD-L1'],
        why: 'x',
        note: 'Immunohistochemical quantification of programmed death-ligand 1 constitutes standardized preliminary characterization.',
        asOf: '2026-12',
        sources: SOURCES,
      };
      expect(onlyError(check(data), 'pd-1', 'article.note').message).toMatch(/reading grade .* too high/);
    });

    it('reports fields that do not belong to the choice', () => {
      const data = good();
      data[1]!.article = { quote: 'as-is', hints: ['its ligand PD-L1'], why: 'x', note: 'y' };
      onlyError(check(data), 'pd-1', 'article.note');
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
      expect(e.message).toMatch(/"PDL1" .*conflicts with "PD-L1" of entry "pd-l1"/);
    });

    it('checks conflicts with the real aliasKey: case matters for acronyms only', () => {
      const data = good();
      data[1]!.aliases = ['PD-1', 'pd-l1'];
      // "pd-l1" is not an acronym token form, so it does not match "PD-L1" text: no conflict.
      expect(check(data, { aliasKey })).toEqual([]);
      data[1]!.aliases = ['PD-1', 'PD L1'];
      onlyError(check(data, { aliasKey }), 'pd-1', 'aliases');
    });
  });

  describe('related', () => {
    it('must be an array', () => {
      const data = good();
      delete data[0]!.related;
      onlyError(check(data), 'pd-l1', 'related');
    });

    it('must name existing entries, once each, never the entry itself', () => {
      const data = good();
      data[0]!.related = ['pd-1', 'ctla-4'];
      expect(onlyError(check(data), 'pd-l1', 'related').message).toMatch(/unknown related id "ctla-4"/);
      data[0]!.related = ['pd-1', 'pd-l1'];
      expect(onlyError(check(data), 'pd-l1', 'related').message).toMatch(/itself/);
      data[0]!.related = ['pd-1', 'pd-1'];
      expect(onlyError(check(data), 'pd-l1', 'related').message).toMatch(/listed twice/);
    });

    it('must link every glossary term the definition uses', () => {
      const data = good();
      data[0]!.definition = 'A protein that some cancer cells make. It binds PD-1 on immune cells.';
      data[0]!.related = [];
      const e = onlyError(check(data), 'pd-l1', 'related');
      expect(e.message).toMatch(/uses the glossary term "pd-1" without linking it/);
      data[0]!.related = ['pd-1'];
      expect(check(data)).toEqual([]);
    });

    it('may use an everyday word without linking it, and its own name', () => {
      const data = good();
      data[0]!.definition = 'PD-L1 is a protein that some cancer cells make. It binds PD-1 on immune cells.';
      data[0]!.related = [];
      data[1]!.everyday = true;
      expect(check(data)).toEqual([]);
    });
  });

  it('reports an alias the matcher cannot read as written, or reads as another entry', () => {
    const readsAs = (alias: string) => (alias === 'PD L one' ? null : alias === 'B7-H1' || alias === 'PD-1' ? 'pd-1' : 'pd-l1');
    expect(check(good(), { readsAs })).toEqual([]);
    const data = good();
    data[0]!.aliases = ['PD-L1', 'PD L one'];
    expect(onlyError(check(data, { readsAs }), 'pd-l1', 'aliases').message).toMatch(/"PD L one" is never found as written/);
    data[0]!.aliases = ['PD-L1', 'B7-H1'];
    expect(onlyError(check(data, { readsAs }), 'pd-l1', 'aliases').message).toBe('"B7-H1" is found as entry "pd-1", not this one');
  });

  it('formats errors as file › entry › field: message', () => {
    const data = good();
    data[0]!.term = '';
    expect(formatErrors(check(data))).toBe('glossary/data/biomarkers.json › pd-l1 › term: must be a non-empty string');
    expect(formatErrors([{ entry: '(glossary)', field: 'entries', message: 'x' }])).toBe('(glossary) › entries: x');
  });
});

describe('validateGlossary: built entries', () => {
  const built = (): Record<string, unknown>[] =>
    good().map(({ sources, notes: _n, article: _a, ...e }, i) => ({
      ...e,
      category: i === 0 ? 'biomarkers' : 'immune-system',
      passages: i === 0 ? [] : ['Checkpoint inhibitors target PD-1 and its ligand PD-L1.'],
      checkedAgainst: (sources as { name: string }[]).map((s) => s.name),
    }));
  const checkBuilt = (data: unknown, opts: Partial<Parameters<typeof validateGlossary>[1]> = {}) =>
    validateGlossary(data, { aliasKey: simpleKey, built: true, articleBody: BODY, today: TODAY, ...opts });

  it('accepts built entries, with or without passages', () => {
    expect(checkBuilt(built())).toEqual([]);
  });

  it('requires a known category', () => {
    for (const category of [undefined, 'biomarker', 'genes']) {
      const data = built();
      data[0]!.category = category;
      expect(onlyError(checkBuilt(data), 'pd-l1', 'category', null).message).toMatch(/must be one of: disease-and-staging/);
    }
  });

  it('requires checkedAgainst, the names of the sources', () => {
    for (const checked of [undefined, [], [''], [{ name: 'NCI' }]]) {
      const data = built();
      data[0]!.checkedAgainst = checked;
      onlyError(checkBuilt(data), 'pd-l1', 'checkedAgainst', null);
    }
  });

  it('reports fields that stay behind in the source (sources, notes, article)', () => {
    for (const field of ['sources', 'notes', 'article', 'passageHints']) {
      const data = built();
      data[1]![field] = 'x';
      onlyError(checkBuilt(data), 'pd-1', field, null);
    }
  });

  it('requires passages to be an array of at most two verbatim parts of the article', () => {
    const data = built();
    delete data[1]!.passages;
    onlyError(checkBuilt(data), 'pd-1', 'passages', null);
    data[1]!.passages = ['They are new.', 'They are new.', 'They are new.'];
    expect(onlyError(checkBuilt(data), 'pd-1', 'passages', null).message).toMatch(/at most 2/);
    data[1]!.passages = ['Made up.'];
    expect(onlyError(checkBuilt(data), 'pd-1', 'passages', null).message).toMatch(/not a verbatim part/);
  });

  it('allows an article note only under a quote, with a month', () => {
    const data = built();
    data[1]!.articleNote = { text: 'Now approved.', asOf: '2026-12' };
    expect(checkBuilt(data)).toEqual([]);
    data[1]!.articleNote = { text: 'Now approved.', asOf: 'December' };
    onlyError(checkBuilt(data), 'pd-1', 'articleNote', null);
    data[0]!.articleNote = { text: 'Now approved.', asOf: '2026-12' };
    delete data[1]!.articleNote;
    expect(onlyError(checkBuilt(data), 'pd-l1', 'articleNote', null).message).toMatch(/quotes nothing/);
  });

  it('treats a Glossary object as built and checks its source', () => {
    onlyError(checkBuilt({ source: { title: 'T', file: '' }, entries: built() }, { built: undefined }), '(glossary)', 'source.file');
    const errors = checkBuilt({ source: { title: 'T', file: 'f' }, entries: good() }, { built: undefined });
    // Source entries are not built ones: no category, passages or checkedAgainst, and fields that stay behind.
    for (const field of ['category', 'passages', 'checkedAgainst', 'sources', 'article']) {
      expect(errors).toContainEqual(expect.objectContaining({ entry: 'pd-l1', field }));
    }
  });
});

describe('readGlossaryData: the category files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A copy of the glossary's data, article and generated files in a temp folder. */
  function copyRoot(): string {
    const root = mkdtempSync(join(tmpdir(), 'termlight-data-'));
    dirs.push(root);
    for (const part of [DATA_DIR, 'glossary/generated', SOURCE_FILE]) {
      cpSync(resolve(ROOT, part), join(root, part), { recursive: true });
    }
    return root;
  }
  const generated = (root: string) => [GENERATED_FILE, MATCH_FILE, TRIE_FILE, START_FILTER_FILE, 'glossary/generated/fuzzy-exclusions.json'].map((f) => readFileSync(join(root, f), 'utf8'));
  const fileErrors = (root: string) => readGlossaryData(root).errors;

  it('reads every category file, in category order, with the category from the file name', () => {
    const root = copyRoot();
    const { data, errors } = readGlossaryData(root);
    expect(errors).toEqual([]);
    expect(data.entries).toHaveLength(data.files.length);
    expect([...new Set(data.entries.map((e) => e.category))]).toEqual([...CATEGORIES]);
    data.entries.forEach((e, i) => expect(data.files[i]).toMatch(new RegExp(`^${DATA_DIR}/${e.category}(\\.[1-9]\\d*)?\\.json$`)));
  });

  it('reads a category continued in parts (<category>.2.json …) after its first file, in part order', () => {
    const root = copyRoot();
    const file = (name: string) => join(root, DATA_DIR, name);
    const before = readGlossaryData(root).data.entries.filter((e) => e.category === 'radiation').map((e) => e.id);
    const all = JSON.parse(readFileSync(file('radiation.json'), 'utf8')) as { id: string }[];
    // Split in three, the parts written in the wrong order on disk and numbered with a gap (2, 10).
    writeFileSync(file('radiation.10.json'), JSON.stringify(all.slice(20)));
    writeFileSync(file('radiation.2.json'), JSON.stringify(all.slice(10, 20)));
    writeFileSync(file('radiation.json'), JSON.stringify(all.slice(0, 10)));
    const { data, errors } = readGlossaryData(root);
    expect(errors).toEqual([]);
    const read = data.entries.map((e, i) => [e, data.files[i]] as const).filter(([e]) => e.category === 'radiation');
    expect(read.map(([e]) => e.id)).toEqual(before);
    expect(read[0]![1]).toBe(`${DATA_DIR}/radiation.json`);
    expect(read[10]![1]).toBe(`${DATA_DIR}/radiation.2.json`);
    expect(read[20]![1]).toBe(`${DATA_DIR}/radiation.10.json`);
  });

  it('reports a part without its first file, and a part numbered 0 or 1', () => {
    const root = copyRoot();
    renameSync(join(root, DATA_DIR, 'radiation.json'), join(root, DATA_DIR, 'radiation.2.json'));
    writeFileSync(join(root, DATA_DIR, 'body.1.json'), '[]');
    expect(fileErrors(root)).toEqual([
      { file: `${DATA_DIR}/body.1.json`, entry: '(file)', field: '(file)', message: expect.stringMatching(/^not a category: /) },
      { file: `${DATA_DIR}/radiation.json`, entry: '(file)', field: '(file)', message: 'missing: every category has a data file' },
    ]);
  });

  it('reports broken JSON naming the file, and the build writes nothing', BUILD_TIMEOUT, () => {
    const root = copyRoot();
    const file = `${DATA_DIR}/radiation.json`;
    writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replace(/\}\s*\]\s*$/, '},\n]'));
    expect(fileErrors(root)).toEqual([{ file, entry: '(file)', field: '(file)', message: expect.stringMatching(/^is not valid JSON: /) }]);

    const before = generated(root);
    expect(() => buildGeneratedGlossary(root)).toThrow(new RegExp(`${file} › \\(file\\) › \\(file\\): is not valid JSON`));
    const log: string[] = [];
    expect(() => buildAll(root, (l) => log.push(l))).toThrow(/radiation\.json/);
    expect(log).toEqual([]);
    expect(generated(root)).toEqual(before);
    expect(readdirSync(join(root, 'glossary/generated')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a file that is not an array', () => {
    const root = copyRoot();
    writeFileSync(join(root, DATA_DIR, 'body.json'), '{"id": "cervix"}');
    expect(fileErrors(root)).toEqual([{ file: `${DATA_DIR}/body.json`, entry: '(file)', field: '(file)', message: 'must hold a JSON array of entries' }]);
  });

  it('reports a file named after no category, and a category without a file', () => {
    const root = copyRoot();
    renameSync(join(root, DATA_DIR, 'radiation.json'), join(root, DATA_DIR, 'radiotherapy.json'));
    expect(fileErrors(root)).toEqual([
      { file: `${DATA_DIR}/radiotherapy.json`, entry: '(file)', field: '(file)', message: expect.stringMatching(/^not a category: name the file after one of disease-and-staging/) },
      { file: `${DATA_DIR}/radiation.json`, entry: '(file)', field: '(file)', message: 'missing: every category has a data file' },
    ]);
    const before = generated(root);
    expect(() => buildGeneratedGlossary(root)).toThrow(/radiotherapy\.json/);
    expect(generated(root)).toEqual(before);
  }, WHOLE_GLOSSARY_MS);

  it('names the file of an entry with a problem', BUILD_TIMEOUT, () => {
    const root = copyRoot();
    const article = readFileSync(join(root, SOURCE_FILE), 'utf8');
    const before = validateGlossaryData(readGlossaryData(root).data, article, TODAY);
    const file = join(root, DATA_DIR, 'research.json');
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    delete entries[0]!.sources;
    writeFileSync(file, JSON.stringify(entries));
    const { data, errors } = readGlossaryData(root);
    expect(errors).toEqual([]);
    const problems = validateGlossaryData(data, article, TODAY);
    // Only what changed: the data may have other problems while it is being edited.
    const fresh = problems.filter((p) => !before.some((b) => JSON.stringify(b) === JSON.stringify(p)));
    expect(fresh).toEqual([{ file: `${DATA_DIR}/research.json`, entry: entries[0]!.id, field: 'sources', message: expect.stringMatching(/^missing/) }]);
    expect(() => buildGeneratedGlossary(root, TODAY)).toThrow(`${DATA_DIR}/research.json › ${entries[0]!.id} › sources: missing`);
  });

  it('reads each alias with the real matcher: marks inside a term are fine, a gap it cannot read is an error', BUILD_TIMEOUT, () => {
    const root = copyRoot();
    const article = readFileSync(join(root, SOURCE_FILE), 'utf8');
    const before = validateGlossaryData(readGlossaryData(root).data, article, TODAY);
    const fresh = () =>
      validateGlossaryData(readGlossaryData(root).data, article, TODAY).filter((p) => !before.some((b) => JSON.stringify(b) === JSON.stringify(p)));
    const file = join(root, DATA_DIR, 'research.json');
    const entries = JSON.parse(readFileSync(file, 'utf8')) as { id: string; aliases: string[] }[];
    entries[0]!.aliases.push('zeta/eta trial', "Zeta's trial", 'zeta (ZT) study', 'zeta, eta, or theta study');
    writeFileSync(file, JSON.stringify(entries));
    expect(fresh()).toEqual([]);
    entries[0]!.aliases.push('zeta ::: eta');
    writeFileSync(file, JSON.stringify(entries));
    expect(fresh()).toEqual([
      { file: `${DATA_DIR}/research.json`, entry: entries[0]!.id, field: 'aliases', message: expect.stringMatching(/^"zeta ::: eta" is never found as written/) },
    ]);
  });

  it('has no folder: every category file is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'termlight-empty-'));
    dirs.push(root);
    mkdirSync(join(root, 'glossary'));
    expect(existsSync(join(root, DATA_DIR))).toBe(false);
    expect(fileErrors(root)).toHaveLength(CATEGORIES.length);
  });
});

describe('the shipped glossary', () => {
  const { data, errors: fileErrors } = readGlossaryData(ROOT);
  const generatedText = readFileSync(resolve(ROOT, GENERATED_FILE), 'utf8');
  const generated = JSON.parse(generatedText) as Glossary;
  const fullText = readFileSync(ARTICLE_FILE, 'utf8');
  const body = articleBody(fullText);
  const chrome = fullText.slice(body.length);

  it('the category files have no errors', () => {
    expect(fileErrors).toEqual([]);
    const errors = validateGlossaryData(data, fullText);
    expect(errors, formatErrors(errors)).toEqual([]);
  }, WHOLE_GLOSSARY_MS);

  it('generated/glossary.json has no errors', () => {
    expect(validateGlossary(generated, { aliasKey, articleBody: body })).toEqual([]);
  });

  it('every definition is at most grade 8, and the median at most 6', () => {
    const grades = data.entries.map((e) => ({ id: e.id, grade: fleschKincaidGrade(e.definition) }));
    expect(grades.filter((g) => g.grade > 8)).toEqual([]);
    expect(median(grades.map((g) => g.grade))).toBeLessThanOrEqual(6);
  });

  it('every passage is a verbatim sentence of the article body, never from the chrome', () => {
    expect(chrome).toContain('Best Cancer Treatment Hospital');
    for (const e of generated.entries) {
      expect(e.passages.length, e.id).toBeLessThanOrEqual(2);
      for (const p of e.passages) {
        expect(body.includes(p), `${e.id}: ${p}`).toBe(true);
        expect(fullText.indexOf(p) + p.length, e.id).toBeLessThanOrEqual(body.length);
        expect(chrome.includes(p), e.id).toBe(false);
        expect(p).not.toMatch(/Jaipur|Leave a Reply|email address/);
      }
    }
    // Quoting is a choice: some entries quote, most do not.
    expect(generated.entries.some((e) => e.passages.length > 0)).toBe(true);
    expect(generated.entries.some((e) => e.passages.length === 0)).toBe(true);
  });

  it('is up to date: glossary/generated/ (glossary.json, match.json, match-trie.json, start-filter.json) equals a fresh build', BUILD_TIMEOUT, () => {
    // If this fails, run: npm run glossary -- build
    const fresh = buildGeneratedGlossary(ROOT);
    expect(generatedText).toBe(fresh.json);
    expect(readFileSync(resolve(ROOT, MATCH_FILE), 'utf8')).toBe(fresh.matchJson);
    expect(readFileSync(resolve(ROOT, TRIE_FILE), 'utf8')).toBe(fresh.trieJson);
    expect(readFileSync(resolve(ROOT, START_FILTER_FILE), 'utf8')).toBe(fresh.startFilterJson);
    expect(generated.entries.map((e) => e.id)).toEqual(data.entries.map((e) => e.id));
    expect(generated.entries.map((e) => e.category)).toEqual(data.entries.map((e) => e.category));
  });

  it('match.json holds exactly what matching and marking need of each entry, and nothing to display', () => {
    const match = JSON.parse(readFileSync(resolve(ROOT, MATCH_FILE), 'utf8')) as MatchData;
    expect(match.source).toEqual({ title: generated.source.title });
    expect(match.entries).toEqual(
      generated.entries.map(({ id, term, expansion, aliases, everyday, generalSense }) => ({
        id,
        term,
        ...(expansion !== undefined ? { expansion } : {}),
        aliases,
        // Everyday words are matched (explained on hover) but not marked.
        ...(everyday === true ? { everyday } : {}),
        // Words with an everyday meaning are marked only on pages about health.
        ...(generalSense === true ? { generalSense } : {}),
      })),
    );
    expect(match.entries.some((e) => e.everyday === true)).toBe(true);
    expect(match.entries.some((e) => e.generalSense === true)).toBe(true);
  });

  it('has the core concepts', () => {
    const ids = new Set(data.entries.map((e) => e.id));
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
    const matcher = createMatcher(data.entries, { fuzzy: false });
    const ids = (text: string) => matcher.find(text).map((m) => m.id);
    const byId = new Map(data.entries.map((e) => [e.id, e]));

    it.each([
      'Parkinson’s disease (PD) is common.',
      'Park the car near the door.',
      'Wait till tomorrow.',
      'Her family put up some resistance to the move.',
      'There was no response.',
      'A trial of the new bus route.',
      'At this stage we wait.',
      'Cancer is a hard word.',
      'Career progression matters.',
    ])('a trap is not marked on an ordinary page: %s', (text) => {
      // Words with an everyday sense (generalSense) may be found, but are marked only on pages about
      // health (glossary/health-page.ts): "career progression" on a jobs page stays unmarked.
      const found = matcher.find(text);
      const marked = markedOnPage(found, (id) => byId.get(id));
      expect(found.filter((_, i) => marked[i]).map((m) => m.id)).toEqual([]);
    });

    it.each([
      ['Her immune cells were fine.', 'immune-system'],
      ['An antibody test for the flu.', 'monoclonal-antibody'],
    ])('a near word is not taken for the term: %s (not %s)', (text, id) => {
      expect(ids(text)).not.toContain(id);
    });

    it.each([
      ['PD-L1 expression was high', 'pd-l1'],
      ['PDL1', 'pd-l1'],
      ['CAR T cells', 'car-t-cell-therapy'],
      ['CAR-T therapy', 'car-t-cell-therapy'],
      ['TIL therapy', 'til-therapy'],
      ['TILs', 'tumor-infiltrating-lymphocytes'],
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
      ['The HPV vaccine', 'hpv-vaccine'],
      ['checkpoint inhibitors', 'immune-checkpoint-inhibitor'],
    ])('%s → %s', (text, id) => {
      expect(ids(text)).toEqual([id]);
    });
  });
});
