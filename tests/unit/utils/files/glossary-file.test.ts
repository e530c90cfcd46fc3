import { describe, expect, it } from 'vitest';
import {
  describeFileError,
  formatOfFile,
  parseGlossaryFile,
  serializeGlossaryFile,
  type GlossaryFileError,
  type GlossaryFileParse,
} from '../../../../utils/files/glossary-file';
import { parseCsv } from '../../../../utils/files/csv';
import { LIMITS, type PersonalTermInput } from '../../../../utils/storage/personal-term-rules';

const n = (x: number) => x.toLocaleString('en-GB');

/** The errors of a parse that must fail, as `line field: message` strings are hard to read; keep objects. */
function errorsOf(result: GlossaryFileParse): GlossaryFileError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.entries)}`);
  return result.errors;
}

function entriesOf(result: GlossaryFileParse): PersonalTermInput[] {
  if (!result.ok) throw new Error(`expected entries, got ${result.errors.map(describeFileError).join('\n')}`);
  return result.entries;
}

const json = (text: string) => parseGlossaryFile(text, 'json');
const csv = (text: string) => parseGlossaryFile(text, 'csv');

const KEYTRUDA = { term: 'Keytruda', aliases: ['pembrolizumab'], definition: 'A checkpoint inhibitor medicine.' };

describe('JSON files', () => {
  it('reads a list of terms and says where each starts', () => {
    const text = [
      '[',
      '  {',
      '    "term": "Keytruda",',
      '    "aliases": ["pembrolizumab"],',
      '    "definition": "A checkpoint inhibitor medicine."',
      '  },',
      '  { "term": "Port", "definition": "A small device under the skin.", "note": "Ask the nurse to flush it." }',
      ']',
    ].join('\n');
    const result = json(text);
    expect(entriesOf(result)).toEqual([
      KEYTRUDA,
      { term: 'Port', aliases: [], definition: 'A small device under the skin.', note: 'Ask the nurse to flush it.' },
    ]);
    expect(result.ok && result.lines).toEqual([2, 7]);
  });

  it('reads an object with a "terms" list, ignoring other top-level fields', () => {
    const text = JSON.stringify({ about: 'from my nurse', terms: [KEYTRUDA] });
    expect(entriesOf(json(text))).toEqual([KEYTRUDA]);
  });

  it('ignores a byte order mark', () => {
    expect(entriesOf(json('\uFEFF' + JSON.stringify([KEYTRUDA])))).toEqual([KEYTRUDA]);
  });

  it('tidies harmless differences instead of failing', () => {
    const text = JSON.stringify([
      { term: '  Keytruda \n ', aliases: ['keytruda', ' pembrolizumab ', '', 'Pembrolizumab', 'keytrudas'], definition: ' A medicine.\r\nGiven by drip. ', note: '  ' },
    ]);
    expect(entriesOf(json(text))).toEqual([{ term: 'Keytruda', aliases: ['pembrolizumab'], definition: 'A medicine.\nGiven by drip.' }]);
  });

  describe('syntax errors give line and column', () => {
    const cases: Array<[string, string, number, number, RegExp]> = [
      ['a comma before ]', '[\n  {"term": "a", "definition": "b"},\n]', 3, 1, /comma before “\]”/],
      ['a comma before }', '[\n  {"term": "a", "definition": "b",}\n]', 2, 35, /comma before “\}”/],
      ['a missing comma', '[\n  {"term": "a", "definition": "b"}\n  {"term": "c"}\n]', 3, 3, /Expected a comma or “\]” but found “\{”/],
      ['an unclosed text', '[\n  {"term": "a, "definition": "b"}\n]', 2, 17, /Expected a comma or “\}” but found “d”/],
      ['a text never closed', '[{"term": "a', 1, 11, /never closed/],
      ['single quotes', "[{'term': 'a'}]", 1, 3, /single quote/],
      ['a bare field name', '[{term: "a"}]', 1, 3, /field name in double quotes/],
      ['a field given twice', '[{"term": "a",\n "term": "b", "definition": "c"}]', 2, 2, /given twice/],
      ['text after the data', '[]\n]', 2, 1, /after the end of the data/],
      ['a line break inside text', '[{"term": "a\nb"}]', 1, 13, /line break inside text/],
      ['a bad escape', '[{"term": "a\\qb"}]', 1, 13, /backslash/],
      ['a file that ends early', '[{"term": ', 1, 11, /ends too early/],
    ];
    for (const [name, text, line, column, message] of cases) {
      it(name, () => {
        const [error, ...rest] = errorsOf(json(text));
        expect(rest).toEqual([]);
        expect(error).toMatchObject({ line, column, field: '(file)' });
        expect(error!.message).toMatch(/^This is not valid JSON \(at column \d+\): /);
        expect(error!.message).toMatch(message);
      });
    }

    it('counts CRLF line ends once', () => {
      expect(errorsOf(json('[\r\n{"term": "a"},\r\n]'))[0]).toMatchObject({ line: 3, column: 1 });
    });
  });

  it('says what shape it expects when the file is not a list of terms', () => {
    for (const text of ['"Keytruda"', '{"term": "Keytruda", "definition": "x"}', '42']) {
      expect(errorsOf(json(text))).toEqual([
        { line: 1, field: '(file)', message: expect.stringContaining('Expected a list of terms') },
      ]);
    }
    expect(errorsOf(json('{\n  "version": 1,\n  "terms": "none"\n}'))).toEqual([
      { line: 3, field: 'terms', message: expect.stringContaining('Expected a list of terms') },
    ]);
  });

  it('names the line of each entry with a problem, and of the field when it is there', () => {
    const text = [
      '[', //                                                              1
      '  {"term": "Fine", "definition": "All good."},', //                2
      '  "just text",', //                                                3
      '  {', //                                                           4
      '    "term": "No definition"', //                                   5
      '  },', //                                                          6
      '  {', //                                                           7
      '    "term": 7,', //                                                8
      '    "definition": "Has a number for a term.",', //                 9
      '    "defintion": "typo"', //                                       10
      '  },', //                                                          11
      '  {"term": "Names", "definition": "x", "aliases": "one; two"},', // 12
      '  {"term": "Bad name", "definition": "x", "aliases": [', //        13
      '    "good",', //                                                   14
      '    3', //                                                         15
      '  ]}', //                                                          16
      ']', //                                                             17
    ].join('\n');
    const errors = errorsOf(json(text));
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, '(entry)'],
      [4, 'definition'],
      [8, 'term'],
      [10, 'defintion'],
      [12, 'aliases'],
      [15, 'aliases'],
    ]);
    expect(errors[0]!.message).toMatch(/Each term must be written like/);
    expect(errors[1]!.message).toBe('The explanation (definition) is missing.');
    expect(errors[2]!.message).toBe('The term must be text.');
    expect(errors[3]!.message).toBe('Unknown field "defintion". The fields are term, aliases, definition and note.');
    expect(errors[4]!.message).toMatch(/must be a list of text/);
    expect(errors[5]!.message).toBe('Other name number 2 must be text.');
  });

  it('checks the contents of every field', () => {
    const long = (n: number) => 'a'.repeat(n);
    const entries = [
      { term: '', definition: 'x' },
      { term: '!!!', definition: 'x' },
      { term: long(LIMITS.termLength + 1), definition: 'x' },
      { term: 'a\u0007b', definition: 'x' },
      { term: 'Ok one', definition: '   ' },
      { term: 'Ok two', definition: long(LIMITS.definitionLength + 1) },
      { term: 'Ok three', definition: 'x', note: long(LIMITS.noteLength + 1) },
      { term: 'Ok four', definition: 'x', note: 5 },
      { term: 'Ok five', definition: 'x', aliases: ['a;b'] },
      { term: 'Ok six', definition: 'x', aliases: [long(LIMITS.aliasLength + 1)] },
      { term: 'Ok seven', definition: 'x', aliases: Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `name ${i}`) },
      { term: 'Ok eight', definition: 'x', aliases: ['---'] },
    ];
    const text = '[\n' + entries.map((e) => JSON.stringify(e)).join(',\n') + '\n]';
    const errors = errorsOf(json(text));
    expect(errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
      '2 term: The term is missing.',
      '3 term: “!!!” has no letters or numbers to look for on pages.',
      `4 term: The term is too long: ${LIMITS.termLength + 1} characters. The most is ${LIMITS.termLength}.`,
      '5 term: The term contains a hidden control character. Type it again.',
      '6 definition: The explanation (definition) is missing.',
      // Numbers as English writes them: "1,001", as the form's hint says "at most 1,000 characters".
      `7 definition: The explanation is too long: ${n(LIMITS.definitionLength + 1)} characters. The most is ${n(LIMITS.definitionLength)}.`,
      `8 note: The note is too long: ${n(LIMITS.noteLength + 1)} characters. The most is ${n(LIMITS.noteLength)}.`,
      '9 note: The note must be text.',
      '10 aliases: “a;b” contains ; or |, which separate other names. Split it into separate names.',
      expect.stringMatching(/^11 aliases: “a{30}…” is too long: 101 characters/),
      `12 aliases: There are ${LIMITS.aliases + 1} other names. The most is ${LIMITS.aliases}.`,
      '13 aliases: “---” has no letters or numbers to look for on pages.',
    ]);
  });

  it('reports two entries that match the same words, naming both lines', () => {
    const text = [
      '[',
      '  {"term": "Keytruda", "aliases": ["pembrolizumab"], "definition": "x"},',
      '  {"term": "Pembrolizumab", "definition": "y"},',
      '  {"term": "Other", "aliases": ["keytruda"], "definition": "z"}',
      ']',
    ].join('\n');
    expect(errorsOf(json(text))).toEqual([
      { line: 3, field: 'term', message: '“Pembrolizumab” is also in this file, on line 2 (“Keytruda”).' },
      { line: 4, field: 'aliases', message: '“keytruda” is also in this file, on line 2 (“Keytruda”).' },
    ]);
  });

  it('treats differently written acronyms as different words, like the matcher does', () => {
    // "EGFR" (a gene) and "eGFR" (a kidney test) are different; so are "KEYTRUDA" and "Keytruda" as written.
    const text = JSON.stringify([
      { term: 'EGFR test', aliases: ['EGFR'], definition: 'x' },
      { term: 'Kidney test', aliases: ['eGFR'], definition: 'y' },
    ]);
    expect(entriesOf(json(text))).toHaveLength(2);
  });

  it('has limits on the number of terms and the size of the file', () => {
    const many = JSON.stringify(Array.from({ length: LIMITS.terms + 1 }, (_, i) => ({ term: `term ${i}`, definition: 'x' })));
    expect(errorsOf(json(many))).toEqual([
      { line: 0, field: '(file)', message: `The file has ${LIMITS.terms + 1} terms. The most is ${LIMITS.terms}: split it into smaller files.` },
    ]);
    const big = JSON.stringify([{ term: 'big', definition: 'x'.repeat(LIMITS.fileBytes) }]);
    expect(errorsOf(json(big))[0]).toMatchObject({ line: 0, field: '(file)', message: expect.stringMatching(/too big/) });
  });

  it('reports an empty file or an empty list plainly', () => {
    expect(errorsOf(json(''))).toEqual([{ line: 0, field: '(file)', message: 'The file is empty.' }]);
    expect(errorsOf(json('\uFEFF \n'))).toEqual([{ line: 0, field: '(file)', message: 'The file is empty.' }]);
    expect(errorsOf(json('[]'))).toEqual([{ line: 0, field: '(file)', message: 'The file has no terms in it.' }]);
  });
});

describe('CSV files', () => {
  it('reads the header and one term per row', () => {
    const text = 'term,aliases,definition,note\nKeytruda,pembrolizumab,A checkpoint inhibitor medicine.,\nPort,,A small device under the skin.,Ask the nurse.\n';
    const result = csv(text);
    expect(entriesOf(result)).toEqual([
      KEYTRUDA,
      { term: 'Port', aliases: [], definition: 'A small device under the skin.', note: 'Ask the nurse.' },
    ]);
    expect(result.ok && result.lines).toEqual([2, 3]);
  });

  it('takes the columns in any order, in any case, and only term and definition are needed', () => {
    expect(entriesOf(csv('Definition, TERM\nA medicine.,Keytruda'))).toEqual([{ term: 'Keytruda', aliases: [], definition: 'A medicine.' }]);
  });

  it('splits other names on ; and |', () => {
    expect(entriesOf(csv('term,aliases,definition\nKeytruda,pembrolizumab; MK-3475 | Keytruda IV ;,x'))[0]!.aliases).toEqual([
      'pembrolizumab',
      'MK-3475',
      'Keytruda IV',
    ]);
  });

  it('follows RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', () => {
    const text =
      '\uFEFFterm,aliases,definition,note\r\n' +
      '"Keytruda","pembrolizumab","A medicine, given by drip.\r\nEvery 3 weeks.","She said ""ask about side effects"""\r\n' +
      'Port,,"A ""port"", under the skin",\r\n';
    const result = csv(text);
    expect(entriesOf(result)).toEqual([
      {
        term: 'Keytruda',
        aliases: ['pembrolizumab'],
        definition: 'A medicine, given by drip.\nEvery 3 weeks.',
        note: 'She said "ask about side effects"',
      },
      { term: 'Port', aliases: [], definition: 'A "port", under the skin' },
    ]);
    // The quoted line break makes the second term start on line 4.
    expect(result.ok && result.lines).toEqual([2, 4]);
  });

  it('skips blank lines, allows spaces around quoted values and a lone CR line end', () => {
    const text = 'term,definition\r\rKeytruda , "A medicine."  \r\n\n  \nPort,"A device"';
    expect(entriesOf(csv(text))).toEqual([
      { term: 'Keytruda', aliases: [], definition: 'A medicine.' },
      { term: 'Port', aliases: [], definition: 'A device' },
    ]);
  });

  it('reports quoting mistakes with line, column and the column name', () => {
    expect(errorsOf(csv('term,definition\nKeytruda,"A medicine.\nPort,x\n'))).toEqual([
      { line: 2, column: 10, field: 'definition', message: 'This quoted value is never closed: a closing " is missing.' },
    ]);
    expect(errorsOf(csv('term,definition\nPort,A 5" tube\n'))).toEqual([
      { line: 2, column: 9, field: 'definition', message: expect.stringMatching(/^A quote mark inside a value/) },
    ]);
    expect(errorsOf(csv('term,definition\n"Port"s,x\n'))).toEqual([
      { line: 2, column: 7, field: 'term', message: 'After a closing quote there must be a comma or the end of the line.' },
    ]);
  });

  it('after a syntax error, still reports the problems of the rows before it, and says where reading stopped', () => {
    const result = csv('term,definition\nCycle,\nPort,A device.\n"Dose,x\nLater,\n');
    expect(result).toEqual({
      ok: false,
      stoppedAtLine: 4,
      errors: [
        { line: 2, column: 7, field: 'definition', message: 'The explanation (definition) is missing.' },
        { line: 4, column: 1, field: 'term', message: 'This quoted value is never closed: a closing " is missing.' },
      ],
    });
    expect(json('[\n{"term": "a"},\n{"term": }\n]')).toMatchObject({ ok: false, stoppedAtLine: 3 });
    expect(csv('term,definition\nCycle,\n')).not.toHaveProperty('stoppedAtLine');
  });

  it('reports rows with too many or too few values', () => {
    const errors = errorsOf(csv('term,aliases,definition,note\nKeytruda,,A medicine, given by drip,\nPort,,A device\nOk,,Fine,\n'));
    expect(errors).toEqual([
      {
        line: 2,
        field: '(row)',
        message: 'This row has 5 values but the first line names 4 columns. Put quotes around any value that has a comma in it.',
      },
      { line: 3, field: '(row)', message: 'This row has 3 values but the first line names 4 columns.' },
    ]);
  });

  it('reports header problems: unknown, repeated or missing columns, or no header at all', () => {
    expect(errorsOf(csv('term,meaning,term\nx,y,z'))).toEqual([
      { line: 1, column: 6, field: 'meaning', message: 'Unknown column "meaning". The columns are term, aliases, definition and note.' },
      { line: 1, column: 14, field: 'term', message: 'The column "term" is named twice.' },
      { line: 1, field: 'definition', message: 'The first line has no "definition" column.' },
    ]);
    expect(errorsOf(csv('Keytruda,pembrolizumab,A medicine.,'))).toEqual([
      { line: 1, field: '(file)', message: 'The first line must name the columns: term,aliases,definition,note' },
    ]);
  });

  it('names the line and column of every value with a problem', () => {
    const text = 'term,aliases,definition,note\nKeytruda,,A medicine.,\n,,Nothing to explain,\nPort,port;ports,,\nkeytruda,,Again,\n';
    expect(errorsOf(csv(text))).toEqual([
      { line: 3, column: 1, field: 'term', message: 'The term is missing.' },
      { line: 4, column: 17, field: 'definition', message: 'The explanation (definition) is missing.' },
      { line: 5, column: 1, field: 'term', message: '“keytruda” is also in this file, on line 2 (“Keytruda”).' },
    ]);
  });

  it('reports a file with only a header', () => {
    expect(errorsOf(csv('term,definition\n'))).toEqual([{ line: 0, field: '(file)', message: 'The file has no terms in it.' }]);
  });
});

describe('the CSV reader', () => {
  it('keeps empty fields, including one after a final comma', () => {
    const parsed = parseCsv('a,,b,\n,');
    expect(parsed.ok && parsed.records.map((r) => r.fields.map((f) => f.value))).toEqual([
      ['a', '', 'b', ''],
      ['', ''],
    ]);
  });

  it('keeps a quoted empty line as a record', () => {
    const parsed = parseCsv('a\n""\nb');
    expect(parsed.ok && parsed.records.map((r) => r.fields.map((f) => f.value))).toEqual([['a'], [''], ['b']]);
  });
});

describe('export', () => {
  const tricky: PersonalTermInput[] = [
    { term: 'Keytruda', aliases: ['pembrolizumab', 'MK-3475'], definition: 'A medicine, given "by drip".\nEvery 3 weeks.', note: 'Ask: "how many cycles?"' },
    { term: 'Port', aliases: [], definition: 'A small device; under the skin | near the collarbone.' },
    { term: 'Œdème', aliases: ['swelling, legs'], definition: '=1+1 is not a formula here. Ça va.' },
  ];

  for (const format of ['json', 'csv'] as const) {
    it(`round-trips through ${format}`, () => {
      const text = serializeGlossaryFile(tricky, format);
      const parsed = parseGlossaryFile(text, format);
      expect(entriesOf(parsed)).toEqual(tricky);
      expect(serializeGlossaryFile(entriesOf(parsed), format)).toBe(text);
    });
  }

  it('writes JSON as an object with a terms list and no empty notes', () => {
    const text = serializeGlossaryFile([tricky[1]!], 'json');
    expect(JSON.parse(text)).toEqual({ terms: [{ term: 'Port', aliases: [], definition: tricky[1]!.definition }] });
  });

  it('writes CSV with a byte order mark, a header and CRLF line ends', () => {
    const text = serializeGlossaryFile([tricky[1]!], 'csv');
    expect(text).toBe('\uFEFFterm,aliases,definition,note\r\nPort,,A small device; under the skin | near the collarbone.,\r\n');
  });
});

describe('helpers', () => {
  it('tells the format from the file name, else from the contents', () => {
    expect(formatOfFile('terms.JSON', '')).toBe('json');
    expect(formatOfFile('terms.csv', '[')).toBe('csv');
    expect(formatOfFile('terms.txt', '\uFEFF  [{}]')).toBe('json');
    expect(formatOfFile('terms', 'term,definition\n')).toBe('csv');
    expect(formatOfFile('notes.txt', 'hello')).toBeNull();
  });

  it('describes an error as one sentence', () => {
    expect(describeFileError({ line: 4, field: 'definition', message: 'Missing.' })).toBe('Line 4, definition: Missing.');
    expect(describeFileError({ line: 2, field: '(row)', message: 'Too many.' })).toBe('Line 2: Too many.');
    expect(describeFileError({ line: 0, field: '(file)', message: 'Empty.' })).toBe('File: Empty.');
  });
});
