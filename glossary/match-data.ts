/**
 * The glossary as the content script bundles it: only what finds and names a term
 * (match.json's entries, shipped inside generated/match-pack.json, see match-pack.ts).
 * Definitions, passages, related ids and categories are in glossary.json, which only extension
 * pages and the background bundle (see index.ts); a page's popover asks the background for them
 * (entrypoints/content/popover/entry-loader.ts).
 *
 * The entries are unpacked on first use: finding terms needs only the trie (default-matcher.ts).
 */
import type { MatchData, MatchEntry } from './types';
import { packedIds, unpackEntries, type MatchPack } from './match-pack';
import pack from './generated/match-pack.json';

export const matchPack: MatchPack = pack as MatchPack;

let unpacked: MatchData | null = null;
let byId: Map<string, MatchEntry> | null = null;

const data = (): MatchData => (unpacked ??= unpackEntries(matchPack));

/** match.json's data; its entries are unpacked the first time they are read. */
export const matchData: MatchData = {
  get source() {
    return data().source;
  },
  get entries() {
    return data().entries;
  },
  get readings() {
    return data().readings;
  },
};

export function matchEntry(id: string): MatchEntry | undefined {
  byId ??= new Map(data().entries.map((e) => [e.id, e]));
  return byId.get(id);
}

type Flags = Pick<MatchEntry, 'everyday' | 'generalSense'>;
/** By the pack's flag digit (see MatchPack.flags). */
const FLAGS: readonly Flags[] = [{}, { everyday: true }, { generalSense: true }, { everyday: true, generalSense: true }];
let flagsById: Map<string, Flags> | null = null;

/**
 * An entry's marking flags, or undefined for no glossary entry: what the scan asks of every term it
 * finds (mark it? only on a health page?). Read from the pack's ids and flags alone, so the first
 * marks do not wait for every entry's names and aliases to be unpacked.
 */
export function entryFlags(id: string): Flags | undefined {
  if (!flagsById) {
    const ids = packedIds(matchPack);
    flagsById = new Map(ids.map((entryId, i) => [entryId, FLAGS[matchPack.flags.charCodeAt(i) - 48]!]));
  }
  return flagsById.get(id);
}
