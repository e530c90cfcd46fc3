/**
 * Text set in capitals. Acronyms are matched in capitals only ("AIDS", not "aids"), but a heading
 * or a sign set in capitals writes every word that way: "SLEEP AIDS", "EXERCISE AIDS RECOVERY",
 * "NICE TO MEET YOU". There an acronym whose lower-case form is an ordinary word is as likely that
 * word, and the matcher reads it as the acronym only when the text around it makes that certain.
 * Pure functions over the matcher's tokens, no DOM.
 */
import { foldCase } from './normalise';
import type { Tokens } from './coordination';

/** Most words read on each side of a word to tell whether its text is set in capitals. */
export const REACH = 3;
/** Marks that end a sentence, a line or a list item: the words past them are another piece of text. */
const BREAK_RE = /[\n.!?:;•|]/;
const LOWER_RE = /\p{Ll}/u;
const LETTER_RE = /\p{L}/gu;

const gapBefore = (t: Tokens, j: number) => t.text.slice(t.ends[j - 1]!, t.starts[j]!);

/**
 * True when token `i` stands in a run of capitals: the words near it in the same piece of text
 * (up to REACH on each side) have no small letter, and at least one of them is a word of two
 * capitals or more ("SLEEP AIDS", "NICE TO MEET YOU"). Numbers and single letters neither make nor
 * break a run. "The NICE HTA guidance" is no run: "The" and "guidance" are written in small letters.
 */
export function inCapitalsRun(t: Tokens, i: number): boolean {
  let capitals = 0;
  for (const dir of [-1, 1]) {
    for (let k = i + dir, seen = 0; k >= 0 && k < t.raws.length && seen < REACH; k += dir, seen++) {
      if (BREAK_RE.test(dir < 0 ? gapBefore(t, k + 1) : gapBefore(t, k))) break;
      const raw = t.raws[k]!;
      if (LOWER_RE.test(raw)) return false;
      if ((raw.match(LETTER_RE)?.length ?? 0) >= 2) capitals++;
    }
  }
  return capitals > 0;
}

/** Marks that join two names as a pair: "HIV/AIDS", "HIV & AIDS", "HIV-AIDS", "HIV, AIDS". */
const PAIR_GAP_RE = /^\s*[/&,\-\u2010-\u2015]\s*$/;
const AND_OR = new Set(['and', 'or']);

/**
 * The tokens an acronym at `i` is paired with: the word joined to it by "/", "&", "-" or a comma,
 * or across "AND"/"OR" ("HIV/AIDS", "HIV AND AIDS", "AIDS OR HIV"). The matcher reads an acronym
 * paired with another acronym of the glossary as an acronym ("HIV AND AIDS", but not
 * "SLEEP AND MEMORY AIDS").
 */
export function pairedWith(t: Tokens, i: number): number[] {
  const out: number[] = [];
  const n = t.raws.length;
  for (const dir of [-1, 1]) {
    const k = i + dir;
    if (k < 0 || k >= n) continue;
    const gap = dir < 0 ? gapBefore(t, i) : gapBefore(t, k);
    if (PAIR_GAP_RE.test(gap)) out.push(k);
    else if (/^\s+$/.test(gap) && AND_OR.has(foldCase(t.raws[k]!))) {
      const m = k + dir;
      if (m >= 0 && m < n && /^\s+$/.test(dir < 0 ? gapBefore(t, k) : gapBefore(t, m))) out.push(m);
    }
  }
  return out;
}

/** True when token `i` is alone in brackets: "ACQUIRED IMMUNODEFICIENCY SYNDROME (AIDS)", where it is given as a short form. */
export function inOwnBrackets(t: Tokens, i: number): boolean {
  return t.text[t.starts[i]! - 1] === '(' && t.text[t.ends[i]!] === ')';
}
