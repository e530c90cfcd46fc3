/**
 * Normalisation of words for matching. Pure string code, no DOM.
 *
 * Text is split into tokens (runs of letters and digits); each token is folded to a
 * key so that spelling variants meet: case, diacritics, soft hyphens, British and
 * American spellings, simple plurals. Hyphen vs space vs nothing is handled one level
 * up (the matcher joins tokens), because it is about how tokens combine.
 *
 * Normalisation is applied to both sides (glossary aliases and page text), so an
 * over-eager rule only matters if it folds an ordinary word onto a glossary word.
 */

/** Unicode hyphens and dashes (U+2010–2015), the minus sign (U+2212) and ASCII hyphen. */
export const DASH_CLASS = '\\-\\u2010-\\u2015\\u2212';
const DASH_RE = new RegExp(`[${DASH_CLASS}]`);
/** Soft hyphens (U+00AD) are invisible hints for line breaking, never word breaks. */
const SOFT_HYPHEN_RE = /\u00AD/g;

/**
 * A token: a run of letters, digits and soft hyphens, except Chinese, Japanese and Korean
 * characters. Those languages write no spaces between words, so an English term inside them
 * ("开始immunotherapy之前", "PD-L1的") would otherwise be one long token that matches nothing;
 * CJK characters separate tokens instead (no glossary term is written in them).
 * Built with the RegExp constructor: the v flag's set subtraction is ES2024 syntax.
 */
export const TOKEN_SOURCE = '[[\\p{L}\\p{N}\\u00AD]--[\\p{sc=Han}\\p{sc=Hira}\\p{sc=Kana}\\p{sc=Hang}]]+';
// Marked pure so a bundle that does not use it (the content script's first stage) does not build it.
export const TOKEN_RE = /* @__PURE__ */ new RegExp(TOKEN_SOURCE, 'gv');
/**
 * TOKEN_RE on text with no character above U+007F finds exactly these runs. Building TOKEN_RE
 * (its Unicode sets) costs 1–2 ms in V8, which the content script's first stage, run on every page and
 * frame, pays only for text that needs it (glossary/start-filter.ts).
 */
export const ASCII_TOKEN_RE = /[A-Za-z0-9]+/g;
/** Any character TOKEN_RE reads differently from ASCII_TOKEN_RE. */
export const NON_ASCII_RE = /[^\x00-\x7f]/;

const MARKS_RE = /\p{M}+/gu;

/**
 * Whole-word spelling variants the generic rules below do not reach. No prototype: a page's
 * "constructor" or "toString" must not find Object's own members here.
 */
const WORD_VARIANTS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  inhibiter: 'inhibitor',
  oestrogen: 'estrogen',
  oedema: 'edema',
  oesophagus: 'esophagus',
  oesophageal: 'esophageal',
  foetus: 'fetus',
  programme: 'program',
  ageing: 'aging',
  metastases: 'metastasis',
  diagnoses: 'diagnosis',
  analyses: 'analysis',
  prognoses: 'prognosis',
  criteria: 'criterion',
});

/** British spellings in -our whose American form ends in -or (tumour, behaviour, haemorrhage aside). */
const BRITISH_OUR_RE = /(?:tum|col|behavi|fav|hon|lab|flav|hum|od|rum|vap|vig|harb|neighb|sav|ard|arm|clam|endeav|glam|splend|parl)our$/;

/**
 * Endings whose final "s" is not a plural, which the suffix rules would otherwise drop.
 * "-ys" is a plural like any other ("kidneys", "X-rays", "assays", "copays"); so is "-ics"
 * ("antibiotics", "clinics", "biologics"), except in the names of fields below.
 */
const KEEP_FINAL_S = /(?:ss|us|is|ous|sis)$/;

