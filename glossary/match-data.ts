/**
 * The glossary as the content script bundles it: only what finds and names a term
 * (match.json's entries, shipped inside generated/match-pack.json, see match-pack.ts).
 * Definitions, passages, related ids and categories are in glossary.json, which only extension
 * pages and the background bundle (see index.ts); a page's popover asks the background for them
 * (entrypoints/content/popover/entry-loader.ts).
 *
 * The entries are unpacked on first use: finding terms needs only the trie (default-matcher.ts).
 *
 * In the content script's reader the entries' names (terms, expansions, aliases: a fifth of the
 * reader's bytes) are not bundled: the build leaves them out of its copy of the pack (wxt.config.ts)
 * and ships them as their own file, which the reader loads once its first marks are painted
 * (entrypoints/content/reader.ts) and hands over with provideMatchNames. Until then matchEntry and
 * matchData cannot be read; what needs them waits for matchNamesReady. Everywhere else (extension
 * pages, tests, tools) the pack is whole and the names are there from the start. The reader's pack
 * has no trie either: default-matcher.ts reads it from the binary match file (match-binary.ts).
 */
import type { MatchData, MatchEntry } from './types';
import { isMatchNames, namesOf, packedIds, unpackEntries, type MatchNames, type MatchPack, type MatchPackWithoutNames } from './match-pack';
import pack from './generated/match-pack.json';

type Flags = Pick<MatchEntry, 'everyday' | 'generalSense'>;
/** By the pack's flag digit (see MatchPack.flags). */
const FLAGS: readonly Flags[] = [{}, { everyday: true }, { generalSense: true }, { everyday: true, generalSense: true }];

export interface MatchDataAccess {
  /** The pack: the names in it once they are there (default-matcher.ts reads only the rest). */
  pack: MatchPackWithoutNames & Partial<MatchNames>;
  /** match.json's data; its entries are unpacked the first time they are read (names needed). */
  data: MatchData;
  entry(id: string): MatchEntry | undefined;
  /** An entry's marking flags, or undefined for no glossary entry (no names needed). */
  flags(id: string): Flags | undefined;
  /** Whether the names are there (entry and data can be read). */
  hasNames(): boolean;
  /** Resolves once the names are there. */
  namesReady: Promise<void>;
  /** Hands over the names of a pack that came without them; a second call changes nothing. */
  provideNames(names: MatchNames): void;
}

/** Reading a pack that may come without its names (see above); exported for tests. */
export function createMatchData(packed: MatchPackWithoutNames & Partial<MatchNames>): MatchDataAccess {
  let unpacked: MatchData | null = null;
  let byId: Map<string, MatchEntry> | null = null;
  let flagsById: Map<string, Flags> | null = null;
  let arrived: () => void = () => {};
  const namesReady = isMatchNames(packed) ? Promise.resolve() : new Promise<void>((resolve) => (arrived = resolve));

  const data = (): MatchData => {
    if (!isMatchNames(packed)) throw new Error('The glossary names are not loaded yet: wait for matchNamesReady');
    return (unpacked ??= unpackEntries(packed as MatchPack));
  };

  return {
    pack: packed,
    data: {
      get source() {
        return data().source;
      },
      get entries() {
        return data().entries;
      },
      get readings() {
        return data().readings;
      },
    },
    entry(id) {
      byId ??= new Map(data().entries.map((e) => [e.id, e]));
      return byId.get(id);
    },
    flags(id) {
      if (!flagsById) {
        const ids = packedIds(packed);
        flagsById = new Map(ids.map((entryId, i) => [entryId, FLAGS[packed.flags.charCodeAt(i) - 48]!]));
      }
      return flagsById.get(id);
    },
    hasNames: () => isMatchNames(packed),
    namesReady,
    provideNames(names) {
      if (isMatchNames(packed)) return;
      Object.assign(packed, namesOf(names));
      arrived();
    },
  };
}

const shipped = createMatchData(pack as MatchPackWithoutNames & Partial<MatchNames>);

/** The shipped pack (in the reader without its names until they are provided). */
export const matchPack: MatchPackWithoutNames = shipped.pack;

/** match.json's data; its entries are unpacked the first time they are read (in the reader: after matchNamesReady). */
export const matchData: MatchData = shipped.data;

/** The entry with this id (in the reader: after matchNamesReady). */
export function matchEntry(id: string): MatchEntry | undefined {
  return shipped.entry(id);
}

/**
 * An entry's marking flags, or undefined for no glossary entry: what the scan asks of every term it
 * finds (mark it? only on a health page?). Read from the pack's ids and flags alone, so the first
 * marks wait neither for every entry's names to be unpacked nor for the reader's names file.
 */
export function entryFlags(id: string): Flags | undefined {
  return shipped.flags(id);
}

/** Resolves once matchEntry and matchData can be read (at once outside the content script's reader). */
export const matchNamesReady: Promise<void> = shipped.namesReady;

/** Whether matchEntry and matchData can be read now. */
export const hasMatchNames = (): boolean => shipped.hasNames();

/** Hands the reader's names file over (entrypoints/content/reader.ts). */
export function provideMatchNames(names: MatchNames): void {
  shipped.provideNames(names);
}
