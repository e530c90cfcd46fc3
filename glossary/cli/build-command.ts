/**
 * `npm run glossary -- build`: writes glossary/generated/ from the data files. Imports nothing that
 * is generated, so it runs on a fresh clone (postinstall) where glossary/generated/ does not exist yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher } from '../matcher';
import { computeFuzzyExclusions } from '../build/fuzzy-exclusions';
import { englishWords, GENERATED_FILE, medicalWords, MATCH_FILE, START_FILTER_FILE, TRIE_FILE, writeAtomically, writeGeneratedGlossary } from '../build/build-node';
import { packMatch } from '../match-pack';
import { encodeMatchFiles, type MatchFiles } from '../match-binary';
import type { MatchData } from '../types';
import type { CompiledTrie } from '../matcher';

/** The reader's data in the form cheapest for pages to load (see glossary/match-pack.ts). */
export const PACK_FILE = 'glossary/generated/match-pack.json';

/**
 * The content script's reader gets the trie from this file instead of from the pack (see
 * glossary/match-binary.ts); everything else bundles the pack.
 */
export const BINARY_FILE = 'glossary/generated/match-data.bin';
/** And the spelling corrector's tables and exclusions from this one, which it asks for after the first. */
export const SPELLING_FILE = 'glossary/generated/match-spelling.bin';

/** BINARY_FILE's and SPELLING_FILE's bytes for the generated match.json, match-trie.json and fuzzy-exclusions.json (as their text). */
export function matchBinary(matchJson: string, trieJson: string, exclusionsJson: string): MatchFiles {
  const data = JSON.parse(matchJson) as MatchData;
  return encodeMatchFiles({
    trie: JSON.parse(trieJson) as CompiledTrie,
    entryIds: data.entries.map((e) => e.id),
    exclusions: JSON.parse(exclusionsJson) as string[],
  });
}

/** PACK_FILE's bytes for the generated match.json, match-trie.json and fuzzy-exclusions.json (as their text). */
export function matchPackJson(matchJson: string, trieJson: string, exclusionsJson: string): string {
  const pack = packMatch(JSON.parse(matchJson) as MatchData, JSON.parse(trieJson) as CompiledTrie, JSON.parse(exclusionsJson) as string[]);
  return JSON.stringify(pack, null, 1) + '\n';
}

/** The fuzzy-exclusion list for a glossary (see glossary/build/fuzzy-exclusions.ts). */
export function fuzzyExclusionsJson(entries: Parameters<typeof createMatcher>[0]): string {
  const vocabulary = createMatcher(entries, { fuzzy: false }).vocabulary;
  return JSON.stringify(computeFuzzyExclusions(vocabulary, [...englishWords(), ...medicalWords()]), null, 0).replace(/","/g, '",\n"') + '\n';
}

export function buildAll(root: string, log: (line: string) => void): void {
  const built = writeGeneratedGlossary(root);
  log(`wrote ${GENERATED_FILE}, ${MATCH_FILE}, ${TRIE_FILE} and ${START_FILTER_FILE} (${built.entries.length} entries)`);
  const json = fuzzyExclusionsJson(built.entries);
  writeAtomically(join(root, 'glossary/generated/fuzzy-exclusions.json'), json);
  log(`wrote glossary/generated/fuzzy-exclusions.json (${JSON.parse(json).length} words)`);
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  writeAtomically(join(root, PACK_FILE), matchPackJson(read(MATCH_FILE), read(TRIE_FILE), json));
  log(`wrote ${PACK_FILE}`);
  const files = matchBinary(read(MATCH_FILE), read(TRIE_FILE), json);
  writeAtomically(join(root, BINARY_FILE), files.data);
  writeAtomically(join(root, SPELLING_FILE), files.spelling);
  log(`wrote ${BINARY_FILE} and ${SPELLING_FILE}`);
}