/** Fields named in "-ics", whose s is not a plural: "genetics" is not many "genetic"s. */
const ICS_FIELDS = new Set(
  (
    'genetics genomics epigenetics cytogenetics pharmacogenetics pharmacogenomics proteomics metabolomics radiomics ' +
    'transcriptomics bioinformatics informatics statistics biostatistics ethics bioethics obstetrics pediatrics paediatrics ' +
    'geriatrics orthopedics orthopaedics orthotics prosthetics pharmacokinetics pharmacodynamics kinetics dynamics ' +
    'hemodynamics haemodynamics biomechanics mechanics physics biophysics economics politics mathematics logistics optics ' +
    'acoustics aerobics athletics gymnastics robotics theranostics aesthetics ergonomics analytics ' +
    'electronics forensics linguistics semantics phonetics dietetics'
  ).split(' '),
);

/** Lower-case, strip diacritics and soft hyphens. */
export function foldCase(raw: string): string {
  let s = raw.toLowerCase();
  if (s.includes('\u00AD')) s = s.replace(SOFT_HYPHEN_RE, '');
  if (NON_ASCII_RE.test(s)) {
    // NFD splits "é" into "e" + combining accent; dropping the marks leaves the base letter.
    s = s.normalize('NFD').replace(MARKS_RE, '').normalize('NFC');
  }
  return s;
}

/** British to American spelling for the patterns medical text uses. */
function americanise(s: string): string {
  const variant = WORD_VARIANTS[s];
  if (variant !== undefined) return variant;
  if (s.length > 5) {
    // tumour → tumor, haematology → hematology, gynaecologic → gynecologic,
    // personalised → personalized, centre → center, analogue → analog, diarrhoea → diarrhea
    // Only the British -our words: a joined "stagefour" must not become "stagefor", or the
    // text "stage for" (as in "set the stage for") would read as "stage four".
    // Each pattern runs only where its letters are (a look that cannot change the answer): most words
    // have none of them, and the content script's first stage, which keys the words of every page,
    // then compiles none of these patterns.
    if (s.endsWith('our') && BRITISH_OUR_RE.test(s)) s = s.slice(0, -3) + 'or';
    if (s.includes('ae') && !s.startsWith('ae')) s = s.replace(/ae/g, 'e');
    if (s.includes('is')) s = s.replace(/is(e|ed|ing|ation)$/, 'iz$1');
    if (s.endsWith('tre')) s = s.replace(/([^aeiou])tre$/, '$1ter');
    if (s.endsWith('ogue')) s = s.replace(/ogue$/, 'og');
    // diarrhoea → diarrhea, amenorrhoea → amenorrhea, diarrhoeal → diarrheal
    if (s.includes('rhoea')) s = s.replace(/rhoea(l?)$/, 'rhea$1');
    // lymphoedema → lymphedema, papilloedema → papilledema, myxoedematous → myxedematous: the
    // joined "oedema" words (bare "oedema" is a WORD_VARIANTS entry). Without it "lymphoedema" reached
    // the lymphedema card only as a spelling correction, and not at all once a British alias put it
    // in the vocabulary as a word of its own. By stem, since "angioedema" is already American (its
    // "o" is the stem's: "angio" + "edema").
    if (s.includes('oedema')) s = s.replace(/^(lymph|papill|myx)oedema(s|ta|tous)?$/, '$1edema$2');
  }
  return s;
}

/** Simple plurals to singular: therapies → therapy, cells → cell, irAEs → irae. */
export function singular(s: string): string {
  const variant = WORD_VARIANTS[s];
  if (variant !== undefined) return variant;
  const n = s.length;
  // Short words ("its", "has", "gas") are left alone; 4-letter acronym plurals (TILs, mAbs) are not.
  if (n <= 3 || s.charCodeAt(n - 1) !== 115 /* s */) return s;
  if (s.endsWith('ies') && n > 4) return s.slice(0, -3) + 'y';
  if (/(?:sses|xes|ches|shes)$/.test(s)) return s.slice(0, -2);
  if (KEEP_FINAL_S.test(s)) return s;
  if (s.endsWith('ics') && ICS_FIELDS.has(s)) return s;
  return s.slice(0, -1);
}

