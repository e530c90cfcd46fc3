/**
 * A quick test that text cannot hold any of a few acronym-like forms, so a small matcher of them
 * (the page's own short forms: the content script's page-only-terms.ts) need not read it. Reading
 * every text node of a long page with that matcher cost as much as reading its definitions
 * (0.8 s on the 5 MB bench page) for a few hundred nodes that hold one.
 *
 * Why it never refuses a match: the matcher takes an acronym-like token only as written
 * (matcher.ts, pieceOf and caseAccepts: its case exactly, soft hyphens aside, a plural "s" after
 * it), and it may glue a form's tokens together or cut a code between its letters and digits
 * ("PD-L1", "PDL1", "PDL-1"), nothing else. So every match holds, as written, each run of only
 * letters or only digits of each acronym-like token of its form; the test looks for the longest
 * such run of each form. A form with no acronym-like token is matched in any case: no test then.
 * Pure, no DOM.
 */
import { isAcronymToken, TOKEN_RE } from './normalise';

const SOFT_HYPHENS = /\u00AD/g;
const RUNS = /\p{L}+|\p{N}+/gu;

/** The longest letters-only or digits-only run of the form's acronym-like tokens, or null if it has none. */
export function formKeyRun(form: string): string | null {
  let best: string | null = null;
  // The shared TOKEN_RE (match() with a global pattern starts from 0): building a v-flag pattern per form cost 1–2 ms each.
  for (const token of form.match(TOKEN_RE) ?? []) {
    const raw = token.replace(SOFT_HYPHENS, '');
    if (!isAcronymToken(raw)) continue;
    for (const run of raw.match(RUNS) ?? []) if (best === null || run.length > best.length) best = run;
  }
  return best;
}

/**
 * A test that is false only for text in which none of `forms` can be matched; null when some form
 * cannot be tested this way (the text must then be read).
 */
export function formFilter(forms: readonly string[]): ((text: string) => boolean) | null {
  const runs = new Set<string>();
  for (const form of forms) {
    const run = formKeyRun(form);
    if (run === null) return null;
    runs.add(run);
  }
  if (runs.size === 0) return () => false;
  const any = new RegExp([...runs].map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  return (text) => any.test(text.includes('\u00AD') ? text.replace(SOFT_HYPHENS, '') : text);
}
