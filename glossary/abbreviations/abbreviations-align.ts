/**
 * Aligns the letters of a short form with a candidate long form, Schwartz–Hearst style (every
 * letter of the short form found in order, the first at the start of a word), but scored rather
 * than greedy, in the spirit of Ab3P's ranked strategies: letters at word starts are free, letters
 * inside a word cost a little, skipped words cost more. The cheapest alignment wins; ties go to
 * the shorter long form. The caller decides which costs are acceptable.
 */
import { greekInitial, isAlnum, isDigit, isLower, isSpace, isUpper, lowerUnit, morphemeAt, STOPWORDS } from './abbreviations-text';
import type { Unit } from './abbreviations-units';

/** Cost of each way a unit can match (tuned on even-PMID MED1250 errors). */
export const COST = {
  /** Next letter of the same word ("Ad" ← adenovirus). */
  contiguous: 0.2,
  /** A later letter of the same word ("IL" ← interleukin). */
  inner: 0.6,
  /** A letter inside a word whose first letter is not used ("x" in "ethylbenzene"). */
  orphan: 2,
  /** The first letter of a combining form inside a word ("b" in "trinitrobenzene"). */
  morpheme: 0.3,
  /** Skipping a word: ordinary, function word, number. */
  skipWord: 0.75,
  skipStopword: 0.25,
  skipNumber: 0.25,
  /** Skipping part of a word ("streptozocin-induced"), or a number in a word ("2,3-dione"). */
  skipPart: 0.4,
  skipPartNumber: 0.1,
} as const;

interface SubWord {
  start: number;
  end: number;
  word: number;
  number: boolean;
}

interface Word {
  start: number;
  end: number;
  firstSub: number;
  lastSub: number;
  skipCost: number;
  stop: boolean;
}

/** The long-form window cut into words (see isWordSeparator) and sub-words (runs of letters or digits). */
interface Window {
  text: string;
  lower: string;
  /** The lower-case text with Greek letters as the Latin letter they stand for (lower if none). */
  latin: string;
  /** Positions inside a sub-word (not its first two letters) where a combining form starts. */
  morphemeStart: Uint8Array;
  words: Word[];
  subs: SubWord[];
  subAt: Int32Array;
  /** Sum of skipCost of words before index i. */
  wordSkipPrefix: number[];
}

/**
 * Words are split at spaces, dashes (ranges and asides: "39.2–not reached", "anti–programmed
 * death 1") and "/" between letters ("nucleus/parapyramidal", not "+/-").
 */
function isWordSeparator(text: string, i: number): boolean {
  const ch = text[i];
  return isSpace(ch) || ch === '–' || ch === '—' || (ch === '/' && isAlnum(text[i - 1]) && isAlnum(text[i + 1]));
}

/** The text lower-cased unit by unit, so offsets stay the same. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : Array.from(text, (ch) => lowerUnit(ch)).join('');
}

/** Greek letters (U+0370–U+03FF) as Latin initials, other units unchanged; the same string if none. */
function latinSameLength(lower: string): string {
  if (!/[\u0370-\u03ff]/.test(lower)) return lower;
  return Array.from(lower, (ch) => greekInitial(ch) ?? ch).join('');
}

/**
 * A quick necessary condition before the full alignment: the required units occur in order.
 * Most bracketed asides on a page fail here ("(n = 12)", "(HR, 0.75)").
 */
