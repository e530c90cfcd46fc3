import { ADD_TERM_PARAM, readAddTermParam } from '../../utils/add-term-prefill';

/**
 * The text "Add … to my terms" (the right-click menu) put into this page's address, taken out of
 * the address at once: a reload then starts empty, and the address bar does not keep showing the word.
 */
export function takeAddTermPrefill(): string | null {
  const text = readAddTermParam(location.search);
  if (new URLSearchParams(location.search).has(ADD_TERM_PARAM)) {
    history.replaceState(history.state, '', location.pathname + location.hash);
  }
  return text;
}
