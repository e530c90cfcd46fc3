/** The CLI's commands as functions (I/O passed in), so tests can call them directly. */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import wordListPath from 'word-list';
import { defaultMatcher } from '../default-matcher';
import { getEntry, glossary } from '../index';
import { createMatcher } from '../matcher';
import { aliasKey } from '../normalise';
import { articleBody } from '../passages';
import { fleschKincaidGrade } from '../readability';
import { formatErrors, validateGlossary } from '../validate';
import { buildGeneratedGlossary, writeGeneratedGlossary } from '../build-node';
import { computeFuzzyExclusions } from '../fuzzy-exclusions';
import { SOURCE_FILE } from '../build';

export interface ScanResult {
  start: number;
  end: number;
  text: string;
  id: string;
  term: string;
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

export function scanText(text: string, segments = [{ start: 0, text }]): ScanResult[] {
  const matcher = defaultMatcher();
  const out: ScanResult[] = [];
  for (const seg of segments) {
    for (const m of matcher.find(seg.text)) {
      const start = seg.start + m.start;
      const end = seg.start + m.end;
      out.push({ start, end, text: text.slice(start, end), id: m.id, term: getEntry(m.id)?.term ?? m.id });
    }
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
  return scanText(page.text, page.segments);
}

/** Validates the source entries and the shipped glossary; prints grades. True when all is well. */
export function checkGlossary(root: string, out: (line: string) => void, err: (line: string) => void): boolean {
  const entries: unknown = JSON.parse(readFileSync(join(root, 'glossary/data/entries.json'), 'utf8'));
  const errors = [
    ...validateGlossary(entries, { aliasKey }),
    ...validateGlossary(glossary, { aliasKey, articleBody: articleBody(readFileSync(join(root, SOURCE_FILE), 'utf8')) }),
  ];
  for (const entry of glossary.entries) {
    out(`${fleschKincaidGrade(entry.definition).toFixed(1).padStart(5)}  ${entry.id}`);
  }
  const grades = glossary.entries.map((e) => fleschKincaidGrade(e.definition));
  out(`${glossary.entries.length} entries; reading grade mean ${(grades.reduce((a, b) => a + b, 0) / grades.length).toFixed(1)}, max ${Math.max(...grades).toFixed(1)} (limit 8).`);
  let fresh = true;
  try {
    fresh = buildGeneratedGlossary(root).json === readFileSync(join(root, 'glossary/generated/glossary.json'), 'utf8');
  } catch {
    // buildGeneratedGlossary's errors are the validation errors already reported above.
  }
  if (!fresh) err('glossary/generated/glossary.json is out of date: run `npm run glossary -- build`.');
  if (errors.length) err(formatErrors(errors));
  return errors.length === 0 && fresh;
}

function writeAtomically(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content, 'utf8');
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** The fuzzy-exclusion list for a glossary (see glossary/fuzzy-exclusions.ts). */
export function fuzzyExclusionsJson(entries: Parameters<typeof createMatcher>[0]): string {
  const vocabulary = createMatcher(entries, { fuzzy: false }).vocabulary;
  const words = readFileSync(wordListPath, 'utf8').split('\n');
  return JSON.stringify(computeFuzzyExclusions(vocabulary, words), null, 0).replace(/","/g, '",\n"') + '\n';
}

export function buildAll(root: string, log: (line: string) => void): void {
  const built = writeGeneratedGlossary(root);
  log(`wrote glossary/generated/glossary.json (${built.entries.length} entries)`);
  const json = fuzzyExclusionsJson(built.entries);
  writeAtomically(join(root, 'glossary/generated/fuzzy-exclusions.json'), json);
  log(`wrote glossary/generated/fuzzy-exclusions.json (${JSON.parse(json).length} words)`);
}
