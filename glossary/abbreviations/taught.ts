/**
 * Abbreviations a page teaches us: "major histocompatibility complex (MHC)" where our glossary
 * has an entry for "major histocompatibility complex" but not for the bare "MHC" (left out on
 * purpose: "MHC" alone means other things elsewhere on the web). The page has just said which
 * concept its "MHC" is, and we have a reviewed entry for exactly that concept, so on this page
 * its "MHC" is marked as that entry.
 *
 * Right sense or nothing: a short form is taught only when
 *  - it is acronym-like (matched case-sensitively, with the matcher's plural folding: "TILs" is
 *    "TIL"), and not a common English word in capitals ("(US)", "(IT)", "(AS)"): those also stand
 *    for themselves in headings and running text; except that a common word the page defines in
 *    capitals ("acute lymphoblastic leukemia (ALL)") is taught as written, in capitals, inside
 *    running text only (isCapitalsName, capitalsOnlyKeep), unless its capitals mostly name
 *    something else ("the US", "IT staff", "10 AM");
 *  - it is not a Roman numeral ("intravenous (IV)" would light up every "stage IV");
 *  - it is not a glossary term itself (those keep the agree/conflict logic of the content
 *    script's page-definitions.ts), nor in its other number: the glossary matches "TILs" but not
 *    "TIL" on purpose (a bare "TIL" is mostly "TIL therapy"), and a page does not overrule that;
 *    unless the entry the long form names gives this very short form as its own in its name, the
 *    card's title: "antibody-drug conjugate (ADC)" teaches "ADC", which the glossary leaves out
 *    alone (on MRI reports it is the apparent diffusion coefficient) and matches only as "ADCs",
 *    since the card is "Antibody-drug conjugate (ADC)": the page has said it means our concept,
 *    which the card already calls by that short form ("Tumor-infiltrating lymphocytes (TILs)"
 *    names no "TIL");
 *  - the WHOLE long form, give or take surrounding spaces and quotes, is one exact (non-fuzzy)
 *    match of a single glossary entry: "tumor mutational burden-high (TMB-H)" is not tumor
 *    mutational burden, "Affordable Care Act (ACA)" is no entry at all;
 *  - every definition of it on the page says the same: a page that defines it twice with
 *    different meanings (or once with a meaning we lack) teaches nothing.
 *
 * Entries that are words with an everyday meaning as well (generalSense: "mutation", "colon")
 * are taught like any other: the page's brackets tie the short form to the words of the long
 * form, not to their sense, so the short form keeps the long form's id and with it the
 * health-page gate (glossary/health-page.ts) the long form itself is under. On a page that is
 * not about health neither is marked; on one that is, both are, in the sense our entry gives.
 *
 * Occurrences are found with a tiny matcher of the taught short forms (taughtMatcher,
 * findTaught): the content script and the CLI's scanText share these, so the evaluations
 * measure what the extension marks.
 *
 * Pure, no DOM, and no generated data: the caller says which ids are reviewed glossary entries
 * (`isEntry`), so the end-to-end tests can load this in Node as it is.
 */
import { createMatcher, startsSentence, type Matcher } from '../matcher';
import { aliasKey, isAcronymToken } from '../normalise';
import type { TermMatch } from '../types';
import type { EntryNames } from './redefined';

export interface AbbreviationPair {
  short: string;
  long: string;
}

export interface TaughtTerm {
  /** The short form as the page first writes it ("MHC"). */
  short: string;
  /** Its key, folded the way the matcher folds it (aliasKey: "TILs" → "TIL"). */
  key: string;
  /** The glossary entry the page's long form names. */
  entryId: string;
  /** The page's long form, as first written. */
  long: string;
}

/**
 * Short forms that are also common English words when written in capitals: a heading "WHAT IT
 * IS", "the US Food and Drug Administration", "SUCH AS". A page that defines "ultrasound (US)" or
 * "active surveillance (AS)" would otherwise have us explain every such word.
 */
const COMMON_WORDS = new Set(
  (
    // Function words, pronouns and the short words a page sets in capitals for emphasis ("DO NOT",
    // "ALL patients", "NEW"); nouns such as "car" are left out: "chimeric antigen receptor (CAR)".
    'a am an and any are as at be but by can did do does for from go had has have he her him his how i if in is it its ' +
    'me my no nor not now of off on one or our out own see she so than that the them then they this to too two up us use ' +
    'was we what when who why will with yes yet you all add ask bad big end few get got let may new old per say top way'
  ).split(' '),
);

