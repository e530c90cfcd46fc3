/**
 * Where to look for a long form (glossary/abbreviations/abbreviations.ts): the words before a bracket, within
 * the same sentence and clause, or the word before a bracket as a short form.
 */
import { isAlnum, isSpace, NON_FINAL_ABBREVIATIONS, STOPWORDS, type BracketPairs } from './abbreviations-text';
import type { Unit } from './abbreviations-units';

export interface Span {
  start: number;
  end: number;
}

export function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/** The whitespace-delimited word that ends just before the brackets, minus trailing ",:". */
export function wordBefore(text: string, open: number): Span | undefined {
  let end = open;
  while (end > 0 && isSpace(text[end - 1])) end--;
  let start = end;
  while (start > 0 && !isSpace(text[start - 1])) start--;
  while (end > start && /[,:;]/.test(text[end - 1]!)) end--;
  while (start < end && /["'“‘(\[]/.test(text[start]!)) start++;
  return end > start ? { start, end } : undefined;
}

/** How many words (function words aside) the long form may have before the brackets. */
function maxWords(units: number): number {
  return units <= 2 ? units + 2 : units + 5;
}

/** No long form is longer than this (the longest chemical names come close). */
const MAX_WINDOW_CHARS = 200;

/** Words that end a long form on its left: verbs and conjunctions start a new clause. */
const CLAUSE_WORDS = new Set('is are was were be been being has have had which that whereas while when where'.split(' '));

/**
 * The text before the brackets where a long form may be: same sentence and clause, outside any
 * enclosing bracket, at most maxWords words and MAX_WINDOW_CHARS. Brackets attached to a word
 * ("E(2)", "benzo[a]pyrene") are kept.
 */
export function leftWindow(text: string, open: number, units: Unit[], brackets: BracketPairs): Span | undefined {
  let end = open;
  while (end > 0 && isSpace(text[end - 1])) end--;
  const limit = maxWords(units.length);
  let start = end;
  let words = 0;
  let i = end - 1;
  while (i >= 0 && words < limit) {
    while (i >= 0 && isSpace(text[i])) {
      if (text[i] === '\n' && text[i - 1] === '\n') return span(text, start, end);
      i--;
    }
    if (i < 0) break;
    const wordEnd = i + 1;
    if (/[.!?;:|]/.test(text[i]!) && isSentenceEnd(text, i)) break;
    let stopped = false;
    for (; i >= 0 && !isSpace(text[i]); i--) {
      const ch = text[i]!;
      if (ch === ')' || ch === ']') {
        const opener = brackets.openOf.get(i);
        const attached = opener !== undefined && (isAlnum(text[i + 1]) || text[i + 1] === '-' || (opener > 0 && !isSpace(text[opener - 1]) && !'(['.includes(text[opener - 1]!)));
        if (!attached) {
          stopped = true;
          break;
        }
        // An abbreviation in brackets ends a long form, with the word it is attached to:
        // "clozapine(CLP) and its metabolite", "(GABA)-induced chloride current".
        const inside = text.slice(opener! + 1, i);
        if (inside.length <= 10 && (inside.match(/\p{Lu}/gu)?.length ?? 0) >= 2) return span(text, start, end);
        i = opener;
      } else if (ch === '(' || ch === '[' || ch === '|') {
        stopped = true;
        break;
      }
    }
    const wordStart = i + 1;
    const word = text.slice(wordStart, wordEnd).toLowerCase();
    if (CLAUSE_WORDS.has(word) || end - wordStart > MAX_WINDOW_CHARS) break;
    if (wordStart < wordEnd) start = wordStart;
    if (stopped) break;
    if (!STOPWORDS.has(word)) words++;
  }
  return span(text, start, end);
}

function span(text: string, start: number, end: number): Span | undefined {
  const s = trim(text, start, end);
  return s.end > s.start ? s : undefined;
}

/** Is the punctuation at i (followed by a space) the end of a sentence or clause? */
function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.') return true;
  let s = i;
  while (s > 0 && !isSpace(text[s - 1])) s--;
  const word = text.slice(s, i).toLowerCase();
  if (word.length <= 1) return false;
  return !NON_FINAL_ABBREVIATIONS.has(word);
}

