/**
 * A short form as the letters and digits to find in its long form (glossary/abbreviations.ts):
 * "TNF-α" → t, n, f, α (or "alpha"); "TILs" → t, i, l and an optional plural s.
 */
import { greekName, isAlnum, isUpper, lowerUnit } from './abbreviations-text';

/** One letter or digit of a short form, with the spellings it may have in the long form. */
export interface Unit {
  /** Lower-case alternatives: one character, or a word such as "alpha" that must start a word. */
  alts: string[];
  /** Cost of leaving this unit unmatched (only trailing units): plural "s", "x" for therapy. */
  optionalCost?: number;
  /** A plural "s": free when it matches the very last letter of the long form. */
  plural?: boolean;
}

const NUMBER_WORDS: Record<string, string[]> = {
  '1': ['one', 'mono', 'first', 'single'],
  '2': ['two', 'di', 'bi', 'second', 'double'],
  '3': ['three', 'tri', 'third'],
  '4': ['four', 'tetra', 'fourth'],
  '5': ['five', 'penta'],
  '6': ['six', 'hexa'],
};

/** Splits a short form into the units to find in the long form; punctuation is ignored. */
export function shortFormUnits(short: string): Unit[] {
  const units: Unit[] = [];
  const chars = [...short];
  for (const [i, ch] of chars.entries()) {
    // A trailing sign stands for a word: "M+" ← M protein-positive, "ER-" ← estrogen receptor-negative.
    if ((ch === '+' || ch === '-') && i === chars.length - 1 && units.length > 0) {
      units.push({ alts: ch === '+' ? ['positive', 'plus'] : ['negative', 'minus'] });
      continue;
    }
    if (!isAlnum(ch)) continue;
    const lower = lowerUnit(ch);
    const alts = [lower];
    const greek = greekName(ch);
    if (greek) alts.push(greek);
    if (NUMBER_WORDS[ch]) alts.push(...NUMBER_WORDS[ch]!);
    units.push({ alts });
  }
  const last = units.at(-1);
  const hasCapital = [...short].some(isUpper);
  if (last && units.length >= 3 && short.endsWith('s') && hasCapital) {
    last.plural = true;
    last.optionalCost = 0.3;
  } else if (last && units.length >= 3 && /[A-Za-z]x$/i.test(short) && last.alts[0] === 'x') {
    // Clinical shorthand: "x" for therapy or treatment (CTX, RTX, Tx); see matchLongForm.
    last.optionalCost = 0.7;
  }
  return units;
}

