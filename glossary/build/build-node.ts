/**
 * Node side of the glossary build: reads the category files in glossary/data/ and the article,
 * builds, validates and writes glossary/generated/glossary.json, match.json, match-trie.json and
 * start-filter.json atomically
 * (temp file + rename), so a broken data file never leaves a half-written glossary behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import wordListPath from 'word-list';
import { CATEGORIES, type Category, type Glossary, type GlossaryEntrySource } from '../types';
import { buildGlossary, matchData, serializeGlossary, SOURCE_FILE, SOURCE_TITLE, type CategorisedEntry } from './build';
import { compileTrie, createMatcher, organNamedFor, pinnedWordOf, senseSupportFor } from '../matcher';
import { aliasKey } from '../normalise';
import { articleBody } from './passages';
import { buildStartFilter } from './start-filter';
import { formatErrors, validateGlossary, type GlossaryError } from './validate';

export const DATA_DIR = 'glossary/data';
export const GENERATED_FILE = 'glossary/generated/glossary.json';
/** The part the content script bundles (see MatchData); the rest reaches it through the background. */
export const MATCH_FILE = 'glossary/generated/match.json';
/** match.json's trie, pre-built so pages load it instead of building it (see glossary/default-matcher.ts). */
export const TRIE_FILE = 'glossary/generated/match-trie.json';
/** The content script's first stage's "could this page hold a term?" filter (see glossary/start-filter.ts). */
export const START_FILTER_FILE = 'glossary/generated/start-filter.json';

export interface GlossaryData {
  /** Every entry, in category order, with its category. */
  entries: CategorisedEntry[];
  /** The data file of each entry (same order), for error messages. */
  files: string[];
}

/**
 * A data file's category and part: `<category>.json` is part 1, `<category>.<n>.json` (n ≥ 2) continues it.
 * A category whose file grows large is split into parts so each stays small enough to review and to diff
 * (the tree keeps no file over 800 KB); the parts read as one list, in part order. Null: no category's file.
 */
export function dataFileName(name: string): { category: Category; part: number } | null {
  const m = /^(.+?)(?:\.([1-9]\d*))?\.json$/.exec(name);
  if (!m || !(CATEGORIES as readonly string[]).includes(m[1]!)) return null;
  if (m[2] === undefined) return { category: m[1] as Category, part: 1 };
  const part = Number(m[2]);
  return part >= 2 ? { category: m[1] as Category, part } : null;
}

/**
 * Reads every category file (and its parts). Problems with the files themselves (not JSON, not an
 * array, a file that is no category, a category without a file) are returned as errors naming the file.
 */
