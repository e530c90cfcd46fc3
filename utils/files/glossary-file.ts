/**
 * Glossary files: what people import and export their personal terms as. Pure, no I/O.
 *
 * JSON: a list of terms, or an object with one: `[{ "term", "aliases"?, "definition", "note"? }]`
 *   or `{ "terms": [ … ] }` (other top-level fields are ignored). Export writes the object form.
 * CSV: a first line naming the columns (`term,aliases,definition,note`, any order; term and
 *   definition are required), then one term per record. Other names are separated by `;` or `|`.
 *   RFC 4180 quoting, CRLF or LF line ends, an optional byte order mark. Export writes all four
 *   columns with CRLF and a byte order mark (so spreadsheets read accents correctly).
 *
 * Every problem names a line (1-based; 0 = the whole file) and a field: the JSON field or
 * CSV column it is in, or '(file)', '(entry)', '(row)'. Syntax errors also give a column
 * (a character position in the line). The file is checked completely: all problems are
 * reported at once, so they can all be fixed in one go.
 */
import { formatNumber, t } from '../i18n';
import { isObject } from '../guards';
import { parseCsv, csvRecord, type CsvField, type CsvRecord } from './csv';
import { parseJsonWithLocations, lineColumn } from './json-locate';
import {
  LIMITS,
  TERM_FIELDS,
  checkTermFields,
  findConflicts,
  indexTerm,
  splitAliases,
  type KeyIndex,
  type PersonalTermInput,
} from '../storage/personal-term-rules';

export type GlossaryFileFormat = 'json' | 'csv';

export interface GlossaryFileError {
  /** 1-based line in the file; 0 when the problem is about the whole file. */
  line: number;
  field: string;
  message: string;
  /** 1-based character position in the line, for syntax errors and CSV values. */
  column?: number;
}

export type GlossaryFileParse =
  | { ok: true; entries: PersonalTermInput[]; /** Line where each entry starts. */ lines: number[] }
  | {
      ok: false;
      errors: GlossaryFileError[];
      /** Set after a syntax error: the file was not read past this line, so more problems may follow it. */
      stoppedAtLine?: number;
    };

/** One entry of the file before its fields are checked, with a way to find each field's line. */
interface RawEntry {
  line: number;
  fields: Record<string, unknown>;
  /** Line (and column) of a field; aliases may point at one name in the list. */
  where(field: string, index?: number): { line: number; column?: number };
}


export function parseGlossaryFile(text: string, format: GlossaryFileFormat): GlossaryFileParse {
  if (text.length > LIMITS.fileBytes) {
    return fileError(t('optionsFileTooBig', [formatNumber(Math.round(text.length / 1000)), formatNumber(LIMITS.fileBytes / 1_000_000)]));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fileError(t('optionsFileEmpty'));

  const read: FileRead = format === 'json' ? readJson(text) : readCsv(text);
  const errors: GlossaryFileError[] = [...read.errors];
  if (read.entries.length === 0 && errors.length === 0) return fileError(t('optionsFileNoTerms'));
  if (read.entries.length > LIMITS.terms) {
    return fileError(t('optionsFileTooManyTerms', [formatNumber(read.entries.length), formatNumber(LIMITS.terms)]));
  }

  const entries: PersonalTermInput[] = [];
  const index: KeyIndex = new Map();
  for (const raw of read.entries) {
    const { value, errors: fieldErrors, forms } = checkTermFields(raw.fields);
    for (const e of [...fieldErrors, ...findConflicts(forms, index)]) {
      errors.push({ ...raw.where(e.field, e.index), field: e.field, message: e.message });
    }
    // Even an entry with problems claims its words, so a later duplicate is reported too.
    indexTerm(index, forms, { kind: 'file', line: raw.line, term: forms.term || forms.aliases[0] || '' });
    if (value) entries.push(value);
  }
  if (read.stoppedAtLine !== undefined) {
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line), stoppedAtLine: read.stoppedAtLine };
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, entries, lines: read.entries.map((e) => e.line) };
}

function fileError(message: string): GlossaryFileParse {
  return { ok: false, errors: [{ line: 0, field: '(file)', message }] };
}

interface FileRead {
  entries: RawEntry[];
  errors: GlossaryFileError[];
  stoppedAtLine?: number;
}

function readJson(text: string): FileRead {
  const parsed = parseJsonWithLocations(text);
  if (!parsed.ok) {
    return {
      stoppedAtLine: parsed.line,
      entries: [],
      errors: [
        {
          line: parsed.line,
          column: parsed.column,
          field: '(file)',
          message: t('optionsFileNotJson', [formatNumber(parsed.column), parsed.message]),
        },
      ],
    };
  }
  const { value, locations } = parsed;
  const lineAt = (offset: number | undefined) => (offset === undefined ? 0 : lineColumn(text, offset).line);

  let list: unknown = value;
  if (isObject(value)) {
    list = value.terms;
    if (!Array.isArray(list)) {
      const where = locations.keys.get(value)?.get('terms');
      return {
        entries: [],
        errors: [
          {
            line: where === undefined ? 1 : lineAt(where),
            field: where === undefined ? '(file)' : 'terms',
            message: t('optionsFileNotList'),
          },
        ],
      };
    }
  } else if (!Array.isArray(value)) {
    return {
      entries: [],
      errors: [{ line: 1, field: '(file)', message: t('optionsFileNotList') }],
    };
  }

  const items = list as unknown[];
  const offsets = locations.elements.get(items) ?? [];
  const entries: RawEntry[] = [];
  const errors: GlossaryFileError[] = [];
  items.forEach((item, i) => {
    const line = lineAt(offsets[i]);
    if (!isObject(item)) {
      errors.push({ line, field: '(entry)', message: t('optionsFileEntryShape') });
      return;
    }
    const keys = locations.keys.get(item) ?? new Map<string, number>();
    for (const key of Object.keys(item)) {
      if (!(TERM_FIELDS as readonly string[]).includes(key)) {
        errors.push({ line: lineAt(keys.get(key)), field: key, message: t('optionsFileUnknownField', [key, t('optionsFileFieldList')]) });
      }
    }
    entries.push({
      line,
      fields: item,
      where(field, index) {
        const aliases = item.aliases;
        if (field === 'aliases' && index !== undefined && Array.isArray(aliases)) {
          const at = locations.elements.get(aliases)?.[index];
          if (at !== undefined) return { line: lineAt(at) };
        }
        const at = keys.get(field);
        return { line: at === undefined ? line : lineAt(at) };
      },
    });
  });
  return { entries, errors };
}

