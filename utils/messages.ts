/**
 * Messages between Termlight's parts: the popup's "which glossary terms are on this
 * page?" and the background's "explain the selection" (the keyboard command) to the
 * content script, and the content script's "these glossary entries, please" to the
 * background (the content script bundles only what finds terms: glossary/match-data.ts).
 * Both ends validate, because a message can come from anything that can reach
 * the other side (and an old content script can outlive an extension update).
 */
import { isObject } from './guards';
import { CATEGORIES, type Category, type GlossaryEntry } from '../glossary/types';
import { isHighlightNames, type HighlightNames } from './page-styles/highlight-css';

export const PAGE_TERMS_REQUEST_TYPE = 'termlight:page-terms' as const;

/** Upper bound on terms in a reply: far above the glossary size, low enough to bound the work. */
export const MAX_PAGE_TERMS = 2000;

export interface PageTermsRequest {
  type: typeof PAGE_TERMS_REQUEST_TYPE;
}

export interface PageTermCount {
  /** Glossary entry id. */
  id: string;
  /** How many times the term was found on the page (at least 1). */
  count: number;
}

/**
 * An abbreviation the page defines for itself that is marked on it: one our glossary lacks, or
 * one of ours the page gives another meaning (`conflict`). Page text: the popup shows it as text.
 */
export interface PageDefinedTerm {
  /** As the page writes it ("NLR"). */
  term: string;
  /** The page's own long form ("neutrophil-to-lymphocyte ratio"). */
  meaning: string;
  count: number;
  conflict: boolean;
}

/**
 * Longest page-defined term and meaning a reply may carry. The extractor never finds longer ones
 * (short forms ≤ 15 characters, long forms ≤ 400); the sender leaves out any that would be.
 */
export const MAX_PAGE_TERM_LENGTH = 60;
export const MAX_PAGE_MEANING_LENGTH = 500;

export interface PageTermsResponse {
  /** The page's site key (see `siteKey`), or null when the page has none. */
  host: string | null;
  terms: PageTermCount[];
  /** Abbreviations only the page defines, or redefines (absent from older content scripts). */
  pageDefined: PageDefinedTerm[];
}

export const pageTermsRequest: PageTermsRequest = Object.freeze({ type: PAGE_TERMS_REQUEST_TYPE });

export function isPageTermsRequest(x: unknown): x is PageTermsRequest {
  return isObject(x) && x.type === PAGE_TERMS_REQUEST_TYPE;
}

function parseTermCount(x: unknown): PageTermCount | null {
  if (!isObject(x)) return null;
  const { id, count } = x;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) return null;
  return { id, count };
}

function parsePageDefined(x: unknown): PageDefinedTerm | null {
  if (!isObject(x)) return null;
  const { term, meaning, count, conflict } = x;
  if (typeof term !== 'string' || term.length === 0 || term.length > MAX_PAGE_TERM_LENGTH) return null;
  if (typeof meaning !== 'string' || meaning.length === 0 || meaning.length > MAX_PAGE_MEANING_LENGTH) return null;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) return null;
  if (typeof conflict !== 'boolean') return null;
  return { term, meaning, count, conflict };
}

/**
 * A content script's reply, copied into a fresh object with only the known
 * fields; null when anything about it is malformed (a partial answer is not
 * trusted).
 */
export function parsePageTermsResponse(x: unknown): PageTermsResponse | null {
  if (!isObject(x)) return null;
  const { host, terms } = x;
  // An older content script (still running in a tab after an update) sends no pageDefined.
  const defined = x.pageDefined ?? [];
  if (!Array.isArray(defined) || defined.length > MAX_PAGE_TERMS) return null;
  const pageDefined: PageDefinedTerm[] = [];
  for (const d of defined) {
    const parsed = parsePageDefined(d);
    if (!parsed) return null;
    pageDefined.push(parsed);
  }
  if (host !== null && (typeof host !== 'string' || host.length === 0 || host.length > 500)) return null;
  if (!Array.isArray(terms) || terms.length > MAX_PAGE_TERMS) return null;
  const parsed: PageTermCount[] = [];
  const seen = new Set<string>();
  for (const t of terms) {
    const term = parseTermCount(t);
    if (!term || seen.has(term.id)) return null;
    seen.add(term.id);
    parsed.push(term);
  }
  return { host, terms: parsed, pageDefined };
}

/** The browser command (manifest `commands`) that explains the selected word. */
export const EXPLAIN_COMMAND = 'explain-selection' as const;

export const EXPLAIN_SELECTION_REQUEST_TYPE = 'termlight:explain-selection' as const;

export interface ExplainSelectionRequest {
  type: typeof EXPLAIN_SELECTION_REQUEST_TYPE;
  /**
   * Sent to one frame only (the right-click menu knows which frame the selection is in): that frame
   * acts without asking whether it has focus. The keyboard command sends to every frame and leaves it out.
   */
  toFrame?: true;
}

export interface ExplainSelectionResponse {
  /** False when Termlight is switched off for the page (nothing was shown). */
  handled: boolean;
}