export function readGlossaryData(rootDir: string): { data: GlossaryData; errors: GlossaryError[] } {
  const dir = join(rootDir, DATA_DIR);
  const errors: GlossaryError[] = [];
  const fileError = (file: string, message: string) => errors.push({ file, entry: '(file)', field: '(file)', message });
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  const parts = new Map<Category, { name: string; part: number }[]>();
  for (const f of names) {
    const known = dataFileName(f);
    if (!known) {
      fileError(`${DATA_DIR}/${f}`, `not a category: name the file after one of ${CATEGORIES.join(', ')} (a further part: <category>.2.json, .3.json, …)`);
      continue;
    }
    parts.set(known.category, [...(parts.get(known.category) ?? []), { name: f, part: known.part }]);
  }
  const data: GlossaryData = { entries: [], files: [] };
  for (const category of CATEGORIES) {
    const own = (parts.get(category) ?? []).sort((a, b) => a.part - b.part);
    if (own[0]?.part !== 1) {
      fileError(`${DATA_DIR}/${category}.json`, `missing: every category has a data file`);
      continue;
    }
    for (const { name } of own) {
      const file = `${DATA_DIR}/${name}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(join(rootDir, file), 'utf8'));
      } catch (e) {
        fileError(file, `is not valid JSON: ${(e as Error).message}`);
        continue;
      }
      if (!Array.isArray(parsed)) {
        fileError(file, 'must hold a JSON array of entries');
        continue;
      }
      for (const entry of parsed) {
        data.entries.push({ ...(entry as GlossaryEntrySource), category });
        data.files.push(file);
      }
    }
  }
  return { data, errors };
}

/** Today as YYYY-MM-DD (UTC): review dates are checked against it. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Validates the source data; [] when it is fine. Needs the article to know which entries it mentions. */
export function validateGlossaryData(data: GlossaryData, articleText: string, today = todayUtc()): GlossaryError[] {
  const body = articleBody(articleText);
  // Without the category the file gives, an entry is exactly what its author wrote.
  const raw = data.entries.map(({ category: _category, ...e }) => e);
  const exact = createMatcher(raw.filter((e) => Array.isArray(e.aliases)), { fuzzy: false });
  const mentioned = new Set(exact.find(body).map((m) => m.id));
  const owners = new Map<string, string>();
  for (const e of raw) if (Array.isArray(e.aliases)) for (const a of e.aliases) if (typeof a === 'string') owners.set(a, e.id);
  const owner = (alias: string) => owners.get(alias);
  return validateGlossary(raw, {
    aliasKey,
    articleBody: body,
    mentionedInArticle: mentioned,
    termsIn: (text) => exact.find(text).map((m) => m.id),
    readsAs: (alias) => {
      // Marks after the last word ("(Latin: as needed)") are not part of a match.
      const end = alias.replace(/[^\p{L}\p{N}]+$/u, '').length;
      const found = exact.find(alias).find((m) => m.start === 0 && m.end === end)?.id ?? null;
      if (found !== null) return found;
      // A short form whose sense its text must support ("MDT") is read with a word that supports it ("MDT members").
      const support = senseSupportFor(alias);
      if (support !== null) return exact.find(`${alias} ${support}`).find((m) => m.start === 0 && m.end === end)?.id ?? null;
      const entry = owner(alias);
      // An alias that pins its sense with another entry's word ("urology registrar") shows its card on its own word.
      const own = entry === undefined ? null : pinnedWordOf(entry);
      if (entry !== undefined && own !== null) {
        const marks = exact.find(alias);
        if (marks[0]?.start === 0 && marks.at(-1)?.end === end && marks.some((m) => m.id === entry && own.test(alias.slice(m.start, m.end)))) return entry;
      }
      // A word for cells of one organ is read only where its text names the organ ("columnar cells").
      const organ = entry === undefined ? null : organNamedFor(alias, entry);
      return organ === null ? null : (exact.find(`${alias}. ${organ}.`).find((m) => m.start === 0 && m.end === end)?.id ?? null);
    },
    today,
    fileOf: (i) => data.files[i],
  });
}

export interface GeneratedGlossary {
  glossary: Glossary;
  /** Exactly the bytes that writeGeneratedGlossary writes to GENERATED_FILE. */
  json: string;
  /** Exactly the bytes that writeGeneratedGlossary writes to MATCH_FILE. */
  matchJson: string;
  /** Exactly the bytes that writeGeneratedGlossary writes to TRIE_FILE. */
  trieJson: string;
  /** Exactly the bytes that writeGeneratedGlossary writes to START_FILTER_FILE. */
  startFilterJson: string;
}

/** TRIE_FILE's bytes for the entries of match.json. */
export function trieJson(entries: Parameters<typeof compileTrie>[0]): string {
  return JSON.stringify(compileTrie(entries)) + '\n';
}

/** START_FILTER_FILE's bytes for the entries of match.json. */
export function startFilterJson(entries: Parameters<typeof compileTrie>[0]): string {
  return JSON.stringify(buildStartFilter(compileTrie(entries)), null, 1) + '\n';
}

/** Builds and validates the glossary from the files under `rootDir`; throws on any error. */
export function buildGeneratedGlossary(rootDir: string, today = todayUtc()): GeneratedGlossary {
  const { data, errors: fileErrors } = readGlossaryData(rootDir);
  const articleText = readFileSync(join(rootDir, SOURCE_FILE), 'utf8');
  const sourceErrors = [...fileErrors, ...validateGlossaryData(data, articleText, today)];
  if (sourceErrors.length > 0) {
    throw new Error(`${DATA_DIR} has ${sourceErrors.length} error(s):\n${formatErrors(sourceErrors)}`);
  }
  const glossary = buildGlossary({ entries: data.entries, articleText, source: { title: SOURCE_TITLE, file: SOURCE_FILE } });
  const builtErrors = validateGlossary(glossary, { aliasKey, articleBody: articleBody(articleText), today });
  if (builtErrors.length > 0) {
    throw new Error(`Built glossary has ${builtErrors.length} error(s):\n${formatErrors(builtErrors)}`);
  }
  const match = matchData(glossary, englishWordSet());
  return {
    glossary,
    json: serializeGlossary(glossary),
    matchJson: serializeGlossary(match),
    trieJson: trieJson(match.entries),
    startFilterJson: startFilterJson(match.entries),
  };
}

let englishWordList: string[] | null = null;
/** The build's English word list (the word-list package, 274,000 words): never shipped, read once. */
export function englishWords(): string[] {
  return (englishWordList ??= readFileSync(wordListPath, 'utf8').split('\n'));
}
const englishWordSet = (): Set<string> => new Set(englishWords());

/**
 * Medical words the English list lacks that the spelling corrector turned into another glossary word
 * ("hypovolemia", low blood volume, became "hypokalemia", low potassium): kept from correction like any
 * real word. One word per line in medical-words.txt, beside this file; "#" starts a comment.
 */
export function medicalWords(): string[] {
  return readFileSync(new URL('./medical-words.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/** Builds, validates and writes glossary/generated/glossary.json and match.json. Returns the glossary. */
export function writeGeneratedGlossary(rootDir: string): Glossary {
  const { glossary, json, matchJson, trieJson, startFilterJson } = buildGeneratedGlossary(rootDir);
  writeAtomically(join(rootDir, GENERATED_FILE), json);
  writeAtomically(join(rootDir, MATCH_FILE), matchJson);
  writeAtomically(join(rootDir, TRIE_FILE), trieJson);
  writeAtomically(join(rootDir, START_FILTER_FILE), startFilterJson);
  return glossary;
}

/** A reader never sees half a file: write a temp file beside it, then rename over it. */
export function writeAtomically(target: string, content: string | Uint8Array): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    // glossary/generated/ is not in git: a fresh clone has no such folder until the first build.
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'string') writeFileSync(temp, content, 'utf8');
    else writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
