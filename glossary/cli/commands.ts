/** The CLI's commands as functions (I/O passed in), so tests can call them directly. */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { allowsFuzzy, defaultMatcher } from '../default-matcher';
import { getEntry, glossary } from '../index';
import { aliasKey } from '../normalise';
import { articleBody } from '../build/passages';
import { fleschKincaidGrade } from '../build/readability';
import { DEFAULT_GRADE_LIMIT, DEFAULT_MEDIAN_GRADE_LIMIT, formatErrors, median, validateGlossary } from '../build/validate';
import {
  buildGeneratedGlossary,
  GENERATED_FILE,
  MATCH_FILE,
  TRIE_FILE,
  START_FILTER_FILE,
  readGlossaryData,
  todayUtc,
  validateGlossaryData,
} from '../build/build-node';
import { CATEGORIES, type TermMatch } from '../types';
import { SOURCE_FILE } from '../build/build';
import { extractAbbreviations, mayDefineAbbreviations, orAbbreviations } from '../abbreviations/abbreviations';
import { redefinedKeys, withoutRedefined } from '../abbreviations/redefined';
import { taughtBeside, taughtMatcher, taughtTerms } from '../abbreviations/taught';
import type { TextSegment } from './html-text';

export interface ScanResult {
  start: number;
  end: number;
  text: string;
  id: string;
  term: string;
  /** Found by spelling correction. */
  fuzzy: boolean;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** Reads a file, turning Node's error codes into sentences a maintainer understands. */
function readOrExplain(path: string, read: (path: string) => string): string {
  try {
    return read(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`cannot read "${path}": no such file.`);
    if (code === 'EISDIR') throw new Error(`cannot read "${path}": it is a folder, not a file.`);
    if (code === 'EACCES') throw new Error(`cannot read "${path}": permission denied.`);
    throw new Error(`cannot read "${path}": ${(e as Error).message}`);
  }
}

export interface ScanOptions {
  /**
   * Also mark the short forms the text teaches ("major histocompatibility complex (MHC)" → MHC is
   * that entry here; glossary/abbreviations/taught.ts), as the extension does. Default true;
   * false gives the glossary-only scan.
   */
  taught?: boolean;
}

/**
 * The terms Termlight marks in a text: glossary matches per segment (a segment is one text node
 * of an HTML page) but for the short forms the text gives another meaning, then, page-wide, the
 * short forms the text teaches where no glossary match is.
 * Abbreviations are read from the whole text at once (a definition may span inline tags), where
 * the content script reads them block by block.
 */
export function scanText(text: string, segments: readonly TextSegment[] = [{ start: 0, text }], lang = '', options: ScanOptions = {}): ScanResult[] {
  const matcher = defaultMatcher({ fuzzy: allowsFuzzy(lang) });
  const pairs = mayDefineAbbreviations(text) ? extractAbbreviations(text) : [];
  // "erythropoietin or EPO" teaches too, but is no definition of its own (orAbbreviations).
  const taughtPairs = options.taught === false ? [] : [...pairs, ...orAbbreviations(text)];
  const taught = taughtPairs.length === 0 ? null : taughtMatcher(taughtTerms(taughtPairs, matcher, (id) => getEntry(id) !== undefined, getEntry).values());
  // Glossary short forms the page gives another meaning ("Symptom Care Clinic (SCC)"): not ours on
  // this page, before or after the definition (glossary/abbreviations/redefined.ts), as in the extension.
  const redefined = redefinedKeys(pairs, matcher, getEntry);
  const out: ScanResult[] = [];
  const result = (segStart: number, m: TermMatch): ScanResult => {
    const start = segStart + m.start;
    const end = segStart + m.end;
    return { start, end, text: text.slice(start, end), id: m.id, term: getEntry(m.id)?.term ?? m.id, fuzzy: m.fuzzy };
  };
  for (const seg of segments) {
    // The text around a node on its line, as the content script gives it (inlineContext).
    const found = withoutRedefined(
      seg.text,
      matcher.find(seg.text, seg.before || seg.after ? () => ({ before: seg.before ?? '', after: seg.after ?? '' }) : undefined),
      redefined,
    );
    if (taught) {
      const extra = taughtBeside(seg.text, taught, found);
      if (extra.length) {
        found.push(...extra);
        found.sort((a, b) => a.start - b.start);
      }
    }
    for (const m of found) out.push(result(seg.start, m));
  }
  return out;
}

export async function scanFile(path: string, read: (path: string) => string): Promise<ScanResult[]> {
  const ext = extname(path).toLowerCase();
  if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext)) {
    throw new Error(`cannot scan "${path}": expected a .txt, .md or .html file.`);
  }
  const content = readOrExplain(path, read);
  if (TEXT_EXTENSIONS.has(ext)) return scanText(content);
  // happy-dom is only loaded for HTML: plain-text scans start faster without it.
  const { htmlVisibleText } = await import('./html-text');
  const page = htmlVisibleText(content);
  return scanText(page.text, page.segments, page.lang);
}

export interface AbbreviationResult {
  short: string;
  long: string;
  start: number;
  end: number;
}

/** The text a file shows: .txt/.md exactly as stored, .html its visible text as `scan` reads it. */
async function fileText(path: string, read: (path: string) => string, verb: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext)) {
    throw new Error(`cannot ${verb} "${path}": expected a .txt, .md or .html file.`);
  }
  const content = readOrExplain(path, read);
  if (TEXT_EXTENSIONS.has(ext)) return content;
  const { htmlVisibleText } = await import('./html-text');
  return htmlVisibleText(content).text;
}

