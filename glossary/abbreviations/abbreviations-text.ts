/**
 * Character classes, word lists and bracket pairing for abbreviation extraction
 * (glossary/abbreviations/abbreviations.ts). Pure functions over UTF-16 strings, no DOM.
 */

/** Greek letters as written in biomedical text: the symbol, or its name spelled out. */
const GREEK_NAMES: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho',
  σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};

const GREEK_LETTER_NAMES = new Set(Object.values(GREEK_NAMES));

/** Is this word the name of a Greek letter ("alpha", "Kappa")? */
export function isGreekLetterName(word: string): boolean {
  return GREEK_LETTER_NAMES.has(word.toLowerCase());
}

/** The spelled-out name of a Greek letter (either case), e.g. "κ" → "kappa". */
export function greekName(ch: string): string | undefined {
  return GREEK_NAMES[ch.toLowerCase()];
}

/**
 * The Latin letter a Greek letter stands for in a short form: the first letter of its name.
 * "α-fetoprotein" (AFP), "γ-glutamyl transferase" (GGT), "β2-microglobulin" (B2M).
 */
export function greekInitial(ch: string): string | undefined {
  return greekName(ch)?.[0];
}

/** Letters and digits of any script (Latin, Greek, accented…); not punctuation or marks. */
export function isAlnum(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(ch);
}

/** One UTF-16 unit, lower-cased without changing the string's length ("İ" stays itself). */
export function lowerUnit(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** Function words: skipping them in a long form costs little ("quality of life" → QOL). */
export const STOPWORDS = new Set(
  'a an the of and or in on at to for with by from as into via per its their his her is are was were de du des la le et und der di'.split(' '),
);

/**
 * Words ending in "." that do not end a sentence ("O. novo-ulmi", "et al.", "vs."). Single letters
 * (initials, genus names) are handled by the caller.
 */
export const NON_FINAL_ABBREVIATIONS = new Set(
  'al approx ca cf dr e.g eg etc fig figs i.e ie inc jr mr mrs ms no nos prof sp spp st vol vs'.split(' '),
);

export interface BracketPairs {
  /** Closing position for each opening bracket that has one. */
  closeOf: Map<number, number>;
  /** Opening position for each closing bracket that has one. */
  openOf: Map<number, number>;
}

/**
 * Pairs round and square brackets in one pass (O(n)). A closer that does not match the innermost
 * opener closes the nearest matching opener within three levels (the ones in between stay
 * unpaired); a paragraph break ("\n\n") or a span over maxSpan abandons open brackets, so one
 * unclosed "(" cannot swallow a page.
 */
export function pairBrackets(text: string, maxSpan = 1000): BracketPairs {
  const closeOf = new Map<number, number>();
  const openOf = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    // Only brackets and paragraph breaks matter: ( ) [ ] \n are 40 41 91 93 10.
    const code = text.charCodeAt(i);
    if (code !== 40 && code !== 41 && code !== 91 && code !== 93 && code !== 10) continue;
    if (code === 40 || code === 91) {
      if (stack.length >= 64) stack.shift();
      stack.push(i);
    } else if (code === 10) {
      if (text.charCodeAt(i + 1) === 10) stack.length = 0;
    } else {
      const opener = code === 41 ? 40 : 91;
      for (let depth = stack.length - 1; depth >= 0 && depth >= stack.length - 3; depth--) {
        const open = stack[depth]!;
        if (text.charCodeAt(open) === opener) {
          if (i - open <= maxSpan) {
            closeOf.set(open, i);
            openOf.set(i, open);
          }
          stack.length = depth;
          break;
        }
      }
    }
  }
  return { closeOf, openOf };
}

/**
 * Combining forms that start a part of a compound word, so a short-form letter may come from
 * inside it: "trinitrobenzene" (TNB), "electroencephalogram" (EEG), "isoxazolepropionic" (…P…).
 * A small stand-in for Ab3P's MEDLINE word list (its SBW rule).
 */
const MORPHEMES = (
  'acetyl acid adeno adren alanine amide amine amino amyl androgen angio aniline anti arterio ' +
  'benz blast bromo butyl butyr carb carboxy cardio cardi cellular cephal chloro chol chrom ' +
  'cortico cortic cyan cyclic cyclo cyte cyto dehydro derm diol dione encephal endo entero ' +
  'ester estr ethyl fibro fluor gastro glucose gluco glutam glyc gram graph hepat hexyl ' +
  'hormone hydro hydroxy imid immuno indole iodo kinase lipid lipo lymph malon metabol meth ' +
  'micro mono morph muscul myel myo nephr nerv neuro nitro nucle oestr oxy oxide oxid pathy ' +
  'peptide phen phosph plasm plasty poly porphyr propion propyl protein purine pyr radio ' +
  'receptor retin scope scopy sterol sulf sulph synth tetra therap thio thyro thyron tomo ' +
  'toluene toxin trans tri vaso vascul'
).split(' ');
const MORPHEMES_BY_PREFIX = new Map<string, string[]>();
for (const m of MORPHEMES) {
  const key = m.slice(0, 2);
  MORPHEMES_BY_PREFIX.set(key, [...(MORPHEMES_BY_PREFIX.get(key) ?? []), m]);
}

/** Does a combining form start at pos of this (lower-case) text? */
export function morphemeAt(lower: string, pos: number): boolean {
  const list = MORPHEMES_BY_PREFIX.get(lower.slice(pos, pos + 2));
  return list !== undefined && list.some((m) => lower.startsWith(m, pos));
}
