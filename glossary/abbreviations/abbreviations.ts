/**
 * Finds the abbreviations a text defines for itself: "tumor mutational burden (TMB)" and
 * "PD-L1 (programmed death-ligand 1)". Pure and DOM-free: the content script runs it on page text.
 *
 * The design follows the published approach of Schwartz & Hearst (2003) and Ab3P (Sohn et al.
 * 2008): every bracket pair is a candidate; a short form in the brackets is looked for as letters
 * of the words just before them, else the word before the brackets is looked for in the
 * bracketed text. Letters are aligned by a scored search (glossary/abbreviations/abbreviations-align.ts) instead
 * of a greedy one, and a cost limit per short-form length stands in for Ab3P's ranked strategies.
 * Work is linear in the text: one bracket pass, then a bounded window per bracket pair.
 */
import { alignLongForm } from './abbreviations-align';
import { assembledText, coordinatedItems, type CoordinatedItem } from './abbreviations-coordinated';
import { isAlnum, isDigit, isGreekLetterName, isSpace, isUpper, NON_FINAL_ABBREVIATIONS, pairBrackets, STOPWORDS, type BracketPairs } from './abbreviations-text';
import { isConcentration, shortFormReadings, type Reading } from './abbreviations-units';
import { leftWindow, trim, wordBefore, type Span } from './abbreviations-window';

