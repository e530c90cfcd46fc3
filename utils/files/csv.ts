/**
 * CSV as RFC 4180 describes it, for glossary files. Pure, no I/O.
 *
 * Records end at CRLF, LF or a lone CR. A field in double quotes may hold commas, line
 * breaks and doubled quotes (""). Two kindnesses beyond the RFC, because spreadsheets and
 * people write them: spaces around a quoted field are ignored, and blank lines are skipped.
 * A quote inside an unquoted field is an error (with a hint), not a guess.
 */
import { t } from '../i18n';

export interface CsvField {
  value: string;
  /** 1-based line where the field starts. */
  line: number;
  /** 1-based column (character) where the field starts. */
  column: number;
}

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: CsvField[];
}

export interface CsvSyntaxError {
  line: number;
  column: number;
  /** 0-based index of the field (in its record) where the problem is. */
  fieldIndex: number;
  message: string;
}

/** On a syntax error, `records` holds the complete records before it (to check those too). */
export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvSyntaxError; records: CsvRecord[] };

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let record: CsvRecord | null = null;
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = (at: number) => at - lineStart + 1;
  const fail = (message: string, atLine: number, column: number): CsvParse => ({
    ok: false,
    error: { line: atLine, column, fieldIndex: record?.fields.length ?? 0, message },
    records,
  });
  /** Consumes a line break at i, if any. */
  const lineBreak = (): boolean => {
    if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
    else if (text[i] === '\n') i += 1;
    else return false;
    line++;
    lineStart = i;
    return true;
  };

  let quotedAny = false;
  /** A blank line (one empty unquoted field) is not a record. */
  const finish = (r: CsvRecord) => {
    if (!(r.fields.length === 1 && !quotedAny && r.fields[0]!.value.trim() === '')) records.push(r);
  };
  while (i < n) {
    if (record === null) quotedAny = false;
    record ??= { line, fields: [] };
    const field: CsvField = { value: '', line, column: col(i) };
    // Spaces before an opening quote are not part of a quoted field.
    let j = i;
    while (isBlank(text[j])) j++;
    if (text[j] === '"') {
      quotedAny = true;
      const openLine = line;
      const openColumn = col(j);
      i = j + 1;
      let value = '';
      for (;;) {
        if (i >= n) return fail(t('optionsCsvUnclosed'), openLine, openColumn);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          const start = i;
          lineBreak();
          value += text.slice(start, i);
          continue;
        }
        value += c;
        i++;
      }
      while (isBlank(text[i])) i++;
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        return fail(t('optionsCsvAfterQuote'), line, col(i));
      }
      field.value = value;
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') {
          return fail(t('optionsCsvStrayQuote'), line, col(i));
        }
        i++;
      }
      field.value = text.slice(start, i);
    }
    record.fields.push(field);

    if (text[i] === ',') {
      i++;
      // A comma at the very end of the text still has an (empty) field after it.
      if (i >= n) record.fields.push({ value: '', line, column: col(i) });
      continue;
    }
    lineBreak();
    finish(record);
    record = null;
  }
  if (record) finish(record);
  return { ok: true, records };
}

/** One field as CSV: quoted when it holds a comma, quote, line break or outer space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record as a CSV line, without the line break. */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(',');
}