/**
 * The abbreviations a file defines ("tumor mutational burden (TMB)"). For HTML the whole visible
 * text is read at once (text nodes joined by "\n", the offsets `scan` reports), so a definition may
 * span inline tags: "<b>tumor mutational burden</b> (TMB)".
 */
export async function abbreviationsFile(path: string, read: (path: string) => string): Promise<AbbreviationResult[]> {
  const text = await fileText(path, read, 'read abbreviations from');
  return extractAbbreviations(text).map(({ short, long, start, end }) => ({ short, long, start, end }));
}

/**
 * Reads JSON lines {"id","text"} and prints {"id","short","long"} per abbreviation defined in
 * each text. Blank lines are skipped. A malformed line is reported on stderr with its line
 * number and skipped; the good lines are all processed, and the exit code is then 1.
 */
export async function abbreviationsJsonl(lines: AsyncIterable<string>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let lineNumber = 0;
  let malformed = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      err(`line ${lineNumber}: not valid JSON (${(e as Error).message}).`);
      malformed++;
      continue;
    }
    const problem = jsonlProblem(record);
    if (problem) {
      err(`line ${lineNumber}: ${problem}`);
      malformed++;
      continue;
    }
    const { id, text } = record as { id: string | number; text: string };
    for (const d of extractAbbreviations(text)) out(JSON.stringify({ id, short: d.short, long: d.long }));
  }
  if (malformed) err(`${malformed} malformed line${malformed === 1 ? '' : 's'} skipped.`);
  return malformed ? 1 : 0;
}

function jsonlProblem(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'expected an object {"id", "text"}.';
  const { id, text } = record as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number.';
  if (typeof text !== 'string') return '"text" must be a string.';
  return undefined;
}

/**
 * Validates the category files and the shipped glossary, and prints what a reviewer wants to see:
 * entries per category with their reading grades, the hardest definitions, sources and quote
 * choices. With `all`, every definition's grade too. True when all is well.
 */
export function checkGlossary(root: string, out: (line: string) => void, err: (line: string) => void, all = false): boolean {
  const { data, errors: fileErrors } = readGlossaryData(root);
  const articleText = readFileSync(join(root, SOURCE_FILE), 'utf8');
  const errors = [
    ...fileErrors,
    ...validateGlossaryData(data, articleText),
    ...validateGlossary(glossary, { aliasKey, articleBody: articleBody(articleText), today: todayUtc() }),
  ];
  const rows = data.entries.map((e, i) => ({ e, file: data.files[i]!, grade: typeof e.definition === 'string' ? fleschKincaidGrade(e.definition) : NaN }));
  const fmt = (x: number) => x.toFixed(1).padStart(5);
  out(`${'category'.padEnd(26)} entries  median grade  max grade`);
  for (const category of CATEGORIES) {
    const mine = rows.filter((r) => r.e.category === category);
    const grades = mine.map((r) => r.grade);
    out(`${category.padEnd(26)} ${String(mine.length).padStart(7)}  ${fmt(median(grades)).padStart(12)}  ${fmt(Math.max(...grades)).padStart(9)}`);
  }
  const grades = rows.map((r) => r.grade);
  out(`${'all'.padEnd(26)} ${String(rows.length).padStart(7)}  ${fmt(median(grades)).padStart(12)}  ${fmt(Math.max(...grades)).padStart(9)}   (limits: median ${DEFAULT_MEDIAN_GRADE_LIMIT}, each ${DEFAULT_GRADE_LIMIT})`);
  const hardest = [...rows].sort((a, b) => b.grade - a.grade);
  out('');
  out(`hardest definitions: ${hardest.slice(0, 8).map((r) => `${r.e.id} ${r.grade.toFixed(1)}`).join(', ')}`);
  const quotes = { none: 0, 'as-is': 0, 'with-note': 0 };
  for (const { e } of rows) if (e.article) quotes[e.article.quote]++;
  const sources = rows.reduce((n, { e }) => n + (Array.isArray(e.sources) ? e.sources.length : 0), 0);
  const reviewed = rows.map(({ e }) => e.reviewed).filter((d) => typeof d === 'string').sort();
  out(`sources: ${sources} (${(sources / rows.length).toFixed(1)} per entry); reviewed ${reviewed[0]} to ${reviewed.at(-1)}; pronunciations: ${rows.filter(({ e }) => e.pronunciation).length}`);
  out(`article quotes: ${quotes['as-is']} as they are, ${quotes['with-note']} with a dated note, ${quotes.none} left out on purpose`);
  if (all) {
    out('');
    for (const r of rows) out(`${fmt(r.grade)}  ${r.e.category}/${r.e.id}`);
  }
  let fresh = true;
  try {
    const built = buildGeneratedGlossary(root);
    const stale = [
      [GENERATED_FILE, built.json],
      [MATCH_FILE, built.matchJson],
      [TRIE_FILE, built.trieJson],
      [START_FILTER_FILE, built.startFilterJson],
    ].filter(([file, json]) => readOrEmpty(join(root, file!)) !== json);
    for (const [file] of stale) err(`${file} is out of date: run \`npm run glossary -- build\`.`);
    fresh = stale.length === 0;
  } catch {
    // buildGeneratedGlossary's errors are the validation errors already reported above.
  }
  if (errors.length) err(formatErrors(errors));
  return errors.length === 0 && fresh;
}

/** A file's text, or '' when it is missing (a missing generated file is out of date, not a crash). */
function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

