/**
 * A short form as the letters and digits to find in its long form (glossary/abbreviations/abbreviations.ts):
 * "TNF-α" → t, n, f, α (or "alpha"); "TILs" → t, i, l and an optional plural s.
 * Some short forms can be read in more than one order (see shortFormReadings).
 */
import { greekName, isAlnum, isUpper, lowerUnit } from './abbreviations-text';

/** One letter or digit of a short form, with the spellings it may have in the long form. */
export interface Unit {
  /** Lower-case alternatives: one character, or a word such as "alpha" that must start a word. */
  alts: string[];
  /** Alternatives that must be a whole sub-word, not just start one: Roman numerals ("type II"). */
  wholeAlts?: string[];
  /** Cost of leaving this unit unmatched (only trailing units): plural "s", "x" for therapy. */
  optionalCost?: number;
  /** Left unmatched, the unit still needs this in the long form ("x" stands for therapy: CTX). */
  unmatchedNeeds?: RegExp;
  /** A plural "s": free when it matches the very last letter of the long form. */
  plural?: boolean;
}

/** One way to read a short form: its units in the order they should appear in the long form. */
export interface Reading {
  units: Unit[];
  /**
   * Index of a count moved to the front of a compound ("triiodothyronine" ← T3): its prefix must
   * be in the same word as the next unit's letter.
   */
  prefixAt?: number;
}

const NUMBER_WORDS: Record<string, string[]> = {
  '1': ['one', 'mono', 'first', 'single'],
  // "to" and "for" said as numbers: "peer-to-peer (P2P)", "Boot to Gecko (B2G)".
  '2': ['two', 'di', 'bi', 'second', 'double', 'to'],
  '3': ['three', 'tri', 'third'],
  '4': ['four', 'tetra', 'fourth', 'for'],
  '5': ['five', 'penta'],
  '6': ['six', 'hexa'],
};

/** "type II diabetes" ← T2D. ("I" and "V" alone are too often letters to count as numbers.) */
const ROMAN: Record<string, string> = { '2': 'ii', '3': 'iii', '4': 'iv' };

/** The count of "T3" is read before at most this many letters ("IP3" ← inositol trisphosphate). */
const MAX_MOVED_PREFIX_AT = 3;

/** Multiplying prefixes of chemical and clinical compounds ("tri-iodo-thyronine", "di-nitro-phenol"). */
const MULTIPLIERS: Record<string, string[]> = { '1': ['mono'], '2': ['di', 'bi'], '3': ['tri'], '4': ['tetra'], '5': ['penta'], '6': ['hexa'] };

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
    units.push(ROMAN[ch] ? { alts, wholeAlts: [ROMAN[ch]!] } : { alts });
  }
  const last = units.at(-1);
  const hasCapital = [...short].some(isUpper);
  if (last && units.length >= 3 && short.endsWith('s') && hasCapital) {
    last.plural = true;
    last.optionalCost = 0.3;
  } else if (last && units.length >= 3 && /[A-Za-z]x$/i.test(short) && last.alts[0] === 'x') {
    // Clinical shorthand: "x" for therapy or treatment (CTX, RTX, Tx), when the long form says so.
    last.optionalCost = 0.7;
    last.unmatchedNeeds = /therap|treat|transplant/i;
  } else if (last && units.length >= 3 && /\p{L}-\d$/u.test(short)) {
    // A number after a hyphen may be left out of a long form that names the family
    // ("human telomerase-associated protein (hTEP-1)"); written out, it still aligns for free.
    last.optionalCost = 0.5;
  } else if (units.length >= 3 && /\p{L}O2$/u.test(short)) {
    // A formula is named, not spelled: "partial pressure of arterial oxygen" ← PaO2.
    units.splice(-2, 2, { alts: ['oxygen', 'o2'] });
  }
  return units;
}

/**
 * A subscript written in brackets, as MEDLINE writes V_T or T_a in plain text: "V(T)", "T(a)",
 * "SUV(max)", ".V(E)" (the dot is an overdot: a rate). A subscript with a letter qualifies the
 * symbol, and English puts the qualifier first: "tidal volume" ← V(T), "ambient temperature" ← T(a).
 */