function mayAlign(units: Unit[], lower: string, latin: string): boolean {
  let from = 0;
  for (const unit of units) {
    if (unit.optionalCost !== undefined || unit.alts.length > 1) continue;
    let at = lower.indexOf(unit.alts[0]!, from);
    if (latin !== lower) {
      const greek = latin.indexOf(unit.alts[0]!, from);
      if (greek >= 0 && (at < 0 || greek < at)) at = greek;
    }
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

function analyse(text: string, lowerText: string, latin: string): Window {
  const lower = lowerText;
  const subs: SubWord[] = [];
  const words: Word[] = [];
  const subAt = new Int32Array(text.length).fill(-1);
  let i = 0;
  while (i < text.length) {
    if (isWordSeparator(text, i)) {
      i++;
      continue;
    }
    const wordStart = i;
    while (i < text.length && !isWordSeparator(text, i)) i++;
    const word: Word = { start: wordStart, end: i, firstSub: subs.length, lastSub: subs.length - 1, skipCost: 0, stop: false };
    for (let k = wordStart; k < i; k++) {
      if (!isAlnum(text[k])) continue;
      const prev = text[k - 1];
      // "Crohn's" is one sub-word; an elided article is not: "d'Obstétrique" (the O of FIGO).
      const joined = (prev === "'" || prev === '’') && isAlnum(text[k - 2]) && subs.length > word.firstSub && k - 2 > wordStart;
      const boundary =
        k === wordStart ||
        (!isAlnum(prev) && !joined) ||
        (isUpper(text[k]) && isLower(prev)) ||
        isDigit(text[k]) !== isDigit(prev);
      if (boundary && !joined) subs.push({ start: k, end: k + 1, word: words.length, number: isDigit(text[k]) });
      const sub = subs[subs.length - 1]!;
      sub.end = k + 1;
      if (!isDigit(text[k])) sub.number = false;
      subAt[k] = subs.length - 1;
    }
    word.lastSub = subs.length - 1;
    const bare = text.slice(wordStart, i).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    word.stop = STOPWORDS.has(bare);
    word.skipCost = word.stop ? COST.skipStopword : /\p{L}/u.test(bare) ? COST.skipWord : COST.skipNumber;
    words.push(word);
  }
  const wordSkipPrefix = [0];
  for (const w of words) wordSkipPrefix.push(wordSkipPrefix.at(-1)! + w.skipCost);
  const morphemeStart = new Uint8Array(text.length);
  for (const sub of subs) {
    for (let p = sub.start + 2; p < sub.end - 2; p++) if (morphemeAt(lower, p)) morphemeStart[p] = 1;
  }
  return { text, lower, latin, morphemeStart, words, subs, subAt, wordSkipPrefix };
}

/** At most this many positions per unit are tried (see candidates). */
const MAX_HITS = 48;

interface Candidate {
  pos: number;
  len: number;
  sub: number;
}

function candidates(win: Window, unit: Unit): Candidate[] {
  const out: Candidate[] = [];
  for (const alt of unit.alts) {
    if (alt.length === 1) {
      // (win.latin is win.lower with Greek letters as Latin ones: "α" matches the "a" of AFP.)
      for (let p = win.lower.indexOf(alt); p >= 0; p = win.lower.indexOf(alt, p + 1)) {
        if (win.subAt[p]! >= 0) out.push({ pos: p, len: 1, sub: win.subAt[p]! });
      }
      if (win.latin !== win.lower) {
        for (let p = win.latin.indexOf(alt); p >= 0; p = win.latin.indexOf(alt, p + 1)) {
          if (win.lower[p] !== alt && win.subAt[p]! >= 0) out.push({ pos: p, len: 1, sub: win.subAt[p]! });
        }
      }
    } else {
      for (let s = 0; s < win.subs.length; s++) {
        const sub = win.subs[s]!;
        if (win.text.slice(sub.start, sub.start + alt.length).toLowerCase() === alt) out.push({ pos: sub.start, len: alt.length, sub: s });
      }
    }
  }
  for (const alt of unit.wholeAlts ?? []) {
    for (let s = 0; s < win.subs.length; s++) {
      const sub = win.subs[s]!;
      if (sub.end - sub.start === alt.length && win.lower.startsWith(alt, sub.start)) out.push({ pos: sub.start, len: alt.length, sub: s });
    }
  }
  out.sort((a, b) => a.pos - b.pos);
  // Bounds the work on pathological text ("(EEEEEEEE)" after "eeee eeee …"): long forms end at
  // the window's end, so the hits nearest to it matter.
  return out.length > MAX_HITS ? out.slice(out.length - MAX_HITS) : out;
}

function partSkip(win: Window, from: number, to: number): number {
  let cost = 0;
  for (let s = from; s < to; s++) cost += win.subs[s]!.number ? COST.skipPartNumber : COST.skipPart;
  return cost;
}

/** Cost of matching b right after a: how b matches, plus the words and parts skipped between. */
function stepCost(win: Window, a: Candidate, b: Candidate, bUnit: Unit): number {
  const inside = bUnit.plural && isPluralEnd(win, b) ? 0 : win.morphemeStart[b.pos] ? COST.morpheme : Infinity;
  if (b.sub === a.sub) return Math.min(inside, b.pos === a.pos + a.len ? COST.contiguous : COST.inner);
  const subA = win.subs[a.sub]!;
  const subB = win.subs[b.sub]!;
  let cost = b.pos === subB.start ? 0 : Math.min(inside, COST.orphan);
  if (subA.word === subB.word) return cost + partSkip(win, a.sub + 1, b.sub);
  cost += partSkip(win, a.sub + 1, win.words[subA.word]!.lastSub + 1);
  cost += win.wordSkipPrefix[subB.word]! - win.wordSkipPrefix[subA.word + 1]!;
  return cost + partSkip(win, win.words[subB.word]!.firstSub, b.sub);
}

/** A plural "s" on the last letter of the long form ("tumor-infiltrating lymphocytes" ← TILs). */
function isPluralEnd(win: Window, c: Candidate): boolean {
  const last = win.subs.at(-1);
  return last !== undefined && c.sub === win.subs.length - 1 && c.pos === last.end - 1;
}

function tailCost(win: Window, c: Candidate): number {
  const sub = win.subs[c.sub]!;
  return partSkip(win, c.sub + 1, win.words[sub.word]!.lastSub + 1) + win.wordSkipPrefix[win.words.length]! - win.wordSkipPrefix[sub.word + 1]!;
}

/** A capitalised word followed by another: the start of a name ("The Cancer Genome Atlas"). */
function startsName(win: Window, w: number): boolean {
  const next = win.words[w + 1];
  return next !== undefined && isUpper(win.text[win.words[w]!.start]) && isUpper(win.text[next.start]);
}

export interface Alignment {
  cost: number;
  /** Offset in the window where the long form starts (the start of its first word). */
  start: number;
  /** Index of the window word the long form starts with. */
  word: number;
  /** Positions in the window of each matched unit (-1 when an optional unit is unmatched). */
  positions: number[];
  /** Every matched unit starts a sub-word or a combining form: the short form is made of initials. */
  initials: boolean;
}

export interface AlignOptions {
  /** The long form must start at the window's first word (short form before the brackets). */
  anchored?: boolean;
}

/**
 * The cheapest alignment of units with a long form ending at the end of the window, or undefined.
 * Dynamic programming over the positions where each unit's letter occurs: O(units × hits²).
 */
export function alignLongForm(units: Unit[], windowText: string, options: AlignOptions = {}): Alignment | undefined {
  if (units.length === 0) return undefined;
  const lower = lowerSameLength(windowText);
  const latin = latinSameLength(lower);
  if (!mayAlign(units, lower, latin)) return undefined;
  const win = analyse(windowText, lower, latin);
  if (win.subs.length === 0) return undefined;
  const cands = units.map((u) => candidates(win, u));
  const m = units.length;
  // best[j][k]: cost of matching units j.. given unit j at cands[j][k], including the tail.
  const best: number[][] = cands.map((c) => new Array<number>(c.length).fill(Infinity));
  const next: number[][] = cands.map((c) => new Array<number>(c.length).fill(-1));
  // trailingOptional[j]: cost of leaving units j.. unmatched (Infinity unless all are optional).
  const trailingOptional: number[] = new Array(m + 1).fill(Infinity);
  trailingOptional[m] = 0;
  for (let j = m - 1; j >= 0; j--) {
    const optional = units[j]!.optionalCost;
    trailingOptional[j] = optional === undefined ? Infinity : trailingOptional[j + 1]! + optional;
  }
  for (let j = m - 1; j >= 0; j--) {
    const here = cands[j]!;
    for (let k = 0; k < here.length; k++) {
      const a = here[k]!;
      let cost = tailCost(win, a) + trailingOptional[j + 1]!;
      let choice = -1;
      if (j + 1 < m) {
        const after = cands[j + 1]!;
        for (let l = 0; l < after.length; l++) {
          const b = after[l]!;
          if (b.pos < a.pos + a.len || best[j + 1]![l] === Infinity) continue;
          const c = stepCost(win, a, b, units[j + 1]!) + best[j + 1]![l]!;
          if (c < cost) {
            cost = c;
            choice = l;
          }
        }
      }
      best[j]![k] = cost;
      next[j]![k] = choice;
    }
  }
  let bestTotal = Infinity;
  let bestK = -1;
  const first = cands[0]!;
  for (let k = 0; k < first.length; k++) {
    const a = first[k]!;
    const sub = win.subs[a.sub]!;
    if (a.pos !== sub.start || best[0]![k] === Infinity) continue;
    const word = win.words[sub.word]!;
    if (options.anchored && sub.word !== 0) continue;
    // A long form never starts with a function word ("by penicilloylated bovine IgG"), unless
    // it begins a capitalised name: "The Cancer Genome Atlas (TCGA)".
    if (word.stop && !startsName(win, sub.word)) continue;
    // "anti-programmed death 1": the long form of PD-1 starts after "anti-" (the antibody is not PD-1).
    const afterAnti = a.sub > word.firstSub && /^anti[-‐]$/i.test(win.text.slice(win.subs[a.sub - 1]!.start, a.pos));
    const startCost = afterAnti ? 0 : partSkip(win, word.firstSub, a.sub);
    const total = startCost + best[0]![k]!;
    // "<=": among equal costs, the later start (shorter long form) wins.
    if (total <= bestTotal) {
      bestTotal = total;
      bestK = k;
    }
  }
  if (bestK < 0) return undefined;
  const positions: number[] = [];
  let initials = true;
  for (let j = 0, k = bestK; j < m; j++) {
    if (k < 0) {
      positions.push(-1);
      continue;
    }
    const c = cands[j]![k]!;
    positions.push(c.pos);
    if (c.pos !== win.subs[c.sub]!.start && !win.morphemeStart[c.pos]) initials = false;
    k = next[j]![k]!;
  }
  const chosen = cands[0]![bestK]!;
  const word = win.subs[chosen.sub]!.word;
  const afterAnti = /^anti[-‐]$/i.test(win.text.slice(win.words[word]!.start, chosen.pos));
  return { cost: bestTotal, start: afterAnti ? chosen.pos : win.words[word]!.start, word, positions, initials };
}
