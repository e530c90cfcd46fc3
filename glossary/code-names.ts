/**
 * Code-like names: genes, proteins, markers and drug codes ("CD19", "PD-L1", "HER2", "MK-3475").
 * Pages write them with the hyphen in other places than our aliases do: "CD-19", "PDL-1",
 * "HER-2". Gluing what an alias splits ("PDL1", "IL2") the matcher already does for every alias
 * (matcher.ts, joinVariants); this file says where else a code may be split. Pure, no DOM.
 *
 * Only between a letter and a digit, inside a token of capitals and digits: "CD|19", "PDL|1",
 * "B7|H3". Never inside a run of letters or of digits ("C-D19", "CD1-9"): there the alias's own
 * hyphens and spaces are the only places. And only with a hyphen or dash, never a bare space:
 * a space after capitals is how counters, sizes and addresses are written ("CD 4 of 5", "6 FT 4",
 * "stage IB 2 cm", "AK 104"), where a hyphen inside a name is not.
 */

/** Capitals and digits only, with at least one of each: "CD19", "L1", "A317", "1A"; not "p53", "Ki67", "IV", "3475". */
const CODE_TOKEN_RE = /^(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*[0-9])[A-Z0-9]+$/;

export function isCodeToken(raw: string): boolean {
  return CODE_TOKEN_RE.test(raw);
}

/**
 * Most places a code may be split in one run of words: a code of many letter–digit changes
 * ("MSB0010718C") would otherwise add dozens of spellings no page writes.
 */
export const MAX_CODE_CUTS = 3;
/** The most pieces one code token can be written in (the start filter glues that many back). */
export const MAX_CODE_PIECES = MAX_CODE_CUTS + 1;

const isDigit = (c: string) => c >= '0' && c <= '9';

/** Where a code token may be split: every place a letter meets a digit ("CD19" → [2], "B7H3" → [1, 2, 3]); [] for other tokens. */
export function codeCuts(raw: string): number[] {
  if (!isCodeToken(raw)) return [];
  const cuts: number[] = [];
  for (let i = 1; i < raw.length; i++) if (isDigit(raw[i - 1]!) !== isDigit(raw[i]!)) cuts.push(i);
  return cuts;
}

/**
 * An edge's case form starts with this when the page must write a hyphen or dash before the piece:
 * "-19" is "19" written after a dash ("CD-19"), at a place where the alias writes nothing.
 * Tokens never hold a hyphen, so the mark cannot be mistaken for a spelling.
 */
export const AFTER_DASH = '-';
