/**
 * Messages to the content script: the popup's "which glossary terms are on this
 * page?", and the background's "explain the selection" (the keyboard command).
 * Both ends validate, because a message can come from anything that can reach
 * the other side (and an old content script can outlive an extension update).
 */

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

export interface PageTermsResponse {
  /** The page's site key (see `siteKey`), or null when the page has none. */
  host: string | null;
  terms: PageTermCount[];
}

export const pageTermsRequest: PageTermsRequest = Object.freeze({ type: PAGE_TERMS_REQUEST_TYPE });

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function isPageTermsRequest(x: unknown): x is PageTermsRequest {
  return isRecord(x) && x.type === PAGE_TERMS_REQUEST_TYPE;
}

function parseTermCount(x: unknown): PageTermCount | null {
  if (!isRecord(x)) return null;
  const { id, count } = x;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) return null;
  return { id, count };
}

/**
 * A content script's reply, copied into a fresh object with only the known
 * fields; null when anything about it is malformed (a partial answer is not
 * trusted).
 */
export function parsePageTermsResponse(x: unknown): PageTermsResponse | null {
  if (!isRecord(x)) return null;
  const { host, terms } = x;
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
  return { host, terms: parsed };
}

/** The browser command (manifest `commands`) that explains the selected word. */
export const EXPLAIN_COMMAND = 'explain-selection' as const;

export const EXPLAIN_SELECTION_REQUEST_TYPE = 'termlight:explain-selection' as const;

export interface ExplainSelectionRequest {
  type: typeof EXPLAIN_SELECTION_REQUEST_TYPE;
}

export interface ExplainSelectionResponse {
  /** False when Termlight is switched off for the page (nothing was shown). */
  handled: boolean;
}

export const explainSelectionRequest: ExplainSelectionRequest = Object.freeze({ type: EXPLAIN_SELECTION_REQUEST_TYPE });

export function isExplainSelectionRequest(x: unknown): x is ExplainSelectionRequest {
  return isRecord(x) && x.type === EXPLAIN_SELECTION_REQUEST_TYPE;
}
