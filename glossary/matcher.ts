/**
 * Finds glossary terms in text. Pure TypeScript, no DOM.
 *
 * Aliases are compiled into a trie over token ids. Each text token is resolved once
 * (cached) to a vocabulary id, so the cost of a scan grows with the text, not with the
 * glossary: a word that is in no alias costs one Map lookup. Longest match wins, whole
 * words only (tokens are maximal runs of letters and digits).
 */
import type { MatchReadings, TermMatch } from './types';
import {
  DASH_CLASS,
  TOKEN_RE,
  foldCase,
  isAcronymToken,
  tokenize,
  isJoiningGap,
  MIN_GLUE_PIECE,
  gluesAcross,
  isHyphenPrefix,
  footnoteCut,
  gluedKey,
  punctuationKey,
  tokenKey,
} from './normalise';
import { createFuzzyCorrector, createTableCorrector, type FuzzyCorrector, type FuzzyTables } from './fuzzy';
import { AFTER_DASH, MAX_CODE_CUTS, codeCuts } from './code-names';
import {
  SPACE_GAP,
  isConjunction,
  isFunctionWord,
  isHyphenGap,
  isLabel,
  isPronounI,
  labelList,
  sharedList,
  type Item,
  type Tokens,
} from './coordination';
import { REACH as CAPITALS_REACH, inCapitalsRun, inOwnBrackets, pairedWith } from './capitals';

export interface MatchableEntry {
  id: string;
  aliases: string[];
  expansion?: string;
}

export interface MatcherOptions {
  /** Spelling correction for long words (default true). */
  fuzzy?: boolean;
  /** Ordinary English words never to correct (generated from a word list at build time). */
  fuzzyExclusions?: Iterable<string>;
  /** Cancer names and disease-state words, derived from the entries at build time (match.json). */
  readings?: MatchReadings;
}

/**
 * The text a page shows on the same line before and after a piece of text that it keeps in
 * another place (a text node beside inline elements: "<h2><span>SLEEP</span> AIDS</h2>"). Terms
 * are found in the piece alone; the rules that read the words around a term look into it.
 */
export interface TextContext {
  before: string;
  after: string;
}

export interface Matcher {
  /**
   * The terms in `text`. `context` gives the text around it on the same line, asked for only when
   * a rule needs it (so a caller can work it out lazily).
   */
  find(text: string, context?: () => TextContext | null): TermMatch[];
  /** Normalised vocabulary keys (for tools and tests). */
  readonly vocabulary: readonly string[];
  /** Corrects one word to a vocabulary key, or null. Exposed for tools and tests. */
  correct(word: string): string | null;
  /**
   * How many spelling corrections this matcher has put off so far because its corrector's tables
   * are still loading (the content script's reader: glossary/match-binary.ts): a find() during which
   * this grew may find more, or other terms, once they are in; match that text again then.
   */
  readonly deferred: number;
  /** While the corrector's tables are loading, resolves once they are in; null when nothing is to come. */
  spellingLoaded(): Promise<void> | null;
}

interface Edge {
  /** The node it leads to; null until first needed when the trie was loaded (see loadTrie). */
  next: TrieNode | null;
  /** Which node `next` is in a loaded trie, and its reader (shared: no closure per edge). */
  at?: number;
  from?: TrieReader;
  /** Accepted spellings for an acronym token ("PD", "PDL1"); null = any case. */
  caseForms: string[] | null;
  /** The page must write a hyphen or dash before the token: a code split where its alias is not ("CD-19"). */
  afterDash: boolean;
}
interface TrieReader {
  read(at: number): TrieNode;
}
const child = (edge: Edge): TrieNode => (edge.next ??= edge.from!.read(edge.at!));
/** An edge's case form as the trie stores it (a piece's form): the spelling, after AFTER_DASH when it needs one. */
const formOf = (edge: Pick<Edge, 'caseForms' | 'afterDash'>): string | null =>
  edge.caseForms === null ? null : (edge.afterDash ? AFTER_DASH : '') + edge.caseForms[0]!;
/** An edge for a stored form (formOf undone). One object shape for every edge: a walk reads thousands. */
function makeEdge(form: string | null | undefined, next: TrieNode | null, at?: number, from?: TrieReader): Edge {
  const afterDash = form != null && form.startsWith(AFTER_DASH);
  const caseForms = form == null ? null : [afterDash ? form.slice(AFTER_DASH.length) : form];
  return { next, at, from, caseForms, afterDash };
}
interface TrieNode {
  edges: Map<number, Edge[]> | null;
  id: string | null;
}

/** Largest number of tokens whose join variants are all generated (2^(n-1) variants). */
const MAX_JOIN_TOKENS = 5;
/** Minimum length of a word piece that may be glued to the next (one value with the start filter). */
const MIN_FRAGMENT = MIN_GLUE_PIECE;
const isLoneLetter = (raw: string): boolean => raw.length === 1 && /\p{L}/u.test(raw);
/** Cached token resolutions kept before the cache is reset (bounds memory on huge pages). */
const CACHE_LIMIT = 50_000;

// A resolution packs the vocabulary id and two flags into one small integer.
const FLAG_FUZZY = 1;
const FLAG_FRAGMENT = 2;
/** The first word of a form of a verb that says what a cancer does ("spread", "came"): readings.cancerVerbs. */
const FLAG_VERB = 4;
/** A short form the glossary leaves out as an alias ("CT", "PE"): readings.shortForms. */
const FLAG_SHORT = 8;
const packed = (id: number, flags: number) => ((id + 1) << 4) | flags;
const idOf = (r: number) => (r >> 4) - 1;
/** A resolution to a glossary word as written, not a spelling correction. */
const isExact = (r: number) => idOf(r) >= 0 && (r & FLAG_FUZZY) === 0;

function stripSoftHyphens(s: string): string {
  return s.includes('\u00AD') ? s.replace(/\u00AD/g, '') : s;
}

function caseAccepts(forms: string[] | null, raw: string): boolean {
  if (forms === null) return true;
  const s = stripSoftHyphens(raw);
  if (forms.includes(s)) return true;
  // Plural acronyms: TILs, irAEs, mAbs, CAR-Ts.
  return s.length > 1 && s.endsWith('s') && forms.includes(s.slice(0, -1));
}

const DASH_RE = new RegExp(`[${DASH_CLASS}]`);

/** One capital then small letters: how names are written. */
const NAME_LIKE_RE = /^\p{Lu}\p{Ll}+$/u;
/**
 * Endings of drug and procedure names: the naming stems of medicines (-mab antibodies, -nib and
 * -tinib kinase inhibitors, -clib, -parib, -lisib, -zomib; -platin, -taxel, -tecan, -rubicin,
 * -mycin, -citabine and -bine, -stine, -famide, -trexate, -trexed, -vedotin, -leucel, -cept;
 * -setron, -pitant, -parin, -xaban, -sone) and of procedures (-therapy, -ectomy, -otomy, -ostomy,
 * -scopy, -plasty, -graphy, -centesis).
 */
const DRUG_OR_PROCEDURE_END_RE =
  /(?:mab|nib|clib|parib|lisib|zomib|platin|taxel|tecan|rubicin|mycin|bine|stine|famide|trexate|trexed|vedotin|leucel|cept|setron|pitant|parin|xaban|sone|therapy|ectomy|otomy|ostomy|scopy|plasty|graphy|centesis)$/;
/** Fewest letters of a capitalised word inside a sentence that may be spelling-corrected. */
const MIN_CAPITALISED_CORRECTION = 9;

/**
 * Whether a capitalised word inside a sentence ("the Pembrolizimab infusion", "a Brachytheraphy
 * session") may be read as a misspelling of `corrected` (a vocabulary key). Such a word is most
 * often a name (people, places, firms, products: "Melanie", "Melania"), and names are in no word
 * list, so the corrector's exclusions do not guard them; so it is corrected only when the correction
 * is a drug or procedure name (DRUG_OR_PROCEDURE_END_RE) and the word is long. Pages capitalise
 * drugs and procedures as if they were names ("Pembrolizumab", "Brachytherapy"), while no surname
 * or place is one or two letters from "-mab", "-platin", "-ectomy" or "-therapy" words; shorter
 * words have too many neighbours ("Melanie" is one letter from "melanin").
 */
export function correctsCapitalised(raw: string, corrected: string): boolean {
  return raw.length >= MIN_CAPITALISED_CORRECTION && DRUG_OR_PROCEDURE_END_RE.test(corrected);
}
/** Text before a sentence's first word: nothing, or an end mark / line break before spaces, quotes, brackets. */
export function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === ';' || c === '•') return true;
    if (!/[\s"'“”‘’(\[«»¿¡—–-]/.test(c)) return false;
  }
  return true;
}

/** A dash between two stages of a range: "3-4", "3–4", "III – IV". */
const RANGE_GAP_RE = new RegExp(`^ ?[${DASH_CLASS}] ?$`);
/**
 * The dash of a range of stages read as one term ("stage 3-4", "stages III – IV"): no space beside
 * it, or one on each side. "stage 3 -4" is not written as a range.
 */
const STAGE_RANGE_DASH_RE = new RegExp(`^(?:[${DASH_CLASS}]| [${DASH_CLASS}] )$`);
const ROMAN_STAGES: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { I: 1, II: 2, III: 3, IV: 4, V: 5 });
/**
 * A stage label's place in the order of stages ("3" < "IIIA" < "IIIB" < "IV"), or -1 when it is no
 * stage: stages run from 0 to V, so "12" or "X" is another number (a page, a count).
 */
export function stageOrder(label: string): number {
  const m = /^(?:([IV]+)|(\d))(?:([A-Da-d])(\d)?)?$/.exec(label);
  if (!m) return -1;
  const base = m[1] !== undefined ? (ROMAN_STAGES[m[1]] ?? -1) : Number(m[2]);
  if (base < 0 || base > 5) return -1;
  const letter = m[3] ? m[3].toUpperCase().charCodeAt(0) - 64 : 0;
  return base * 100 + letter * 10 + (m[4] ? Number(m[4]) : 0);
}

/**
 * Verbs that say what a cancer is or has become, as lower-case words: "the cancer is recurrent",
 * "cancer that has become metastatic", "if it comes back as metastatic". Read backwards from the
 * word before the state word; those in FIRST_WITH_MODAL may follow a modal ("can become").
 */
const LINKING_VERBS: readonly (readonly string[])[] = /* longest first: "has become" before "become" */ [
  ['has', 'come', 'back', 'as'],
  ['comes', 'back', 'as'],
  ['came', 'back', 'as'],
  ['come', 'back', 'as'],
  ['has', 'become'],
  ['have', 'become'],
  ['had', 'become'],
  ['is'],
  ['are'],
  ['was'],
  ['were'],
  ['be'],
  ['becomes'],
  ['became'],
  ['become'],
];
const FIRST_WITH_MODAL = new Set(['be', 'become', 'come']);
const MODALS = new Set(['can', 'may', 'might', 'could', 'will', 'would', 'should', 'must', 'does', 'did']);
/** Words between the verb and the state word that leave its meaning ("is now metastatic"); never "not". */
const STATE_ADVERBS = new Set(['now', 'still', 'already', 'often', 'usually', 'very', 'also']);
/** Words that begin a noun phrase: the subject of a state may follow them ("if the cancer is advanced"). */
const SUBJECT_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'her', 'his', 'their', 'your', 'my', 'our', 'its', 'whose', 'some', 'many', 'most', 'all', 'any',
  'if', 'when', 'once', 'because', 'whether', 'unless', 'until', 'after', 'before', 'since', 'while', 'where', 'though', 'although', 'and', 'but', 'or', 'so', 'as',
]);
/**
 * Words after which a noun phrase is not the subject of the next verb: "the treatment of the cancer
 * is advanced", "research into cancer is advanced" say nothing of the cancer's state.
 */
const SUBJECT_BLOCKERS = new Set(['of', 'for', 'about', 'with', 'in', 'on', 'at', 'to', 'from', 'into', 'against', 'by', 'without', 'like', 'than', 'over', 'under']);
/**
 * A quote mark between two words of a term, with spaces on its other side: a closing one after the
 * first word ("'Just in Case' medicines", "“standard” treatment") or an opening one before the second
 * ("study ‘endpoints’"). Straight, curly and angle quotes.
 */
const QUOTE_GAP_RE = /^(?:([”’"'»])[ \u00A0]+|[ \u00A0]+([“‘"'«]))$/;
/** The opening quote marks each closing one may close (a page that opens with ‘ may close with ’ or ', and so on). */
const OPENERS_OF: Record<string, string> = { '”': '“"', '’': "‘'", '"': '"“', "'": "'‘", '»': '«' };
const CLOSERS_OF: Record<string, string> = { '“': '”"', '‘': "’'", '"': '"”', "'": "'’", '«': '»' };
/** Most words inside quote marks that a term is read across: a word or short phrase set off, not a quotation. */
const MAX_QUOTED = 4;
/** What may stand before an opening quote mark and after a closing one: the text's edge, a space, a bracket, a dash, end marks. */
const QUOTE_OUTSIDE_RE = /^$|[\s([{\u2010-\u2015\-/.,;:!?)\]}]/;

/** Words that stand before a noun as its article or owner ("the", "his"): read over to the word before a subject. */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'her', 'his', 'their', 'your', 'my', 'our', 'its', 'whose', 'some', 'any', 'each', 'every', 'all', 'both']);
/** Auxiliaries before a cancer's verb: "has spread", "has been spreading". */
const PERFECT_AUX = new Set(['has', 'have', 'had']);
const BE_AUX = new Set(['is', 'are', 'was', 'were']);
/** Modals and "do" before a cancer's verb: "may spread", "did not spread", "cannot spread", "may have spread". */
const VERB_MODALS = new Set([...MODALS, 'do', 'cannot']);
/** Words between a subject, its auxiliaries and its verb that leave the verb a verb ("has already spread", "may not have spread"). */
const VERB_ADVERBS = new Set([
  'not', 'never', 'already', 'also', 'now', 'still', 'yet', 'probably', 'likely', 'possibly', 'often', 'usually', 'rarely', 'sometimes', 'commonly', 'typically', 'first', 'then', 'further', 'quickly', 'slowly',
]);
/** The first halves of "hasn't", "didn't", "can't", "won't", and the auxiliaries they are. */
const NOT_CONTRACTIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  hasn: 'has', haven: 'have', hadn: 'had', isn: 'is', aren: 'are', wasn: 'was', weren: 'were', didn: 'did', doesn: 'does', don: 'do',
  can: 'can', couldn: 'could', won: 'will', wouldn: 'would', shouldn: 'should', mightn: 'might', mustn: 'must',
});
const APOSTROPHE_RE = /^['’ʼ]$/;
/**
 * Words after a cancer's verb that make it a verb with an object, said of something else: "spread
 * the butter", "spread the word", "spread it thin", "spread awareness".
 */
const VERB_OBJECTS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'it', 'them', 'his', 'her', 'their', 'its', 'our', 'your', 'my', 'some', 'word', 'awareness', 'news', 'hope', 'fear', 'joy']);
/** Where a verb of a cancer's "it" goes on to: "if it has spread to the lungs", "whether it spreads beyond the pelvis". */
const VERB_PLACES = new Set(['to', 'into', 'beyond', 'through', 'throughout', 'from', 'within', 'outside', 'past', 'across', 'along', 'via', 'elsewhere', 'further', 'farther', 'locally', 'distantly']);
/** The words a clause's subject may be followed by: its verb or the start of a relative clause ("cancer that has come back or has spread"). */
const CLAUSE_VERBS = new Set([...PERFECT_AUX, ...BE_AUX, ...VERB_MODALS, 'that', 'which', 'who', 'hasn', 'haven', 'hadn', 'isn', 'aren', 'wasn', 'weren', 'didn', 'doesn', 'don', 'couldn', 'won']);
/** Most tokens between a cancer named as a clause's subject and a verb it shares over "and", "but" or "or". */
const MAX_SHARED_SUBJECT = 40;
/** What ends the clause a shared subject is looked for in: an end mark, a bracket, a line break. */
const CLAUSE_BREAK_RE = /[.!?;:()[\]\n•]/;
/**
 * What a form of a cancer's verb may follow, by its place in readings.cancerVerbs' forms (base, -s,
 * past, participle, -ing): nothing ("the cancer spreads", "it came back", "the tumor progressing"),
 * "has"/"have"/"had" ("has come back"), a modal or "do" ("may return"), "is"/"was"/"be"/"been"
 * ("is spreading"), or nothing after a plural subject (the base: "tumors that come back"; "cancer
 * return", "cancer progress" are nouns).
 */
const AFTER_NOTHING = 1;
const AFTER_PERFECT = 2;
const AFTER_MODAL = 4;
const AFTER_BE = 8;
const AFTER_PLURAL = 16;
const VERB_ROLES = [AFTER_MODAL | AFTER_PLURAL, AFTER_NOTHING, AFTER_NOTHING, AFTER_PERFECT, AFTER_BE | AFTER_NOTHING] as const;
/** A form of a cancer's verb, by its first word: the words after it ("back"), its entry, what it may follow. */
interface VerbForm {
  id: string;
  rest: string[];
  roles: number;
}
/** Words after a cancer's verb that make it a test's result, not the cancer: "came back negative", "returned normal". */
const RESULT_WORDS = new Set(['negative', 'positive', 'clear', 'normal', 'abnormal', 'benign', 'fine', 'inconclusive']);
/** Most tokens back that "it" may be read as a cancer named before ("Cervical cancer was found. Tests showed if it has spread"). */
const IT_REACH = 16;
/** Most tokens back that "the disease" may be read as a cancer named before. */
const DISEASE_REACH = 200;

/** A trial phase's label after "phase": 0 to IV, with a part letter ("1b", "IIa"), or the number's word. */
const PHASE_LABEL_RE = /^(?:[0-4]|I{1,3}|IV)[abAB]?$/;
const PHASE_NUMBER_WORDS = new Set(['zero', 'one', 'two', 'three', 'four']);
const isPhaseLabel = (raw: string) => PHASE_LABEL_RE.test(raw) || PHASE_NUMBER_WORDS.has(foldCase(raw));
/** A phase label without its part letter ("1b" → "1", "IIa" → "II"). */
const phaseBase = (raw: string) => (/^(?:\d|[IV]+)[abAB]$/.test(raw) ? raw.slice(0, -1) : raw);
/** Words that name a clinical trial. */
const TRIAL_WORDS = new Set(['trial', 'trials', 'study', 'studies']);

/**
 * A term's last word that, with the word after it, is a verb, not the noun the term ends in: "flu
 * shot up", "pneumonia shot up" (rose fast), "the other drug targets a binding partner" (a verb with
 * its object; a plural noun is not followed by an article). By the word, lower case.
 */
const PHRASAL_ENDS: Record<string, ReadonlySet<string>> = Object.assign(Object.create(null) as Record<string, ReadonlySet<string>>, {
  shot: new Set(['up']),
  targets: new Set(['a', 'an', 'the']),
});

/**
 * A term's last word that, with the word after it, names another thing than the term: "organoid
 * pattern", "organoid architecture" (a pathologist's word for a tumor that looks like an organ's
 * tissue, not the lab-grown organoid), "herpes gestationis" (a skin disease of pregnancy, no
 * herpesvirus), "clinical translation services" (interpreters, not translational research). As
 * PHRASAL_ENDS: no term ends there, and a shorter one is read instead. By the word, lower case:
 * the next word, or the next two with a space ("organoid growth pattern"; "organoid growth" alone
 * is the lab model's growth).
 */
const OTHER_SENSE_AFTER: Record<string, ReadonlySet<string>> = Object.assign(Object.create(null) as Record<string, ReadonlySet<string>>, {
  organoid: new Set(['pattern', 'patterns', 'growth pattern', 'growth patterns', 'architecture', 'arrangement', 'arrangements', 'appearance', 'morphology', 'features', 'nests', 'nevus', 'naevus']),
  herpes: new Set(['gestationis']),
  translation: new Set(['service', 'services', 'interpreter', 'interpreters', 'interpreting', 'agency', 'agencies']),
});

/**
 * A word that, after a plural noun, is that noun's verb and not the second word of a compound noun
 * the term writes: "cancer cells line the duct", "the cells line up" are no "cancer cell line" (the
 * normaliser reads "cells" as "cell"). By the word, lower case: the plurals it follows.
 */
const VERB_AFTER_PLURAL: Record<string, ReadonlySet<string>> = Object.assign(Object.create(null) as Record<string, ReadonlySet<string>>, {
  line: new Set(['cells']),
});

/**
 * Words after a term's last word that make it another thing, by that word (lower case), as a test
 * of the text after the term: "relative survival of HeLa cells", "overall survival of the irradiated
 * cells" (cells in a lab dish, not people: up to three words between "of" and the cells, none of
 * them people or "with"); "abnormal smear of the peripheral blood" (a blood film, not a Pap smear).
 */