export interface AbbreviationDefinition {
  short: string;
  /**
   * The long form. Usually text.slice(longStart, longEnd); for a coordination sharing its head
   * ("scanning (SEM) and transmission (TEM) electron microscopy") it is assembled from longParts.
   */
  long: string;
  longParts?: [Span, Span];
  /** The whole definition, brackets included. Offsets are UTF-16 code units into the text. */
  start: number;
  end: number;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

const MAX_SHORT_LENGTH = 15;
/** Bracketed text longer than this is never a short form or long form of its own. */
const MAX_INNER_LENGTH = 400;
/** Phrases in the brackets that announce the short or long form: "(also called TMB)". */
const CUE = /^(?:(?:also|hereafter|hereinafter|henceforth|commonly|sometimes|often)\s+)?(?:called|termed|named|known\s+as|referred\s+to\s+as|abbreviated(?:\s+as)?|or|i\.\s?e\.,?|ie,?)\s+|^(?:hereafter|hereinafter|henceforth)[,:]?\s+/i;
/** Bracketed asides that are never definitions. */
const NOT_A_DEFINITION = /^(?:https?:|www\.|[/#]|e\.\s?g\.|eg\b|[Ss]ee\b|cf\.|[Ff]igs?\b|[Tt]ables?\b|[Rr]efs?\.|n\s*=|[Pp]\s*[<=>])/;
const QUOTES = /^["'“”‘’«»]+|["'“”‘’«»]+$/g;

export function extractAbbreviations(text: string): AbbreviationDefinition[] {
  const brackets = pairBrackets(text);
  const found: AbbreviationDefinition[] = [];
  const defined = new Set<number>();
  for (const [open, close] of brackets.closeOf) {
    if (close - open - 1 > MAX_INNER_LENGTH) continue;
    const definition = definitionAt(text, open, close, brackets);
    if (definition) {
      found.push(definition);
      defined.add(open);
    }
  }
  for (const item of coordinatedItems(text, brackets)) {
    const definition = defined.has(item.open) ? undefined : coordinatedDefinition(text, item);
    if (definition) found.push(definition);
  }
  found.push(...cuedDefinitions(text, brackets));
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A short form whose long form is its modifier plus the head the coordination shares (see
 * glossary/abbreviations/abbreviations-coordinated.ts); only for brackets no other pattern explains.
 */
function coordinatedDefinition(text: string, item: CoordinatedItem): AbbreviationDefinition | undefined {
  const shortText = text.slice(item.short.start, item.short.end);
  const assembled = assembledText(text, item.modifier, item.head);
  const headAt = assembled.length - (item.head.end - item.head.start);
  const long = matchLongForm(assembled, shortFormReadings(shortText), { start: 0, end: assembled.length }, true, false, true);
  // The head must be used: a long form within the modifier alone is not a coordination.
  if (!long || long.start !== 0 || long.end <= headAt || !plausibleTexts(shortText, assembled.slice(0, long.end))) return undefined;
  const head = { start: item.head.start, end: item.head.start + long.end - headAt };
  return {
    short: shortText,
    long: assembled.slice(0, long.end),
    longParts: [item.modifier, head],
    start: item.modifier.start,
    end: Math.max(item.close + 1, head.end),
    shortStart: item.short.start,
    shortEnd: item.short.end,
    longStart: item.modifier.start,
    longEnd: head.end,
  };
}

/** ", or irAEs", ", also called TMB" after a long form, without brackets. */
const OUTSIDE_CUE = /,\s+(?:or|also\s+called|also\s+known\s+as|known\s+as)\s+(?=[\p{L}\p{N}])/gu;

/**
 * "immune-related adverse events, or irAEs," and "HPV, or human papillomavirus," — the same
 * alignment as in brackets, but only for short forms with two capitals or more, since ", or"
 * mostly joins alternatives ("I, II, or IIIA").
 */
function cuedDefinitions(text: string, brackets: BracketPairs): AbbreviationDefinition[] {
  const found: AbbreviationDefinition[] = [];
  for (const cue of text.matchAll(OUTSIDE_CUE)) {
    const after = cue.index + cue[0].length;
    const definition = cuedAfter(text, cue.index, after, brackets) ?? cuedBefore(text, cue.index, after);
    if (definition) found.push(definition);
  }
  return found;
}

function isCuedShortForm(s: string): boolean {
  return isShortFormCandidate(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** The short form after the cue, the long form before it: "immune-related adverse events, or irAEs". */
function cuedAfter(text: string, cueStart: number, shortStart: number, brackets: BracketPairs): AbbreviationDefinition | undefined {
  let shortEnd = shortStart;
  while (shortEnd < text.length && !isSpace(text[shortEnd])) shortEnd++;
  while (shortEnd > shortStart && /[,.;:)\]"'”’]/.test(text[shortEnd - 1]!)) shortEnd--;
  const shortText = text.slice(shortStart, shortEnd);
  if (!isCuedShortForm(shortText)) return undefined;
  const readings = shortFormReadings(shortText);
  const window = leftWindow(text, cueStart, readings[0]!.units, brackets);
  const long = window && matchLongForm(text, readings, window, false);
  const short = { start: shortStart, end: shortEnd };
  return long && plausible(text, short, long) ? make(text, short, long, long.start, shortEnd) : undefined;
}

/** OUTSIDE_CUE, tested once (no global state). */
const ANY_OUTSIDE_CUE = /,\s+(?:or|also\s+called|also\s+known\s+as|known\s+as)\s+[\p{L}\p{N}]/u;

/**
 * Whether extractAbbreviations may find anything in a text: a bracket, or a cue after a comma
 * ("immune-related adverse events, or irAEs"). A cheap test its callers make before reading a block;
 * testing for a bracket only left the cued definitions unread in a block without one.
 */
export function mayDefineAbbreviations(text: string): boolean {
  return text.includes('(') || text.includes('[') || ANY_OUTSIDE_CUE.test(text);
}

/** " or " before a word that opens with a capital: "erythropoietin or EPO". */
const BARE_OR_CUE = /(?<=[\p{L}\p{N}])[ \u00A0]+or[ \u00A0]+(?=\p{Lu})/gu;

/**
 * "a drug called erythropoietin or EPO": a short form after a bare "or" (no comma, no bracket),
 * aligned with the words before it as after ", or"; or before it, "EPO or erythropoietin", aligned
 * with the words after it as before ", or". Not one of extractAbbreviations' definitions:
 * without a comma "or" mostly joins alternatives ("surgery or SBRT", "MRI or CT"), so these pairs
 * are only for the taught layer (glossary/abbreviations/taught.ts), which uses a pair only where the
 * whole long form is one glossary entry and the short form is none, and drops a short form the
 * page pairs with two meanings: nothing is marked as a page-only term or read as the page
 * redefining a glossary short form on such a pair.
 */
export function orAbbreviations(text: string): AbbreviationDefinition[] {
  const after = /[ \u00A0]or[ \u00A0]+\p{Lu}/u.test(text);
  const before = SHORT_OR_CUE_TEST.test(text);
  if (!after && !before) return [];
  const brackets = pairBrackets(text);
  const found: AbbreviationDefinition[] = [];
  if (after) {
    for (const cue of text.matchAll(BARE_OR_CUE)) {
      const definition = cuedAfter(text, cue.index, cue.index + cue[0].length, brackets);
      if (definition) found.push(definition);
    }
  }
  // The other order, "EPO or erythropoietin": the short form first, as ", or" already reads
  // "HPV, or human papillomavirus" (cuedBefore: a short form with two capitals, looking abbreviated,
  // and a long form its letters align with, from the word after "or" on).
  if (before) {
    for (const cue of text.matchAll(SHORT_OR_CUE)) {
      const definition = cuedBefore(text, cue.index, cue.index + cue[0].length);
      if (definition) found.push(definition);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** " or " after a word that holds a capital, before a word in small letters: "EPO or erythropoietin" (cuedBefore checks the rest). */
const SHORT_OR_CUE = /(?<=\p{Lu}[\p{L}\p{N}]*)[ \u00A0]+or[ \u00A0]+(?=\p{Ll})/gu;
/** SHORT_OR_CUE, tested once (no global state). */
const SHORT_OR_CUE_TEST = /\p{Lu}[\p{L}\p{N}]*[ \u00A0]+or[ \u00A0]+\p{Ll}/u;

/** Longest long form read after a cue: "HPV, or human papillomavirus, causes …". */
const MAX_CUED_LONG = 120;

/** The short form before the cue, the long form after it, up to the end of the clause. */
function cuedBefore(text: string, cueStart: number, longStart: number): AbbreviationDefinition | undefined {
  let shortStart = cueStart;
  while (shortStart > 0 && !isSpace(text[shortStart - 1])) shortStart--;
  while (shortStart < cueStart && /["'“‘(\[]/.test(text[shortStart]!)) shortStart++;
  const shortText = text.slice(shortStart, cueStart);
  if (!isCuedShortForm(shortText) || !looksAbbreviated(shortText)) return undefined;
  let end = longStart;
  const limit = Math.min(text.length, longStart + MAX_CUED_LONG);
  while (end < limit && !/[,;:()[\]\n]/.test(text[end]!) && !(text[end] === '.' && (end + 1 === text.length || isSpace(text[end + 1])))) end++;
  if (end === limit && limit < text.length) return undefined;
  const window = trim(text, longStart, end);
  if (window.end - window.start <= shortText.length) return undefined;
  const long = matchLongForm(text, shortFormReadings(shortText), window, true, false, true);
  const short = { start: shortStart, end: cueStart };
  return long && plausible(text, short, long) ? make(text, short, long, shortStart, long.end) : undefined;
}

function definitionAt(text: string, open: number, close: number, brackets: BracketPairs): AbbreviationDefinition | undefined {
  if (isNotation(text, open, close)) return undefined;
  const segments = splitSegments(text, open + 1, close, brackets);
  const part = segments[0];
  if (!part) return undefined;
  const inner = text.slice(part.start, part.end);
  if (NOT_A_DEFINITION.test(inner)) return undefined;
  const found = (short: Span, long: Span | undefined, start: number) => (long && plausible(text, short, long) ? make(text, short, long, start, close + 1) : undefined);
  // Long form before the brackets, short form inside: "tumor mutational burden (TMB)".
  // A single letter followed by more like it is an enumeration: "alleles (A, B, C)", not
  // "excitatory (E, n = 20)".
  const enumeration = inner.length === 1 && segments.length > 1 && segments.slice(1).every((g) => /^(?:and\s+|or\s+)?[\p{L}\p{N}]{1,3}$/u.test(text.slice(g.start, g.end)));
  if (isShortFormCandidate(inner) && !enumeration && !isListLabel(text, open, close, inner)) {
    const readings = shortFormReadings(inner);
    const window = leftWindow(text, open, readings[0]!.units, brackets);
    const definition = window && found(part, matchLongForm(text, readings, window, false), window.start);
    if (definition) return { ...definition, start: definition.longStart };
  }
  // Both inside: "(arylhydrocarbon receptor nuclear translocator, ARNT)".
  const last = segments.at(-1)!;
  if (segments.length > 1 && isShortFormCandidate(text.slice(last.start, last.end))) {
    const definition = found(last, matchLongForm(text, shortFormReadings(text.slice(last.start, last.end)), part, true), part.start);
    if (definition) return { ...definition, start: open };
  }
  // Both inside, short form first: "(ELISA, enzyme-linked immunosorbent assay)". A newer pattern
  // than the others, so the long form must be words, not code ("(Content-Length, s.length())").
  const second = segments[1];
  const secondText = second && text.slice(second.start, second.end);
  if (second && secondText && /\s/.test(secondText) && !/[()]/.test(secondText) && isShortFormCandidate(inner) && looksAbbreviated(inner)) {
    const definition = found(part, matchLongForm(text, shortFormReadings(inner), second, true), open);
    if (definition) return definition;
  }
  // Short form before the brackets, long form inside: "PD-L1 (programmed death-ligand 1)".
  const short = wordBefore(text, open);
  const shortText = short && text.slice(short.start, short.end);
  // A lower-case word is a short form only if it is made of the initials of the bracketed words:
  // "rh (recombinant human)", "dppe (1,2-bis(diphenylphosphino)ethane)"; not "rats (Rattus …)".
  const initialsOnly = shortText !== undefined && !looksAbbreviated(shortText);
  if (short && shortText && isShortFormCandidate(shortText) && (!initialsOnly || isLowerCaseShortForm(shortText))) {
    const readings = shortFormReadings(shortText);
    const whole = segments.length > 1 ? { start: part.start, end: last.end } : undefined;
    for (const long of whole ? [part, whole] : [part]) {
      if (long.end - long.start <= shortText.length) continue;
      // (Initials start with the first letter of the brackets, or after a chemical locant, "1,2-":
      // a cheap test before aligning.)
      if (initialsOnly && text[long.start]!.toLowerCase() !== shortText[0] && !LOCANT.test(text.slice(long.start, long.start + 12))) continue;
      const definition = found(short, matchLongForm(text, readings, long, true, initialsOnly), short.start);
      if (definition) return definition;
    }
  }
  return undefined;
}

/**
 * Brackets inside a word are notation, not definitions: "[3H]prazosin", "CFTR(inh)-172",
 * subscripts such as "J(eff)" or "T(a)", and Markdown link targets.
 */
function isNotation(text: string, open: number, close: number): boolean {
  // A Markdown link target: "[text](url)".
  if (text[open] === '(' && text[open - 1] === ']') return true;
  const after = text[close + 1];
  if (isAlnum(after)) return true;
  if (!isAlnum(text[open - 1])) return false;
  if (after === '-' && isDigit(text[close + 2])) return true;
  let s = open;
  while (s > 0 && isAlnum(text[s - 1])) s--;
  if (open - s > 2) return false;
  // A short form with capitals after a hyphenated word is a definition missing its space:
  // "programmed death-1(PD-1)"; a subscript is not ("E(2)", "V(T)", "SUV(max)").
  const inner = text.slice(open + 1, close);
  return !(text[s - 1] === '-' && /^[\p{Lu}\d][\p{L}\d-]+$/u.test(inner) && (inner.match(/\p{Lu}/gu)?.length ?? 0) >= 2);
}

/** "(A)", "(b)" in a list: "carotid artery (A), thrombosis … (B)", or "Copyright (C)". Single letters only. */
function isListLabel(text: string, open: number, close: number, inner: string): boolean {
  if (inner.length !== 1) return false;
  if (!isSpace(text[open - 1])) return true;
  // "Copyright (C) 2015" is a symbol.
  if (/copyright\s*$/i.test(text.slice(Math.max(0, open - 12), open))) return true;
  const code = inner.charCodeAt(0);
  const next = `(${String.fromCharCode(code + 1)})`;
  const previous = `(${String.fromCharCode(code - 1)})`;
  return text.slice(close, close + 500).includes(next) || text.slice(Math.max(0, open - 500), open).includes(previous);
}

/** A long form that repeats the short form is a description, not its expansion ("SD (SD sequence)"). */
function plausible(text: string, short: Span, long: Span): boolean {
  return plausibleTexts(text.slice(short.start, short.end), text.slice(long.start, long.end));
}

function plausibleTexts(shortText: string, longText: string): boolean {
  // Whole words glued together are a name in code, not an abbreviation: "(ClaimTask)".
  if (/^\p{Lu}\p{Ll}{3,}\p{Lu}\p{Ll}{3,}/u.test(shortText)) return false;
  const head = /^[\p{L}\p{N}]+/u.exec(shortText)?.[0];
  const firstWord = longText.split(/\s+/)[0]!.replace(/[^\p{L}\p{N}]+$/u, '');
  // A long form that is itself one abbreviation ("ATM (A-T)") is a synonym, not an expansion.
  if (/^[\p{Lu}-]+$/u.test(longText)) return false;
  if (head && head.length > 1 && firstWord === head && !isGreekLetterName(head)) return false;
  const bare = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (bare(longText) === bare(shortText)) return false;
  // The long form starts with the short form's own word: "FFF (FFF-258)", "Heartbeat (heartbeats …)".
  const letters = (t: string) => t.toLowerCase().replace(/[^\p{L}]+/gu, '');
  const shortLetters = letters(shortText);
  const firstLetters = letters(longText.split(/\s+/)[0]!);
  if (shortLetters.length > 1 && [shortLetters, `${shortLetters}s`, `${shortLetters}es`].includes(firstLetters)) return false;
  // …or contains it whole, other than as a truncation ("Smo (Smoothened)" is fine,
  // "mTNF-alpha-K90R (sp-PEG-mTNF-alpha-K90R)" is not).
  if (shortText.length >= 3 && longText.indexOf(shortText) > 0) return false;
  return !longText.split(/\s+/).includes(shortText);
}

function make(text: string, short: Span, long: Span, start: number, end: number): AbbreviationDefinition {
  return {
    short: text.slice(short.start, short.end),
    long: text.slice(long.start, long.end),
    start,
    end,
    shortStart: short.start,
    shortEnd: short.end,
    longStart: long.start,
    longEnd: long.end,
  };
}

/**
 * The bracketed text cut at top-level ";" and ", " ("(TMB; 10 mut/Mb)" → "TMB", "10 mut/Mb"),
 * each segment trimmed, with a leading cue ("also called", "or", "hereafter") and quotes removed.
 */
function splitSegments(text: string, start: number, end: number, brackets: BracketPairs): Span[] {
  const segments: Span[] = [];
  // A cue may end in a comma of its own: "(hereafter, TMB)".
  const lead = trim(text, start, end);
  const cue = CUE.exec(text.slice(lead.start, Math.min(end, lead.start + 40)));
  let from = cue ? lead.start + cue[0].length : start;
  for (let i = start; i <= end; i++) {
    const ch = text[i];
    if (i < end && (ch === '(' || ch === '[')) {
      const close = brackets.closeOf.get(i);
      if (close !== undefined && close < end) i = close;
      continue;
    }
    if (i === end || ((ch === ';' || (ch === ',' && isSpace(text[i + 1]))) && i > from)) {
      const segment = cleanSegment(text, from, i);
      if (segment) segments.push(segment);
      else if (segments.length === 0) return [];
      from = i + 1;
    }
  }
  return segments;
}

function cleanSegment(text: string, start: number, end: number): Span | undefined {
  let span = trim(text, start, end);
  const cue = CUE.exec(text.slice(span.start, span.end));
  if (cue) span = trim(text, span.start + cue[0].length, span.end);
  const raw = text.slice(span.start, span.end);
  const unquoted = raw.replace(QUOTES, '');
  if (unquoted !== raw && unquoted.length > 0) {
    const lead = raw.indexOf(unquoted);
    span = { start: span.start + lead, end: span.start + lead + unquoted.length };
  }
  return span.end > span.start ? span : undefined;
}


/**
 * Could this be a short form? Short, few words, starts with a letter or digit (or is a bracketed
 * concentration, "[Ca2+]i", or a rate with an overdot, ".V(E)"), has a letter.
 */
function isShortFormCandidate(s: string): boolean {
  if (s.length === 0 || s.length > MAX_SHORT_LENGTH) return false;
  const start = isAlnum(s[0]) || (s[0] === '.' && isUpper(s[1])) || isConcentration(s);
  if (!start || !/\p{L}/u.test(s) || /[=<>≤≥±%]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 3) return false;
  if (words.length > 1 && !words.some((w) => /[\p{Lu}\p{N}]/u.test(w))) return false;
  if (STOPWORDS.has(s) || NON_FINAL_ABBREVIATIONS.has(s.replace(/\.$/, ''))) return false;
  // A plain lower-case word in brackets is a gloss or an aside ("(range)"), not a short form.
  if (/^\p{Ll}{5,}$/u.test(s)) return false;
  return true;
}

/** A word before brackets is a short form only when it looks like one: "PD-L1", "mAb", "CAR-T". */
function looksAbbreviated(s: string): boolean {
  const letters = [...s].filter((c) => /\p{L}/u.test(c));
  const capitals = letters.filter(isUpper).length;
  return capitals >= 2 || (capitals >= 1 && !isUpper(s[0])) || (capitals >= 1 && /\d/.test(s));
}

/** The numbers that start a chemical name: "1,2-bis…", "4'-…". */
const LOCANT = /^\d+'?(?:,\d+'?)*-/;

/** A lower-case word of two to four letters ("rh", "dppe"), which may be initials (see definitionAt). */
function isLowerCaseShortForm(s: string): boolean {
  return /^\p{Ll}{2,4}$/u.test(s);
}

/** Highest acceptable alignment cost for a short form of n letters and digits. */
function maxCost(units: number): number {
  if (units === 1) return 0;
  if (units === 2) return 1;
  return 0.5 * units;
}

/**
 * The long form in the window for the cheapest reading of the short form (usually the only one:
 * its letters in order). With initialsOnly, every letter must start a word or a combining form.
 * With openEnd, the window's end is not a boundary (no bracket closes it): the long form ends
 * with the word of its last letter ("HPV, or human papillomavirus infection" → "human papillomavirus").
 */
function matchLongForm(text: string, readings: Reading[], window: Span, anchored: boolean, initialsOnly = false, openEnd = false): Span | undefined {
  let best: { span: Span; cost: number } | undefined;
  let lower: string | undefined;
  for (const reading of readings) {
    if (reading.prefixAt !== undefined) {
      // (Most windows have no "tri" or "di": skip those readings without aligning.)
      lower ??= text.slice(window.start, window.end).toLowerCase();
      if (!reading.units[reading.prefixAt]!.alts.some((alt) => lower!.includes(alt))) continue;
    }
    const match = matchReading(text, reading, openEnd ? cutAtLastLetter(text, reading, window, anchored) : window, anchored, initialsOnly);
    // Ties go to the earlier reading: the short form as written.
    if (match && (!best || match.cost < best.cost)) best = match;
  }
  return best?.span;
}

/** The window cut after the word where the cheapest alignment places its last letter. */
function cutAtLastLetter(text: string, reading: Reading, window: Span, anchored: boolean): Span {
  const alignment = alignLongForm(reading.units, text.slice(window.start, window.end), { anchored });
  const last = alignment?.positions.filter((p) => p >= 0).at(-1);
  if (last === undefined) return window;
  let end = window.start + last;
  while (end < window.end && !isSpace(text[end])) end++;
  return { start: window.start, end };
}

function matchReading(text: string, reading: Reading, window: Span, anchored: boolean, initialsOnly: boolean): { span: Span; cost: number } | undefined {
  const units = reading.units;
  const windowText = text.slice(window.start, window.end);
  const alignment = alignLongForm(units, windowText, { anchored });
  // (The epsilon absorbs floating-point sums such as 0.1 + 0.4 + 0.6 + … .)
  if (!alignment || alignment.cost > maxCost(units.length) + 1e-9) return undefined;
  if (initialsOnly && !alignment.initials) return undefined;
  if (reading.prefixAt !== undefined) {
    // A count moved to the front must prefix the same word: "tri|iodo|thyronine", not "di… in the hip".
    const from = alignment.positions[reading.prefixAt]!;
    const to = alignment.positions[reading.prefixAt + 1]!;
    if (from < 0 || to < 0 || /\s/.test(windowText.slice(from, to))) return undefined;
  }
  // An optional last unit left unmatched may still need its word: "chemotherapy (CTX)".
  const needs = units.at(-1)!.unmatchedNeeds;
  if (alignment.positions.at(-1) === -1 && needs && !needs.test(windowText.slice(alignment.start))) return undefined;
  let start = window.start + alignment.start;
  let end = window.end;
  // Quotes or Markdown emphasis around the long form, a slash or a comma next to it, are not part of it.
  while (start < end && /["'“‘/,;:.*_]/.test(text[start]!)) start++;
  while (end > start && /["'”’,;:*_]/.test(text[end - 1]!)) end--;
  if (units.length === 1 && /\s/.test(text.slice(start, end))) return undefined;
  if (end - start <= units.length) return undefined;
  return { span: { start, end }, cost: alignment.cost };
}
