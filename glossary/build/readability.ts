/**
 * Flesch–Kincaid grade level, used to keep glossary definitions plain. Pure, no DOM.
 *
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *
 * Words are runs of letters and digits, with apostrophes allowed inside a word
 * ("don't", "body’s"). Sentences end at ".", "!" or "?" (a run such as "?!" or "..."
 * ends one sentence); text with no final punctuation still counts as one sentence.
 * Syllables come from the `syllable` package; every word counts at least one syllable
 * (the package gives 0 for digits such as "4").
 */
import { syllable } from 'syllable';

/** A word: letters/digits, optionally joined by an apostrophe (straight or curly). */
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/**
 * A sentence end: one or more of . ! ? followed by white space or the end of the text
 * (optionally after closing quotes/brackets), so a decimal point ("2.5") is not an end.
 * Abbreviations such as "e.g." are not special-cased: avoid them in definitions.
 */
const SENTENCE_END_RE = /[.!?]+(?=["'”’)\]]*(?:\s|$))/gu;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

export function countWords(text: string): number {
  return words(text).length;
}

/** Number of sentences that contain at least one word; 0 for text with no words. */
export function countSentences(text: string): number {
  let count = 0;
  let from = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(text); m !== null; m = SENTENCE_END_RE.exec(text)) {
    if (countWords(text.slice(from, m.index)) > 0) count++;
    from = m.index + m[0].length;
  }
  // Trailing words without final punctuation form one more sentence.
  if (countWords(text.slice(from)) > 0) count++;
  return count;
}

export function countSyllables(text: string): number {
  let total = 0;
  for (const w of words(text)) total += Math.max(1, syllable(w));
  return total;
}

/** Flesch–Kincaid grade level of `text` (0 for text without words). */
export function fleschKincaidGrade(text: string): number {
  const w = countWords(text);
  if (w === 0) return 0;
  const s = Math.max(1, countSentences(text));
  return 0.39 * (w / s) + 11.8 * (countSyllables(text) / w) - 15.59;
}