function readCsv(text: string): FileRead {
  const parsed = parseCsv(text);
  if (parsed.ok) return readCsvRecords(parsed.records);
  // A syntax error: check the rows before it too, so they can be fixed in the same go.
  const { line, column, fieldIndex, message } = parsed.error;
  const head = parsed.records[0];
  const before = head ? readCsvRecords(parsed.records) : { entries: [], errors: [] };
  const name = head && line > head.line ? head.fields[fieldIndex]?.value.trim().toLowerCase() : undefined;
  return {
    entries: before.entries,
    errors: [...before.errors, { line, column, field: name || '(file)', message }],
    stoppedAtLine: line,
  };
}

function readCsvRecords(records: CsvRecord[]): FileRead {
  const [head, ...rows] = records;
  if (!head) return { entries: [], errors: [{ line: 0, field: '(file)', message: t('optionsFileEmpty') }] };

  const errors: GlossaryFileError[] = [];
  const names = head.fields.map((f) => f.value.trim().toLowerCase());
  const known = TERM_FIELDS as readonly string[];
  if (!names.some((n) => known.includes(n))) {
    return {
      entries: [],
      errors: [{ line: head.line, field: '(file)', message: t('optionsFileNoHeader') }],
    };
  }
  names.forEach((name, i) => {
    const column = head.fields[i]!.column;
    if (!known.includes(name)) {
      errors.push({ line: head.line, column, field: name || `(column ${i + 1})`, message: t('optionsFileUnknownColumn', [name, t('optionsFileFieldList')]) });
    } else if (names.indexOf(name) !== i) {
      errors.push({ line: head.line, column, field: name, message: t('optionsFileColumnTwice', name) });
    }
  });
  for (const required of ['term', 'definition']) {
    if (!names.includes(required)) {
      errors.push({ line: head.line, field: required, message: t('optionsFileMissingColumn', required) });
    }
  }
  if (errors.length > 0) return { entries: [], errors };

  const entries: RawEntry[] = [];
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      errors.push({
        line: row.line,
        field: '(row)',
        message: t(row.fields.length > names.length ? 'optionsFileRowLengthComma' : 'optionsFileRowLength', [
          formatNumber(row.fields.length),
          formatNumber(names.length),
        ]),
      });
      continue;
    }
    const byName = new Map<string, CsvField>(names.map((name, i) => [name, row.fields[i]!]));
    const fields: Record<string, unknown> = {};
    for (const [name, field] of byName) fields[name] = name === 'aliases' ? splitAliases(field.value) : field.value;
    entries.push({
      line: row.line,
      fields,
      where(field) {
        const f = byName.get(field);
        return f ? { line: f.line, column: f.column } : { line: row.line };
      },
    });
  }
  return { entries, errors };
}

/** A glossary file with `entries`, which parses back to the same entries. */
export function serializeGlossaryFile(entries: readonly PersonalTermInput[], format: GlossaryFileFormat): string {
  if (format === 'json') {
    const terms = entries.map(({ term, aliases, definition, note }) =>
      note === undefined ? { term, aliases, definition } : { term, aliases, definition, note },
    );
    return JSON.stringify({ terms }, null, 2) + '\n';
  }
  const lines = [
    csvRecord(TERM_FIELDS),
    ...entries.map((e) => csvRecord([e.term, e.aliases.join('; '), e.definition, e.note ?? ''])),
  ];
  return '\uFEFF' + lines.map((l) => l + '\r\n').join('');
}

/** The format of a chosen file: from its extension, else from how it starts. Null when unknown. */
export function formatOfFile(name: string, text: string): GlossaryFileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('[') || body.startsWith('{')) return 'json';
  if (/^[^\r\n]*,/.test(body)) return 'csv';
  return null;
}

/** One error as a sentence for people: "Line 4, definition: The explanation (definition) is missing." */
export function describeFileError(e: GlossaryFileError): string {
  // A field is named as the file names it ("definition"); "(file)", "(row)" and the like are not names.
  const field = e.field.startsWith('(') ? null : e.field;
  if (e.line > 0) return field ? t('optionsFileWhereLineField', [formatNumber(e.line), field, e.message]) : t('optionsFileWhereLine', [formatNumber(e.line), e.message]);
  return field ? t('optionsFileWhereFileField', [field, e.message]) : t('optionsFileWhereFile', e.message);
}
