/**
 * Builds the shipped glossary from the hand-written entries and the source article.
 * Pure: no I/O (see build-node.ts for the Node side).
 */
import type { Glossary, GlossaryEntry, GlossaryEntrySource, MatchData } from '../types';
import { articleBody, findPassages, type FindFn } from './passages';

export const SOURCE_TITLE = 'Immunotherapy for Stage 4 Cervical Cancer';
/** Repository-relative path of the source article. */
export const SOURCE_FILE = 'glossary/sources/immunotherapy-stage-4-cervical-cancer.txt';

export interface BuildInput {
  entries: GlossaryEntrySource[];
  /** Full text of the source article file (site chrome is cut off here). */
  articleText: string;
  /** Finds glossary terms in text, e.g. `createMatcher(entries).find`. */
  find: FindFn;
  /** Defaults to the stage 4 cervical cancer article. */
  source?: { title: string; file: string };
}

/**
 * Entries in source order, each with its article passages. Keys are written in a fixed
 * order so the JSON output is stable; `passageHints` is dropped.
 */
export function buildGlossary({ entries, articleText, find, source }: BuildInput): Glossary {
  const body = articleBody(articleText);
  const built = entries.map((e): GlossaryEntry => {
    const out: GlossaryEntry = {
      id: e.id,
      term: e.term,
      ...(e.expansion !== undefined ? { expansion: e.expansion } : {}),
      aliases: [...e.aliases],
      category: e.category,
      definition: e.definition,
      related: [...e.related],
      passages: findPassages(e, body, find),
    };
    return out;
  });
  return {
    source: { title: source?.title ?? SOURCE_TITLE, file: source?.file ?? SOURCE_FILE },
    entries: built,
  };
}

/** The glossary (or its match data) as written to disk: 2-space JSON with a trailing newline. */
export function serializeGlossary(glossary: Glossary | MatchData): string {
  return JSON.stringify(glossary, null, 2) + '\n';
}

/** The matching part of a built glossary (see MatchData), keys in a fixed order. */
export function matchData(glossary: Glossary): MatchData {
  return {
    source: { title: glossary.source.title },
    entries: glossary.entries.map((e) => ({
      id: e.id,
      term: e.term,
      ...(e.expansion !== undefined ? { expansion: e.expansion } : {}),
      aliases: [...e.aliases],
    })),
  };
}