/** The key of one token: every spelling variant of a word gets the same key. */
export function tokenKey(raw: string): string {
  // An acronym's plural is its capitals plus a small "s" ("TKIs", "CTCs"): drop the "s" even where
  // a word would keep it ("tkis" ends like "metastasis", which is not a plural).
  if (raw.charCodeAt(raw.length - 1) === 115 /* s */ && ACRONYM_PLURAL_RE.test(raw)) return americanise(foldCase(raw.slice(0, -1)));
  return americanise(singular(foldCase(raw)));
}
const ACRONYM_PLURAL_RE = /^[A-Z][A-Z0-9]+s$/;

export interface Token {
  /** Text exactly as written (including any soft hyphens). */
  raw: string;
  start: number;
  end: number;
}

/** Splits text into tokens with UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    out.push({ raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Superscript digits at the end of a token ("chemotherapy¹", "cancer²³"): a footnote's number. */
const SUPERSCRIPT_END_RE = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+$/;
/** A word in small letters (a capital first at most) with one to three digits pasted on: "chemotherapy1". */
/** The superscript digits' character codes, as SUPERSCRIPT_END_RE holds them. */
const FOOTNOTE_DIGIT_CODES = new Set([0xb9, 0xb2, 0xb3, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079]);
const PASTED_NUMBER_RE = /^\p{Lu}?\p{Ll}{3,}(?=\d{1,3}$)/u;

/**
 * A token without the footnote number written onto its end, or null when it has none. A page sets a
 * footnote's number in superscript right after the word it notes ("after platinum chemotherapy¹"),
 * and text taken from such a page (copied, or read without its markup) writes it as plain digits
 * ("chemotherapy1"). `sure` is true for superscript digits, which no word is spelt with (a unit's
 * power, "m²", is a word of its own: the matcher cuts only a token that is no glossary word as
 * written); plain digits end many codes ("BRCA1", "HER2", "brca1"), so a cut there is only a
 * candidate: the matcher takes it when the word before the digits is a glossary word and the
 * token is not (glossary/matcher.ts).
 */
export function footnoteCut(raw: string): { stem: string; sure: boolean } | null {
  // Most tokens end in a letter: one look at the last character spares both patterns (the matcher
  // and the start filter ask for every token of the page).
  const last = raw.charCodeAt(raw.length - 1);
  if (!(last >= 0x30 && last <= 0x39) && !FOOTNOTE_DIGIT_CODES.has(last)) return null;
  const sup = SUPERSCRIPT_END_RE.exec(raw);
  if (sup !== null) return sup.index > 0 ? { stem: raw.slice(0, sup.index), sure: true } : null;
  const plain = PASTED_NUMBER_RE.exec(raw);
  return plain !== null ? { stem: plain[0], sure: false } : null;
}

/**
 * The key of two pieces of a word glued back ("angio" + "oedema") with the second piece's own
 * spelling variant, which the whole word's key does not reach: "angiooedema" is no British form the
 * rules know, while "oedema" is "edema", so the pieces read "angioedema". Like the whole word's key,
 * it is only a glossary word when the glued word is one exactly (glossary/matcher.ts).
 */
export function gluedKey(first: string, second: string): string {
  return tokenKey(foldCase(first) + tokenKey(second));
}

/**
 * Minimum length of a word piece the matcher glues to the next ("immuno-therapy", "check point"),
 * shared with the start filter, which must glue at least wherever the matcher does.
 */
export const MIN_GLUE_PIECE = 3;

/**
 * Two-letter prefixes glued to the next piece when a hyphen alone joins them ("co-insurance",
 * "co-payment", "re-staging", "co-morbidity"): shorter than MIN_GLUE_PIECE, so only these and only
 * across a hyphen, never a space ("co insurance" is two words as often as not).
 */
const HYPHEN_PREFIXES: ReadonlySet<string> = new Set(['co', 're', 'bi', 'de', 'ex']);

/** True when `piece` (lower case) is a two-letter prefix that a hyphen may glue to what follows. */
export function isHyphenPrefix(piece: string): boolean {
  return HYPHEN_PREFIXES.has(piece);
}

