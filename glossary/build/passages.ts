/**
 * Picks the article sentences quoted for each glossary entry. Pure, no DOM, no I/O.
 *
 * The source article is plain text: paragraphs separated by blank lines, headings as
 * short one-line paragraphs without final punctuation. After the article ends (its
 * "Final Note" paragraph) the saved page carries site chrome – a hospital advert,
 * "Leave a Reply", comment-form text – which must never be quoted. `articleBody` cuts
 * it off; every passage is then an exact substring of that body (and so of the file).
 */

/** Heading of the article's last section; the paragraph after it is the last article text. */
export const FINAL_NOTE_HEADING = 'Final Note';
/** Text known to belong to the page chrome after the article. Must never be in the body. */
export const CHROME_MARKERS = [
  'Best Cancer Treatment Hospital',
  'Leave a Reply',
  'Your email address will not be published',
  'You May Also Like',
] as const;

/** At most this many passages per entry. */
export const MAX_PASSAGES = 2;

export interface Sentence {
  /** Exactly `body.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

interface Paragraph {
  start: number;
  end: number;
  lines: number;
}

/** A line that has nothing but white space (incl. no-break spaces) counts as blank. */
const isBlank = (line: string) => /^\s*$/u.test(line);

/** Paragraphs: runs of non-blank lines. `end` excludes the final line break. */
function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let pos = 0;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const lineStart = pos;
    pos += rawLine.length + 1;
    if (isBlank(line)) {
      current = null;
      continue;
    }
    if (current === null) {
      current = { start: lineStart, end: lineStart + line.length, lines: 1 };
      out.push(current);
    } else {
      current.end = lineStart + line.length;
      current.lines++;
    }
  }
  return out;
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = `"'”’)\\]`;
const ENDS_WITH_PUNCTUATION = new RegExp(`[.!?:][${CLOSERS}]*\\s*$`, 'u');

/** Headings are short: a longer unpunctuated line is a paragraph whose full stop is missing. */
const MAX_HEADING_WORDS = 15;

/** A heading: a short one-line paragraph without any sentence punctuation at its end. */
function isHeading(text: string, p: Paragraph): boolean {
  if (p.lines !== 1) return false;
  const line = text.slice(p.start, p.end);
  if (ENDS_WITH_PUNCTUATION.test(line)) return false;
  const words = line.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length <= MAX_HEADING_WORDS && !/[.!?]\s/u.test(line);
}

/**
 * The article text, from the start of the file up to and including the paragraph that
 * follows the "Final Note" heading. Everything after it (advert, comment form) is dropped.
 * Throws when the heading or its paragraph is missing, or chrome would be left in.
 */
export function articleBody(fullText: string): string {
  const paras = paragraphs(fullText);
  const headingIndex = paras.findIndex(
    (p) => fullText.slice(p.start, p.end).trim() === FINAL_NOTE_HEADING,
  );
  if (headingIndex < 0) {
    throw new Error(
      `articleBody: no "${FINAL_NOTE_HEADING}" heading line found; cannot tell where the article ends and the site chrome begins`,
    );
  }
  const last = paras[headingIndex + 1];
  if (last === undefined || isHeading(fullText, last)) {
    throw new Error(`articleBody: no paragraph follows the "${FINAL_NOTE_HEADING}" heading`);
  }
  const body = fullText.slice(0, last.end);
  for (const marker of CHROME_MARKERS) {
    if (body.includes(marker)) {
      throw new Error(`articleBody: site chrome ("${marker}") found inside the article body`);
    }
  }
  return body;
}

/**
 * A sentence ends at . ! ? (plus any closing quotes/brackets) followed by white space
 * and then a capital letter, digit or opening quote/bracket – so "e.g. the" or "2.5"
 * do not split a sentence – or at the end of the paragraph.
 */
const BOUNDARY_RE = new RegExp(
  `[.!?]+[${CLOSERS}]*(?=\\s+["'“‘(\\[]?[\\p{Lu}\\p{N}]|\\s*$)`,
  'gu',
);

/** Abbreviations whose full stop does not end a sentence ("Dr. Smith", "e.g. The"). */
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'etc', 'e.g', 'i.e', 'fig', 'approx']);

function isAbbreviation(para: string, index: number, punct: string): boolean {
  if (punct !== '.') return false;
  const word = /([\p{L}.]+)$/u.exec(para.slice(Math.max(0, index - 12), index))?.[1] ?? '';
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Sentences of the body's paragraphs (headings skipped). Each is an exact substring. */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs(body)) {
    if (isHeading(body, p)) continue;
    const para = body.slice(p.start, p.end);
    let from = 0;
    const push = (end: number) => {
      const lead = para.slice(from, end).search(/\S/u);
      if (lead >= 0) {
        const start = p.start + from + lead;
        out.push({ text: body.slice(start, p.start + end), start, end: p.start + end });
      }
    };
    BOUNDARY_RE.lastIndex = 0;
    for (let m = BOUNDARY_RE.exec(para); m !== null; m = BOUNDARY_RE.exec(para)) {
      if (isAbbreviation(para, m.index, m[0])) continue;
      push(m.index + m[0].length);
      from = m.index + m[0].length;
    }
    // Text after the last boundary (a paragraph without final punctuation).
    const tail = para.slice(from).replace(/\s+$/u, '');
    if (tail.trim()) push(from + tail.length);
  }
  return out;
}

/** The sentences of the body that contain `hint` (throws unless exactly one does). */
function sentenceForHint(entryId: string, hint: string, body: string, sentences: Sentence[]): Sentence {
  if (hint.trim() === '') throw new Error(`Entry "${entryId}": empty passage hint`);
  const hits = sentences.filter((s) => s.text.includes(hint));
  if (hits.length === 0) {
    const where = body.includes(hint)
      ? 'only in a heading or across a sentence boundary'
      : 'not in the article body (before the Final Note chrome cut)';
    throw new Error(`Entry "${entryId}": passage hint "${hint}" is ${where}`);
  }
  if (hits.length > 1) {
    throw new Error(
      `Entry "${entryId}": passage hint "${hint}" is in ${hits.length} sentences; make it longer so it picks one`,
    );
  }
  return hits[0]!;
}

/**
 * The verbatim sentences of `articleBody` an entry's quote choice picks: the sentence containing
 * each hint, in hint order, duplicates merged. A hint that is missing or ambiguous throws an Error
 * naming the entry and the hint. No hints, no passages: the article is quoted only by choice.
 */
export function quotedPassages(entryId: string, hints: readonly string[], articleBody: string): string[] {
  if (hints.length > MAX_PASSAGES) {
    throw new Error(`Entry "${entryId}": at most ${MAX_PASSAGES} passage hints, got ${hints.length}`);
  }
  if (hints.length === 0) return [];
  const sentences = splitSentences(articleBody);
  const out: string[] = [];
  for (const hint of hints) {
    const s = sentenceForHint(entryId, hint, articleBody, sentences);
    if (!out.includes(s.text)) out.push(s.text);
  }
  return out;
}
