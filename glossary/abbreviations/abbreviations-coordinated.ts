/**
 * Short forms defined inside a coordination that shares one head noun, a pattern of methods
 * sections: "scanning (SEM) and transmission (TEM) electron microscopy" defines SEM as "scanning
 * electron microscopy"; "dimethyl-[DMP], diethyl-[DEP] and di-n-octyl [DnOP] phthalate" defines
 * DMP as "dimethyl-phthalate". The long form is not one stretch of text: it is assembled from the
 * modifier before each bracket and the head after the last one. This module only finds the
 * pieces; glossary/abbreviations/abbreviations.ts aligns the letters, as for any other long form.
 */
import { isAlnum, isSpace, type BracketPairs } from './abbreviations-text';
import type { Span } from './abbreviations-window';

export interface CoordinatedItem {
  /** The modifier word just before the brackets ("scanning", "dimethyl-"). */
  modifier: Span;
  /** The bracketed short form. */
  short: Span;
  open: number;
  close: number;
  /** The words after the last bracket of the coordination, up to punctuation (the shared head). */
  head: Span;
}

/** Between two items: ", ", " and ", ", and ", " or ". */
const JOINER = /^\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)/;
/** The head ends at punctuation, a bracket or a line break, and has at most this many words. */
const MAX_HEAD_WORDS = 4;
const MAX_SHORT = 15;

/**
 * The one word before the brackets, if it is a plain word (letters, digits, hyphens), separated
 * from them by a space or ending in a hyphen ("dimethyl-[DMP]").
 */
function modifierBefore(text: string, open: number): Span | undefined {
  let end = open;
  if (!isSpace(text[end - 1]) && text[end - 1] !== '-') return undefined;
  while (end > 0 && isSpace(text[end - 1])) end--;
  let start = end;
  while (start > 0 && (isAlnum(text[start - 1]) || text[start - 1] === '-')) start--;
  if (start === end || !isAlnum(text[start]) || (start > 0 && !isSpace(text[start - 1]) && !'(['.includes(text[start - 1]!))) return undefined;
  return { start, end };
}

function shortInside(text: string, open: number, close: number): Span | undefined {
  const inner = text.slice(open + 1, close);
  return inner.length > 0 && inner.length <= MAX_SHORT && /^[\p{L}\p{N}][\p{L}\p{N}\-/+]*$/u.test(inner) && /\p{Lu}/u.test(inner)
    ? { start: open + 1, end: close }
    : undefined;
}

function headAfter(text: string, close: number): Span | undefined {
  if (text[close + 1] !== ' ' || !isAlnum(text[close + 2])) return undefined;
  const start = close + 2;
  let end = start;
  let words = 1;
  while (end < text.length && !/[,.;:()[\]\n]/.test(text[end]!)) {
    if (text[end] === ' ' && ++words > MAX_HEAD_WORDS) break;
    end++;
  }
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/**
 * Every coordination of two or more "modifier (SF)" items followed by a shared head, as items.
 * Linear: each bracket pair is looked at a bounded number of times.
 */
export function coordinatedItems(text: string, brackets: BracketPairs): CoordinatedItem[] {
  const items: CoordinatedItem[] = [];
  const opens = [...brackets.closeOf.keys()].sort((a, b) => a - b);
  const used = new Set<number>();
  for (const first of opens) {
    if (used.has(first)) continue;
    const chain: Omit<CoordinatedItem, 'head'>[] = [];
    let open = first;
    for (;;) {
      const close = brackets.closeOf.get(open)!;
      const modifier = modifierBefore(text, open);
      const short = shortInside(text, open, close);
      if (!modifier || !short || text[open] !== text[first]) break;
      chain.push({ modifier, short, open, close });
      used.add(open);
      // The next item: a joiner, one word, a space and a bracket of the same kind.
      const joiner = JOINER.exec(text.slice(close + 1, close + 12));
      if (!joiner) break;
      let next = close + 1 + joiner[0].length;
      while (next < text.length && (isAlnum(text[next]) || text[next] === '-')) next++;
      while (isSpace(text[next])) next++;
      if (!brackets.closeOf.has(next)) break;
      open = next;
    }
    if (chain.length < 2) continue;
    const head = headAfter(text, chain.at(-1)!.close);
    if (!head) continue;
    for (const item of chain) items.push({ ...item, head });
  }
  return items;
}

/** The assembled long form text: "dimethyl-" + "phthalate", "scanning" + " " + "electron microscopy". */
export function assembledText(text: string, modifier: Span, head: Span): string {
  const m = text.slice(modifier.start, modifier.end);
  return `${m}${m.endsWith('-') ? '' : ' '}${text.slice(head.start, head.end)}`;
}
