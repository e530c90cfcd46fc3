/**
 * The start filter's bits in the first stage's built file (wxt.config.ts). Node-free and pure; imports
 * nothing, so the build's config loads it cheaply.
 */
/**
 * The start filter's bits as the first stage's file holds them (wxt.config.ts puts them in after minifying,
 * where the JSON import has START_FILTER_MARK): a comment in a function that reads itself, since
 * `Function.prototype.toString` gives back a function's source text (a slice of the script's source, not a
 * copy). As a string literal they cost the first stage's compile on every page and frame: V8 copies and
 * hashes every character of a literal (more for a template literal, as the minifier writes every string),
 * and skips a comment with a search for its end. Session 25: content.js's compile (v8.compile, CPU) 5.0 →
 * 2.1 ms in Chromium, 2.4 → 1.7 ms in Node's V8. Base64 holds no `*`, so the bits cannot end the comment
 * early; createStartFilter checks the length it is given and answers "maybe" to every text if a browser
 * ever gave back no source.
 */
export function startFilterBitsInComment(bits: string): string {
  if (!/^[A-Za-z0-9+/=]*$/.test(bits)) throw new Error('start-filter.json: its bits are not base64');
  return `(function(){/*${bits}*/}+"").slice(13,-3)`;
}

/** What the first stage's build imports in place of the bits, and finds again after minifying, in any quotes. */
export const START_FILTER_MARK = '@@termlight-start-filter-bits@@';
export const START_FILTER_MARK_RE = /(["'`])@@termlight-start-filter-bits@@\1/g;
