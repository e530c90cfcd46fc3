/**
 * Node side of the glossary build: reads entries.json and the article, builds, validates
 * and writes glossary/generated/glossary.json and match.json atomically (temp file + rename).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Glossary, GlossaryEntrySource } from '../types';
import { buildGlossary, matchData, serializeGlossary, SOURCE_FILE, SOURCE_TITLE } from './build';
import { createMatcher } from '../matcher';
import { aliasKey } from '../normalise';
import { articleBody } from './passages';
import { formatErrors, validateGlossary } from './validate';

export const ENTRIES_FILE = 'glossary/data/entries.json';
export const GENERATED_FILE = 'glossary/generated/glossary.json';
/** The part the content script bundles (see MatchData); the rest reaches it through the background. */
export const MATCH_FILE = 'glossary/generated/match.json';

export interface GeneratedGlossary {
  glossary: Glossary;
  /** Exactly the bytes that writeGeneratedGlossary writes to GENERATED_FILE. */
  json: string;
  /** Exactly the bytes that writeGeneratedGlossary writes to MATCH_FILE. */
  matchJson: string;
}

/** Builds and validates the glossary from the files under `rootDir`; throws on any error. */
export function buildGeneratedGlossary(rootDir: string): GeneratedGlossary {
  const entries: unknown = JSON.parse(readFileSync(join(rootDir, ENTRIES_FILE), 'utf8'));
  const sourceErrors = validateGlossary(entries, { aliasKey });
  if (sourceErrors.length > 0) {
    throw new Error(`${ENTRIES_FILE} has ${sourceErrors.length} error(s):\n${formatErrors(sourceErrors)}`);
  }
  const sourceEntries = entries as GlossaryEntrySource[];
  const articleText = readFileSync(join(rootDir, SOURCE_FILE), 'utf8');
  // Exact matching only: a passage should mention the term as written, not a near-spelling.
  const matcher = createMatcher(sourceEntries, { fuzzy: false });
  const glossary = buildGlossary({
    entries: sourceEntries,
    articleText,
    find: (text) => matcher.find(text),
    source: { title: SOURCE_TITLE, file: SOURCE_FILE },
  });
  const builtErrors = validateGlossary(glossary, { aliasKey, articleBody: articleBody(articleText) });
  if (builtErrors.length > 0) {
    throw new Error(`Built glossary has ${builtErrors.length} error(s):\n${formatErrors(builtErrors)}`);
  }
  return { glossary, json: serializeGlossary(glossary), matchJson: serializeGlossary(matchData(glossary)) };
}

/** Builds, validates and writes glossary/generated/glossary.json and match.json. Returns the glossary. */
export function writeGeneratedGlossary(rootDir: string): Glossary {
  const { glossary, json, matchJson } = buildGeneratedGlossary(rootDir);
  writeAtomically(join(rootDir, GENERATED_FILE), json);
  writeAtomically(join(rootDir, MATCH_FILE), matchJson);
  return glossary;
}

/** A reader never sees half a file: write a temp file beside it, then rename over it. */
export function writeAtomically(target: string, content: string): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content, 'utf8');
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
