/**
 * Builds the shipped glossary from the hand-written category files and the source article.
 * Pure: no I/O (see build-node.ts for the Node side).
 */
import type { Category, Glossary, GlossaryEntry, GlossaryEntrySource, MatchData } from '../types';
import { articleBody, quotedPassages } from './passages';
import { deriveReadings } from './readings';

export const SOURCE_TITLE = 'Immunotherapy for Stage 4 Cervical Cancer';
/** Repository-relative path of the source article. */
export const SOURCE_FILE = 'glossary/sources/immunotherapy-stage-4-cervical-cancer.txt';

/** A source entry with the category its file gives it. */
export type CategorisedEntry = GlossaryEntrySource & { category: Category };

export interface BuildInput {
  entries: CategorisedEntry[];
  /** Full text of the source article file (site chrome is cut off here). */
  articleText: string;
  /** Defaults to the stage 4 cervical cancer article. */
  source?: { title: string; file: string };
}

/**
 * Entries in the given order, each with the article passages its quote choice picks (none unless
 * the choice is "as-is" or "with-note"). Keys are written in a fixed order so the JSON output is
 * stable; reviewers' fields (`notes`, the reasons for a quote choice, source URLs) stay behind.
 */
export function buildGlossary({ entries, articleText, source }: BuildInput): Glossary {
  const body = articleBody(articleText);
  const built = entries.map((e): GlossaryEntry => {
    const article = e.article;
    const hints = article && article.quote !== 'none' ? article.hints : [];
    const passages = quotedPassages(e.id, hints, body);
    return {
      id: e.id,
      term: e.term,
      ...(e.expansion !== undefined ? { expansion: e.expansion } : {}),
      aliases: [...e.aliases],
      ...(e.pronunciation !== undefined ? { pronunciation: e.pronunciation } : {}),
      ...(e.everyday === true ? { everyday: true as const } : {}),
      ...(e.generalSense === true ? { generalSense: true as const } : {}),
      category: e.category,
      definition: e.definition,
      related: [...e.related],
      passages,
      ...(article?.quote === 'with-note' ? { articleNote: { text: article.note, asOf: article.asOf } } : {}),
      checkedAgainst: e.sources.map((s) => s.name),
      reviewed: e.reviewed,
    };
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

/**
 * The matching part of a built glossary (see MatchData) with the readings derived from it, keys in a
 * fixed order; `englishWords` (a word list, read at build time only) tells which acronyms are also words.
 */
export function matchData(glossary: Glossary, englishWords?: ReadonlySet<string>): MatchData {
  return {
    source: { title: glossary.source.title },
    readings: deriveReadings(glossary.entries, englishWords),
    entries: glossary.entries.map((e) => ({
      id: e.id,
      term: e.term,
      ...(e.expansion !== undefined ? { expansion: e.expansion } : {}),
      aliases: [...e.aliases],
      ...(e.everyday === true ? { everyday: true as const } : {}),
      ...(e.generalSense === true ? { generalSense: true as const } : {}),
    })),
  };
}