/**
 * Common words that in capitals inside running text are mostly the name of something else, so a
 * page's definition of them never teaches them: "the US" (a page defining "ultrasound (US)" names
 * the US FDA too), "IT staff", "10 AM".
 */
const OTHER_NAME_IN_CAPITALS = new Set(['us', 'it', 'am']);

/**
 * A common word the page defines in capitals, as a name: "acute lymphoblastic leukemia (ALL)",
 * "ALL (acute lymphoblastic leukemia)", a trial "(CAN)" (question words have their own reading,
 * isQuestionWord). Taught in capitals only ("ALL", never
 * "All" or "all") and only inside running text (capitalsOnlyKeep): a page that defines it says what
 * its capitals mean there; its small letters are still the word.
 */
function isCapitalsName(short: string): boolean {
  const lower = short.toLowerCase();
  return /^\p{Lu}{2,}$/u.test(short) && !ROMAN_NUMERAL.test(short) && COMMON_WORDS.has(lower) && !OTHER_NAME_IN_CAPITALS.has(lower) && !QUESTION_WORDS.has(lower);
}

/** Quotes and spaces around a long form ("“major histocompatibility complex”"). */
const SURROUNDING = /^[\s"'“”‘’«»„]+|[\s"'“”‘’«»„]+$/g;

/** The letters and digits of a short form ("TMB-H" → "TMBH"), as the page-only layer reads it. */
function bare(short: string): string {
  return short.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** I to XXXIX: stages, grades, classes ("stage IV", "MHC class II"). */
const ROMAN_NUMERAL = /^X{0,3}(?:IX|IV|VI{0,3}|I{1,3})$|^X{1,3}$/;

/** Whether a short form may be taught at all, before looking at what it stands for. */
export function teachableShort(short: string): boolean {
  const letters = bare(short);
  if (!isAcronymToken(letters) || ROMAN_NUMERAL.test(letters)) return false;
  const lower = letters.toLowerCase();
  return !COMMON_WORDS.has(lower) && !(lower.endsWith('s') && COMMON_WORDS.has(lower.slice(0, -1)));
}

/** The one glossary entry a whole long form names, or null. */
export function longFormEntry(long: string, matcher: Matcher, isEntry: (id: string) => boolean): string | null {
  const text = long.replace(SURROUNDING, '');
  if (!text) return null;
  const found = matcher.find(text);
  if (found.length !== 1) return null;
  const m = found[0]!;
  return m.start === 0 && m.end === text.length && !m.fuzzy && isEntry(m.id) ? m.id : null;
}

/**
 * The short forms a page teaches, by key (aliasKey of the short form), from every (short, long)
 * pair the page defines. `matcher` is the glossary matcher the page is scanned with; `isEntry`
 * tells a shipped, reviewed glossary entry from a reader's own term (never taught); `names`, where
 * the caller has the entries' names, lets a short form the glossary lists only in its other number
 * be taught when the entry's name gives it ("Antibody-drug conjugate (ADC)": ownNamedShort).
 */
export function taughtTerms(
  pairs: Iterable<AbbreviationPair>,
  matcher: Matcher,
  isEntry: (id: string) => boolean,
  names?: (id: string) => EntryNames | undefined,
): Map<string, TaughtTerm> {
  const taught = new Map<string, TaughtTerm>();
  /** Keys the page defines in a way that teaches nothing (ambiguous, no entry, a glossary term). */
  const refused = new Set<string>();
  for (const { short, long } of pairs) {
    const key = aliasKey(short);
    if (!key || refused.has(key)) continue;
    const entryId = teachableShort(short)
      ? isWholeMatch(short, matcher)
        ? null
        : isGlossaryTerm(short, matcher)
          ? ownNamedShort(short, longFormEntry(long, matcher, isEntry), names)
          : longFormEntry(long, matcher, isEntry)
      : NAME_CASE_RE.test(short) || isQuestionWord(short)
        ? ownShortForm(short, long, matcher, isEntry)
        : isCapitalsName(short) && !isGlossaryTerm(short, matcher)
          ? longFormEntry(long, matcher, isEntry)
          : null;
    const before = taught.get(key);
    if (entryId === null || (before && before.entryId !== entryId)) {
      refused.add(key);
      taught.delete(key);
    } else if (!before) {
      taught.set(key, { short, key, entryId, long });
    }
  }
  return taught;
}

/** A word in name case: "Nice", as a newspaper writes NICE. */
const NAME_CASE_RE = /^\p{Lu}\p{Ll}+$/u;
/**
 * Question words: written in capitals inside a sentence they are no pronoun but a name ("the WHO
 * recommends"), unlike the other common words, which are names of other things in capitals ("the
 * US", "IT staff") or emphasis ("ALL patients").
 */
const QUESTION_WORDS = new Set(['who', 'what', 'when', 'why', 'how']);
const isQuestionWord = (short: string) => short.length > 1 && short === short.toUpperCase() && QUESTION_WORDS.has(short.toLowerCase());

/**
 * A short form our glossary leaves out, or matches only in capitals, that the page ties to the very
 * entry whose acronym it is: "National Institute for Health and Care Excellence (Nice)" (a newspaper
 * writes NICE in name case), "World Health Organization (WHO)" (a question word in capitals).
 * The entry, when the long form names it and the short form in capitals is that entry's own
 * acronym (Nice: NICE) or is no glossary term at all (WHO); else null.
 */
function ownShortForm(short: string, long: string, matcher: Matcher, isEntry: (id: string) => boolean): string | null {
  const entryId = longFormEntry(long, matcher, isEntry);
  if (entryId === null) return null;
  const upper = short.toUpperCase();
  const asCapitals = matcher.find(upper).filter((m) => m.start === 0 && m.end === upper.length);
  if (asCapitals.length === 0) return isQuestionWord(short) ? entryId : null;
  return asCapitals.every((m) => m.id === entryId && !m.fuzzy) && !isGlossaryTerm(short, matcher) ? entryId : null;
}

/** The whole form is something the glossary matches. */
function isWholeMatch(form: string, matcher: Matcher): boolean {
  return matcher.find(form).some((m) => m.start === 0 && m.end === form.length);
}

/**
 * The whole short form is something the glossary already matches (keeps today's agree/conflict
 * logic), or it is in its other number ("TIL" when the glossary lists only "TILs").
 */
function isGlossaryTerm(short: string, matcher: Matcher): boolean {
  const other = short.length > 2 && short.endsWith('s') ? short.slice(0, -1) : `${short}s`;
  return isWholeMatch(short, matcher) || isWholeMatch(other, matcher);
}

/**
 * A short form the glossary lists only in its other number, which the entry the page's long form
 * names (`entryId`) writes in brackets in its name, exactly ("Antibody-drug conjugate (ADC)" for
 * "ADC"): that entry, else null. The card's own title already calls the concept by it, so marking
 * it where the page has said so explains what the page means. Without the entries' names, null.
 */
function ownNamedShort(short: string, entryId: string | null, names: ((id: string) => EntryNames | undefined) | undefined): string | null {
  if (entryId === null || names === undefined) return null;
  const term = names(entryId)?.term ?? '';
  return term.includes(`(${short})`) ? entryId : null;
}

/** A matcher for the taught short forms, under their entries' ids; null when nothing is taught. */
export function taughtMatcher(taught: Iterable<TaughtTerm>): Matcher | null {
  const terms = [...taught];
  const byEntry = new Map<string, string[]>();
  for (const t of terms) {
    const shorts = byEntry.get(t.entryId);
    if (shorts) shorts.push(t.short);
    else byEntry.set(t.entryId, [t.short]);
  }
  if (byEntry.size === 0) return null;
  const matcher = createMatcher(
    [...byEntry].map(([id, aliases]) => ({ id, aliases })),
    { fuzzy: false },
  );
  // Name case ("Nice") and question words ("WHO") are read only as the page writes them, and not
  // where a sentence opens with them ("Nice to meet you", "WHO should get the vaccine?").
  const asWritten = new Set<string>();
  for (const t of terms) if (NAME_CASE_RE.test(t.short) || isQuestionWord(t.short)) asWritten.add(t.short);
  // A common word taught as a name, by its small letters: "all" → "ALL" (one spelling each, all capitals).
  const capitalsOnly = new Map<string, string>();
  for (const t of terms) if (isCapitalsName(t.short)) capitalsOnly.set(t.short.toLowerCase(), t.short);
  if (asWritten.size === 0 && capitalsOnly.size === 0) return matcher;
  const keep = (text: string, m: TermMatch) => {
    const written = text.slice(m.start, m.end);
    const capitals = capitalsOnly.get(written.toLowerCase());
    if (capitals !== undefined) return written === capitals && capitalsOnlyKeep(text, m.start, m.end);
    const own = [...asWritten].find((short) => short.toLowerCase() === written.toLowerCase());
    return own === undefined || (written === own && !startsSentence(text, m.start));
  };
  return Object.assign(Object.create(matcher) as Matcher, {
    find: (text: string, context?: Parameters<Matcher['find']>[1]) => matcher.find(text, context).filter((m) => keep(text, m)),
  });
}

/**
 * A common word taught as a name (isCapitalsName) at start..end stands inside running text: the
 * nearest word on one side at least, in the same sentence, has a small letter ("children with ALL",
 * "ALL (acute …", "ALL can come back", "ALL, AML and CML"). Alone ("ALL" as a tab or a button, "NEWS |
 * ALL | IMAGES", "Show: ALL") it is the word; next to a word in capitals ("SEE ALL", "ALL CANCER
 * TYPES") findTaught leaves it out, as it does every taught short form.
 */
function capitalsOnlyKeep(text: string, start: number, end: number): boolean {
  const small = (w: string) => /\p{Ll}/u.test(w);
  return small(nearestWord(text, start, -1)) || small(nearestWord(text, end, 1));
}

/** Marks that end a sentence, a line or a list item (as capitals.ts reads them). */
const BREAK = /[\n.!?:;•|]/;

/** The nearest run of letters before (`dir` -1) or after (1) `at`, past spaces and marks but not past a BREAK; '' if none. */
function nearestWord(text: string, at: number, dir: -1 | 1): string {
  let i = dir < 0 ? at - 1 : at;
  while (i >= 0 && i < text.length && !/\p{L}/u.test(text[i]!)) {
    if (BREAK.test(text[i]!)) return '';
    i += dir;
  }
  let j = i;
  while (j >= 0 && j < text.length && /\p{L}/u.test(text[j]!)) j += dir;
  return dir < 0 ? text.slice(j + 1, i + 1) : text.slice(i, j);
}

/** Roman numerals next to a short form ("MHC II") are part of the name, not a line in capitals. */
const ROMAN = /^[IVX]+$/;

/** The word right before `at` (letters only), if only spaces separate them; else ''. */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  if (i === at) return '';
  let j = i;
  while (j > 0 && /\p{L}/u.test(text[j - 1]!)) j--;
  return j > 0 && /[\p{N}\-‐]/u.test(text[j - 1]!) ? '' : text.slice(j, i);
}

/** The word right after `at` (letters only), if only spaces separate them; else ''. */
function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (i === at) return '';
  let j = i;
  while (j < text.length && /\p{L}/u.test(text[j]!)) j++;
  return j < text.length && /[\p{N}\-‐]/u.test(text[j]!) ? '' : text.slice(i, j);
}

/** A whole word in capitals ("ALL", "PATIENTS"), other than a Roman numeral. */
function isCapitalsWord(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase() && !ROMAN.test(word);
}

/**
 * The taught short forms in one piece of text. An occurrence next to another word written in
 * capitals is left out: in a line set in capitals ("TREATMENT OF MHC-RELATED DISEASE", "HOW
 * CAR T WORKS") every word looks like an acronym, and the page taught the short form, not
 * every word spelled like it.
 */
export function findTaught(text: string, matcher: Matcher): TermMatch[] {
  return matcher.find(text).filter((m) => !isCapitalsWord(wordBefore(text, m.start)) && !isCapitalsWord(wordAfter(text, m.end)));
}

/**
 * The taught short forms in `text` that no glossary match in `found` overlaps: what the content
 * script and the CLI's scanText both add to a text node's glossary matches.
 */
export function taughtBeside(text: string, finder: Matcher, found: readonly TermMatch[]): TermMatch[] {
  return findTaught(text, finder).filter((t) => !found.some((m) => m.start < t.end && t.start < m.end));
}
