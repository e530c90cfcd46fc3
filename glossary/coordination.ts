/**
 * Reading phrases where words share their noun, as pages write them: "recurrent, metastatic, or
 * persistent cervical cancer" means "recurrent cervical cancer", "metastatic cervical cancer" and
 * "persistent cervical cancer". Pure functions over the matcher's tokens, no DOM.
 */
import { foldCase } from './normalise';

/** The matcher's view of a text: its tokens and where each starts and ends. */
export interface Tokens {
  text: string;
  raws: readonly string[];
  starts: readonly number[];
  ends: readonly number[];
}

const CONJUNCTIONS = new Set(['or', 'and']);
/** Most words listed before the last one ("a, b, c, d, or e"). */
const MAX_LISTED = 5;
const COMMA_GAP = /^\s*,\s*$/;
const SPACE_GAP = /^[ \u00A0]+$/;

const gapBefore = (t: Tokens, j: number) => t.text.slice(t.ends[j - 1]!, t.starts[j]!);

/** A list that may share its noun: the items after the first, and where the noun may start. */
export interface SharedList {
  /** Token indexes of the other items, the last one (after "or"/"and") included. */
  items: number[];
  /** Where the shared noun may start: after the last item (or after its second word). */
  heads: number[];
}

/**
 * The list that token `i` may begin: "recurrent, metastatic, or persistent cervical cancer" (i at
 * "recurrent") → items "metastatic" and "persistent", the noun from "cervical" (or one word later,
 * for a last item of two words: "or locally advanced cervical cancer"). Null when what follows
 * token `i` is not single words joined by commas and ending in "or"/"and"/"and/or" and one more
 * word. Only the shape is read here; the matcher checks that the items and the noun are terms.
 */
export function sharedList(t: Tokens, i: number): SharedList | null {
  const n = t.raws.length;
  const items: number[] = [];
  let j = i + 1;
  for (let listed = 0; j < n && listed <= MAX_LISTED; listed++) {
    const gap = gapBefore(t, j);
    if (CONJUNCTIONS.has(foldCase(t.raws[j]!)) && (COMMA_GAP.test(gap) || SPACE_GAP.test(gap))) {
      let last = j + 1;
      // "and/or"
      if (last < n && foldCase(t.raws[j]!) === 'and' && gapBefore(t, last) === '/' && foldCase(t.raws[last]!) === 'or') last++;
      if (last >= n || !SPACE_GAP.test(gapBefore(t, last)) || CONJUNCTIONS.has(foldCase(t.raws[last]!))) return null;
      items.push(last);
      const heads: number[] = [];
      for (const h of [last + 1, last + 2]) {
        if (h < n && SPACE_GAP.test(gapBefore(t, h)) && (h === last + 1 || SPACE_GAP.test(gapBefore(t, h - 1)))) heads.push(h);
      }
      return heads.length > 0 ? { items, heads } : null;
    }
    // Words before the last are separated by commas ("recurrent, metastatic, or ...").
    if (!COMMA_GAP.test(gap)) return null;
    items.push(j);
    j++;
  }
  return null;
}

/** A stage, phase, grade or type label: "IVB", "IIIC2", "3", "1b" (not a word such as "polyps"). */
const LABEL_RE = /^(?:[IVX]+[A-Da-d]?\d?[rp]?|\d+[A-Da-d]?\d?)$/;

/**
 * The labels listed after a term that ends in one ("stages IVA and IVB", "stage IB1, IB2, and
 * IB3", "phase 2 or 3"): each takes the words before the first label ("stage") as its own. Token
 * `last` is the term's last token, itself a label. Empty when no such list follows.
 */
export function labelList(t: Tokens, last: number): number[] {
  const n = t.raws.length;
  if (!LABEL_RE.test(t.raws[last]!)) return [];
  const items: number[] = [];
  for (let j = last + 1; j < n && items.length <= MAX_LISTED; j++) {
    const gap = gapBefore(t, j);
    const word = foldCase(t.raws[j]!);
    if (CONJUNCTIONS.has(word) && (COMMA_GAP.test(gap) || SPACE_GAP.test(gap))) {
      let item = j + 1;
      if (item < n && word === 'and' && gapBefore(t, item) === '/' && foldCase(t.raws[item]!) === 'or') item++;
      if (item < n && SPACE_GAP.test(gapBefore(t, item)) && LABEL_RE.test(t.raws[item]!)) items.push(item);
      return items;
    }
    if (!COMMA_GAP.test(gap) || !LABEL_RE.test(t.raws[j]!)) return items;
    items.push(j);
  }
  return items;
}

/**
 * The pronoun "I" after a word that can end a term ("at this stage I felt", "in phase I was"): a
 * match ending in a bare "I" is not a stage or phase name when an ordinary lower-case word follows
 * it. "Stage I cancer", "stage I, II or III" and "phase I trial" still read as names, because a
 * medical word, a list or the end of the sentence follows.
 */
export function isPronounI(t: Tokens, last: number, startsTerm: (j: number) => boolean): boolean {
  if (t.raws[last] !== 'I') return false;
  const next = last + 1;
  if (next >= t.raws.length) return false;
  if (!SPACE_GAP.test(gapBefore(t, next))) return false;
  const word = t.raws[next]!;
  if (!/^\p{Ll}/u.test(word)) return false;
  return !CONJUNCTIONS.has(word) && word !== 'to' && word !== 'through' && !startsTerm(next);
}
