/**
 * `npm run glossary -- build`: writes glossary/generated/ from the data files. Imports nothing that
 * is generated, so it runs on a fresh clone (postinstall) where glossary/generated/ does not exist yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wordListPath from 'word-list';
import { createMatcher } from '../matcher';
import { computeFuzzyExclusions } from '../build/fuzzy-exclusions';
import { GENERATED_FILE, MATCH_FILE, START_FILTER_FILE, TRIE_FILE, writeAtomically, writeGeneratedGlossary } from '../build/build-node';

/** The fuzzy-exclusion list for a glossary (see glossary/build/fuzzy-exclusions.ts). */
export function fuzzyExclusionsJson(entries: Parameters<typeof createMatcher>[0]): string {
  const vocabulary = createMatcher(entries, { fuzzy: false }).vocabulary;
  const words = readFileSync(wordListPath, 'utf8').split('\n');
  return JSON.stringify(computeFuzzyExclusions(vocabulary, words), null, 0).replace(/","/g, '",\n"') + '\n';
}

export function buildAll(root: string, log: (line: string) => void): void {
  const built = writeGeneratedGlossary(root);
  log(`wrote ${GENERATED_FILE}, ${MATCH_FILE}, ${TRIE_FILE} and ${START_FILTER_FILE} (${built.entries.length} entries)`);
  const json = fuzzyExclusionsJson(built.entries);
  writeAtomically(join(root, 'glossary/generated/fuzzy-exclusions.json'), json);
  log(`wrote glossary/generated/fuzzy-exclusions.json (${JSON.parse(json).length} words)`);
}