export const explainSelectionRequest: ExplainSelectionRequest = Object.freeze({ type: EXPLAIN_SELECTION_REQUEST_TYPE });

/** The same request for the one frame the right-click menu was opened in. */
export const explainInFrameRequest: ExplainSelectionRequest = Object.freeze({ type: EXPLAIN_SELECTION_REQUEST_TYPE, toFrame: true });

export function isExplainSelectionRequest(x: unknown): x is ExplainSelectionRequest {
  return isObject(x) && x.type === EXPLAIN_SELECTION_REQUEST_TYPE && (x.toFrame === undefined || x.toFrame === true);
}

export const SITE_STATE_TYPE = 'termlight:site-state' as const;

/**
 * The top frame's content script tells the background whether the reader switched Termlight off for
 * this tab's site, so the toolbar icon can say so. The background learns the tab from the sender, and
 * needs no `tabs` permission to read the tab's address.
 */
export interface SiteStateReport {
  type: typeof SITE_STATE_TYPE;
  siteOff: boolean;
}

export function siteStateReport(siteOff: boolean): SiteStateReport {
  return { type: SITE_STATE_TYPE, siteOff };
}

export function isSiteStateReport(x: unknown): x is SiteStateReport {
  return isObject(x) && x.type === SITE_STATE_TYPE && typeof x.siteOff === 'boolean';
}

export const ENTRIES_REQUEST_TYPE = 'termlight:entries' as const;

/** Most ids in one request: a popover asks for one entry and its related ones. */
export const MAX_ENTRY_IDS = 100;

export interface EntriesRequest {
  type: typeof ENTRIES_REQUEST_TYPE;
  /** Glossary entry ids. */
  ids: string[];
}

export interface EntriesResponse {
  /** The asked-for entries the glossary has, in the order asked. */
  entries: GlossaryEntry[];
}

export function entriesRequest(ids: readonly string[]): EntriesRequest {
  return { type: ENTRIES_REQUEST_TYPE, ids: [...ids] };
}

const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

export function isEntriesRequest(x: unknown): x is EntriesRequest {
  return isObject(x) && x.type === ENTRIES_REQUEST_TYPE && Array.isArray(x.ids) && x.ids.length <= MAX_ENTRY_IDS && x.ids.every(isId);
}

function parseEntry(x: unknown): GlossaryEntry | null {
  if (!isObject(x)) return null;
  const { id, term, expansion, aliases, pronunciation, category, definition, related, passages, articleNote, checkedAgainst, reviewed } = x;
  if (!isId(id) || typeof term !== 'string' || term.length === 0 || typeof definition !== 'string') return null;
  if (expansion !== undefined && typeof expansion !== 'string') return null;
  if (pronunciation !== undefined && typeof pronunciation !== 'string') return null;
  if (!CATEGORIES.includes(category as Category)) return null;
  if (!isStrings(aliases) || !isStrings(related) || !isStrings(passages) || !isStrings(checkedAgainst)) return null;
  if (typeof reviewed !== 'string') return null;
  let note: GlossaryEntry['articleNote'];
  if (articleNote !== undefined) {
    if (!isObject(articleNote) || typeof articleNote.text !== 'string' || typeof articleNote.asOf !== 'string') return null;
    note = { text: articleNote.text, asOf: articleNote.asOf };
  }
  return {
    id,
    term,
    ...(expansion !== undefined ? { expansion } : {}),
    aliases: [...aliases],
    ...(pronunciation !== undefined ? { pronunciation } : {}),
    category: category as Category,
    definition,
    related: [...related],
    passages: [...passages],
    ...(note !== undefined ? { articleNote: note } : {}),
    checkedAgainst: [...checkedAgainst],
    reviewed,
  };
}

/** The background's reply, copied field by field; null when anything about it is malformed. */
export function parseEntriesResponse(x: unknown): EntriesResponse | null {
  if (!isObject(x) || !Array.isArray(x.entries) || x.entries.length > MAX_ENTRY_IDS) return null;
  const entries: GlossaryEntry[] = [];
  for (const e of x.entries) {
    const entry = parseEntry(e);
    if (!entry) return null;
    entries.push(entry);
  }
  return { entries };
}

export const HIGHLIGHT_STYLES_REQUEST_TYPE = 'termlight:highlight-styles' as const;

/** A content script's "inject the ::highlight() rules for these names into my frame" (utils/page-styles/). */
export interface HighlightStylesRequest {
  type: typeof HIGHLIGHT_STYLES_REQUEST_TYPE;
  names: HighlightNames;
}

export function highlightStylesRequest(names: HighlightNames): HighlightStylesRequest {
  return { type: HIGHLIGHT_STYLES_REQUEST_TYPE, names: { ...names } };
}

export function isHighlightStylesRequest(x: unknown): x is HighlightStylesRequest {
  return isObject(x) && x.type === HIGHLIGHT_STYLES_REQUEST_TYPE && isHighlightNames(x.names);
}