const BRACKET_SUBSCRIPT = /^\.?([A-Za-z]{1,5})\(([A-Za-z][A-Za-z0-9]{0,4})\)$/;
/** The same with a spelled-out subscript after a capital: "Cmax", "SUVmax", "Tmin". */
const WORD_SUBSCRIPT = /^(\p{Lu}[\p{Lu}\d]{0,4})(max|min|mean)$/u;
/**
 * A physical quantity with a lower-case subscript, as physiology writes them: "Isc" ← short-circuit
 * current, "Rt" ← transepithelial resistance, "Em" ← membrane potential, "ICl" ← chloride current
 * (an element as the subscript). Its words are said in
 * the other order, and the symbol may be the quantity's conventional letter rather than its initial.
 */
const QUANTITY_SUBSCRIPT = /^([A-Z])([A-Z]?[a-z]{1,3})$/;
/** A lower-case qualifier before capitals: "dMMR" (deficient), "pMMR" (proficient), "hTERT" (human). */
const LOWER_QUALIFIER = /^([a-z])([A-Z]{2,5})$/;
/** Conventional symbols whose letter is not the quantity's initial. */
const QUANTITY_NAMES: Record<string, string[]> = {
  I: ['current'],
  G: ['conductance'],
  E: ['potential'],
  K: ['constant'],
  Q: ['flow'],
};
/** A percentage subscript, said first: "50% inhibitory concentration" ← IC50 or IC(50). */
const PERCENT_SUBSCRIPT = /^(\p{Lu}{2,3})\(?(\d{2})\)?$/u;
/**
 * A concentration in square brackets, with an optional subscript for where: "[Ca2+]i" ←
 * intracellular Ca2+ concentration, "[K+](o)", "[CK]" ← creatine kinase concentration. The
 * charge ("2+") is left out of the letters to find: "intracellular calcium concentration".
 */
const CONCENTRATION = /^\[([A-Za-z][A-Za-z0-9]{0,7}?)(?:\(?\d*[+-]+\)?)?\](?:\(([a-z]{1,3})\)|([a-z]{1,3}))?$/;

/** Is this written like a concentration, "[Ca2+]i"? (It starts with a bracket, unlike other short forms.) */
export function isConcentration(short: string): boolean {
  return CONCENTRATION.test(short);
}

/**
 * The orders in which a short form's units may appear in its long form: as written, and for
 * some notations another order ("[Ca2+]i" is read i, c, a, concentration). The caller keeps the
 * cheapest alignment.
 */
export function shortFormReadings(short: string): Reading[] {
  const concentration = CONCENTRATION.exec(short);
  if (concentration) {
    const where = concentration[2] ?? concentration[3] ?? '';
    // "intracellular calcium ([Ca2+]i)" leaves the word out; the brackets still say it.
    const amount: Unit = { alts: ['concentration', 'level'], optionalCost: 0.3 };
    return [{ units: [...shortFormUnits(where), ...shortFormUnits(concentration[1]!), amount] }];
  }
  const units = shortFormUnits(short);
  const readings: Reading[] = [{ units }];
  const subscript = BRACKET_SUBSCRIPT.exec(short) ?? WORD_SUBSCRIPT.exec(short) ?? PERCENT_SUBSCRIPT.exec(short);
  if (subscript && [...subscript[1]!].some(isUpper)) {
    readings.push({ units: [...shortFormUnits(subscript[2]!), ...shortFormUnits(subscript[1]!)] });
  }
  // A lower-case qualifier may also be said last: "mismatch repair deficient (dMMR)".
  const qualifier = LOWER_QUALIFIER.exec(short);
  if (qualifier) readings.push({ units: [...shortFormUnits(qualifier[2]!), ...shortFormUnits(qualifier[1]!)] });
  const quantity = QUANTITY_SUBSCRIPT.exec(short);
  if (quantity) {
    const symbol = quantity[1]!;
    readings.push({ units: [...shortFormUnits(quantity[2]!), { alts: [symbol.toLowerCase(), ...(QUANTITY_NAMES[symbol] ?? [])] }] });
  }
  // (At most MAX_MOVED_PREFIX_AT + 1 extra readings: each costs an alignment.)
  const last = [...short].at(-1)!;
  if (MULTIPLIERS[last] && units.length >= 2 && units.length <= MAX_MOVED_PREFIX_AT + 2 && isAlnum(short[short.length - 2]) && !/\d/.test(short.slice(0, -1))) {
    const rest = shortFormUnits(short.slice(0, -1));
    for (let at = 0; at < rest.length; at++) {
      readings.push({ units: [...rest.slice(0, at), { alts: MULTIPLIERS[last]! }, ...rest.slice(at)], prefixAt: at });
    }
  }
  return readings;
}