const OTHER_SENSE_OBJECT: Record<string, RegExp> = Object.assign(Object.create(null) as Record<string, RegExp>, {
  survival: /^[ \u00A0]+of[ \u00A0]+(?:(?!(?:patients|people|persons|women|men|children|adults|participants|subjects|those|cases|with|who|in)\b)[\p{L}\p{N}-]+[ \u00A0]+){0,3}(?:cells|colonies|clones)\b/iu,
  smear: /^[ \u00A0]+of[ \u00A0]+(?:(?:the|a|your|their|his|her)[ \u00A0]+)?(?:(?:peripheral|venous|capillary)[ \u00A0]+)?(?:blood|bone[ \u00A0]+marrow|marrow)\b/iu,
});

/**
 * A short form whose sense the text around it must support (within SHORT_SENSE_REACH characters
 * either side), and that no word of its other sense may surround: "MDT" is the care team in "your
 * MDT will discuss", "discussed at MDT", "MDT members", but the WHO's leprosy treatment (multidrug
 * therapy) in "WHO recommends MDT for all leprosy patients" and "MDT has cured 16 million people".
 * Support is a word before it that a team takes (an article, an owner, "at", "by"), a word after it
 * that a team has (`after`), or a word of care teams near it (`near`); `other` near it, or `otherAfter`
 * right after it, and it is not read. By the short form as written (its plural in -s too).
 */
