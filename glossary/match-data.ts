/**
 * The glossary as the content script bundles it: only what finds and names a term
 * (generated/match.json). Definitions, passages, related ids and categories are in
 * glossary.json, which only extension pages and the background bundle (see index.ts);
 * a page's popover asks the background for them (entrypoints/content/popover/entry-loader.ts).
 */
import type { MatchData, MatchEntry } from './types';
import data from './generated/match.json';

export const matchData: MatchData = data as MatchData;

const byId = new Map<string, MatchEntry>(matchData.entries.map((e) => [e.id, e]));

export function matchEntry(id: string): MatchEntry | undefined {
  return byId.get(id);
}
