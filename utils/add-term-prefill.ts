/**
 * "Add “…” to my terms" (the right-click menu): the selected text travels to the options page's
 * term form in its address (`options.html?add=…`). It is page text, so it is only ever put into a
 * form field as text, and the form checks it like anything the reader types.
 */

/** The options page's query parameter that holds the text to put into the term field. */
export const ADD_TERM_PARAM = 'add';

/**
 * Most characters carried over. Far above the longest term the form accepts (its own check then says
 * "too long" with the text still there to shorten); low enough that a whole selected page never
 * ends up in an address.
 */
export const MAX_PREFILL_LENGTH = 500;

/** A selection as one line: runs of spaces and line breaks become one space; cut at the bound. */
export function prefillText(selection: string): string {
  return selection.replace(/\s+/g, ' ').trim().slice(0, MAX_PREFILL_LENGTH).trim();
}

/** The options page path that opens the form with `selection` in the term field, or null for no text. */
export function addTermPath(selection: string): `/options.html?${string}` | null {
  const text = prefillText(selection);
  return text === '' ? null : `/options.html?${ADD_TERM_PARAM}=${encodeURIComponent(text)}`;
}

/** The text to put into the term field from the page's query string (`location.search`), or null. */
export function readAddTermParam(search: string): string | null {
  const raw = new URLSearchParams(search).get(ADD_TERM_PARAM);
  if (raw === null) return null;
  const text = prefillText(raw);
  return text === '' ? null : text;
}