interface ShortSense {
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
  near: RegExp;
  other: RegExp;
  otherAfter: ReadonlySet<string>;
  /** A word of `after` that ends no longer term ("MDT meeting" is the tumor board's): the glossary check reads the short form before it. */
  checkedWith: string;
}
const SHORT_SENSE: Record<string, ShortSense> = Object.assign(Object.create(null) as Record<string, ShortSense>, {
  MDT: {
    before: new Set(['the', 'a', 'an', 'your', 'our', 'their', 'my', 'his', 'her', 'this', 'that', 'each', 'every', 'local', 'specialist', 'hospital', 'at', 'by', 'to']),
    after: new Set(['meeting', 'meetings', 'member', 'members', 'discussion', 'discussions', 'review', 'reviews', 'coordinator', 'coordinators', 'decision', 'decisions', 'recommendation', 'recommendations', 'outcome', 'outcomes', 'lead', 'leads', 'clinic', 'clinics', 'team', 'teams', 'approach', 'working', 'referral', 'referrals']),
    near: /\b(?:multi-?disciplinary|inter-?disciplinary|care team|cancer team|tumou?r boards?|oncolog\w*|cancers?|surgeons?|nurses?|specialists?|consultants?)\b/i,
    other: /\b(?:lepros?y|leprous|lepromatous|hansen['’]?s|multi-?drug[ -](?:therapy|therapies|treatment|regimens?)|dapsone|rifampi(?:ci)?n|clofazimine|multibacillary|paucibacillary|maggots?|mc ?kenzie)\b/i,
    otherAfter: new Set(['regimen', 'regimens', 'drug', 'drugs', 'blister', 'blisters', 'dose', 'doses', 'tablet', 'tablets', 'pill', 'pills']),
    checkedWith: 'members',
  },
});
const SHORT_SENSE_REACH = 400;

/**
 * The word a short form whose sense its text must support (SHORT_SENSE) is read before by the
 * glossary check ("MDT members"), or null for any other alias: alone, "MDT" is never read.
 */
export function senseSupportFor(alias: string): string | null {
  return SHORT_SENSE[alias]?.checkedWith ?? null;
}

/**
 * Words before a term's first word that make it another thing, by that word (lower case): "man flu"
 * (a joke about a cold), "chimney flu", "boiler flu" (a misspelt flue, the pipe for smoke); "a
 * delayed response to treatment", "a late response to treatment": most often a late effect of the
 * treatment on the body, where the response card (the cancer shrinking) is wrong, and when it is the
 * tumor's late shrinking (immunotherapy) the words cannot tell. No card is shown there: the term's
 * entry would explain what the text does not mean.
 */
const OTHER_SENSE_BEFORE: Record<string, ReadonlySet<string>> = Object.assign(Object.create(null) as Record<string, ReadonlySet<string>>, {
  flu: new Set(['man', 'chimney', 'chimneys', 'stove', 'boiler', 'furnace', 'fireplace', 'heater', 'burner', 'exhaust', 'oven', 'vent']),
  response: new Set(['delayed', 'late']),
});
/**
 * Words around a term that make one entry's card the wrong one, by the entry (OTHER_SENSE_BEFORE
 * goes by the word, for every term that starts with it; these words would also stop right terms of
 * other entries: "immune-inflamed tumor" is the hot-tumor card's). No card is shown there, and the
 * words inside are read as they stand.
 * - `before`: a word joined to the term's first word by a hyphen or a space. "anti-cancer cells",
 *   "anti-tumour cells" are immune cells that attack the cancer, the opposite of the cancer-cell card
 *   (as "non-cancer cells" are not cancer cells: isNegated); "immune-inflamed", "T-cell-inflamed"
 *   say a tumor is full of immune cells (a "hot" tumor), not red and swollen as the everyday
 *   Inflamed card explains.
 * - `after`: the text after the term. "inflamed (hot) tumors", "inflamed and non-inflamed tumors",
 *   "inflamed, excluded and desert tumors", "inflamed or 'hot'": said of a tumor over a short aside or
 *   a list, the immune sense, as in the hot-tumor card's own "inflamed tumor" ("the skin was inflamed
 *   and the tumor grew", "inflamed and tumors formed" keep the everyday card: a list item must stand
 *   after "and", and no article may). "Tight chest muscles" are sore muscles after exercise, no
 *   chest tightness. "ALK 120 U/L", "ALK.PHOS": a lab report's alkaline phosphatase (ALK_LAB_AFTER_RE),
 *   not the ALK gene.
 * - "renal pelvis", "kidney pelvis", "renal pelvic tumors": the funnel inside the kidney that collects
 *   urine, not the hip-bone area the pelvis card explains ("renal" keeps the kidneys card). An entry
 *   for the renal pelvis, if one is written, is read whole first (the longest term wins).
 */
/**
 * A lab report's "ALK" is alkaline phosphatase (a liver and bone blood test), not the ALK gene: before
 * its value ("ALK 120 U/L", "ALK: 98") or a shortened "phosphatase" the alkaline-phosphatase aliases
 * do not write ("ALK.PHOS", "ALK PTASE"). A number after "ALK" is no lab value when it is a share of
 * cases ("EGFR 15%, ALK 5%", "ALK 3 in 100"), the gene's way with numbers.
 */
const ALK_LAB_AFTER_RE =
  /^(?:\.?[ \u00A0]*(?:phos|phosphatase|p['’]?tase)\b|[ \u00A0]*:?[ \u00A0]+\d+(?:[.,]\d+)?(?![\d.,])(?![ \u00A0]*(?:%|(?:percent|per|in|of|to|out|cases|patients|people)\b)))/i;
/**
 * Session 25's bare words, marked on pages about health, in the senses they have there too: "scan"
 * is also what one does to a QR code, a wristband or a letter ("Scan the QR code", "scan your
 * referral letter"); "tissue" also a paper handkerchief ("a box of tissues", "tissue paper");
 * "checkpoint" also the company Checkpoint Therapeutics (it makes a checkpoint inhibitor, so its
 * name is on the very pages the card is for). What is scanned, when it follows the verb, with at
 * most one word between ("your referral letter").
 */
const SCAN_OBJECT_AFTER_RE =
  /^[ \u00A0]+(?:(?:the|this|that|these|a|an|your|our|my|their|his|her)[ \u00A0]+)?(?:[\p{L}-]+[ \u00A0]+)?(?:QR[ \u00A0-]?codes?|bar[ \u00A0-]?codes?|codes?|wristbands?|tickets?|receipts?|documents?|forms?|letters?|passports?|badges?|ID[ \u00A0]+cards?)\b/iu;
/**
 * "checkpoint" as a stop on a way or a milestone, not the immune brake: a company's name ("Checkpoint
 * Therapeutics"), a stop where people are checked ("a police checkpoint", "the border checkpoint"), a
 * point reached on a way ("the next checkpoint in your recovery", "the halfway checkpoint",
 * "a checkpoint appointment", "your six-month checkpoint"). Words before that only the milestone or
 * the stop takes ("a key checkpoint protein" stays the immune card; not "next": "the next checkpoint
 * to target after PD-1" is the immune one, last review session 26), a time before it, and what
 * follows: the way it is a point on, or the meeting it is.
 */
const CHECKPOINT_STOP_BEFORE = new Set(['halfway', 'midway', 'final', 'border', 'police', 'military', 'army', 'roadside', 'road']);
/** A time before it makes it a follow-up visit ("your six-month checkpoint", "the 12-week checkpoint"). */
const CHECKPOINT_TIME_BEFORE_RE = /\b(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)[-\u2010\u2011 \u00A0](?:day|week|month|year)[ \u00A0]+$/i;
const CHECKPOINT_OTHER_AFTER_RE =
  /^[ \u00A0]+(?:Therapeutics\b|(?:in|on|along|of|during|through)[ \u00A0]+(?:your|their|her|his|our|the|a|this)[ \u00A0]+(?:recovery|journey|progress|rehab\w*|road|route|race|course|programmes?|programs?|plans?|treatment[ \u00A0]+plans?)\b|(?:appointments?|visits?|meetings?|calls?|reviews?|check-?ins?)\b)/i;
/** `bare`: the readings hold for the term written as one word only ("the next checkpoint", not "the next checkpoint protein"). */
type OtherSense = { before?: ReadonlySet<string>; beforeText?: RegExp; after?: RegExp; bare?: true };
const ENTRY_OTHER_SENSE: Record<string, OtherSense> = Object.assign(
  Object.create(null) as Record<string, OtherSense>,
  {
    'imaging-test': { after: SCAN_OBJECT_AFTER_RE },
    tissue: {
      before: new Set(['paper', 'facial', 'toilet', 'kleenex']),
      beforeText: /\b(?:box|boxes|pack|packs|packet|packets)[ \u00A0]+of[ \u00A0]+$/i,
      after: /^[ \u00A0]+(?:paper|box(?:es)?)\b/i,
    },
    'immune-checkpoint': { before: CHECKPOINT_STOP_BEFORE, beforeText: CHECKPOINT_TIME_BEFORE_RE, after: CHECKPOINT_OTHER_AFTER_RE, bare: true },
    'cancer-cell': { before: new Set(['anti']) },
    inflamed: {
      before: new Set(['immune', 'cell']),
      after:
        /^(?:[ \u00A0]*(?:(?:,|(?:and|or)\b|\/)[ \u00A0]*){0,2}(?:\([^()]{0,24}\)|["“'‘][\p{L} -]{1,16}["”'’]|non-inflamed\b|(?:immune-)?(?:excluded|desert)\b))*(?:[ \u00A0]*tumou?rs?\b|[ \u00A0]*(?:(?:,|(?:and|or)\b)[ \u00A0]*){0,2}(?:\(["“'‘]?hot\b|["“'‘]hot["”'’]))/iu,
    },
    'chest-tightness': { after: /^[ \u00A0]+muscles?\b/i },
    alk: { after: ALK_LAB_AFTER_RE },
    pelvis: { before: new Set(['renal', 'kidney']) },
  },
);
/**
 * Forms of an entry that, written alone, are also everyday words, where the entry's other forms are
 * not: "progression-free" is a game's or a sport's "progression-free run", "a progression-free build",
 * while "progression-free survival" and "PFS" say only the cancer measure. Such a form is read as a
 * guess (`fuzzy`, as a short form read from its list is): marked only on a page about health
 * (glossary/health-page.ts), and no sign that the page is one. The entry keeps its other forms
 * everywhere, which the entry-wide generalSense would take off non-health pages too. By the entry:
 * the whole term as written.
 */
const GENERAL_SENSE_FORM: Record<string, RegExp> = Object.assign(Object.create(null) as Record<string, RegExp>, {
  'progression-free-survival': /^progression[-\u2010\u2011 \u00A0]?free$/i,
});
/**
 * "anti-tumor cell proliferation", "anti-cancer cell growth": "anti-" said of what tumor cells do
 * (against their growth), where a term that opens with "anti" and closes on "cell" ("anti-tumor
 * cell": the tumor-reactive T cells card, right in "the patient's own anti-tumour cells") names the
 * wrong thing. The words of such a process after "cell"; the term is not read there.
 */
const CELL_PROCESS_AFTER_RE =
  /^[ \u00A0-]+(?:proliferation|proliferative|growth|migration|invasion|invasiveness|viability|survival|death|apoptosis|division|cycle|lines?|adhesion|motility|metastasis|spread|killing|lysis|cytotoxicity)\b/i;
/**
 * Aliases that name another entry's word only to pin their own sense, whose card explains only
 * their own word: "urology registrar" (bare "registrar" is also the registrar of births and deaths,
 * a university's or a domain's: round 28), "adhesions to the colon" (bare "adhesions" is also cell
 * adhesion, tape's or paint's: round 37). The other word keeps its own card, as it has where the
 * phrase is no alias ("radiology resident", "spread to the colon"). By the entry: its own word
 * (`own`), which alone shows its card, and the word next to it that starts the other entry's words:
 * `before` it, a field named as one ("urology", "oncology", "gynaecology": the words before are read
 * as their term; "surgical registrar", "specialist registrar" stay whole), or `after` it ("to": the
 * words after are read as they stand; "pelvic adhesions", "adhesions from surgery" stay whole), where
 * the word after may itself open the other entry's words ("IV chemotherapy": bare "IV" is also the
 * numeral of "stage IV", so only "IV" before a drug word is read as the route).
 */
const PINNED_OWN_WORD: Record<string, { own: RegExp; before?: RegExp; after?: RegExp }> = Object.assign(
  Object.create(null) as Record<string, { own: RegExp; before?: RegExp; after?: RegExp }>,
  {
    'resident-doctor': { own: /^registrars?$/i, before: /ology$/i },
    adhesions: { own: /^adhesions?$/i, after: /^to$/i },
    // "IV chemotherapy", "IV antibiotics": the route on "IV", the drug on its own word (round 40 took
    // "IV chemotherapy" off the infusion card, whose card then covered the word chemotherapy).
    intravenous: { own: /^IV$/i, after: /^(?:chemo|chemotherapy|antibiotics?)$/i },
  },
);

/**
 * The word of an alias that an entry's card is marked on when the alias pins its sense with another
 * entry's word (PINNED_OWN_WORD: "registrar" in "urology registrar"), or null: the glossary check
 * reads such an alias as found when that word shows the entry.
 */
export function pinnedWordOf(id: string): RegExp | null {
  return PINNED_OWN_WORD[id]?.own ?? null;
}
/**
 * The UK's "surgery": a family doctor's premises ("ring the surgery", "their local surgery or health
 * centre"), where the glossary's "GP surgery" entry is the card and the operation's card is wrong. Read
 * only where nothing else can be meant: "surgery" listed with a health centre or a GP
 * (PLACE_PARTNER_*), rung or phoned (PLACE_CALL_BEFORE), or a place something is asked for, booked
 * or kept "at your surgery" (PLACE_AT_BEFORE); for the last two, only where the noun ends there
 * (PLACE_END_AFTER: "call the surgery team", "at your surgery center" stay the operation's). "Local
 * surgery" alone, "after your surgery", "At your surgery, the anesthesiologist …" are operations.
 */
const PLACE_PARTNER_AFTER_RE =
  /^\s*(?:,|or|and|\/)\s*(?:(?:a|the|your|their|our|local)\s+)*(?:health\s+cent(?:re|er)|medical\s+centre|GP\b(?!\s+(?:referrals?|appointments?|visits?|care|letters?|follow-?ups?|consultations?|reviews?|check-?ups?|treatment)\b))\b/i;
/**
 * After a listed "surgery": words that make it the operation whatever it is listed with ("her GP and
 * surgery was planned", "your GP or surgery team"): a noun it names a kind of, or its past.
 */
const PLACE_LISTED_NOT_AFTER_RE = /^\s+(?:team|teams|centers?|centres?|units?|department|dates?|wounds?|sites?|lists?|wards?|waiting|scars?|recovery|risks?|complications?|was|were|went)\b/i;
const PLACE_PARTNER_BEFORE_RE = /(?:\bhealth\s+cent(?:re|er)|\bmedical\s+centre|\bGP(?:\s+practice)?)\s*(?:,|or|and|\/)\s*(?:(?:a|the|your|their|our|local)\s+)*$/i;
const PLACE_CALL_BEFORE_RE = /\b(?:ring|rings|rang|ringing|phone|phones|phoned|phoning|call|calls|called|calling)\s+(?:the|your|their|our)\s+(?:local\s+)?$/i;
const PLACE_AT_BEFORE_RE =
  /\b(?:ask|asks|asked|asking|book|books|booked|booking|register|registers|registered|registering|available|appointment|appointments|nurse|receptionist|reception|test|tests|jab|jabs)\s+at\s+(?:your|the|their|our)\s+(?:local\s+)?$/i;
const PLACE_END_AFTER_RE = /^(?:\s*$|\s*[.,;:!?)\u2013\u2014]|\s+(?:to|and|or|for|if|on|at|in|as|before|first|directly|now|today|tomorrow|straight|during|when|about|with|who|which|that)\b)/i;
/** How much text around "surgery" the place readings look at. */
const PLACE_REACH = 48;

/**
 * A sub-stage label of cervical cancer's FIGO stages ("IIIC", "3C", "IB2", "IVa"), whose cards explain
 * it mostly for cervical cancer: a main stage (I to IV, 1 to 4), a letter the cervix's stages have, and
 * maybe a digit; the main stage is the one group that matched. "IC", "IIC", "IIID" are no cervical
 * stages, and their cards already speak of other cancers.
 */
const SUB_STAGE_RE = /^(?:(I|1)[ABab]|(II|2)[ABab]|(III|3)[A-Ca-c]|(IV|4)[ABab])[1-3]?$/;
/**
 * Words of a cancer's name that say what kind of cells or growth it is, not where it started
 * ("squamous cell carcinoma", "adenocarcinoma in situ"): the cervix has those too. A cancer's name
 * with any other word names another organ's cancer ("ovarian cancer", "melanoma", "lung cancer").
 * "Minimal deviation adenocarcinoma" and its other name "adenoma malignum" are kinds of the
 * cervix's own (gastric-type) adenocarcinoma: "stage IB2 minimal deviation adenocarcinoma" is a
 * cervical sub-stage.
 */
const CELL_KIND_WORDS = new Set([
  'cancer', 'cancers', 'carcinoma', 'carcinomas', 'tumor', 'tumors', 'tumour', 'tumours', 'squamous', 'cell', 'cells',
  'adenocarcinoma', 'adenocarcinomas', 'adenosquamous', 'neuroendocrine', 'small', 'large', 'clear', 'serous', 'mucinous',
  'invasive', 'keratinizing', 'non', 'in', 'situ', 'primary', 'type', 'gastric', 'glassy', 'undifferentiated', 'poorly', 'differentiated',
  'minimal', 'deviation', 'adenoma', 'malignum',
]);

/** How most English adjectives end ("cardiac", "respiratory", "renal", "chronic", "invasive", "nervous"). */
const ADJECTIVE_END_RE = /(?:ac|al|ar|ary|ic|ous|ive|ory|ile|ent|ant|ed)$/i;
/** Words that sort a kind into types ("types of HPV", "HPV strains"). */
/**
 * Cells and tissue with a general name that a card explains for one organ: the glandular-cells card
 * says "In the cervix, tall glandular cells (also called columnar cells) line the cervical canal",
 * but columnar cells line the thyroid, the breast ducts and the gut as well ("tall cell, columnar
 * cell, cribriform-morular" variants of papillary thyroid cancer; "columnar cell lesions" of the
 * breast). By a term's first word: the entry it reads as there, and the words that name the organ;
 * the term shows that card only where its text names the organ within ORGAN_REACH characters,
 * and no card elsewhere. The same holds for a place named by what goes in there: the insertion-site
 * card is where a needle, a line or a port goes in, but "the tendon's insertion site", "the muscle
 * insertion site" are where a tendon or a muscle attaches to a bone; bare "insertion site" shows
 * the card only where such a device is named near it ("IV insertion site", "catheter insertion
 * site" are aliases of their own, and read anywhere).
 */
interface OrganBound {
  id: string;
  /** The organ's name, for a text that names it (organNamedFor). */
  name: string;
  organ: RegExp;
}
const ORGAN_BOUND: Record<string, OrganBound> = Object.assign(Object.create(null) as Record<string, OrganBound>, {
  columnar: { id: 'glandular-cells', name: 'cervix', organ: /\b(?:(?:endo|ecto)?cervi(?:x|ces|cal)|squamocolumnar|pap|uter(?:us|ine)|womb|transformation zone)\b/i },
  insertion: {
    id: 'insertion-site',
    name: 'catheter',
    organ: /\b(?:catheters?|cannula[es]?|cannulas|needles?|IVs?|intravenous|drips?|PICCs?|ports?|port-a-caths?|midlines?|central lines?|infusions?|tubes?|drains?|sensors?)\b/i,
  },
});
const ORGAN_REACH = 400;

/**
 * A cancer-only card whose words other illnesses use too: "refractory" and "treatment resistance"
 * are the treatment-resistance card ("When cancer does not respond to a treatment…"), but
 * "refractory epilepsy", "treatment resistance in depression" or "the depression was refractory"
 * speak of another illness that treatment does not help, where that card explains the wrong one.
 * By the entry: its terms are not read where a word of such an illness (OTHER_ILLNESS_RE) follows
 * them ("refractory epilepsy"; over "in", "of" or "to" and an article: "resistance in depression"),
 * or where one is within OTHER_ILLNESS_REACH characters and no word of cancer (CANCER_WORD_RE) is.
 * ("Treatment-resistant depression" is the general drug-resistance card's, which speaks of any
 * illness, and keeps it.)
 */
const CANCER_ONLY_IDS = new Set(['treatment-resistance']);
const ILLNESS_WORDS =
  '(?:depression|depressive|epilepsy|epileptic|seizures?|schizophrenia|psychosis|psychotic|bipolar|mania|OCD|obsessive-compulsive|PTSD|migraines?|hypertension|angina|asthma|tuberculosis|antidepressants?|anti-?epileptics?|anticonvulsants?|antipsychotics?)';
const OTHER_ILLNESS_RE = new RegExp(`\\b${ILLNESS_WORDS}\\b`, 'i');
/** The words right after a term that name what it is said of: " epilepsy", " in depression", " to the antidepressants". */
const OTHER_ILLNESS_AFTER_RE = new RegExp(`^[ \\u00A0]+(?:(?:in|of|to)[ \\u00A0]+)?(?:(?:the|a|an|her|his|their|your|my)[ \\u00A0]+)?${ILLNESS_WORDS}\\b`, 'i');
const CANCER_WORD_RE = /\b(?:cancers?|tumou?rs?|\w*carcinomas?|\w*lymphomas?|leuka?emias?|myelomas?|melanomas?|\w*sarcomas?|\w*gliomas?|\w*blastomas?|neoplas\w*|malignan\w*|metasta\w*|oncolog\w*|chemo\w*)\b/i;
const OTHER_ILLNESS_REACH = 400;
/**
 * A symptom or a complication that treatment does not help, which cancer pages name beside the
 * cancer: "refractory pain", "pain that is refractory to opioids", "refractory ascites",
 * "refractory hypercalcemia", "steroid-refractory colitis" (an immune side effect), "refractory
 * symptoms" (palliative sedation), and the heart's or a nerve's "refractory period". There the card
 * ("When cancer does not respond to a treatment…") explains the wrong thing, and no card is shown;
 * unlike OTHER_ILLNESS_RE, these words are not looked for near the term (a cancer page names pain
 * everywhere), only right after it, over up to two words that say what kind ("refractory chronic
 * pain", "refractory malignant ascites"), or before it as what it is said of ("the pain remained
 * refractory", "pain that is refractory", "pain refractory to morphine"). "Refractory nausea and
 * vomiting" is an entry of its own (refractory-nausea), read before this card.
 */
const SYMPTOM_WORDS =
  '(?:pains?|nausea|vomiting|emesis|ascites|an(?:a)?emia|hypercalc(?:a)?emia|hyponatr(?:a)?emia|effusions?|hiccups?|itch(?:ing)?|pruritus|breathlessness|dyspn(?:o)?ea|cough|diarrh(?:o)?ea|constipation|delirium|agitation|insomnia|bleeding|ha?emorrhages?|fevers?|fatigue|hypotension|shock|lymph(?:o)?edema|colitis|pneumonitis|hepatitis|thrombocytopenia|cytopenias?|GVHD|graft-versus-host|symptoms?|periods?)';
/** Up to two words of kind before the symptom, none of them a word that ends the phrase ("refractory to", "refractory and"). */
const SYMPTOM_AFTER_RE = new RegExp(
  `^[ \\u00A0]+(?:(?!(?:to|in|of|with|and|or|but|despite|after|for|from|on|at|by|is|was|are|were|the|a|an)\\b)[\\p{L}-]+[ \\u00A0]+){0,2}${SYMPTOM_WORDS}\\b`,
  'iu',
);
/** The symptom as what the term is said of, over a relative pronoun and verbs of being ("pain that has become refractory"). */
const SYMPTOM_BEFORE_RE = new RegExp(
  `\\b${SYMPTOM_WORDS}(?:[ \\u00A0]+(?:that|which|is|was|are|were|be|been|being|has|have|had|become|becomes|became|remain|remains|remained|stay|stays|stayed|get|gets|got|prove|proves|proved|may|might|can|could|will|would|often|usually|sometimes|still|now|also|very|more|increasingly|completely))*[ \\u00A0]+$`,
  'iu',
);
const SYMPTOM_REACH = 80;

/**
 * The organ an alias of entry `id` must have named near it to be read (ORGAN_BOUND), or null: the
 * glossary check reads such an alias with its organ named after it ("columnar cells. Cervix.").
 */
export function organNamedFor(alias: string, id: string): string | null {
  const bound = ORGAN_BOUND[foldCase(alias.split(/[^\p{L}\p{N}]/u)[0] ?? '')];
  return bound !== undefined && bound.id === id ? bound.name : null;
}

/**
 * Time zones written after a clock time ("1 p.m. MDT", "11 am MDT", "10:00 EST"): a short form that
 * is also a zone's name ("MDT", the multidisciplinary team) is the zone there, not the term.
 */
const TIME_ZONES = new Set(['MDT', 'MST', 'MT', 'EST', 'EDT', 'ET', 'CST', 'CDT', 'CT', 'PST', 'PDT', 'PT', 'AKST', 'AKDT', 'HST', 'AST', 'ADT', 'NST', 'NDT', 'GMT', 'BST', 'UTC', 'WET', 'CET', 'CEST', 'EET', 'IST', 'SAST', 'JST', 'AEST', 'AEDT', 'ACST', 'AWST', 'NZST', 'NZDT']);
/** A clock time just before a word: "1 p.m. ", "11am ", "10:00 ", "9.30 pm ". */
const CLOCK_BEFORE_RE = /(?:\b\d{1,2}(?:[:.]\d{2})?[ \u00A0]?[ap]\.?[ \u00A0]?m\.?|\b\d{1,2}:\d{2})[ \u00A0]*$/i;

/** A Roman numeral that is also a short form: "IV" (intravenous) in "IV site", "IV fluids", "IV access". */
const NUMERAL_SHORT_RE = /^(?:IV|VI|II|III|V|X)$/;
/**
 * The same numeral written with dots, at the start of a text: "I.V." (round 39 made it an
 * intravenous alias) is also "Chapter I.V.", "Henry I.V.", "part I.V.". Its first token is "I",
 * which alone is the pronoun, so the dotted spelling is read from the text. A longer dotted run
 * ("J.I.V. Smith", "I.V.X.") is never read as the term in the first place.
 */
const DOTTED_NUMERAL_RE = /^[IVX](?:\.[IVX])+\.?(?![\p{L}\p{N}])/u;
/** Words that a Roman numeral numbers ("level IV", "grade II"), written in small letters in prose. */
const NUMBERED_WORDS = new Set([
  'level', 'class', 'grade', 'stage', 'stages', 'type', 'phase', 'category', 'tier', 'zone', 'part', 'section', 'chapter',
  'schedule', 'appendix', 'annex', 'article', 'title', 'volume', 'book', 'step', 'degree', 'factor',
  // Lead review, session 20: not 'ward', 'room', 'unit', 'group': in small letters they end a place or an arm before a real IV
  // ("on the ward IV antibiotics", "in the room IV access was lost", "the infusion unit IV pumps", "in the treatment group IV iron");
  // "Ward IV", "Room IV" inside a sentence are still read as numbers (capitalised).
  // Lead review, session 20: research and place labels ("mitochondrial complex IV site", "domain IV site", "region IV site", "trench IV site").
  // Last review session 25: "FIGO IV" (FIGO stage IV).
  'figo',
  'complex', 'complexes', 'domain', 'domains', 'region', 'sector', 'trench', 'camp',
]);

/**
 * A Roman numeral that opens a range or list ending on another ("III" in "grade III–IV", "IIIB"). Not
 * figures: "cycle 2 and IV fluids", "day 1 and IV hydration" are the route.
 */
const RANGE_NUMERAL_RE = /^[IVX]+[A-C]?[12]?$/;
/** Words joining the numerals of a range or a list: "III or IV", "III and IV", "I to IV". */
const RANGE_LINK_RE = /^(?:or|and|to)$/i;

const TYPE_WORDS = new Set(['type', 'types', 'strain', 'strains', 'subtype', 'subtypes']);
const TYPE_WORD_RE = /\b(?:sub)?(?:types?|strains?)\b/i;
/** Most words back from a word that names a type to the type word, across a naming verb ("types of HPV are called high-risk"). */
const TYPE_REACH = 5;
/** Most words after "types of" read for the kind ("types of genital human papilloma viruses (HPV)"). */
const KIND_REACH = 6;
/** Words that give a type its name ("called high-risk", "known as high-risk"). */
const NAMING_WORDS = new Set(['called', 'known', 'termed', 'named', 'classed', 'classified', 'considered']);
/** Words after a risk word that make it a risk of something ("high risk of", "high-risk for"). */
const RISK_OBJECTS = new Set(['of', 'for', 'to', 'from']);
/** Most words after "phase <label>" read for a trial word, and before it. */
const PHASE_REACH = 8;
const PHASE_BACK_REACH = 5;
/** Words between a trial word and "phase <label>" after it: "the trial was a phase 3", "the study, which is the phase 2". */
const PHASE_PREDICATE_WORDS = new Set(['a', 'an', 'the', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'which', 'its', 'their', 'also', 'now']);
/**
 * Words that end the phrase a trial word or a therapy word is looked for in: prepositions, verbs,
 * articles and owners, relative words. "phase 2 starts in June", "first-line managers in the study".
 */
const TRIAL_BETWEEN_BREAKS = new Set([
  'of', 'in', 'on', 'at', 'for', 'to', 'from', 'with', 'by', 'into', 'than', 'after', 'before', 'during', 'while', 'when', 'where', 'who', 'which', 'that',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'do', 'does', 'did', 'not',
  'the', 'this', 'these', 'those', 'our', 'your', 'their', 'its', 'his', 'her', 'my',
]);
/** Words after "phase I", "phase II" in the phases of a drug's breakdown in the body: "phase I metabolism studies". */
const PHASE_OTHER_SENSES = new Set(['metabolism', 'metabolic', 'enzyme', 'enzymes', 'reaction', 'reactions', 'conjugation', 'biotransformation', 'detoxification']);
/** Most words after "first-line" read for a therapy word. */
const LINE_REACH = 4;
/** Words after "stopped responding to" past which no therapy word is read (respondingTo): "texts about her treatment". */
const RESPONSE_STOP_WORDS = new Set(['about', 'from', 'of', 'for', 'on', 'regarding', 'with', 'by', 'and', 'or', 'in', 'at']);
/** Therapy words that name no treatment after "stopped responding to" ("my settings", "the options"). */
const RESPONSE_NOT_THERAPY = new Set(['setting', 'settings', 'option', 'options']);
/**
 * Words before a therapy word that make "stopped responding to" it no drug resistance: no drug ("physical therapy", "oxygen
 * therapy"), or a medicine for a symptom, not against an illness ("pain medicine": tolerance or worse pain, not resistance).
 */
const NON_DRUG_THERAPY_BEFORE = new Set(['pain', 'physical', 'occupational', 'speech', 'oxygen', 'light', 'talk', 'talking', 'massage', 'music', 'art', 'behavioral', 'behavioural', 'cognitive', 'group', 'family', 'couples', 'play', 'pet', 'respiratory']);
/** A therapy word, or a drug's or a procedure's name by its stem ("pembrolizumab", "hysterectomy"), in lower case. */
const isTherapyWord = (word: string) => THERAPY_WORDS.has(word) || (word.length >= 8 && DRUG_OR_PROCEDURE_END_RE.test(word));
/** Words that say a line of therapy is meant: "first-line therapy", "second line systemic therapies", "in the first-line setting". */
const THERAPY_WORDS = new Set([
  'therapy', 'therapies', 'treatment', 'treatments', 'chemotherapy', 'chemotherapies', 'chemo', 'immunotherapy', 'immunotherapies', 'chemoimmunotherapy', 'chemoradiation',
  'regimen', 'regimens', 'setting', 'settings', 'option', 'options', 'drug', 'drugs', 'agent', 'agents', 'medicine', 'medicines', 'medication', 'medications', 'inhibitor', 'inhibitors',
]);
/** Words in -s that are no plural noun, read where a plural subject is wanted. */
const FUNCTION_ENDS_S = new Set(['this', 'those', 'these', 'its', 'his', 'has', 'was', 'is', 'does', 'thus', 'plus', 'always', 'perhaps', 'sometimes']);
/** A comma and spaces: "cervical cancer, which has become metastatic", "recurrent, or persistent". */
const COMMA_SPACE_RE = /^,[ \u00A0]+$/;
/** Most words of a cancer's name before a verb ("stage 4 cervical cancer"). */
const MAX_SUBJECT_WORDS = 6;

/** Most words in a bracketed aside read over between a disease-state word and a cancer's name. */
const MAX_ASIDE = 8;
const ASIDE_OPEN_RE = /^[ \u00A0]+\($/;
const ASIDE_CLOSE_RE = /^\)[ \u00A0]+$/;
/** What an aside cannot hold: brackets, the end of a sentence or a line. */
const ASIDE_BREAK_RE = /[()[\]\n.!?;:]/;

/** Articles a listed item may begin with ("a CBC or a metabolic panel"). */
const ARTICLES = new Set(['a', 'an', 'the']);
/** The gap between a short form and the word listed with it ("X-ray, CT", "DVT/PE"): a comma or a slash. */
const LISTED_MARK_RE = /^[ \u00A0]*[,/][ \u00A0]*$/;
/** The end of a sentence, for lists of summary stages ("stage at diagnosis: localized (…), regional (…)": a colon ends none). */
const SENTENCE_BREAK_RE = /[.!?;\n•]/;
/** Most words of an explanation in brackets after a summary stage ("regional (the tumor has spread to nearby organs …)"). */
const MAX_STAGE_ASIDE = 30;
/** Words a list of summary stages may stand before ("localized, regional and distant stage", "(regional and distant combined)"). */
const SUMMARY_STAGE_HEADS = new Set(['stage', 'stages', 'combined', 'disease', 'cancer', 'cancers']);
/** Words in a sentence that make a list of summary stages one of stages ("stage at diagnosis: localized, …"). */
const STAGE_WORDS = new Set(['stage', 'stages', 'staging', 'staged']);

/** Characters that join the pieces of an address, a file name or a handle: "ClinicalTrials.gov", "@cancer_care". */
const NAME_JOINERS = new Set(['.', '/', '@', '_', '#']);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * True when a match is part of a name rather than a word in a sentence: a web address, an e-mail,
 * a file name or a hashtag ("ClinicalTrials.gov" is a website, not a clinical trial).
 */
export function isInsideName(text: string, start: number, end: number): boolean {
  const after = text[end];
  const before = text[start - 1];
  if (before === '#') return true;
  const joinedAfter = after !== undefined && NAME_JOINERS.has(after) && after !== '#' && isWordChar(text[end + 1]) && !isProseDot(text, end);
  const joinedBefore = before !== undefined && NAME_JOINERS.has(before) && isWordChar(text[start - 2]) && !isProseDot(text, start - 1);
  // Words joined by hyphens in an address's path ("…/immunotherapy-for-advanced-cervical-cancer/") touch no
  // joiner of their own: a run of text that is plainly a web address makes every word in it a name.
  if (!joinedAfter && !joinedBefore) return inWebAddress(text, start, end);
  if ((joinedAfter && after !== '/') || (joinedBefore && before !== '/')) return true;
  // A slash also joins words in prose ("PD-1/PD-L1 inhibitors", "carboplatin/paclitaxel"): it
  // makes a name only inside an address, a run of text with a dot or "://" in it.
  return looksLikeAddress(text, start, end);
}

/** A footnote's number after a full stop ("chemotherapy.¹", "chemotherapy.12"), then the end of the run. */
const FOOTNOTE_AFTER_DOT_RE = /^(?:[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+|\d{1,3})(?![\p{L}\p{N}]|[./@_#][\p{L}\p{N}])/u;
/** A capitalised word after a full stop ("vagina.The"), then no joiner of a name ("Cancer.Net.au", "x.Gov/"). */
const SENTENCE_AFTER_DOT_RE = /^\p{Lu}\p{Ll}+(?![\p{L}\p{N}]|[./@_#][\p{L}\p{N}])/u;
/** File types and top-level domains, which a name may write capitalised ("chemo.Docx", "cancer.Gov"). */
const NAME_ENDING_RE = /^(?:Pdf|Docx?|Html?|Txt|Rtf|Jpe?g|Png|Gif|Xlsx?|Pptx?|Csv|Zip|Com|Org|Net|Gov|Edu|Info|Uk|Au|Ca|Nz|Ie|Io)(?![\p{L}\p{N}])/u;
/** A word of small letters, at least two, before a full stop, with no joiner of a name before it ("e.g", "x.cancer"). */
const PROSE_BEFORE_DOT_RE = /(?:^|[^\p{L}\p{N}./@_#])\p{Ll}{2,}$/u;

/**
 * True when the full stop at `dot` ends a sentence in prose though it touches the next word: text
 * taken from a page that sets its footnote numbers after the stop ("after platinum chemotherapy.¹"),
 * or a page that left out the space after it ("the cervix and vagina.The cancer"). A lower-case word,
 * a stop, then a capitalised word is a new sentence: names are written otherwise ("ClinicalTrials.gov",
 * "cancer.gov" end in small letters, "report.PDF" in capitals, "Cancer.Net" starts with a capital;
 * "e.g." has a word of one letter; "chemo.Docx", "cancer.Gov" end in a file type or a domain), and a
 * run written as a web address or an e-mail stays a name.
 */
function isProseDot(text: string, dot: number): boolean {
  if (text[dot] !== '.' || !/\p{L}/u.test(text[dot - 1] ?? '')) return false;
  const rest = text.slice(dot + 1, dot + 40);
  if (FOOTNOTE_AFTER_DOT_RE.test(rest)) return true;
  if (!SENTENCE_AFTER_DOT_RE.test(rest) || NAME_ENDING_RE.test(rest) || !PROSE_BEFORE_DOT_RE.test(text.slice(Math.max(0, dot - 40), dot))) return false;
  const from = runStart(text, dot);
  return !inWebAddress(text, dot, dot + 1, from) && !runAround(text, dot, dot + 1, from).includes('@');
}

/** Where the run of non-space text holding `start` begins. */
function runStart(text: string, start: number): number {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
  return from;
}

/** The run of non-space text around [start, end); `from`, its start, when the caller has it (one backward walk, not two). */
function runAround(text: string, start: number, end: number, from = runStart(text, start)): string {
  let to = end;
  while (to < text.length && !/\s/.test(text[to]!)) to++;
  return text.slice(from, to);
}

/** Where a web address starts: its scheme ("https://", "ftp://") or "www.". */
const ADDRESS_START_RE = /[a-z][a-z0-9+.-]*:\/\/|www\./i;
/**
 * True when [start, end) is part of a web address: in its run of non-space text, a scheme or "www."
 * starts before its end ("Source:https://…/advanced-cervical-cancer", "(www.cancer.gov/types"). The
 * words of a link's text that touch the address after them are not ("[Monoclonal
 * Antibodies](https://…)", "vagina.The](https://…)").
 */
function inWebAddress(text: string, start: number, end: number, from = runStart(text, start)): boolean {
  return ADDRESS_START_RE.test(text.slice(from, end));
}
/** A domain, then a path or the run's end: "cancer.gov/immunotherapy", "example.org". */
const DOMAIN_RE = /[\p{L}\p{N}]\.[a-z]{2,}(?:\/|$)/u;

/** True when [start, end) is part of a web address, or its run of non-space text is a path on a domain. */
function looksLikeAddress(text: string, start: number, end: number): boolean {
  const from = runStart(text, start);
  return inWebAddress(text, start, end, from) || DOMAIN_RE.test(runAround(text, start, end, from));
}

/**
 * True when token j is a short abbreviation alone in brackets between two words of a phrase:
 * "receptor (CAR) T", with one space (or none) outside each bracket.
 */
function isBracketedAbbreviation(text: string, raw: string, prevEnd: number, start: number, end: number, nextStart: number): boolean {
  if (raw.length > 8 || !isAcronymToken(raw)) return false;
  const before = text.slice(prevEnd, start);
  const after = text.slice(end, nextStart);
  return (before === ' (' || before === '(') && (after === ') ' || after === ')');
}

/** Brackets a gap's marks open, less those they close: "(" 1, ")" -1, ") (" 0. */
function bracketsOpened(marks: string): number {
  let open = 0;
  for (const c of marks) open += c === '(' ? 1 : c === ')' ? -1 : 0;
  return open;
}

/** A token of marks ("/", "'", ",") that an alias writes between two words. */
export const isMarks = (raw: string) => !/[\p{L}\p{N}]/u.test(raw);

/** An alias's tokens, with the marks of each gap that does not join as a token of its own. */
function aliasTokens(alias: string): string[] {
  const out: string[] = [];
  let end = -1;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(alias); m !== null; m = TOKEN_RE.exec(alias)) {
    const marks = end >= 0 ? punctuationKey(alias.slice(end, m.index)) : null;
    if (marks !== null) out.push(marks);
    out.push(stripSoftHyphens(m[0]));
    end = m.index + m[0].length;
  }
  return out;
}

/**
 * One token of an alias's spelling as the trie stores it: its text, and the case form the page
 * must write (null: any case; AFTER_DASH first: after a hyphen or dash, see code-names.ts).
 */
interface Piece {
  raw: string;
  form: string | null;
}

/** Join variants of each run of words between marks, combined: ["HER2","/","neu"] stays one variant. */
function aliasVariants(tokens: string[]): Piece[][] {
  let variants: Piece[][] = [[]];
  let run: string[] = [];
  const flush = (marks: string | null) => {
    const runVariants = run.length > 0 ? joinVariants(run) : [[]];
    variants = variants.flatMap((v) => runVariants.map((r) => (marks === null ? [...v, ...r] : [...v, ...r, { raw: marks, form: null }])));
    run = [];
  };
  for (const t of tokens) {
    if (isMarks(t)) flush(t);
    else run.push(t);
  }
  flush(null);
  return variants;
}

/**
 * Every way of gluing neighbouring tokens (["PD","L1"] → [["PD","L1"], ["PDL1"]]) and of splitting
 * a code between a letter and a digit, after a hyphen (["PDL","-1"], ["CD","-19"]: code-names.ts).
 * The first variant glues and splits nothing: the words as the alias writes them.
 */
function joinVariants(tokens: string[]): Piece[][] {
  // Where the run may be cut, in order: between its words (glued, or apart with any joining gap)
  // and inside its codes (glued, or apart after a dash).
  let joined = '';
  const cuts: { at: number; inCode: boolean }[] = [];
  for (const t of tokens) {
    if (joined !== '') cuts.push({ at: joined.length, inCode: false });
    for (const c of codeCuts(t)) cuts.push({ at: joined.length + c, inCode: true });
    joined += t;
  }
  const gaps = tokens.length - 1;
  const codeCutCount = cuts.length - gaps;
  // A word mask's bit glues a gap; a code mask's bit cuts a code.
  const wordMasks = tokens.length <= MAX_JOIN_TOKENS ? [...Array(1 << gaps).keys()] : [0, (1 << gaps) - 1];
  const codeMasks = codeCutCount <= MAX_CODE_CUTS ? [...Array(1 << codeCutCount).keys()] : [0];
  const out: Piece[][] = [];
  for (const wordMask of wordMasks) {
    variants: for (const codeMask of codeMasks) {
      const variant: Piece[] = [];
      let from = 0;
      let afterDash = false;
      let g = 0;
      let c = 0;
      for (const cut of cuts) {
        const apart = cut.inCode ? (codeMask & (1 << c++)) !== 0 : (wordMask & (1 << g++)) === 0;
        if (!apart) continue;
        const piece = pieceOf(joined.slice(from, cut.at), afterDash, cut.inCode);
        if (piece === null) continue variants;
        variant.push(piece);
        from = cut.at;
        afterDash = cut.inCode;
      }
      const last = pieceOf(joined.slice(from), afterDash, false);
      if (last !== null) out.push([...variant, last]);
    }
  }
  return out;
}

/** Capitals and digits only: what a part of a split code may hold. */
const CODE_CHARS_RE = /^[A-Z0-9]+$/;

/** A piece and its case form; null for a part of a code glued to a word ("PDL-1expression"). */
function pieceOf(raw: string, afterDash: boolean, beforeCodeCut: boolean): Piece | null {
  const partOfCode = afterDash || beforeCodeCut;
  if (partOfCode && !CODE_CHARS_RE.test(raw)) return null;
  // A part of a code keeps its case even as one capital ("T-4" is not "t-4").
  if (afterDash) return { raw, form: AFTER_DASH + raw };
  return { raw, form: partOfCode || isAcronymToken(raw) ? raw : null };
}

/**
 * A matcher's trie as plain data, built at glossary build time (glossary/generated/match-trie.json)
 * so that pages load it instead of building it: building costs tens of milliseconds on every
 * page and frame (every alias's spelling variants normalised and glued), loading a few.
 */
export interface CompiledTrie {
  /** How many entries and aliases (expansions included) it was built from: a cheap staleness check. */
  entries: number;
  aliases: number;
  /** Normalised token keys; the trie's edges name them by index. */
  vocabulary: string[];
  /** Vocabulary ids of the words as aliases write them (their pieces may be glued back, see fragments). */
  words: number[];
  /** Entry ids the trie's nodes end on. */
  ids: string[];
  /** Accepted spellings of acronym tokens, as written; after AFTER_DASH when the page must write a dash before it. */
  caseForms: string[];
  /**
   * The trie, breadth first (root first). Numbered that way, edge e leads to node e + 1, so no
   * edge needs to say where its node is; per node its edge count and the entry it ends on
   * (index in `ids` + 1, 0: none); per edge its vocabulary id; the few acronym edges as
   * [edge, case form index] pairs. Nodes are read when a scan first reaches them.
   */
  edgeCounts: number[];
  nodeIds: number[];
  edgeTokens: number[];
  edgeForms: number[];
}

/** Counts what a trie is built from, for CompiledTrie's staleness check. */
export function trieSourceSize(entries: readonly MatchableEntry[]): { entries: number; aliases: number } {
  let aliases = 0;
  for (const e of entries) aliases += e.aliases.length + (e.expansion ? 1 : 0);
  return { entries: entries.length, aliases };
}

/**
 * A loaded trie's vocabulary read in place (match-binary.ts: a hash table built at glossary build
 * time), so loading it makes no Map of every key; with the spelling corrector's candidates and the
 * sorted fragment words pre-built beside it.
 */
export interface VocabularyTable {
  readonly size: number;
  /** The key's id, or -1. */
  find(key: string): number;
  key(id: number): string;
  /** The spelling corrector's tables; null while they are loading (fuzzyLoaded). */
  fuzzy(): FuzzyTables | null;
  /** While the corrector's tables are loading, resolves once they are in; null once they are. */
  fuzzyLoaded(): Promise<void> | null;
  /** The words (`words`) of two glue pieces or more, lower-case a–z, sorted. */
  fragmentWords(): readonly string[];
}

/** Key ↔ id, for a trie being built or loaded. */
interface Vocab {
  readonly size: number;
  get(key: string): number | undefined;
  has(key: string): boolean;
  /** Adds a new key; its id is the size before. */
  add(key: string): number;
  key(id: number): string;
  /** Every key, in id order (made once for a table; kept up to date). */
  list(): readonly string[];
  /** The pre-built tables, while no key has been added to them. */
  table(): VocabularyTable | null;
}

function mapVocab(keys: readonly string[]): Vocab {
  const map = new Map<string, number>();
  const list: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    map.set(keys[i]!, i);
    list.push(keys[i]!);
  }
  return {
    get size() {
      return list.length;
    },
    get: (key) => map.get(key),
    has: (key) => map.has(key),
    add(key) {
      const id = list.length;
      map.set(key, id);
      list.push(key);
      return id;
    },
    key: (id) => list[id]!,
    list: () => list,
    table: () => null,
  };
}

/** A VocabularyTable, plus the keys a matcher adds (the reader's own terms) in a Map of their own. */
function tableVocab(table: VocabularyTable): Vocab {
  let added: Map<string, number> | null = null;
  let addedKeys: string[] = [];
  let list: string[] | null = null;
  return {
    get size() {
      return table.size + addedKeys.length;
    },
    get(key) {
      const id = table.find(key);
      return id >= 0 ? id : added?.get(key);
    },
    has(key) {
      return table.find(key) >= 0 || (added?.has(key) ?? false);
    },
    add(key) {
      const id = table.size + addedKeys.length;
      (added ??= new Map()).set(key, id);
      addedKeys.push(key);
      list?.push(key);
      return id;
    },
    key: (id) => (id < table.size ? table.key(id) : addedKeys[id - table.size]!),
    list() {
      if (!list) {
        list = Array.from({ length: table.size }, (_, i) => table.key(i));
        list.push(...addedKeys);
      }
      return list;
    },
    table: () => (added === null ? table : null),
  };
}

interface TrieState {
  vocab: Vocab;
  wordKeys: Set<number>;
  root: TrieNode;
}

/** Adds aliases to a trie (a new one, or one loaded from a CompiledTrie). */
function trieBuilder(state: TrieState) {
  const { vocab, wordKeys, root } = state;
  const vocabId = (key: string): number => vocab.get(key) ?? vocab.add(key);

  // Aliases share most of their words and glued forms: normalise each spelling once.
  const keyCache = new Map<string, number>();
  const keyId = (raw: string): number => {
    let id = keyCache.get(raw);
    if (id === undefined) {
      id = vocabId(isMarks(raw) ? raw : tokenKey(raw));
      keyCache.set(raw, id);
    }
    return id;
  };

  const addAlias = (alias: string, entryId: string) => {
    const rawTokens = aliasTokens(alias);
    if (rawTokens.length === 0) return;
    const variants = aliasVariants(rawTokens);
    // The words as written (the first variant glues nothing) are what text may split.
    for (const { raw } of variants[0]!) if (!isMarks(raw)) wordKeys.add(keyId(raw));
    for (const variant of variants) {
      let node = root;
      for (const { raw, form } of variant) {
        const id = keyId(raw);
        node.edges ??= new Map();
        const edges = node.edges.get(id) ?? [];
        let edge = edges.find((e) => formOf(e) === form);
        if (!edge) {
          edge = makeEdge(form, { edges: null, id: null });
          edges.push(edge);
          node.edges.set(id, edges);
        }
        node = child(edge);
      }
      // First entry to claim a form keeps it; validation reports conflicts.
      node.id ??= entryId;
    }
  };

  return (entries: readonly MatchableEntry[]) => {
    for (const entry of entries) {
      for (const alias of entry.aliases) addAlias(alias, entry.id);
      if (entry.expansion) addAlias(entry.expansion, entry.id);
    }
  };
}

const emptyState = (): TrieState => ({ vocab: mapVocab([]), wordKeys: new Set(), root: { edges: null, id: null } });

/** Builds the trie of `entries` as plain data (at glossary build time; see CompiledTrie). */
export function compileTrie(entries: readonly MatchableEntry[]): CompiledTrie {
  const state = emptyState();
  trieBuilder(state)(entries);
  const ids: string[] = [];
  const idIndex = new Map<string, number>();
  const caseForms: string[] = [];
  const formIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], value: string) => {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  };
  // Breadth first: the e-th edge written leads to the (e + 1)-th node written.
  const order: TrieNode[] = [state.root];
  const edgeCounts: number[] = [];
  const nodeIds: number[] = [];
  const edgeTokens: number[] = [];
  const edgeForms: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    const edges = [...(node.edges ?? [])].flatMap(([token, list]) => list.map((edge) => [token, edge] as const));
    edgeCounts.push(edges.length);
    nodeIds.push(node.id === null ? 0 : indexOf(idIndex, ids, node.id) + 1);
    for (const [token, edge] of edges) {
      // An edge's case forms hold one spelling (see addAlias).
      const form = formOf(edge);
      if (form !== null) edgeForms.push(edgeTokens.length, indexOf(formIndex, caseForms, form));
      edgeTokens.push(token);
      order.push(child(edge));
    }
  }
  return { ...trieSourceSize(entries), vocabulary: [...state.vocab.list()], words: [...state.wordKeys], ids, caseForms, edgeCounts, nodeIds, edgeTokens, edgeForms };
}

/**
 * A trie to load, read as it is walked: a CompiledTrie's arrays (trieSource), or the shipped pack's
 * strings (glossary/match-pack.ts), which are decoded one node at a time instead of all up front.
 */
export interface TrieSource {
  /** The keys in id order, or a table read in place (match-binary.ts). */
  vocabulary: readonly string[] | VocabularyTable;
  words: Iterable<number>;
  ids: readonly string[];
  /** Node n's edges are edgeStart(n) … edgeStart(n + 1) - 1 (edge e leads to node e + 1). */
  edgeStart(node: number): number;
  /** Entry the node ends on (index in `ids` + 1, 0: none). */
  nodeId(node: number): number;
  edgeToken(edge: number): number;
  /** The acronym edges' case forms, by edge. */
  edgeForms: { get(edge: number): string | undefined };
  /** The root's edges with this token, in edge order (a pre-built index); without it the index is made at load. */
  rootEdges?(token: number): ArrayLike<number> | undefined;
}

/** A CompiledTrie's plain arrays as a TrieSource. */
export function trieSource(compiled: CompiledTrie): TrieSource {
  const { edgeCounts, nodeIds, edgeTokens, edgeForms, caseForms } = compiled;
  const starts = new Int32Array(edgeCounts.length + 1);
  for (let n = 0; n < edgeCounts.length; n++) starts[n + 1] = starts[n]! + edgeCounts[n]!;
  const forms = new Map<number, string>();
  for (let i = 0; i < edgeForms.length; i += 2) forms.set(edgeForms[i]!, caseForms[edgeForms[i + 1]!]!);
  return {
    vocabulary: compiled.vocabulary,
    words: compiled.words,
    ids: compiled.ids,
    edgeStart: (n) => starts[n]!,
    nodeId: (n) => nodeIds[n]!,
    edgeToken: (e) => edgeTokens[e]!,
    edgeForms: forms,
  };
}

/**
 * The root's edges, made when a walk first asks for a token: the root has an edge for nearly every
 * word an alias starts with (thousands), and most pages meet a few hundred of them.
 */
class RootEdges extends Map<number, Edge[]> {
  constructor(private readonly make: (token: number) => Edge[] | undefined) {
    super();
  }
  override get(token: number): Edge[] | undefined {
    let list = super.get(token);
    if (list === undefined) {
      list = this.make(token);
      if (list) super.set(token, list);
    }
    return list;
  }
}

/** The trie state a TrieSource describes (no normalisation, no variants: a walk over numbers). */
function loadTrie(src: TrieSource): TrieState {
  const { vocabulary, ids, edgeForms } = src;
  const vocab = Array.isArray(vocabulary) ? mapVocab(vocabulary) : tableVocab(vocabulary as VocabularyTable);
  const edge = (e: number): Edge => makeEdge(edgeForms.get(e), null, e + 1, reader);
  const nodeOf = (n: number, edges: Map<number, Edge[]> | null): TrieNode => {
    const id = src.nodeId(n);
    return { edges, id: id === 0 ? null : ids[id - 1]! };
  };
  const reader: TrieReader = {
    read(n: number): TrieNode {
      const first = src.edgeStart(n);
      const end = src.edgeStart(n + 1);
      const node = nodeOf(n, first === end ? null : new Map());
      for (let e = first; e < end; e++) {
        const token = src.edgeToken(e);
        const list = node.edges!.get(token);
        if (list) list.push(edge(e));
        else node.edges!.set(token, [edge(e)]);
      }
      return node;
    },
  };
  if (src.rootEdges) {
    const rootEdges = src.rootEdges.bind(src);
    const root = nodeOf(
      0,
      new RootEdges((token) => {
        const found = rootEdges(token);
        return found ? Array.from(found, edge) : undefined;
      }),
    );
    return { vocab, wordKeys: new Set(src.words), root };
  }
  // The root's edges by token: the first, then each one's next with the same token (-1: none).
  const rootEnd = src.edgeStart(1);
  const head = new Int32Array(vocab.size).fill(-1);
  const nextSame = new Int32Array(rootEnd);
  for (let e = rootEnd - 1; e >= 0; e--) {
    const token = src.edgeToken(e);
    nextSame[e] = head[token]!;
    head[token] = e;
  }
  const root = nodeOf(
    0,
    new RootEdges((token) => {
      if (token < 0 || token >= head.length || head[token]! < 0) return undefined;
      const list: Edge[] = [];
      for (let e = head[token]!; e >= 0; e = nextSame[e]!) list.push(edge(e));
      return list;
    }),
  );
  return { vocab, wordKeys: new Set(src.words), root };
}

/**
 * A matcher for `entries`. With `base` (a CompiledTrie of other entries), the matcher holds the
 * base's entries first, then `entries`: the same as building both, without redoing the base.
 */
export function createMatcher(entries: readonly MatchableEntry[], options: MatcherOptions = {}, base?: CompiledTrie | TrieSource): Matcher {
  const state = base ? loadTrie('edgeCounts' in base ? trieSource(base) : base) : emptyState();
  trieBuilder(state)(entries);
  const { vocab, wordKeys, root } = state;
  // Disease-state words ("advanced", "locally advanced") in a trie of their own, read only before a cancer's name.
  const stateRoot: TrieNode = { edges: null, id: null };
  if (options.readings) {
    trieBuilder({ vocab, wordKeys: new Set(), root: stateRoot })(options.readings.stateWords.map(({ id, words }) => ({ id, aliases: words })));
  }
  const cancerNames = new Set(options.readings?.cancerNames ?? []);
  // Nouns that mean a cancer in general ("cancer", "tumor"), by vocabulary id: subjects of a state ("the cancer is recurrent").
  const cancerNouns = new Set((options.readings?.cancerNouns ?? []).map((noun) => vocab.get(tokenKey(noun))).filter((id) => id !== undefined));
  // What a cancer does ("spread", "come back"): each form by its first word, lower case, with the
  // words after it, its entry and what it may follow (VERB_ROLES by its place among the forms).
  const cancerVerbForms = new Map<string, VerbForm[]>();
  for (const { id, forms } of options.readings?.cancerVerbs ?? []) {
    forms.forEach((form, k) => {
      const [word, ...rest] = foldCase(form).split(' ');
      const list = cancerVerbForms.get(word!) ?? [];
      const same = list.find((f) => f.id === id && f.rest.join(' ') === rest.join(' '));
      if (same) same.roles |= VERB_ROLES[k] ?? 0;
      else list.push({ id, rest, roles: VERB_ROLES[k] ?? 0 });
      cancerVerbForms.set(word!, list);
    });
  }
  // Acronyms that are also words ("AIDS", "NICE"): in a run of capitals they may be the word.
  const wordAcronyms = new Set(options.readings?.wordAcronyms ?? []);
  // Short forms left out as aliases ("CT", "PE"), as written, with their entries and families.
  const shortForms = new Map<string, { id: string; family: ReadonlySet<string> }[]>();
  for (const { short, id, family } of options.readings?.shortForms ?? []) {
    const list = shortForms.get(short) ?? [];
    list.push({ id, family: new Set(family) });
    shortForms.set(short, list);
  }
  const shortFormsOf = (raw: string) => shortForms.get(raw) ?? (raw.length > 2 && raw.endsWith('s') ? shortForms.get(raw.slice(0, -1)) : undefined);
  // The words of summary stages ("localized", "regional", "distant"), by vocabulary id, and their entries.
  const summaryWords = new Map<number, string>();
  for (const { id, word } of options.readings?.summaryStages ?? []) {
    const key = vocab.get(tokenKey(word));
    if (key !== undefined) summaryWords.set(key, id);
  }
  /** The word "stage" ("stages"), which lists of stages begin with. */
  const stageKey = vocab.get('stage');
  /** Vocabulary ids of the words VERB_AFTER_PLURAL names ("line"): the walk's cheap first test before it looks at the words. */
  const verbAfterPluralIds = new Set(Object.keys(VERB_AFTER_PLURAL).flatMap((word) => vocab.get(word) ?? []));
  /** The slash a term writes between two labels ("phase 1/2 trial"), as a vocabulary key. */
  const slashId = vocab.get('/');
  // Pieces of long words, so text that splits a word ("immuno-therapy") can be glued back. Only
  // words as the aliases write them: their glued variants ("stageivcervicalcancer") are never
  // split in text, and their prefixes made the matcher slow to build. Kept as the sorted words
  // (a piece is looked up by binary search) rather than every prefix: a Set of those cost more
  // to build on every page than the lookups it saved.
  // The pre-built tables (a loaded table vocabulary) hold for the shipped glossary alone: with keys
  // added (the reader's own terms) the words are worked out as for any other matcher.
  const table = vocab.table();
  let fragmentWords: readonly string[] | null = null;
  const isFragmentPiece = (piece: string) => {
    if (piece.length < MIN_FRAGMENT && !isHyphenPrefix(piece)) return false;
    fragmentWords ??=
      table?.fragmentWords() ??
      [...wordKeys]
        .map((id) => vocab.key(id))
        .filter((key) => key.length >= 2 * MIN_FRAGMENT && /^[a-z]+$/.test(key))
        .sort();
    let lo = 0;
    let hi = fragmentWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fragmentWords[mid]! < piece) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < fragmentWords.length && fragmentWords[i]!.startsWith(piece); i++) {
      if (fragmentWords[i]!.length - MIN_FRAGMENT >= piece.length) return true;
    }
    return false;
  };

  /** Corrections put off while the table corrector's data loads (Matcher.deferred). */
  let deferred = 0;
  const fuzzy: FuzzyCorrector | null =
    options.fuzzy === false
      ? null
      : // The corrector keeps only long lower-case words as candidates (and does so lazily).
        table
        ? createTableCorrector(
            () => table.fuzzy(),
            (key) => vocab.has(key),
            () => deferred++,
          )
        : createFuzzyCorrector(vocab.list(), options.fuzzyExclusions, vocab);

  let cache = new Map<string, number>();
  /** Glued word pairs ("check"+"point") already looked up: -1 when not a glossary word. */
  const glueCache = new Map<string, number>();

  const resolveKey = (key: string): { id: number; fuzzy: boolean } => {
    const exact = vocab.get(key);
    if (exact !== undefined) return { id: exact, fuzzy: false };
    const corrected = fuzzy?.correct(key) ?? null;
    if (corrected !== null) return { id: vocab.get(corrected)!, fuzzy: true };
    return { id: -1, fuzzy: false };
  };

  const resolve = (raw: string): number => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const before = deferred;
    const { id, fuzzy: wasFuzzy } = resolveKey(tokenKey(raw));
    const isFragment = (raw.length >= MIN_FRAGMENT || raw.length === 2) && isFragmentPiece(foldCase(raw));
    const isVerb = cancerVerbForms.size > 0 && cancerVerbForms.has(foldCase(raw));
    const isShort = shortForms.size > 0 && raw.length <= 7 && shortFormsOf(raw) !== undefined;
    const r = packed(id, (wasFuzzy ? FLAG_FUZZY : 0) | (isFragment ? FLAG_FRAGMENT : 0) | (isVerb ? FLAG_VERB : 0) | (isShort ? FLAG_SHORT : 0));
    // Not kept when its correction was put off: once the corrector's tables are in, it may resolve.
    if (deferred !== before) return r;
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(raw, r);
    return r;
  };

  // What find() is reading: the text, its tokens (where each starts and ends, and what it resolved
  // to) and the best match of the walk under way. find() is synchronous and never re-entered, so one
  // set per matcher serves every call, and the helpers below are made once rather than for every
  // text node.
  let text = '';
  let raws: string[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  let res: number[] = [];
  let n = 0;
  // The view coordination.ts reads, made only when a list, a label or a pronoun is looked at.
  let view: Tokens | null = null;
  const tokens = (): Tokens => (view ??= { text, raws, starts, ends });
  let bestEnd = -1;
  let bestId: string | null = null;
  let bestFuzzy = false;
  /** Whether a term starts at a token, for lists and pronouns: made when first asked. */
  let startsTermMemo = null as Map<number, boolean> | null;
  /** Labels listed after a stage ("stages IVA and IVB"): made when one is seen. */
  let listedLabels = null as Map<number, string> | null;
  /** The text around this one on the page's line (Matcher.find), and the tokens read with it: asked for once. */
  let context: (() => TextContext | null) | undefined;
  let wideView: { t: Tokens; first: number } | null | undefined;
  /** The last token of the last state word read after a verb ("is recurrent"), for a list after it ("or persistent"). */
  let predicateLast = -1;
  /** Summary stages read in the sentences looked at (summaryStage), by token, and the last token of those sentences. */
  let summaryRead: Map<number, string> | null = null;
  let summaryUpTo = -1;
  /** Whether the text read has a type word ("types", "strains"), for typeNamed: asked once. */
  let typeWordIn: boolean | null = null;
  /** Lets go of the text read last (and of token arrays a huge text grew). */
  const release = () => {
    text = '';
    view = null;
    startsTermMemo = null;
    listedLabels = null;
    context = undefined;
    wideView = undefined;
    predicateLast = -1;
    summaryRead = null;
    summaryUpTo = -1;
    typeWordIn = null;
    if (raws.length > 4096) {
      raws = [];
      starts = [];
      ends = [];
      res = [];
    }
  };

  // Depth-first over the trie; at each token either take it alone or glue it to the next.
  // `open`: brackets the term read so far has opened and not closed ("vein (IV" of "vein (IV)").
  const walk = (node: TrieNode, j: number, fuzzyUsed: boolean, gapChecked = false, open = 0) => {
    if (j >= n || node.edges === null) return;
    // A term's abbreviation in brackets inside the term ("chimeric antigen receptor (CAR) T-cell
    // therapy", "tumor-infiltrating lymphocyte (TIL) therapy"): read on past it.
    if (node !== root && j > 0 && j + 1 < n && isBracketedAbbreviation(text, raws[j]!, ends[j - 1]!, starts[j]!, ends[j]!, starts[j + 1]!)) {
      walk(node, j + 1, fuzzyUsed, true, open);
    }
    const r = res[j]!;
    if (!gapChecked && j > 0 && node !== root) {
      const gap = text.slice(ends[j - 1]!, starts[j]!);
      if (!isJoiningGap(gap) && !isQuotedPartGap(j, gap)) {
        // Marks the term itself writes there ("HER2/neu", "Hodgkin's lymphoma", "(3-D)").
        const marks = punctuationKey(gap);
        const markId = marks === null ? undefined : vocab.get(marks);
        const markEdges = markId === undefined ? undefined : node.edges.get(markId);
        if (markEdges) for (const edge of markEdges) walk(child(edge), j, fuzzyUsed, true, open + bracketsOpened(marks!));
        return;
      }
      // "phase 1-2 trial", "phase I–II study": a dash between two rising labels reads as the slash
      // the term writes there ("phase 1/2 trial"), the two named together, not as the first alone.
      if (slashId !== undefined && STAGE_RANGE_DASH_RE.test(gap) && isLabel(raws[j - 1]!) && isLabel(raws[j]!)) {
        const slashEdges = node.edges.get(slashId);
        const from = slashEdges ? stageOrder(raws[j - 1]!) : -1;
        if (from >= 0 && stageOrder(raws[j]!) > from) for (const edge of slashEdges!) walk(child(edge), j, fuzzyUsed, true, open);
      }
    }
    const id = idOf(r);
    if (id >= 0 && !(node !== root && verbAfterPluralIds.has(id) && isVerbAfterPlural(j))) step(node, id, raws[j]!, j, j, fuzzyUsed || (r & FLAG_FUZZY) !== 0, open);
    // A lone letter is never the tail of a split word: "com a" (Portuguese "with the") is not "coma".
    // A lone digit may be ("HER 2", "BRCA 1").
    const glueGap = r & FLAG_FRAGMENT && j + 1 < n ? text.slice(ends[j]!, starts[j + 1]!) : '';
    if (glueGap !== '' && !isLoneLetter(raws[j + 1]!) && isJoiningGap(glueGap) && gluesAcross(raws[j]!, glueGap)) {
      // Gluing repairs spacing ("immuno-therapy"), not spelling: the glued word must be exact,
      // or "response to" would be "corrected" to "response".
      const pair = raws[j]! + raws[j + 1]!;
      let glued = glueCache.get(pair);
      if (glued === undefined) {
        // The second piece keeps its own spelling variant: "angio-oedema" is "angio" + "edema".
        glued = vocab.get(tokenKey(pair)) ?? vocab.get(gluedKey(raws[j]!, raws[j + 1]!)) ?? -1;
        if (glueCache.size >= CACHE_LIMIT) glueCache.clear();
        glueCache.set(pair, glued);
      }
      if (glued >= 0) step(node, glued, pair, j, j + 1, fuzzyUsed, open);
    }
  };
  /**
   * True when the gap before token j is a quote mark that sets off part of a term ("'Just in Case'
   * medicines", "“standard” treatment", "study ‘endpoints’"), so the term is read across it as across
   * a space. Only a word or short phrase in quote marks (at most MAX_QUOTED words, with spaces or
   * hyphens between them, in one text) whose marks pair up: a closing mark needs its opening one
   * before those words, an opening mark its closing one after them. A closing quote that ends a
   * longer quotation ("… we call palliative” care homes") is the end of what was said, and the words
   * after it are not read as the same term; nor is an apostrophe after a plural ("patients' rights"),
   * which has no opening mark.
   */
  const isQuotedPartGap = (j: number, gap: string): boolean => {
    const m = gap.length <= 4 ? QUOTE_GAP_RE.exec(gap) : null;
    if (m === null) return false;
    const plainGap = (k: number) => isJoiningGap(text.slice(ends[k - 1]!, starts[k]!));
    if (m[1] !== undefined) {
      const openers = OPENERS_OF[m[1]]!;
      for (let k = j - 1; k >= 0 && j - k <= MAX_QUOTED; k--) {
        const at = starts[k]! - 1;
        if (at >= 0 && openers.includes(text[at]!) && QUOTE_OUTSIDE_RE.test(text.charAt(at - 1))) return true;
        if (k === 0 || !plainGap(k)) return false;
      }
      return false;
    }
    const closers = CLOSERS_OF[m[2]!]!;
    for (let k = j; k < n && k - j < MAX_QUOTED; k++) {
      const at = ends[k]!;
      if (at < text.length && closers.includes(text[at]!) && QUOTE_OUTSIDE_RE.test(text.charAt(at + 1))) return true;
      if (k + 1 >= n || !plainGap(k + 1)) return false;
    }
    return false;
  };
  /** Tokens first..last (raw) read as the trie's token id from node. */
  const step = (node: TrieNode, id: number, raw: string, first: number, last: number, fuzzyUsed: boolean, open: number) => {
    const edges = node.edges!.get(id);
    if (!edges) return;
    for (const edge of edges) {
      if (!caseAccepts(edge.caseForms, raw)) continue;
      // A code split where its alias is not ("CD-19" for CD19) counts as a guess, as a spelling
      // correction does: marked only on a page about health ("AK-104" is also a rifle).
      if (edge.afterDash && !dashBefore(first)) continue;
      const guessed = fuzzyUsed || edge.afterDash;
      const next = child(edge);
      // Longest wins; of two as long, one read as written wins over a guess ("MK-3475" is an alias
      // as well as a split of "MK3475").
      const better = ends[last]! > bestEnd || (ends[last] === bestEnd && bestFuzzy && !guessed);
      if (next.id !== null && better && !(raws[last] === 'I' && isPronounI(tokens(), last, startsTerm)) && closesAt(last, open) && !isPhrasalVerbEnd(last) && !endsBeforeOtherSense(last)) {
        bestEnd = ends[last]!;
        bestId = next.id;
        bestFuzzy = guessed;
      }
      walk(next, last + 1, guessed, false, open);
    }
  };
  /**
   * A term that opened a bracket ends where the text closes it: "vein (IV)" is read in "into a vein
   * (IV)", not in "where the needle goes into a vein (IV site)", whose bracket holds more than the
   * term's words (an alias's closing bracket is no token of the trie, so the walk would end at "IV").
   */
  const closesAt = (last: number, open: number) => open <= 0 || /^[ \u00A0]*\)/.test(text.slice(ends[last]!, ends[last]! + 3));
  /**
   * "cases of flu shot up this winter", "the drug targets a protein": a term's last word that is a
   * verb with the word after it (PHRASAL_ENDS) ends no term there; a shorter one is read instead
   * ("flu"). "Keep your flu shot up to date" keeps the noun.
   */
  const isPhrasalVerbEnd = (last: number): boolean => {
    const verbWith = last + 1 < n ? PHRASAL_ENDS[foldCase(raws[last]!)] : undefined;
    if (verbWith === undefined || !verbWith.has(foldCase(raws[last + 1]!)) || !SPACE_GAP.test(text.slice(ends[last]!, starts[last + 1]!))) return false;
    return !(last + 2 < n && /^to$/i.test(raws[last + 2]!) && last + 3 < n && /^date$/i.test(raws[last + 3]!));
  };
  /** "organoid pattern", "herpes gestationis", "clinical translation services": a term's last word that names another thing with the word after it (OTHER_SENSE_AFTER). */
  const endsBeforeOtherSense = (last: number): boolean => {
    const other = last + 1 < n ? OTHER_SENSE_AFTER[foldCase(raws[last]!)] : undefined;
    if (other === undefined || !SPACE_GAP.test(text.slice(ends[last]!, starts[last + 1]!))) return false;
    const next = foldCase(raws[last + 1]!);
    return other.has(next) || (last + 2 < n && SPACE_GAP.test(text.slice(ends[last + 1]!, starts[last + 2]!)) && other.has(`${next} ${foldCase(raws[last + 2]!)}`));
  };
  /** "cancer cells line the duct": token j, inside a term, is the verb of the plural before it (VERB_AFTER_PLURAL), not the term's next word. */
  const isVerbAfterPlural = (j: number): boolean => {
    const plurals = VERB_AFTER_PLURAL[foldCase(raws[j]!)];
    return plurals !== undefined && plurals.has(foldCase(raws[j - 1]!)) && SPACE_GAP.test(text.slice(ends[j - 1]!, starts[j]!));
  };
  const dashBefore = (j: number) => j > 0 && DASH_RE.test(text.slice(ends[j - 1]!, starts[j]!));

  /** The longest term that starts at token j (asked mid-walk, so the walk's best match is kept), or null. */
  const termAt = (j: number): { id: string; end: number; fuzzy: boolean } | null => {
    if (res[j] === 0) return null;
    const saved = [bestEnd, bestId, bestFuzzy] as const;
    bestEnd = -1;
    bestId = null;
    bestFuzzy = false;
    walk(root, j, false);
    const found = bestId === null ? null : { id: bestId, end: bestEnd, fuzzy: bestFuzzy };
    [bestEnd, bestId, bestFuzzy] = saved;
    return found;
  };
  /** True when a term starts at token j (remembered: lists and pronouns ask again). */
  function startsTerm(j: number): boolean {
    if (res[j] === 0) return false;
    startsTermMemo ??= new Map();
    let known = startsTermMemo.get(j);
    if (known === undefined) {
      known = termAt(j) !== null;
      startsTermMemo.set(j, known);
    }
    return known;
  }

  /** The entry "GP surgery" spells out (gp-surgery), found when first needed; null without one. */
  let placeId: string | null | undefined;
  const gpSurgeryId = (): string | null => {
    if (placeId !== undefined) return placeId;
    placeId = null;
    const gp = vocab.get('gp');
    const surgery = vocab.get('surgery');
    if (gp === undefined || surgery === undefined) return null;
    for (const first of root.edges?.get(gp) ?? []) {
      for (const second of child(first).edges?.get(surgery) ?? []) {
        const node = child(second);
        if (node.id !== null) return (placeId = node.id);
      }
    }
    return null;
  };
  /** The GP's premises, not an operation, for the one word "surgery" at token i (PLACE_*_RE), or null. */
  const surgeryPlace = (i: number, end: number): string | null => {
    if (end !== ends[i] || foldCase(raws[i]!) !== 'surgery') return null;
    const before = text.slice(Math.max(0, starts[i]! - PLACE_REACH), starts[i]!);
    const after = text.slice(end, end + PLACE_REACH);
    const listed = (PLACE_PARTNER_AFTER_RE.test(after) || PLACE_PARTNER_BEFORE_RE.test(before)) && !PLACE_LISTED_NOT_AFTER_RE.test(after);
    const place = listed || ((PLACE_CALL_BEFORE_RE.test(before) || PLACE_AT_BEFORE_RE.test(before)) && PLACE_END_AFTER_RE.test(after));
    return place ? gpSurgeryId() : null;
  };
  /**
   * "stage 3C ovarian cancer", "stage IIIC endometrial cancer": a sub-stage (SUB_STAGE_RE), matched as
   * "stage" and its label at tokens i..i+1, right before the name of a cancer that is not the cervix's
   * (its words name another organ: CELL_KIND_WORDS, no "cervix"/"cervical"). The sub-stage's card
   * explains it mostly for cervical cancer, so it reads as its main stage's entry, whose card is about
   * most cancers (the entry "stage" and the main stage spell: stage-iii for IIIC). "stage IIIC
   * cervical cancer", "stage IIIC squamous cell carcinoma" and a bare "stage IIIC" keep the sub-stage.
   */
  const mainStage = (i: number, end: number, id: string): string | null => {
    if (stageKey === undefined || idOf(res[i]!) !== stageKey || i + 2 >= n || end !== ends[i + 1]) return null;
    const label = SUB_STAGE_RE.exec(raws[i + 1]!);
    const h = i + 2;
    if (label === null || !SPACE_GAP.test(text.slice(ends[i + 1]!, starts[h]!)) || !isCancerNameAt(h)) return null;
    const cancer = termAt(h)!;
    const words = text.slice(starts[h]!, cancer.end).toLowerCase().split(/[^a-z]+/).filter(Boolean);
    if (words.some((w) => w.startsWith('cervi')) || words.every((w) => CELL_KIND_WORDS.has(w))) return null;
    const written = label.slice(1).find((g) => g !== undefined)!;
    const main = vocab.get(tokenKey(written));
    if (main === undefined) return null;
    for (const stage of root.edges?.get(stageKey) ?? []) {
      for (const edge of child(stage).edges?.get(main) ?? []) {
        if (edge.afterDash || !caseAccepts(edge.caseForms, written)) continue;
        const node = child(edge);
        if (node.id !== null && node.id !== id) return node.id;
      }
    }
    return null;
  };
  /** The last token of a term read from token i up to `end`. */
  const lastTokenOf = (i: number, end: number): number => {
    let last = i;
    while (last + 1 < n && ends[last + 1]! <= end) last++;
    return last;
  };
  /** Whether the word before token i is one of `words`, joined to it by spaces or a hyphen ("man flu", "anti-cancer"). */
  const joinedAfterOneOf = (i: number, words: ReadonlySet<string>): boolean =>
    i > 0 && words.has(foldCase(raws[i - 1]!)) && /^(?:[ \u00A0]+|[-‐‑])$/.test(text.slice(ends[i - 1]!, starts[i]!));
  /** "man flu", "chimney flu": a word before token i that makes its term another thing (OTHER_SENSE_BEFORE). */
  const hasOtherSense = (i: number): boolean => {
    const before = i > 0 ? OTHER_SENSE_BEFORE[foldCase(raws[i]!)] : undefined;
    return before !== undefined && joinedAfterOneOf(i, before);
  };
  /**
   * A term at token i, read as `id` up to `end`, with words around it that make that entry's card
   * the wrong one (ENTRY_OTHER_SENSE: "anti-cancer cells", "immune-inflamed", "tight chest muscles"),
   * or one that opens with "anti" and closes on "cell" before what cells do ("anti-tumor cell
   * proliferation": CELL_PROCESS_AFTER_RE).
   */
  const hasEntryOtherSense = (i: number, end: number, id: string): boolean => {
    const sense = ENTRY_OTHER_SENSE[id];
    if (sense?.bare === true && lastTokenOf(i, end) !== i) return false;
    if (sense?.before !== undefined && joinedAfterOneOf(i, sense.before)) return true;
    if (sense?.after !== undefined && sense.after.test(text.slice(end, end + 64))) return true;
    if (sense?.beforeText !== undefined && sense.beforeText.test(text.slice(Math.max(0, starts[i]! - 32), starts[i]!))) return true;
    if (!/^anti/i.test(raws[i]!)) return false;
    return /^cell$/i.test(raws[lastTokenOf(i, end)]!) && CELL_PROCESS_AFTER_RE.test(text.slice(end, end + 40));
  };
  /**
   * A term that opens with a Roman numeral ("IV site", "IV fluids", "IV access") right after a word
   * the numeral numbers: a label in small letters ("level IV", "grade II", "stage IV") or a
   * capitalised word inside a sentence ("a Level IV site", "Class IV", "Henry IV"). There the
   * numeral is a number, not the short form the term writes, and the term is not read. The same
   * for the numeral written with dots ("Chapter I.V.", "Henry I.V.": DOTTED_NUMERAL_RE).
   */
  const isNumbered = (i: number): boolean => {
    if (i === 0 || !(NUMERAL_SHORT_RE.test(raws[i]!) || DOTTED_NUMERAL_RE.test(text.slice(starts[i]!, starts[i]! + 8)))) return false;
    const gap = text.slice(ends[i - 1]!, starts[i]!);
    const word = raws[i - 1]!;
    // "a Level-IV site", "grade-IV": a hyphen after a numbered label numbers too.
    if (/^[-\u2010\u2011]$/.test(gap) && NUMBERED_WORDS.has(foldCase(word))) return true;
    if (/^[ \u00A0]*[-\u2010-\u2015/][ \u00A0]*$/.test(gap) && RANGE_NUMERAL_RE.test(word)) return true;
    if (!/^[ \u00A0]+$/.test(gap)) return false;
    if (NUMBERED_WORDS.has(foldCase(word))) return true;
    // Last review session 25: the far end of a range or list of numerals ("grade III–IV", "stage III/IV",
    // "IIIB–IV", "I, II, III and IV"), whose label came before its first numeral. Not after the pronoun "I".
    if (RANGE_LINK_RE.test(word) && i >= 2 && raws[i - 2] !== 'I' && /^[ \u00A0]+$/.test(text.slice(ends[i - 2]!, starts[i - 1]!)) && RANGE_NUMERAL_RE.test(raws[i - 2]!)) return true;
    return NAME_LIKE_RE.test(word) && !startsSentence(text, starts[i - 1]!);
  };
  /** A time zone's name after a clock time ("1 p.m. MDT"): the zone, not a one-word term at token i (TIME_ZONES); "1 p.m. MDT meeting" stays the meeting. */
  const isTimeZone = (i: number): boolean =>
    TIME_ZONES.has(raws[i]!) && CLOCK_BEFORE_RE.test(text.slice(Math.max(0, starts[i]! - 16), starts[i]!));
  /** "relative survival of HeLa cells", "abnormal smear of the peripheral blood": the words after a term ending at `end` make it another thing (OTHER_SENSE_OBJECT). */
  const hasOtherObject = (i: number, end: number): boolean => {
    const last = lastTokenOf(i, end);
    const object = OTHER_SENSE_OBJECT[foldCase(raws[last]!)];
    return object !== undefined && object.test(text.slice(end, end + 120));
  };
  /** A one-word short form at token i whose sense its text does not support, or whose other sense surrounds it (SHORT_SENSE). */
  const lacksShortSense = (i: number): boolean => {
    // Its plural too ("MDTs"): an acronym's plural is its capitals and a small "s".
    const raw = raws[i]!;
    const sense = SHORT_SENSE[raw] ?? (raw.endsWith('s') ? SHORT_SENSE[raw.slice(0, -1)] : undefined);
    if (sense === undefined) return false;
    const around = text.slice(Math.max(0, starts[i]! - SHORT_SENSE_REACH), ends[i]! + SHORT_SENSE_REACH);
    const next = i + 1 < n && SPACE_GAP.test(text.slice(ends[i]!, starts[i + 1]!)) ? foldCase(raws[i + 1]!) : '';
    if (sense.other.test(around) || sense.otherAfter.has(next)) return true;
    const prev = i > 0 && SPACE_GAP.test(text.slice(ends[i - 1]!, starts[i]!)) ? foldCase(raws[i - 1]!) : '';
    return !sense.before.has(prev) && !sense.after.has(next) && !sense.near.test(around);
  };
  /** A cancer-only term at token i, read as `id` up to `end`, said of another illness (CANCER_ONLY_IDS): "refractory epilepsy", or of a symptom: "refractory pain". */
  const forOtherIllness = (i: number, end: number, id: string): boolean => {
    if (!CANCER_ONLY_IDS.has(id)) return false;
    if (OTHER_ILLNESS_AFTER_RE.test(text.slice(end, end + 64))) return true;
    if (SYMPTOM_AFTER_RE.test(text.slice(end, end + SYMPTOM_REACH)) || SYMPTOM_BEFORE_RE.test(text.slice(Math.max(0, starts[i]! - SYMPTOM_REACH), starts[i]!))) return true;
    const around = text.slice(Math.max(0, starts[i]! - OTHER_ILLNESS_REACH), end + OTHER_ILLNESS_REACH);
    return OTHER_ILLNESS_RE.test(around) && !CANCER_WORD_RE.test(around);
  };
  /** A term at token i, read as `id` up to `end`, that names cells of one organ where its text names no such organ (ORGAN_BOUND). */
  const outOfOrgan = (i: number, end: number, id: string): boolean => {
    const bound = ORGAN_BOUND[foldCase(raws[i]!)];
    return bound !== undefined && bound.id === id && !bound.organ.test(text.slice(Math.max(0, starts[i]! - ORGAN_REACH), end + ORGAN_REACH));
  };

  /**
   * "non-hematologic toxicity", "non-Hodgkin lymphoma": the term after "non-" names the opposite
   * thing, so it is not shown (a term that includes the "non", such as "non-small cell lung
   * cancer", is matched from the "non" itself).
   */
  const isNegated = (i: number) => i > 0 && foldCase(raws[i - 1]!) === 'non' && /^[-‐‑–]?$/.test(text.slice(ends[i - 1]!, starts[i]!));

  /** The "s" of "Merck's" or "drug’s": never the start of a term ("S phase"). */
  const isPossessiveS = (i: number) => i > 0 && raws[i] === 's' && /^['’ʼ]$/.test(text.slice(ends[i - 1]!, starts[i]!));

  /** True when an exact match of a cancer's name starts at token j ("melanoma", "NSCLC"). */
  const isCancerNameAt = (j: number): boolean => {
    if (cancerNames.size === 0) return false;
    const term = termAt(j);
    return term !== null && !term.fuzzy && cancerNames.has(term.id) && !isNegated(j) && !isInsideName(text, starts[j]!, term.end);
  };
  /** The longest disease-state word that starts at token i, exactly as written ("advanced", "locally advanced"), or null. */
  const stateAt = (i: number): { id: string; last: number } | null => {
    if ((res[i]! & FLAG_FUZZY) !== 0) return null;
    const edges = stateRoot.edges?.get(idOf(res[i]!));
    if (!edges) return null;
    const saved = [bestEnd, bestId, bestFuzzy] as const;
    bestEnd = -1;
    bestId = null;
    bestFuzzy = false;
    for (const edge of edges) {
      if (!caseAccepts(edge.caseForms, raws[i]!)) continue;
      const next = child(edge);
      if (next.id !== null && ends[i]! > bestEnd) {
        bestEnd = ends[i]!;
        bestId = next.id;
      }
      walk(next, i + 1, false);
    }
    let found: { id: string; last: number } | null = null;
    if (bestId !== null && !bestFuzzy) {
      let last = i;
      while (ends[last]! < bestEnd) last++;
      found = { id: bestId, last };
    }
    [bestEnd, bestId, bestFuzzy] = saved;
    return found;
  };
  /**
   * "advanced melanoma", "unresectable hepatocellular carcinoma": a disease-state word right
   * before a cancer's name reads as the state's entry (advanced-cancer); the name keeps its own.
   */
  const stateBeforeCancer = (i: number): { id: string; last: number } | null => {
    const state = stateAt(i);
    if (state === null || state.last + 1 >= n) return null;
    const next = nextWord(state.last);
    return next >= 0 && isCancerNameAt(next) ? state : null;
  };
  /**
   * The token after token j's gap, read over a short aside in brackets: "advanced-stage (stage 3 or
   * 4) uterine cancer" → "uterine". An aside is at most MAX_ASIDE words of one piece of text (no end
   * of a sentence, no bracket inside), and spaces stand on both sides of its closing bracket. -1 for
   * any other gap.
   */
  const nextWord = (j: number): number => {
    if (j + 1 >= n) return -1;
    const gap = text.slice(ends[j]!, starts[j + 1]!);
    if (SPACE_GAP.test(gap)) return j + 1;
    if (!ASIDE_OPEN_RE.test(gap)) return -1;
    for (let k = j + 1; k < n - 1 && k - j <= MAX_ASIDE; k++) {
      const after = text.slice(ends[k]!, starts[k + 1]!);
      if (ASIDE_CLOSE_RE.test(after)) return k + 1;
      if (ASIDE_BREAK_RE.test(after)) return -1;
    }
    return -1;
  };

  /**
   * "an IV push": a match whose words before another, longer match are only articles and
   * prepositions ("an IV") yields to it ("IV push"): the longer reading names the thing.
   */
  const yieldsToLonger = (i: number, end: number): boolean => {
    if (!isFunctionWord(raws[i]!)) return false;
    let k = i + 1;
    while (k < n && ends[k]! < end && isFunctionWord(raws[k]!)) k++;
    if (k >= n || ends[k]! > end) return false;
    const inner = termAt(k);
    return inner !== null && !inner.fuzzy && inner.end > end;
  };

  /** The trie nodes that exact tokens first..last spell out from the root ("stage" + "IVB"). */
  const pathNodes = (path: readonly number[]): TrieNode[] => {
    let nodes: TrieNode[] = [root];
    for (const j of path) {
      if ((res[j]! & FLAG_FUZZY) !== 0 || idOf(res[j]!) < 0) return [];
      const next: TrieNode[] = [];
      for (const node of nodes) for (const edge of node.edges?.get(idOf(res[j]!)) ?? []) if (!edge.afterDash && caseAccepts(edge.caseForms, raws[j]!)) next.push(child(edge));
      if (next.length === 0) return [];
      nodes = next;
    }
    return nodes;
  };
  const tokensOf = (item: Item) => Array.from({ length: item.last - item.first + 1 }, (_, k) => item.first + k);

  /**
   * An item that starts no term by itself but does with a noun shared over a list: "recurrent,
   * metastatic, or persistent cervical cancer" → "recurrent" reads as "recurrent cervical
   * cancer". Only the item itself is marked; the noun is matched where it stands.
   */
  /** The term an item forms with the noun from token h, read across the words between them (ending at `end` if given), or null. */
  const withNoun = (item: Item, h: number, end = -1): string | null => {
    const nodes = pathNodes(tokensOf(item));
    if (nodes.length === 0) return null;
    bestEnd = -1;
    bestId = null;
    bestFuzzy = false;
    for (const node of nodes) walk(node, h, false, true);
    return bestId !== null && !bestFuzzy && (end < 0 || bestEnd === end) ? bestId : null;
  };
  /** What an item of a list means with the list's noun, the term that starts at token h, or null. */
  const itemReading = (item: Item, h: number, headEnd: number): string | null => {
    let id = withNoun(item, h);
    // "single-arm, open-label, multicenter phase II trial": with the noun's last words ("single-arm trial").
    for (let s = h + 1; id === null && s < n && ends[s]! <= headEnd; s++) id = withNoun(item, s, headEnd);
    // "recurrent or metastatic melanoma": a disease-state word before a cancer's name.
    if (id === null) {
      const state = stateAt(item.first);
      if (state !== null && state.last === item.last && isCancerNameAt(h)) id = state.id;
    }
    return id;
  };
  const matchSharedHead = (i: number): { id: string; last: number } | null => {
    // A list goes on after the word at i only over a comma or "or"/"and": most words are
    // followed by neither, and need no token view.
    let k = i;
    while (k + 1 < n && isHyphenGap(text.slice(ends[k]!, starts[k + 1]!))) k++;
    if (k + 1 >= n || (!text.slice(ends[k]!, starts[k + 1]!).includes(',') && !isConjunction(raws[k + 1]!))) return null;
    const list = sharedList(tokens(), i);
    if (list === null) return null;
    for (const h of list.heads) {
      // The shared noun must be a term by itself ("cervical cancer"): "the cancer and it never
      // comes back" has no list of kinds, and "cancer comes back" must not be read across it.
      const head = termAt(h);
      if (head === null) {
        // "cardiac or respiratory arrest": a noun that is no term by itself ("arrest") is shared only
        // where every item, the first included, makes an entry with it, all ending at the same word
        // ("cardiac arrest", "respiratory arrest"), and the first item is one word shaped like an
        // adjective (ADJECTIVE_END_RE): a noun there is a thing of its own ("germs or cancer cells" are
        // no germ cells, "their own health and family history" no health history). "heart or lung
        // problems" with one of the two an entry only is no list of kinds, and stays as it was.
        if (list.first.last !== list.first.first || !ADJECTIVE_END_RE.test(raws[list.first.first]!)) continue;
        const id = withNoun(list.first, h);
        const end = bestEnd;
        if (id !== null && list.items.every((item) => withNoun(item, h, end) !== null)) return { id, last: list.first.last };
        continue;
      }
      // Every item is a term, alone or with the noun ("persistent" → "persistent cervical
      // cancer"): "plan the dose" or "an abnormal screening result" is no list of kinds.
      if (!list.items.every((item) => startsTerm(item.first) || itemReading(item, h, head.end) !== null)) continue;
      const id = itemReading(list.first, h, head.end);
      if (id !== null) return { id, last: list.first.last };
    }
    return null;
  };

  /**
   * "high-risk and low-risk types of human papillomavirus (HPV)", "these types of HPV are called
   * high-risk", "other strains (known as 'high-risk') cause cancer": a word that the glossary writes
   * before a kind's name as another entry ("high-risk HPV") reads as that entry where its sentence
   * sorts the kind into types by it: the term stands before a type word (TYPE_WORDS), alone or listed
   * with another, or after one and a naming verb, and its sentence or the one before names the kind
   * with a type word ("types of HPV", "HPV strains"). Tokens i..last are
   * the word's own match, of entry id; the entry it makes with the kind, or null. "a high risk of
   * HPV" (a risk of something) and a kind named apart from any type word keep the word's own entry.
   */
  const typeNamed = (i: number, last: number, id: string): string | null => {
    if (last - i > 2 || (last + 1 < n && RISK_OBJECTS.has(foldCase(raws[last + 1]!)))) return null;
    const breakBefore = (k: number) => SENTENCE_BREAK_RE.test(text.slice(ends[k - 1]!, starts[k]!));
    // It names the type: before the type word ("high-risk types", "a high-risk type of", "high-risk and
    // low-risk types"), or after it and a naming verb ("types of HPV are called high-risk", "strains
    // (known as 'high-risk')"). "Narcotics are a type of analgesic" and "cisplatin is a type of
    // chemotherapy" name a member of the kind, not a type: they keep their own card.
    const isType = (k: number) => k >= 0 && k < n && TYPE_WORDS.has(foldCase(raws[k]!));
    let names = isType(last + 1) && !breakBefore(last + 1);
    // Listed with another type word before the type word: "high-risk and low-risk types".
    if (!names && last + 2 < n && isConjunction(raws[last + 1]!)) {
      let k = last + 2;
      while (k + 1 < n && isHyphenGap(text.slice(ends[k]!, starts[k + 1]!))) k++;
      names = isType(k + 1) && !breakBefore(k + 1);
    }
    for (let k = i - 1, named = false; !names && k >= 0 && i - k <= TYPE_REACH && !breakBefore(k + 1); k--) {
      if (NAMING_WORDS.has(foldCase(raws[k]!))) named = true;
      else if (isType(k)) names = named;
    }
    if (!names) return null;
    // The kind is named in the term's sentence or the one before it ("Many strains of HPV infect the
    // skin. Some strains (known as 'high-risk') cause cancer").
    let first = i;
    while (first > 0 && !breakBefore(first)) first--;
    if (first > 0) first--;
    while (first > 0 && !breakBefore(first)) first--;
    let end = last;
    while (end + 1 < n && !breakBefore(end + 1)) end++;
    const item = { first: i, last };
    for (let t = first; t <= end; t++) {
      if (!TYPE_WORDS.has(foldCase(raws[t]!))) continue;
      const kinds: number[] = [];
      if (t > first && (t - 1 < i || t - 1 > last)) kinds.push(t - 1);
      if (t + 2 <= end && foldCase(raws[t + 1]!) === 'of') for (let k = t + 2; k <= end && k - t <= KIND_REACH; k++) if (k < i || k > last) kinds.push(k);
      for (const k of kinds) {
        const other = withNoun(item, k);
        if (other !== null && other !== id) return other;
      }
    }
    return null;
  };

  /** The entry a path of exact tokens spells out ("stage" + "IVB"), or null. */
  const pathId = (path: readonly number[]): string | null => pathNodes(path).find((node) => node.id !== null)?.id ?? null;
  /**
   * "stages IVA and IVB": a label listed after a term that ends in one takes the term's first
   * words, so "IVB" reads as "stage IVB". Found when the term is; marked when the scan reaches it.
   */
  const noteListedLabels = (first: number, end: number) => {
    const last = lastTokenOf(first, end);
    if (last === first || !isLabel(raws[last]!)) return;
    const prefix: number[] = [];
    for (let j = first; j < last; j++) prefix.push(j);
    for (const item of labelList(tokens(), last)) {
      const id = pathId([...prefix, item]);
      if (id !== null) (listedLabels ??= new Map()).set(item, id);
    }
  };

  /**
   * "SLEEP AIDS", "EXERCISE AIDS RECOVERY", "NICE TO MEET YOU": an acronym that is also an ordinary
   * word (wordAcronyms), matched alone at token i, in a run of capitals (capitals.ts). There it is
   * read as the word (not marked), unless the text makes the acronym certain: it stands alone in
   * brackets, or is paired with another of the glossary's acronyms that is no word ("HIV/AIDS",
   * "HIV AND AIDS"). In text written in small letters an acronym is an acronym, as before.
   */
  const isWordInCapitals = (i: number): boolean => {
    if (wordAcronyms.size === 0 || !wordAcronyms.has(raws[i]!)) return false;
    // With the text around it on the page's line, when the words read reach this text's ends:
    // "<h2><span>SLEEP</span> AIDS</h2>" is one heading.
    const wide = i < CAPITALS_REACH || i >= n - CAPITALS_REACH ? widened() : null;
    const t = wide?.t ?? tokens();
    const first = wide?.first ?? 0;
    const at = first + i;
    if (!inCapitalsRun(t, at) || inOwnBrackets(t, at)) return false;
    return !pairedWith(t, at).some((k) => (k >= first && k < first + n ? isAcronymTerm(k - first) : isAcronymAlone(t.raws[k]!)));
  };
  /**
   * The tokens of this text with those of the text around it (find's context), and where this
   * text's first token is among them; null without a context. Made once per text.
   */
  const widened = (): { t: Tokens; first: number } | null => {
    if (wideView !== undefined) return wideView;
    wideView = null;
    const around = context?.();
    if (!around) return null;
    const before = tokenize(around.before);
    const after = tokenize(around.after);
    if (before.length === 0 && after.length === 0) return null;
    const shift = around.before.length;
    const tail = shift + text.length;
    wideView = {
      first: before.length,
      t: {
        text: around.before + text + around.after,
        raws: [...before.map((x) => x.raw), ...raws, ...after.map((x) => x.raw)],
        starts: [...before.map((x) => x.start), ...starts.map((x) => x + shift), ...after.map((x) => x.start + tail)],
        ends: [...before.map((x) => x.end), ...ends.map((x) => x + shift), ...after.map((x) => x.end + tail)],
      },
    };
    return wideView;
  };
  /** True when `raw`, a word of the text around this one, is one of the glossary's acronyms alone that is no word ("HIV"). */
  const isAcronymAlone = (raw: string): boolean => {
    if (!isAcronymToken(raw) || wordAcronyms.has(raw)) return false;
    const r = resolve(raw);
    if ((r & FLAG_FUZZY) !== 0 || idOf(r) < 0) return false;
    return root.edges?.get(idOf(r))?.some((edge) => edge.caseForms !== null && !edge.afterDash && caseAccepts(edge.caseForms, raw) && child(edge).id !== null) ?? false;
  };
  /** True when an acronym of the glossary that is no word starts a term at token k ("HIV", not "NICE" or "SLEEP"). */
  const isAcronymTerm = (k: number): boolean => {
    const raw = raws[k]!;
    if (!isAcronymToken(raw) || wordAcronyms.has(raw) || (res[k]! & FLAG_FUZZY) !== 0 || idOf(res[k]!) < 0) return false;
    const edges = root.edges?.get(idOf(res[k]!));
    if (!edges?.some((edge) => edge.caseForms !== null && !edge.afterDash && caseAccepts(edge.caseForms, raw))) return false;
    const term = termAt(k);
    return term !== null && !term.fuzzy;
  };

  /**
   * "stage 3 or 4 chronic kidney disease", "stage 2 or 3 lymphedema": stages listed (a range of
   * stages, an alias of its own, or a stage and the labels listed after it) before a thing the
   * glossary stages apart from cancer. The last stage with that thing is a term of its own ("stage 4
   * chronic kidney disease" → ckd-stage), not what the stage alone reads as, and no cancer; then the
   * whole phrase reads as that term. A cancer's name after the stages keeps them as they are
   * ("stage 3 or 4 cervical cancer"), as does a word that changes nothing ("stage III or IV disease").
   */
  const otherStaging = (i: number, end: number): { id: string; end: number } | null => {
    if (stageKey === undefined || idOf(res[i]!) !== stageKey || (res[i]! & FLAG_FUZZY) !== 0) return null;
    const last = lastTokenOf(i, end);
    if (last === i || !isLabel(raws[last]!)) return null;
    // The words before the first label ("stage", "stages"), and the last label listed.
    let firstLabel = i + 1;
    while (firstLabel < last && !isLabel(raws[firstLabel]!)) firstLabel++;
    const listed = labelList(tokens(), last);
    let label = listed.length > 0 ? listed[listed.length - 1]! : last;
    // A range written with a dash or "to" after it ("stage 3-4 CKD", "stages 3 to 5 CKD").
    if (label + 1 < n && isLabel(raws[label + 1]!) && RANGE_GAP_RE.test(text.slice(ends[label]!, starts[label + 1]!))) label++;
    else if (label + 2 < n && foldCase(raws[label + 1]!) === 'to' && isLabel(raws[label + 2]!) && SPACE_GAP.test(text.slice(ends[label + 1]!, starts[label + 2]!))) label += 2;
    const h = label + 1;
    if (h >= n || !SPACE_GAP.test(text.slice(ends[label]!, starts[h]!)) || isCancerNameAt(h)) return null;
    const path = [...tokensOf({ first: i, last: firstLabel - 1 }), label];
    const alone = pathId(path);
    const nodes = pathNodes(path);
    bestEnd = -1;
    bestId = null;
    bestFuzzy = false;
    for (const node of nodes) walk(node, h, false, true);
    const id: string | null = bestId;
    if (id === null || bestFuzzy || id === alone || cancerNames.has(id)) return null;
    return { id, end: bestEnd };
  };

  /** The entry "stage 3 or 4" reads as: the trie's first "stage <label> or <label>" term (stage-range); found when first needed. */
  let rangeId: string | null | undefined;
  const stageRangeId = (): string | null => {
    if (rangeId !== undefined) return rangeId;
    rangeId = null;
    const or = vocab.get('or');
    if (stageKey === undefined || or === undefined) return null;
    const labelEdges = (node: TrieNode): TrieNode[] =>
      [...(node.edges ?? [])].flatMap(([token, edges]) => edges.filter((e) => !e.afterDash && isLabel(e.caseForms?.[0] ?? vocab.key(token))).map(child));
    for (const stage of root.edges?.get(stageKey) ?? []) {
      for (const first of labelEdges(child(stage))) {
        for (const orEdge of first.edges?.get(or) ?? []) {
          const last = labelEdges(child(orEdge)).find((node) => node.id !== null);
          if (last) return (rangeId = last.id);
        }
      }
    }
    return null;
  };
  /**
   * "stage 3-4 cervical cancer", "stages III–IV": two stages joined by a dash read as the range
   * ("stage 3 or 4": stageRangeId), not as the first stage alone. Only "stage(s)" and one label
   * before the dash (the match at i, ending at `end`) and one after it, in rising order and no
   * higher than V, the dash without spaces or with one on each side (STAGE_RANGE_DASH_RE). So
   * "Stage 3 - the treatment" (a heading's separator) and "stage 3-12" (no stage 12) keep the
   * stage alone. Ranges listed as aliases ("stage IB-IVA") are matched by the trie before.
   */
  const stageRange = (i: number, end: number): { id: string; end: number } | null => {
    if (stageKey === undefined || idOf(res[i]!) !== stageKey || (res[i]! & FLAG_FUZZY) !== 0) return null;
    const label = i + 1;
    const next = i + 2;
    if (next >= n || ends[label] !== end || !isLabel(raws[label]!) || !isLabel(raws[next]!)) return null;
    if (!STAGE_RANGE_DASH_RE.test(text.slice(ends[label]!, starts[next]!))) return null;
    const from = stageOrder(raws[label]!);
    if (from < 0 || stageOrder(raws[next]!) <= from) return null;
    // "stage 3-4-5", "stage 3-4.5": not two stages.
    if (next + 1 < n && /^[.,]?$|^[-\u2010-\u2015\u2212]$/.test(text.slice(ends[next]!, starts[next + 1]!)) && /^\d/.test(raws[next + 1]!)) return null;
    const id = stageRangeId();
    return id === null ? null : { id, end: ends[next]! };
  };

  /** The trie nodes reached from `nodes` by the word `raw` (its key and its case form), as a term writes it. */
  const stepWord = (nodes: readonly TrieNode[], raw: string): TrieNode[] => {
    const key = isMarks(raw) ? vocab.get(raw) : vocab.get(tokenKey(raw));
    if (key === undefined) return [];
    const next: TrieNode[] = [];
    for (const node of nodes) for (const edge of node.edges?.get(key) ?? []) if (!edge.afterDash && caseAccepts(edge.caseForms, raw)) next.push(child(edge));
    return next;
  };
  /** The entry the words spell out from the root, as a term writes them ("phase", "1", "/", "2", "trial"), or null. */
  const wordsId = (words: readonly string[]): string | null => {
    let nodes: TrieNode[] = [root];
    for (const word of words) if ((nodes = stepWord(nodes, word)).length === 0) return null;
    return nodes.find((node) => node.id !== null)?.id ?? null;
  };
  const phaseKey = vocab.get('phase');
  /**
   * "The ADRIATIC trial was a phase 3, double-blind, placebo-controlled study", "a phase III
   * KEYNOTE-A18 clinical trial", "the phase III EMPOWER trial", "some phase 2 and all phase 3 clinical
   * trials", "a phase 1b/2 study": "phase" and a phase's label at token i, with no term of its own
   * there, read as the entry the glossary writes "phase <label> trial" for (the combined entry for
   * "1b/2" or a rising "1-2"; "IIIb" as "III" when it has none of its own), when the same sentence
   * makes it a trial's phase: a trial or study word follows within PHASE_REACH words that are no
   * preposition, verb or article (a trial's name, its design: TRIAL_BETWEEN_BREAKS), or stands before
   * it over "was a", "is the", a comma. "phase 3 of the reopening plan", "phase 2 of the study", "the
   * study phase 2" (a phase of that study), "the acute phase", "phase 2 starts in June" stay unread.
   */
  const trialPhase = (i: number): { id: string; last: number } | null => {
    if (phaseKey === undefined || idOf(res[i]!) !== phaseKey || (res[i]! & FLAG_FUZZY) !== 0 || isNegated(i)) return null;
    const label = i + 1;
    if (label >= n || !spaceBefore(label) || !isPhaseLabel(raws[label]!)) return null;
    let last = label;
    if (label + 1 < n && isPhaseLabel(raws[label + 1]!)) {
      const gap = text.slice(ends[label]!, starts[label + 1]!);
      const from = stageOrder(phaseBase(raws[label]!));
      if (gap === '/' || (STAGE_RANGE_DASH_RE.test(gap) && from >= 0 && stageOrder(phaseBase(raws[label + 1]!)) > from)) last = label + 1;
    }
    // "phase 2.5", "phase 3-12", "phase 1-2-3", "phase 2 -3", "phase 3-2": other numbers, or no phase we can name.
    if (last + 1 < n && (/^\d/.test(raws[last + 1]!) || isPhaseLabel(raws[last + 1]!)) && !SPACE_GAP.test(text.slice(ends[last]!, starts[last + 1]!)) && !COMMA_SPACE_RE.test(text.slice(ends[last]!, starts[last + 1]!))) return null;
    if (!trialWordAround(i, last)) return null;
    const words = (strip: boolean) => {
      const out = ['phase', strip ? phaseBase(raws[label]!) : raws[label]!];
      if (last > label) out.push('/', strip ? phaseBase(raws[last]!) : raws[last]!);
      return [...out, 'trial'];
    };
    const id = wordsId(words(false)) ?? wordsId(words(true));
    if (id === null) return null;
    // "phase 2 and 3 trials", "phase II or III studies": labels listed after it are phases of the same trials.
    for (const item of labelList(tokens(), last)) {
      if (!isPhaseLabel(raws[item]!)) break;
      const listed = wordsId(['phase', raws[item]!, 'trial']) ?? wordsId(['phase', phaseBase(raws[item]!), 'trial']);
      if (listed !== null) (listedLabels ??= new Map()).set(item, listed);
    }
    return { id, last };
  };
  /** True when a trial or study word stands near "phase <label>" (tokens i..last) in its sentence: trialPhase. */
  const trialWordAround = (i: number, last: number): boolean => {
    for (let k = last + 1; k < n && k - last <= PHASE_REACH; k++) {
      if (CLAUSE_BREAK_RE.test(text.slice(ends[k - 1]!, starts[k]!))) break;
      const word = foldCase(raws[k]!);
      if (TRIAL_WORDS.has(word)) return true;
      if (TRIAL_BETWEEN_BREAKS.has(word) || PHASE_OTHER_SENSES.has(word)) break;
    }
    for (let k = i - 1; k >= 0 && i - k <= PHASE_BACK_REACH; k--) {
      const gap = text.slice(ends[k]!, starts[k + 1]!);
      if (CLAUSE_BREAK_RE.test(gap)) return false;
      const word = foldCase(raws[k]!);
      // "the study phase 2": a phase of that study.
      if (TRIAL_WORDS.has(word)) return k < i - 1 || !SPACE_GAP.test(gap);
      if (!PHASE_PREDICATE_WORDS.has(word)) return false;
    }
    return false;
  };
  const lineKey = vocab.get('line');
  /**
   * "disease progression after first-line platinum-containing therapy", "the few second line systemic
   * therapies", "first-line pembrolizumab": an ordinal and "line" (tokens i and i + 1, joined by a hyphen
   * or a space) read as the entry the glossary writes "<ordinal>-line therapy" (or "treatment") for,
   * marked on those two words only, when a therapy word (THERAPY_WORDS, or a drug's name by its stem)
   * follows within LINE_REACH words of one phrase, or "of" and one ("first line of treatment"). So the
   * drug class after it keeps its own card ("platinum-based chemotherapy"). "first-line managers",
   * "the first line of the poem", "second line of defense", "front-line staff" stay unread; an
   * ordinal with no such entry ("third-line") too.
   */
  const lineOfTherapy = (i: number): { id: string; last: number } | null => {
    const line = i + 1;
    if (lineKey === undefined || line >= n || idOf(res[line]!) !== lineKey || (res[line]! & FLAG_FUZZY) !== 0 || (res[i]! & FLAG_FUZZY) !== 0) return null;
    const gap = text.slice(ends[i]!, starts[line]!);
    if (!isHyphenGap(gap) && !SPACE_GAP.test(gap)) return null;
    let therapy = false;
    for (let k = line + 1; k < n && k - line <= LINE_REACH; k++) {
      const before = text.slice(ends[k - 1]!, starts[k]!);
      if (!SPACE_GAP.test(before) && !isHyphenGap(before)) break;
      const word = foldCase(raws[k]!);
      // "a front-line setting" is where troops or nurses work; "first-line setting" is said of treatment only.
      const setting = word === 'setting' || word === 'settings';
      if (isTherapyWord(word) && !(setting && foldCase(raws[i]!) === 'front')) {
        therapy = true;
        break;
      }
      if (word === 'of' && k === line + 1) {
        therapy = k + 1 < n && spaceBefore(k + 1) && THERAPY_WORDS.has(foldCase(raws[k + 1]!));
        break;
      }
      if (TRIAL_BETWEEN_BREAKS.has(word)) break;
    }
    if (!therapy) return null;
    const id = wordsId([raws[i]!, 'line', 'therapy']) ?? wordsId([raws[i]!, 'line', 'treatment']);
    return id === null ? null : { id, last: line };
  };

  // The words a "stopped responding to …" phrase opens with, by vocabulary id (respondingTo).
  const responseOpeners = new Set(['stopped', 'stops'].map((w) => vocab.get(tokenKey(w))).filter((k): k is number => k !== undefined));
  /**
   * "who had stopped responding to standard treatments", "the cancer stopped responding to
   * immunotherapy", "stops responding to pembrolizumab": the words before "to" read as the entry the
   * glossary writes "<those words> to treatment" for (drug resistance), marked on those words only,
   * when a therapy word (THERAPY_WORDS, or a drug's name by its stem) follows "to" within LINE_REACH
   * words of one phrase. So the treatment keeps its own card ("standard treatments", "chemotherapy"),
   * where the aliases "stopped responding to standard treatment(s)" hid it. "stopped responding to
   * emails", "the app stopped responding" stay unread. ("no longer responds to …" is left to the
   * aliases: sipuleucel-T's definition says it, and its card does not link drug resistance.)
   */
  const respondingTo = (i: number): { id: string; last: number } | null => {
    if (!responseOpeners.has(idOf(res[i]!)) || (res[i]! & FLAG_FUZZY) !== 0) return null;
    let to = -1;
    for (let k = i + 1; k < n && k - i <= 3; k++) {
      if (!spaceBefore(k)) return null;
      if (foldCase(raws[k]!) === 'to') {
        to = k;
        break;
      }
    }
    if (to < 0 || to === i + 1) return null;
    let therapy = false;
    for (let k = to + 1; k < n && k - to <= LINE_REACH; k++) {
      const before = text.slice(ends[k - 1]!, starts[k]!);
      if (!SPACE_GAP.test(before) && !isHyphenGap(before)) break;
      const word = foldCase(raws[k]!);
      // Lead review, session 20: "stopped responding to texts about her treatment" (the therapy word is past a preposition),
      // "to physical therapy / oxygen therapy" (no drug: the card speaks of drugs and germs) and "to my settings" are no drug resistance.
      if (RESPONSE_STOP_WORDS.has(word)) break;
      if (isTherapyWord(word) && !RESPONSE_NOT_THERAPY.has(word)) {
        if (k > to + 1 && NON_DRUG_THERAPY_BEFORE.has(foldCase(raws[k - 1]!))) return null;
        therapy = true;
        break;
      }
    }
    if (!therapy) return null;
    const words: string[] = [];
    for (let k = i; k <= to; k++) words.push(raws[k]!);
    const id = wordsId([...words, 'treatment']);
    return id === null ? null : { id, last: to - 1 };
  };

  /** The lower-case words of tokens first..last, when only spaces stand between them. */
  const spacedWords = (first: number, last: number): string | null => {
    let out = foldCase(raws[first]!);
    for (let k = first + 1; k <= last; k++) {
      if (!SPACE_GAP.test(text.slice(ends[k - 1]!, starts[k]!))) return null;
      out += ' ' + foldCase(raws[k]!);
    }
    return out;
  };
  const spaceBefore = (k: number) => k > 0 && SPACE_GAP.test(text.slice(ends[k - 1]!, starts[k]!));
  /** Where the verb before token k ends on the left ("has become" → "has"), or -1 (LINKING_VERBS). */
  const verbBefore = (k: number): number => {
    for (const verb of LINKING_VERBS) {
      const first = k - verb.length + 1;
      if (first < 0 || spacedWords(first, k) !== verb.join(' ')) continue;
      if (FIRST_WITH_MODAL.has(verb[0]!) && spaceBefore(first) && MODALS.has(foldCase(raws[first - 1]!))) return first - 1;
      return first;
    }
    return -1;
  };
  /**
   * True when a noun phrase at token j may be the subject of the verb after it: at a sentence start,
   * or after any word but a preposition, read over an article or owner ("the", "his"): "the treatment
   * of the cancer is advanced", "news of his cancer spread" say nothing of what the cancer is or
   * does; nor does a cancer after a word in -ing ("treating cancer is …", "during …"). A word joined
   * by a hyphen ("anti-cancer") is part of another word.
   */
  const opensSubject = (j: number): boolean => {
    if (j === 0 || startsSentence(text, starts[j]!)) return true;
    const gap = text.slice(ends[j - 1]!, starts[j]!);
    if (isHyphenGap(gap)) return false;
    if (!SPACE_GAP.test(gap)) return true;
    let p = j - 1;
    if (DETERMINERS.has(foldCase(raws[p]!))) {
      if (p === 0 || startsSentence(text, starts[p]!) || !spaceBefore(p)) return true;
      p--;
    }
    const word = foldCase(raws[p]!);
    return !SUBJECT_BLOCKERS.has(word) && !(word.length > 4 && word.endsWith('ing'));
  };
  /** True when exact token k is a noun that means a cancer in general ("cancer", "tumors"). */
  const isCancerNoun = (k: number) => cancerNouns.size > 0 && (res[k]! & FLAG_FUZZY) === 0 && cancerNouns.has(idOf(res[k]!));
  /** True when the `reach` tokens before token k name a cancer, so "the disease" or "it" after it is that cancer. */
  const cancerNamedBefore = (k: number, reach = DISEASE_REACH): boolean => {
    for (let j = k - 1; j >= 0 && k - j <= reach; j--) if (res[j] !== 0 && (isCancerNoun(j) || isCancerNameAt(j))) return true;
    return false;
  };
  /**
   * True when the noun phrase that ends at token s names a cancer: a cancer's name ("stage 4 cervical
   * cancer") or a noun that means a cancer ("the tumor"), as the subject of what follows (opensSubject;
   * after a relative word, `relative`, any noun phrase: "treatment for cancer that has spread").
   */
  const cancerEndsAt = (s: number, relative: boolean): boolean => {
    for (let j = s; j >= 0 && s - j < MAX_SUBJECT_WORDS; j--) {
      if (j < s && !SPACE_GAP.test(text.slice(ends[j]!, starts[j + 1]!)) && !isHyphenGap(text.slice(ends[j]!, starts[j + 1]!))) break;
      if (res[j] === 0 || !isCancerNameAt(j)) continue;
      if (termAt(j)!.end === ends[s] && (relative || opensSubject(j))) return true;
    }
    return isCancerNoun(s) && (relative || opensSubject(s));
  };
  /** Steps back from a verb over "that" or "which" (after a space or a comma) to the noun before it; -1 when there is none. */
  const relativeBefore = (s: number): number => {
    const relative = foldCase(raws[s]!);
    if ((relative !== 'that' && relative !== 'which') || s === 0) return -1;
    const gap = text.slice(ends[s - 1]!, starts[s]!);
    return SPACE_GAP.test(gap) || COMMA_SPACE_RE.test(gap) ? s - 1 : -1;
  };
  /**
   * "if the cancer is recurrent", "when cervical cancer is advanced", "cancer that has become
   * metastatic": a disease-state word at token i after a verb that says what a cancer is
   * (LINKING_VERBS), whose subject names a cancer just before, reads as it does before the cancer's
   * name ("recurrent cervical cancer"). The subject is a cancer's name, a noun that means a cancer
   * ("the tumor"), or a noun the state's entry writes it with ("the disease": "recurrent disease") when
   * the text has named a cancer before; it is the subject (opensSubject), or "that"/"which" stands
   * between it and the verb. A state word listed after one so read ("is recurrent or persistent")
   * reads the same. Anywhere else a bare "advanced" or "recurrent" stays unread.
   */
  const statePredicate = (i: number): { id: string; last: number } | null => {
    const state = stateAt(i);
    if (state === null || isNegated(i)) return null;
    // "is recurrent or persistent": listed after a state word read so.
    if (predicateLast >= 0 && i === predicateLast + 2 && isConjunction(raws[i - 1]!) && spaceBefore(i)) {
      const gap = text.slice(ends[predicateLast]!, starts[i - 1]!);
      if (SPACE_GAP.test(gap) || COMMA_SPACE_RE.test(gap)) {
        predicateLast = state.last;
        return state;
      }
    }
    let k = i - 1;
    if (k < 0 || !spaceBefore(i)) return null;
    if (STATE_ADVERBS.has(foldCase(raws[k]!))) {
      if (!spaceBefore(k)) return null;
      k--;
    }
    const verb = verbBefore(k);
    if (verb <= 0 || !spaceBefore(verb)) return null;
    let s = verb - 1;
    const noun = relativeBefore(s);
    if (noun >= 0) s = noun;
    let subject = cancerEndsAt(s, noun >= 0);
    if (!subject && (noun >= 0 || opensSubject(s))) {
      subject = withNoun({ first: i, last: state.last }, s, ends[s]!) === state.id && cancerNamedBefore(s);
    }
    if (!subject) return null;
    predicateLast = state.last;
    return state;
  };

  /** True when an article or an owner stands right before token k ("the cancer", "his cancer", "the patient's cancer"). */
  const hasDeterminer = (k: number): boolean => k > 0 && spaceBefore(k) && (DETERMINERS.has(foldCase(raws[k - 1]!)) || isPossessiveS(k - 1));

  /** The word at token k, as a lower-case word; "hasn't" (two tokens ending at k) as "has", with `not`. */
  const auxWord = (k: number): { word: string; at: number; not: boolean } => {
    if (raws[k] === 't' && k > 0 && APOSTROPHE_RE.test(text.slice(ends[k - 1]!, starts[k]!))) {
      const aux = NOT_CONTRACTIONS[foldCase(raws[k - 1]!)];
      if (aux !== undefined) return { word: aux, at: k - 1, not: true };
    }
    return { word: foldCase(raws[k]!), at: k, not: false };
  };
  /** The word before token k, with a space between (auxWord), or null. */
  const wordBefore = (k: number) => (k > 0 && spaceBefore(k) ? auxWord(k - 1) : null);
  /** Token k, or the first token before it of the adverbs that end at it (VERB_ADVERBS): where the words before them end. */
  const overAdverbs = (k: number): number => {
    for (let w = wordBefore(k); w !== null && !w.not && VERB_ADVERBS.has(w.word); w = wordBefore(k)) k = w.at;
    return k;
  };
  /**
   * "Cervical cancer has spread to the bladder", "the tumor had spread", "cancer cells have spread",
   * "the cancer may have spread", "if it spreads", "the cancer is spreading", "cancer that hasn't
   * spread": a verb that says what a cancer does (readings.cancerVerbs) at token v, with its
   * auxiliaries before it, reads as that verb's entry when its subject names a cancer. The verb and its
   * auxiliaries are marked ("has spread", "may have spread"); the subject keeps its own card. The
   * subject is a cancer's name or a noun that means a cancer (cancerEndsAt), with "cells" after it
   * ("cancer cells"); "the disease" once the text has named a cancer, or "it" just after one when the
   * verb goes somewhere ("if it has spread to the lungs") or ends the clause; or the subject of a clause
   * before, over "and", "but" or "or" ("cancer that has come back or has spread"). A verb with an object
   * ("spread the word") or a subject that is none ("news of his cancer spread", "the rash spread")
   * stays unread.
   */
  const cancerVerb = (v: number): TermMatch | null => {
    const forms = cancerVerbForms.get(foldCase(raws[v]!));
    if (forms === undefined || isNegated(v) || v === 0) return null;
    for (const form of forms) {
      const found = cancerVerbAs(v, form);
      if (found !== null) return found;
    }
    return null;
  };
  /** cancerVerb for one form whose first word is token v. */
  const cancerVerbAs = (v: number, form: VerbForm): TermMatch | null => {
    // The form's other words ("back"), each after a space.
    const last = v + form.rest.length;
    if (last >= n) return null;
    for (let k = 1; k <= form.rest.length; k++) if (foldCase(raws[v + k]!) !== form.rest[k - 1] || !spaceBefore(v + k)) return null;
    const after = last + 1 < n ? text.slice(ends[last]!, starts[last + 1]!) : null;
    if (after !== null && SPACE_GAP.test(after) && (VERB_OBJECTS.has(foldCase(raws[last + 1]!)) || RESULT_WORDS.has(foldCase(raws[last + 1]!)))) return null;
    const { roles } = form;
    // The auxiliaries before the verb: `first` is where the marked words start.
    let first = v;
    let k = overAdverbs(v);
    let w = wordBefore(k);
    const modalBefore = () => {
      const m = wordBefore(overAdverbs(first));
      if (m !== null && VERB_MODALS.has(m.word)) first = m.at;
    };
    let plural = false;
    if (roles & AFTER_PERFECT && w !== null && PERFECT_AUX.has(w.word)) {
      first = w.at;
      modalBefore();
    } else if (roles & AFTER_MODAL && w !== null && VERB_MODALS.has(w.word)) {
      first = w.at;
    } else if (roles & AFTER_BE && w !== null && (BE_AUX.has(w.word) || w.word === 'be' || w.word === 'been')) {
      first = w.at;
      if (w.word !== 'is' && w.word !== 'are' && w.word !== 'was' && w.word !== 'were') {
        const aux = wordBefore(overAdverbs(first));
        if (aux === null || !(w.word === 'be' ? VERB_MODALS : PERFECT_AUX).has(aux.word)) return null;
        first = aux.at;
        if (w.word === 'been') modalBefore();
      }
    } else if (w !== null && (PERFECT_AUX.has(w.word) || BE_AUX.has(w.word) || VERB_MODALS.has(w.word))) {
      // "has spreads", "may spreading", "has came back": not a verb of this shape.
      return null;
    } else if ((roles & AFTER_NOTHING) === 0) {
      if ((roles & AFTER_PLURAL) === 0) return null;
      plural = true;
    }
    // The subject: the word before the auxiliaries (and any adverbs before them).
    k = overAdverbs(first);
    w = wordBefore(k);
    if (w === null || w.not) return null;
    let s = w.at;
    const noun = relativeBefore(s);
    if (noun >= 0) s = noun;
    if (plural && !isPluralNoun(s)) return null;
    return sharesCancerSubject(s) || cancerEndsAt(s, noun >= 0) || pronounOrCells(s, noun >= 0, after, last)
      ? { start: starts[first]!, end: ends[last]!, id: form.id, fuzzy: false }
      : null;
  };
  /** True when token s is a noun in the plural ("tumors", "cancers", "cells"). */
  const isPluralNoun = (s: number): boolean => {
    const word = foldCase(raws[s]!);
    return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !FUNCTION_ENDS_S.has(word);
  };
  /**
   * The subjects of a cancer's verb (at token v) that are no cancer noun themselves: "cancer cells"
   * (cells after a cancer), "the disease" once a cancer is named, "it" just after one when the verb
   * goes somewhere or ends the clause ("if it has spread to the lungs", "whether it spreads."; not
   * "it spread widely online").
   */
  const pronounOrCells = (s: number, relative: boolean, after: string | null, v: number): boolean => {
    const word = foldCase(raws[s]!);
    if (word === 'cell' || word === 'cells') return s > 0 && spaceBefore(s) && cancerEndsAt(s - 1, relative);
    if (word === 'disease') return (relative || opensSubject(s)) && cancerNamedBefore(s);
    if (word !== 'it' || relative || !opensSubject(s) || !cancerNamedBefore(s, IT_REACH)) return false;
    return after === null || /[.,;:!?)]/.test(after) || (SPACE_GAP.test(after) && VERB_PLACES.has(foldCase(raws[v + 1]!)));
  };
  /**
   * True when token s is "and", "but" or "or" (after a space or a comma) that joins the verb after it
   * to a clause of the same sentence whose subject is a cancer: "cancer that has come back or has
   * spread", "patients whose cancer cannot be removed by surgery or has spread", "the cancer is in the
   * cervix but has not spread". The subject is the nearest cancer before, within MAX_SHARED_SUBJECT
   * tokens and no end mark, bracket or line break, that is followed by its verb or "that"/"which".
   */
  const sharesCancerSubject = (s: number): boolean => {
    const word = foldCase(raws[s]!);
    if (word !== 'and' && word !== 'but' && word !== 'or') return false;
    for (let j = s - 1; j >= 0 && s - j <= MAX_SHARED_SUBJECT; j--) {
      if (CLAUSE_BREAK_RE.test(text.slice(ends[j]!, starts[j + 1]!))) return false;
      if (res[j] === 0 || !SPACE_GAP.test(text.slice(ends[j]!, starts[j + 1]!)) || !CLAUSE_VERBS.has(foldCase(raws[j + 1]!))) continue;
      if (isCancerNoun(j) || cancerEndsAt(j, false)) return cancerEndsAt(j, false);
    }
    return false;
  };

  /**
   * "ultrasound or CT", "scans such as CT or MRI", "X-ray, CT and MRI", "DVT or PE", "DVT/PE": a short
   * form the glossary leaves out as an alias because it means other things too ("CT": Connecticut;
   * "PE": physical education; readings.shortForms) at token i, listed with a term of its entry's
   * family (the tests and scans its entry is linked with, the clots), reads as its entry: the list
   * says which sense it has. Listed means joined by a comma, a slash, "or", "and" or "and/or" to the
   * term right before it (`prev`, the last match found) or right after it. "offices in CT, NY and NJ",
   * "PE and music lessons", "art, music or PE" stay unread: no term of the family is listed there. A
   * term in two short forms' families ("TCR") reads neither. The entry's id, or null.
   */
  /** The entries a short form at token k may stand for (none for another word). */
  const shortIdsAt = (k: number): string[] => ((res[k]! & FLAG_SHORT) !== 0 ? (shortFormsOf(raws[k]!) ?? []).map((f) => f.id) : []);
  const listedShortForm = (i: number, prev: TermMatch | undefined): string | null => {
    const forms = shortFormsOf(raws[i]!);
    if (forms === undefined || isInsideName(text, starts[i]!, ends[i]!)) return null;
    const listed: string[] = [];
    // Before: "DVT/PE", "X-ray, CT", "DVT or PE", "ultrasound, or CT", "an X-ray or a CT".
    let p = -1;
    const q = i > 0 && spaceBefore(i) && ARTICLES.has(foldCase(raws[i - 1]!)) ? i - 1 : i;
    if (q === i && i > 0 && LISTED_MARK_RE.test(text.slice(ends[i - 1]!, starts[i]!))) p = i - 1;
    else if (q > 1 && spaceBefore(q) && isConjunction(raws[q - 1]!)) {
      p = q - 2;
      if (foldCase(raws[q - 1]!) === 'or' && text.slice(ends[p]!, starts[q - 1]!) === '/' && foldCase(raws[p]!) === 'and') p--;
      const gap = p >= 0 ? text.slice(ends[p]!, starts[p + 1]!) : '';
      if (!SPACE_GAP.test(gap) && !COMMA_SPACE_RE.test(gap)) p = -1;
    }
    if (p >= 0 && prev !== undefined && !prev.fuzzy && prev.end === ends[p]) listed.push(prev.id);
    // Two short forms listed together read each other ("AST and ALT ≤1.5 times", "ALT/AST"): each
    // names its family's entries, so a pair from one family says which sense both have.
    else if (p >= 0 && p !== i && (prev === undefined || prev.end <= starts[p]! || prev.fuzzy)) listed.push(...shortIdsAt(p));
    // After: "CT or MRI", "CT, MRI", "CT/MRI", "CT, and MRI".
    let k = -1;
    if (i + 1 < n && LISTED_MARK_RE.test(text.slice(ends[i]!, starts[i + 1]!))) k = i + 1;
    if (i + 1 < n && (k === i + 1 || spaceBefore(i + 1)) && isConjunction(raws[i + 1]!)) {
      k = i + 2;
      if (foldCase(raws[i + 1]!) === 'and' && k + 1 < n && text.slice(ends[i + 1]!, starts[k]!) === '/' && foldCase(raws[k]!) === 'or') k++;
      if (k + 1 < n && ARTICLES.has(foldCase(raws[k]!)) && spaceBefore(k + 1)) k++;
      if (k >= n || !spaceBefore(k)) k = -1;
    }
    if (k >= 0 && k < n) {
      const next = termAt(k);
      if (next !== null && !next.fuzzy) listed.push(next.id);
      else if (next === null) listed.push(...shortIdsAt(k));
    }
    if (listed.length === 0) return null;
    const meant = new Set(forms.filter((f) => listed.some((id) => f.family.has(id))).map((f) => f.id));
    return meant.size === 1 ? [...meant][0]! : null;
  };

  /**
   * "Stage at diagnosis: localized (the tumor is only in the organ it started in), regional (…),
   * distant (…), and unknown", "survival for localized, regional and distant stage", "early stage
   * (localized) or late stage (regional and distant combined)": the one-word names of a summary
   * staging scheme (readings.summaryStages: SEER's localized, regional and distant stages) read as
   * their stages' entries where a sentence lists two of them or more as stages. Each word so read is
   * a list item: after it (and an explanation in brackets, if it has one) comes another of the words
   * over a comma, "and" or "or", or the end of the list (a closing bracket, the end of the sentence,
   * or "stage", "combined" …: SUMMARY_STAGE_HEADS), or one last word that ends it ("and unknown.").
   * A word followed by any other word names what that word is ("a distant relative", "regional and
   * distant offices", "localized pain"), and so does every word listed before it. The sentence must
   * say it speaks of stages: a stage word in it ("stage", "staging"), or an explanation in brackets
   * after one of the words. Token i's entry, or null.
   */
  const summaryStage = (i: number): string | null => {
    if (i > summaryUpTo) readSummaryStages(i);
    return summaryRead?.get(i) ?? null;
  };
  /** The summary stage a word of one means at token k, exactly as written, or undefined. */
  const summaryWordAt = (k: number) => ((res[k]! & FLAG_FUZZY) === 0 ? summaryWords.get(idOf(res[k]!)) : undefined);
  /** Reads the summary stages listed in the sentence of token i (summaryStage). */
  const readSummaryStages = (i: number) => {
    const breakBefore = (k: number) => SENTENCE_BREAK_RE.test(text.slice(ends[k - 1]!, starts[k]!));
    let first = i;
    while (first > 0 && !breakBefore(first)) first--;
    let last = i;
    while (last + 1 < n && !breakBefore(last + 1)) last++;
    summaryUpTo = last;
    /** Whether the word at token k stands as a list item (memo); `aside` once one has an explanation in brackets. */
    const items = new Map<number, boolean>();
    let aside = false;
    const gapAfter = (k: number) => text.slice(ends[k]!, k + 1 < n ? starts[k + 1]! : text.length);
    const isItem = (k: number): boolean => {
      const known = items.get(k);
      if (known !== undefined) return known;
      items.set(k, false);
      const ok = itemEnds(k);
      items.set(k, ok);
      return ok;
    };
    const itemEnds = (k: number): boolean => {
      let at = k;
      let after = gapAfter(at);
      // An explanation in brackets: "regional (the tumor has spread to nearby organs …)"; what follows its bracket counts.
      const explained = at < last && /^[ \u00A0]*\($/.test(after);
      if (explained) {
        let close = -1;
        for (let j = at + 1; j <= last && j - at <= MAX_STAGE_ASIDE && close < 0; j++) {
          const gap = gapAfter(j);
          if (gap.includes('(')) return false;
          if (gap.includes(')')) close = j;
        }
        if (close < 0) return false;
        at = close;
        after = gapAfter(at);
        after = after.slice(after.indexOf(')') + 1);
      }
      const ok = listGoesOn(at, after);
      if (ok && explained) aside = true;
      return ok;
    };
    /** Whether what follows token `at` (the gap `after` it) goes on with the list or ends it. */
    const listGoesOn = (at: number, after: string): boolean => {
      // The end of the sentence, or of a bracket: "early stage (localized)".
      if (at === last || /^[^\p{L}\p{N}(]*\)/u.test(after)) return true;
      const next = at + 1;
      if (SPACE_GAP.test(after) && SUMMARY_STAGE_HEADS.has(foldCase(raws[next]!))) return true;
      const comma = COMMA_SPACE_RE.test(after);
      if (comma && summaryWordAt(next) !== undefined) return isItem(next);
      if (!(comma || SPACE_GAP.test(after)) || !isConjunction(raws[next]!) || next >= last || !spaceBefore(next + 1)) return false;
      const item = next + 1;
      if (summaryWordAt(item) !== undefined) return isItem(item);
      // "…, and unknown": one last word that ends the list.
      return item === last || /^[^\p{L}\p{N}(]*\)/u.test(gapAfter(item));
    };
    const read = new Map<number, string>();
    let staged = false;
    for (let k = first; k <= last; k++) {
      if (STAGE_WORDS.has(foldCase(raws[k]!))) staged = true;
      const id = summaryWordAt(k);
      // A word followed by "stage" is the trie's ("distant stage"); it still counts as listed.
      if (id !== undefined && isItem(k)) read.set(k, id);
    }
    if (!(staged || aside) || new Set(read.values()).size < 2) return;
    summaryRead ??= new Map();
    for (const [k, id] of read) summaryRead.set(k, id);
  };

  const find = (input: string, around?: () => TextContext | null): TermMatch[] => {
    text = input;
    context = around;
    raws.length = 0;
    starts.length = 0;
    ends.length = 0;
    res.length = 0;
    let any = false;
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
      let raw = m[0];
      let r = resolve(raw);
      // "chemotherapy¹", "chemotherapy1": a footnote's number written onto the word ends the word
      // (and the term), as a space would; it is left out of the tokens, so no term reads on past it.
      const cut = footnoteCut(raw);
      if (cut !== null && !isExact(r)) {
        const stemmed = resolve(cut.stem);
        if (cut.sure || isExact(stemmed)) {
          raw = cut.stem;
          r = stemmed;
        }
      }
      // A capitalised word inside a sentence is most likely a name ("Melanie", "Melania"), not a
      // misspelt medical word: it is not spelling-corrected there (at a sentence start it still is),
      // unless it is long and corrected to a drug or procedure name (correctsCapitalised).
      if ((r & FLAG_FUZZY) !== 0 && NAME_LIKE_RE.test(raw) && !startsSentence(text, m.index) && !correctsCapitalised(raw, vocab.key(idOf(r)))) r = 0;
      raws.push(raw);
      starts.push(m.index);
      ends.push(m.index + raw.length);
      res.push(r);
      if (r !== 0) any = true;
    }
    if (!any) {
      release();
      return [];
    }
    n = raws.length;
    const out: TermMatch[] = [];

    for (let i = 0; i < n; i++) {
      if (res[i] === 0 || isPossessiveS(i)) continue;
      bestEnd = -1;
      bestId = null;
      bestFuzzy = false;
      walk(root, i, false);
      let id: string | null = bestId;
      let end = bestEnd;
      const fuzzy = bestFuzzy;
      if (id !== null && yieldsToLonger(i, end)) continue;
      // "localized, regional and distant": a summary stage listed with others, also where the word is
      // an alias by itself ("localized" in one area).
      if (summaryWords.size > 0 && !fuzzy && (id === null || end === ends[i]) && summaryWordAt(i) !== undefined) {
        const stage = summaryStage(i);
        if (stage !== null) {
          out.push({ start: starts[i]!, end: ends[i]!, id: stage, fuzzy: false });
          continue;
        }
      }
      // "the cancer has progressed", "the tumor recurred": a cancer's verb that is an alias by itself
      // too (the everyday "progressed", the general "recurred") reads as the cancer's verb when its
      // subject is a cancer; elsewhere it keeps that entry ("the project has progressed").
      if (id !== null && !fuzzy && end === ends[i] && (res[i]! & FLAG_VERB) !== 0) {
        const verb = cancerVerb(i);
        if (verb !== null && (out.length === 0 || out[out.length - 1]!.end <= verb.start)) {
          out.push(verb);
          continue;
        }
      }
      // "his cancer spread", "the cancer spreading": with an article or an owner before it, a cancer
      // noun and its verb are a subject and its verb, read as cancerVerb reads them ("news of his
      // cancer spread" is the news spreading), not as the compound noun an alias writes ("cancer
      // spread", "signs of cancer spread").
      if (id !== null && !fuzzy && i + 1 < n && end === ends[i + 1] && (res[i + 1]! & FLAG_VERB) !== 0 && isCancerNoun(i) && hasDeterminer(i)) {
        id = pathId([i]);
        end = id === null ? -1 : ends[i]!;
      }
      const stateWord = stateRoot.edges?.has(idOf(res[i]!)) && !isNegated(i) ? stateBeforeCancer(i) : null;
      // A word that is an alias by itself keeps its entry ("localized" → localized, not the SEER stage).
      if (stateWord !== null && (id === null || end < ends[stateWord.last]!)) {
        out.push({ start: starts[i]!, end: ends[stateWord.last]!, id: stateWord.id, fuzzy: false });
        i = stateWord.last;
      } else if (id !== null && !isInsideName(text, starts[i]!, end) && !isNegated(i) && !hasOtherSense(i) && !outOfOrgan(i, end, id) && !forOtherIllness(i, end, id) && !hasEntryOtherSense(i, end, id) && !isNumbered(i) && !(end === ends[i] && (isTimeZone(i) || lacksShortSense(i))) && !hasOtherObject(i, end)) {
        if (end === ends[i] && isWordInCapitals(i)) continue;
        const staged = fuzzy ? null : (otherStaging(i, end) ?? stageRange(i, end));
        if (staged === null && !fuzzy && (typeWordIn ??= TYPE_WORD_RE.test(text))) {
          const last = lastTokenOf(i, end);
          const typed = typeNamed(i, last, id);
          if (typed !== null) id = typed;
        }
        if (staged === null && !fuzzy) id = surgeryPlace(i, end) ?? mainStage(i, end, id) ?? id;
        if (staged !== null) {
          out.push({ start: starts[i]!, end: staged.end, id: staged.id, fuzzy: false });
          while (i + 1 < n && starts[i + 1]! < staged.end) i++;
          continue;
        }
        // "urology registrar", "adhesions to the colon": the entry's own word shows its card, the other
        // entry's words theirs (PINNED_OWN_WORD).
        const pinned = fuzzy ? undefined : PINNED_OWN_WORD[id];
        if (pinned !== undefined) {
          const last = lastTokenOf(i, end);
          if (pinned.after !== undefined && last > i && pinned.own.test(raws[i]!) && pinned.after.test(raws[i + 1]!)) {
            // The words after are read as they stand in the next turns.
            out.push({ start: starts[i]!, end: ends[i]!, id, fuzzy: false });
            continue;
          }
          if (pinned.before !== undefined && last > i && pinned.own.test(raws[last]!) && pinned.before.test(raws[last - 1]!)) {
            const field = pathId(Array.from({ length: last - i }, (_, k) => i + k));
            if (field !== null && field !== id) {
              out.push({ start: starts[i]!, end: ends[last - 1]!, id: field, fuzzy: false }, { start: starts[last]!, end: ends[last]!, id, fuzzy: false });
              i = last;
              continue;
            }
          }
        }
        out.push({ start: starts[i]!, end, id, fuzzy: fuzzy || (GENERAL_SENSE_FORM[id]?.test(text.slice(starts[i]!, end)) ?? false) });
        if (!fuzzy) noteListedLabels(i, end);
        while (i + 1 < n && starts[i + 1]! < end) i++;
      } else if (id === null && listedLabels?.has(i)) {
        out.push({ start: starts[i]!, end: ends[i]!, id: listedLabels.get(i)!, fuzzy: false });
      } else if (id === null && !isNegated(i)) {
        const shared = matchSharedHead(i) ?? (stateRoot.edges?.has(idOf(res[i]!)) ? statePredicate(i) : null) ?? trialPhase(i) ?? lineOfTherapy(i) ?? respondingTo(i);
        if (shared !== null) {
          out.push({ start: starts[i]!, end: ends[shared.last]!, id: shared.id, fuzzy: false });
          i = shared.last;
        } else if ((res[i]! & FLAG_SHORT) !== 0) {
          // Read from what it is listed with, so a guess: marked only on a page about health.
          const short = listedShortForm(i, out[out.length - 1]);
          if (short !== null) out.push({ start: starts[i]!, end: ends[i]!, id: short, fuzzy: true });
        } else if ((res[i]! & FLAG_VERB) !== 0) {
          // Its auxiliaries, before it, are marked with it when nothing found there already is.
          const verb = cancerVerb(i);
          if (verb !== null && (out.length === 0 || out[out.length - 1]!.end <= verb.start)) {
            out.push(verb);
            while (i + 1 < n && starts[i + 1]! < verb.end) i++;
          }
        }
      }
    }
    release();
    return out;
  };

  return {
    find,
    get vocabulary() {
      return vocab.list();
    },
    correct: (word: string) => {
      const key = tokenKey(word);
      if (vocab.has(key)) return key;
      return fuzzy?.correct(key) ?? null;
    },
    get deferred() {
      return deferred;
    },
    spellingLoaded: () => (fuzzy && table ? table.fuzzyLoaded() : null),
  };
}
