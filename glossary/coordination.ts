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
/** Spaces only: the gap between a word and the next in a phrase. */
export const SPACE_GAP = /^[ \u00A0]+$/;
/** One hyphen: the gap between the parts of a hyphenated word ("single-arm", "open-label"). */
const HYPHEN_GAP = /^[-\u2010\u2011]$/;

const gapBefore = (t: Tokens, j: number) => t.text.slice(t.ends[j - 1]!, t.starts[j]!);

/** "or", "and" (any case). */
export const isConjunction = (raw: string) => CONJUNCTIONS.has(foldCase(raw));
/** A gap that joins the parts of one hyphenated word. */
export const isHyphenGap = (gap: string) => HYPHEN_GAP.test(gap);

/** One listed item: a word, or a hyphenated word ("single-arm"), as its first and last tokens. */
export interface Item {
  first: number;
  last: number;
}

/**
 * The item that starts at token j: the word, with the parts hyphenated to it ("single-arm"). Null
 * for a word negated by "non-": "Hodgkin and non-Hodgkin lymphoma" would read "Hodgkin" as Hodgkin
 * lymphoma, rightly, but in the glossary's own definition of lymphoma, which does not link that
 * entry (the build's validator then fails until its writers do); such lists read as before.
 */
function itemAt(t: Tokens, j: number): Item | null {
  let last = j;
  while (last + 1 < t.raws.length && HYPHEN_GAP.test(gapBefore(t, last + 1))) last++;
  return last > j && foldCase(t.raws[j]!) === 'non' ? null : { first: j, last };
}

/** A list that may share its noun: its first item, the other items, and where the noun may start. */
export interface SharedList {
  /** The item the list begins with. */
  first: Item;
  /** The other items, the last one (after "or"/"and", or before the noun) included. */
  items: Item[];
  /** Where the shared noun may start: after the last item (or after its second word). */
  heads: number[];
}

/**
 * The list that token `i` may begin: "recurrent, metastatic, or persistent cervical cancer" (i at
 * "recurrent") → items "metastatic" and "persistent", the noun from "cervical" (or one word later,
 * for a last item of two words: "or locally advanced cervical cancer"). An item may be a hyphenated
 * word, and a list of such words may go without "or"/"and", straight on to its noun: "a single-arm,
 * open-label, multicenter phase II trial" (i at "single") → items "open-label" and "multicenter",
 * the noun from "phase". Null when what follows token `i` is not items joined by commas and ending
 * in "or"/"and"/"and/or" and one more item, or in an item and its noun; and when token `i` is the
 * second part of a hyphenated word. Only the shape is read here; the matcher checks that the items
 * and the noun are terms.
 */
export function sharedList(t: Tokens, i: number): SharedList | null {
  const n = t.raws.length;
  if (i > 0 && HYPHEN_GAP.test(gapBefore(t, i))) return null;
  const first = itemAt(t, i);
  if (first === null) return null;
  const items: Item[] = [];
  let j = first.last + 1;
  for (let listed = 0; j < n && listed <= MAX_LISTED; listed++) {
    const gap = gapBefore(t, j);
    if (isConjunction(t.raws[j]!) && (COMMA_GAP.test(gap) || SPACE_GAP.test(gap))) {
      let next = j + 1;
      // "and/or"
      if (next < n && foldCase(t.raws[j]!) === 'and' && gapBefore(t, next) === '/' && foldCase(t.raws[next]!) === 'or') next++;
      if (next >= n || !SPACE_GAP.test(gapBefore(t, next)) || isConjunction(t.raws[next]!)) return null;
      const item = itemAt(t, next);
      if (item === null) return null;
      items.push(item);
      const { last } = item;
      const heads: number[] = [];
      for (const h of [last + 1, last + 2]) {
        if (h < n && SPACE_GAP.test(gapBefore(t, h)) && (h === last + 1 || SPACE_GAP.test(gapBefore(t, h - 1)))) heads.push(h);
      }
      return heads.length > 0 ? { first, items, heads } : null;
    }
    // Items before the last are separated by commas ("recurrent, metastatic, or ..."); without
    // "or"/"and", the last item is followed by the noun ("open-label, multicenter phase II trial").
    if (!COMMA_GAP.test(gap)) return items.length > 0 && SPACE_GAP.test(gap) ? { first, items, heads: [j] } : null;
    const item = itemAt(t, j);
    if (item === null) return null;
    items.push(item);
    j = item.last + 1;
  }
  return null;
}

/** A stage, phase, grade or type label: "IVB", "IIIC2", "3", "1b" (not a word such as "polyps"). */
const LABEL_RE = /^(?:[IVX]+[A-Da-d]?\d?[rp]?|\d+[A-Da-d]?\d?)$/;
export const isLabel = (raw: string) => LABEL_RE.test(raw);

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
  if (namesMoleculeClass(t, last) && !THINKING_VERBS.has(t.raws[last + 1] ?? '')) return false;
  const next = last + 1;
  if (next >= t.raws.length) return false;
  if (!SPACE_GAP.test(gapBefore(t, next))) return false;
  const word = t.raws[next]!;
  if (!/^\p{Ll}/u.test(word)) return false;
  return !CONJUNCTIONS.has(word) && word !== 'to' && word !== 'through' && !startsTerm(next);
}

/**
 * "MHC I", "HLA I", "MHC class I", "HLA-class I": after these acronyms (in capitals, as written) a
 * bare "I" is the Roman numeral of the molecule's class, never the pronoun, whatever follows ("Without
 * MHC I on the surface", "low HLA class I expression"). Only these: after "stage", "phase", "class",
 * "type" or "grade" alone the pronoun is real prose ("at this stage I felt", "after class I went home",
 * "the type I like"), and a term the numeral opens ("phase I trial", "type I interferon") is read
 * already.
 */
const MOLECULE_CLASS_NAMES = new Set(['MHC', 'HLA']);
/**
 * Last review session 25: verbs only the pronoun takes, after which "I" is the speaker even after
 * "HLA" or "MHC" ("my HLA I think is a full match", "the HLA I believe they typed").
 */
const THINKING_VERBS = new Set(['think', 'believe', 'guess', 'hope', 'feel', 'know', 'am', 'suppose', 'reckon', 'mean', 'wonder', 'assume', 'understand', 'remember']);
function namesMoleculeClass(t: Tokens, last: number): boolean {
  let prev = last - 1;
  if (prev < 0 || !isJoin(gapBefore(t, last))) return false;
  if (foldCase(t.raws[prev]!) === 'class') {
    prev--;
    if (prev < 0 || !isJoin(gapBefore(t, prev + 1))) return false;
  }
  return MOLECULE_CLASS_NAMES.has(t.raws[prev]!);
}
const isJoin = (gap: string) => SPACE_GAP.test(gap) || HYPHEN_GAP.test(gap);

/** Articles and prepositions: words that carry no meaning of a term's own ("an IV", "by IV", "on a drip"). */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'by', 'on', 'in', 'at', 'of', 'to', 'for', 'with', 'as', 'via', 'per']);
export const isFunctionWord = (raw: string) => FUNCTION_WORDS.has(foldCase(raw));