/**
 * True when the matcher may glue `first` to the next piece across `gap` (already a joining gap):
 * any piece of MIN_GLUE_PIECE letters or more, or a two-letter prefix before a lone hyphen.
 */
export function gluesAcross(first: string, gap: string): boolean {
  if (first.length >= MIN_GLUE_PIECE) return true;
  return gap.length === 1 && DASH_RE.test(gap) && isHyphenPrefix(foldCase(first));
}

/**
 * True when the text between two tokens lets them belong to one term:
 * white space and at most one hyphen or dash ("PD-L1", "CAR T", "T – cell"), or a plus sign right
 * after the first token, which marks a cell or tumor as positive for it ("CD8+ T cells",
 * "HER2+ breast cancer"); nothing else ("chemo + radiation" is two things). A blank line is a
 * paragraph break, not a space: a heading ending in "Stage" and a paragraph starting "The cancer"
 * are not the phrase "stage the cancer".
 */
export function isJoiningGap(gap: string): boolean {
  const n = gap.length;
  if (n === 0 || n > 3) return false;
  if (gap.indexOf('\n') !== gap.lastIndexOf('\n')) return false;
  if (gap[0] === '+') return n === 1 || (n === 2 && /\s/.test(gap[1]!));
  if (n === 1) return gap === ' ' || gap === '\u00A0' || DASH_RE.test(gap) || /\s/.test(gap);
  let dashes = 0;
  for (const ch of gap) {
    if (DASH_RE.test(ch)) dashes++;
    else if (!/\s/.test(ch)) return false;
  }
  return dashes <= 1;
}

/** Most marks a punctuation gap inside a term may have ("(3-D)" → "(", ")"; "mg/m2" → "/"). */
const MAX_PUNCTUATION = 2;
const APOSTROPHES_RE = /[’ʼ‘`]/g;

/**
 * The marks between two tokens that do not join like a space or hyphen, as a term must write them
 * to be found: "HER2/neu", "Hodgkin's", "U.S. Food", "tumor, node, metastasis", "(3-D)". White
 * space is dropped and curly apostrophes read as straight ones. Null for a joining gap and for
 * gaps too long to sit inside a term.
 */
export function punctuationKey(gap: string): string | null {
  if (isJoiningGap(gap)) return null;
  const marks = gap.replace(/[\s\u00A0]+/g, '').replace(APOSTROPHES_RE, "'");
  return marks.length > 0 && marks.length <= MAX_PUNCTUATION ? marks : null;
}

/**
 * An acronym-like token ("TIL", "irAE", "mAb", "L1", "PD") is matched case-sensitively, so
 * that "till", "car", "eGFR" or "pd" never match TIL, CAR-T, EGFR or PD-1.
 * Single capital letters ("T cell") stay case-insensitive.
 */
export function isAcronymToken(raw: string): boolean {
  let upper = 0;
  let digits = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c >= '0' && c <= '9') digits++;
    else if (c !== c.toLowerCase()) {
      upper++;
      if (i > 0) return true; // capital after the first letter: irAE, mAb, PDL1
    }
  }
  return upper >= 2 || (upper >= 1 && digits >= 1);
}

/**
 * The key of a whole alias, for comparing aliases with each other (validation):
 * two aliases with the same key match the same text.
 */
export function aliasKey(alias: string): string {
  const parts: string[] = [];
  let end = -1;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(alias); m !== null; m = TOKEN_RE.exec(alias)) {
    // Marks between words are part of what the alias matches ("HPV/Pap" is not "HPV Pap").
    if (end >= 0) parts.push(punctuationKey(alias.slice(end, m.index)) ?? '');
    end = m.index + m[0].length;
    const raw = m[0].replace(SOFT_HYPHEN_RE, '');
    // Acronyms keep their case ("EGFR" and "eGFR" are different tests), minus a plural s.
    parts.push(isAcronymToken(raw) ? (raw.length > 2 && raw.endsWith('s') ? raw.slice(0, -1) : raw) : tokenKey(raw));
  }
  // Hyphen, space and nothing are equivalent between tokens, so the key joins without a separator.
  return parts.join('');
}
