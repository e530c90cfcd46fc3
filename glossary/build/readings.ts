/**
 * What the matcher reads beyond the aliases (MatchReadings), derived from the entries at build time
 * so that shipped code holds no hand-written list of cancer names or disease-state words.
 */
import type { GlossaryEntry, MatchEntry, MatchReadings } from '../types';
import { teachableShort } from '../abbreviations/taught';

/** Words that name a cancer when they end a term ("melanoma", "lung cancer", "B-cell lymphoma"). */
const CANCER_HEAD_RE =
  /^(?:cancer|tumou?r|neoplasm|malignancy|mesothelioma|neuroblastoma|glioblastoma|glioma|melanoma|myeloma|leuka?emia|\w*carcinoma|\w*sarcoma|\w*lymphoma|\w*blastoma)s?$/;
/** Nouns that mean "a cancer" in general, after a state word ("advanced cancer", "recurrent tumors"). */
const GENERIC_CANCER = new Set(['cancer', 'tumor', 'tumour', 'carcinoma', 'malignancy']);
/** Words after which a term's head comes before, not at its end ("cancer of unknown primary"). */
const PREPOSITIONS = new Set(['of', 'on', 'in', 'for', 'with', 'to', 'at', 'by', 'the', 'a', 'an']);
/**
 * Verbs that say what a cancer does, with the forms a page writes after one ("the cancer has spread",
 * "the tumor spreads", "cancer cells are spreading"), and the noun naming what the verb does after a
 * cancer ("cancer spread", "cancer recurrence", "cancer progression"): the entry that writes that
 * noun after a cancer noun is the verb's card. Forms in the order of CancerVerbForms: the base, the
 * -s form, the past, the participle, the -ing form; a form may stand for several ("spread").
 */
const CANCER_VERBS: readonly { noun: string; forms: readonly [string, string, string, string, string] }[] = [
  { noun: 'spread', forms: ['spread', 'spreads', 'spread', 'spread', 'spreading'] },
  { noun: 'recurrence', forms: ['come back', 'comes back', 'came back', 'come back', 'coming back'] },
  { noun: 'recurrence', forms: ['return', 'returns', 'returned', 'returned', 'returning'] },
  { noun: 'recurrence', forms: ['recur', 'recurs', 'recurred', 'recurred', 'recurring'] },
  { noun: 'progression', forms: ['progress', 'progresses', 'progressed', 'progressed', 'progressing'] },
];
/** Most words a state may have ("locally advanced", "advanced stage", "node negative"). */
const MAX_STATE_WORDS = 3;

/** Words of a term or alias, lower case, split at spaces and hyphens, with where each ends. */
function words(text: string): { word: string; end: number }[] {
  const out: { word: string; end: number }[] = [];
  for (const m of text.matchAll(/[^\s\u2010-\u2015-]+/g)) out.push({ word: m[0].toLowerCase(), end: m.index + m[0].length });
  return out;
}
const plain = (word: string) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

/** The head noun of a term: its last word, or the word before "of" ("Cancer of unknown primary" → "cancer"). */
export function headNoun(term: string): string {
  const ws = words(term.replace(/\s*\([^)]*\)/g, ' ')).map((w) => w.word);
  const preposition = ws.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
  return (preposition > 0 ? ws[preposition - 1] : ws[ws.length - 1]) ?? '';
}

/**
 * An entry names a cancer when its term's head noun is a cancer word, unless the entry is itself a
 * disease state ("Advanced cancer"). A state word is the part before the noun of an entry's aliases
 * that it writes both with a cancer noun and with "disease": "advanced" (advanced cancer, advanced
 * disease), "locally advanced", "unresectable", "recurrent", "metastatic". Words written with one
 * noun only are left out ("late-stage cancer"; "Hodgkin disease" is a cancer's name), as are words
 * ending in a preposition ("stage of cancer").
 */
export function deriveReadings(entries: readonly ReadingEntry[], englishWords?: ReadonlySet<string>): MatchReadings {
  const stateWords = new Map<string, { id: string; written: string; nouns: Set<string> }>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      // "<state> cancer", "<state> disease": the noun is the last word.
      const ws = words(alias);
      const k = ws.length - 1;
      if (k < 1 || k > MAX_STATE_WORDS) continue;
      const noun = plain(ws[k]!.word);
      const kind = noun === 'disease' ? 'disease' : GENERIC_CANCER.has(noun) ? 'cancer' : null;
      if (kind === null || PREPOSITIONS.has(ws[k - 1]!.word)) continue;
      const key = `${entry.id}\u0000${ws.slice(0, k).map((w) => w.word).join(' ')}`;
      let state = stateWords.get(key);
      if (!state) {
        state = { id: entry.id, written: alias.slice(0, ws[k - 1]!.end), nouns: new Set() };
        stateWords.set(key, state);
      }
      state.nouns.add(kind);
    }
  }
  const byEntry = new Map<string, string[]>();
  const claimed = new Set<string>();
  for (const [key, { id, written, nouns }] of stateWords) {
    const words = key.slice(key.indexOf('\u0000') + 1);
    // Both nouns, and the first entry to claim the words keeps them (as the trie does with aliases).
    if (nouns.size < 2 || claimed.has(words)) continue;
    claimed.add(words);
    byEntry.set(id, [...(byEntry.get(id) ?? []), written]);
  }
  // A term that is one word meaning a growth ("Tumor") stands before other nouns more often than
  // it names a cancer: "measurable tumor responses", "tumor size".
  const cancerNames = entries
    .filter((e) => !byEntry.has(e.id) && CANCER_HEAD_RE.test(headNoun(e.term)) && !/^(?:tumou?r|neoplasm)$/i.test(e.term.replace(/\s*\([^)]*\)/g, '').trim()))
    .map((e) => e.id);
  return {
    cancerNames,
    stateWords: [...byEntry].map(([id, words]) => ({ id, words })),
    cancerNouns: [...GENERIC_CANCER].sort(),
    cancerVerbs: cancerVerbs(entries),
    summaryStages: summaryStages(entries),
    ...(englishWords ? { wordAcronyms: wordAcronyms(entries, englishWords), shortForms: shortForms(entries, englishWords) } : {}),
  };
}

/** What the readings read of an entry: its words, and (from a built glossary) its category and related entries. */
export type ReadingEntry = Pick<MatchEntry, 'id' | 'term' | 'aliases' | 'expansion'> & Partial<Pick<GlossaryEntry, 'category' | 'related'>>;

/** More entries than this link to a concept too broad to tell a short form's sense (shortForms). */
const BROAD_LINKS = 100;
/** A short form as a term writes it: two to six capitals or digits, the first a capital, with a plural "s" ("TFTs"). */
const SHORT_FORM_RE = /^[A-Z][A-Z0-9]{1,5}s?$/;

/** The first letters of a name's words, in capitals, without its brackets ("Pulmonary embolism (PE)" → "PE"). */
function initials(name: string): string {
  return words(name.replace(/\s*\([^)]*\)/g, ' ')).map((w) => w.word[0]!.toUpperCase()).join('');
}

/**
 * The short forms the glossary leaves out as aliases on purpose, with their entry and its family:
 * "CT" (ct-scan: "CT scan", computed tomography) is also Connecticut, "PE" (pulmonary-embolism:
 * "Pulmonary embolism (PE)") also physical education, so neither is an alias, and the writers' notes
 * say so. A short form here is a word of an entry's term whose letters are the initials of its
 * expansion or of its term ("CT", "PE", "NP", "TFTs"), or that the term writes with its expansion in
 * brackets ("ALT (alanine aminotransferase)", whose letters are not all initials), that no entry has as an alias, that a page may
 * teach (taught.ts: no common word in capitals, no Roman numeral), and, from three letters, is no
 * English word ("CAR", "TEN", "PIP": the word list, so only when the build has one).
 *
 * Its family are the entries that make its sense certain when a page lists them with it ("ultrasound
 * or CT", "DVT/PE"): entries of the same category that are linked with it in `related` (either way),
 * or that an entry of the same category linked both ways with it lists as related (its siblings:
 * imaging-test lists x-ray, ct-scan, mri, pet-scan, ultrasound; blood-clot lists deep-vein-thrombosis,
 * pulmonary-embolism). The writers keep `related` for what a card's reader should also know, so a
 * link says the two are read in one sense; the category keeps a drug or a body part that a test
 * links to out of its family. Entries that more than BROAD_LINKS entries link to (clinical-trial,
 * radiation-therapy, infection, side-effect) are in no family: a concept most cards point to says
 * nothing of which sense a short form has ("TBI or radiation therapy" may be a brain injury). A short
 * form with no family is left out.
 */
export function shortForms(entries: readonly ReadingEntry[], englishWords: ReadonlySet<string>): { short: string; id: string; family: string[] }[] {
  const aliases = new Set<string>();
  for (const e of entries) for (const alias of e.aliases) aliases.add(alias.toLowerCase());
  const byId = new Map(entries.map((e) => [e.id, e]));
  const links = new Map<string, number>();
  for (const e of entries) for (const id of e.related ?? []) links.set(id, (links.get(id) ?? 0) + 1);
  const narrow = (id: string) => (links.get(id) ?? 0) <= BROAD_LINKS;
  const out: { short: string; id: string; family: string[] }[] = [];
  for (const e of entries) {
    if (e.category === undefined) continue;
    const names = [e.expansion, e.term].filter((x): x is string => x !== undefined).map(initials);
    for (const short of new Set(e.term.match(/[A-Za-z0-9]+/g) ?? [])) {
      if (!SHORT_FORM_RE.test(short) || !teachableShort(short)) continue;
      const single = short.length > 2 && short.endsWith('s') ? short.slice(0, -1) : short;
      // The initials of its expansion or term, or the term writes it as a short form with its
      // expansion in brackets ("ALT (alanine aminotransferase)": ALanine aminoTransferase).
      const declared = e.expansion !== undefined && e.term === `${short} (${e.expansion})`;
      if (!declared && !names.some((name) => name === short || name === single)) continue;
      if (aliases.has(short.toLowerCase()) || aliases.has(single.toLowerCase())) continue;
      // A declared one may be a word too ("ALT", the alt key, a voice): the family still has to be listed with it.
      if (!declared && single.length >= 3 && englishWords.has(single.toLowerCase())) continue;
      const family = familyOf(e, byId).filter(narrow);
      if (family.length > 0) out.push({ short, id: e.id, family });
    }
  }
  return out;
}

/** shortForms: the entries of e's category linked with it, and the siblings an entry linked both ways with it lists. */
function familyOf(e: ReadingEntry, byId: ReadonlyMap<string, ReadingEntry>): string[] {
  const sameKind = (f: ReadingEntry | undefined): f is ReadingEntry => f !== undefined && f.id !== e.id && f.category === e.category;
  const family = new Set<string>();
  for (const f of byId.values()) if (sameKind(f) && ((e.related ?? []).includes(f.id) || (f.related ?? []).includes(e.id))) family.add(f.id);
  for (const hub of (e.related ?? []).map((id) => byId.get(id))) {
    if (!sameKind(hub) || !(hub.related ?? []).includes(e.id)) continue;
    for (const f of (hub.related ?? []).map((id) => byId.get(id))) if (sameKind(f)) family.add(f.id);
  }
  return [...family].sort();
}

/** An alias of one plain word and "stage" ("localized stage"). */
const WORD_STAGE_RE = /^([a-z]+) stage$/;
/** Fewest stages in a scheme of summary stages. */
const MIN_SUMMARY_STAGES = 3;

/**
 * Summary stages: the schemes whose stages a page names with one word each ("localized, regional and
 * distant" in SEER's statistics), as their entries write them with "stage" ("localized stage",
 * "regional stage", "distant stage"). A scheme is MIN_SUMMARY_STAGES entries or more of one category
 * that each write "<word> stage" as an alias and each list all the others as related; each gives its
 * word and its entry. Pages name such words in other senses more often ("a distant relative", "a
 * regional hospital"), so the matcher reads them only listed together (glossary/matcher.ts).
 */
export function summaryStages(entries: readonly ReadingEntry[]): { id: string; word: string }[] {
  const staged = new Map<string, { entry: ReadingEntry; word: string }>();
  for (const entry of entries) {
    if (entry.category === undefined) continue;
    const word = entry.aliases.map((alias) => WORD_STAGE_RE.exec(alias)?.[1]).find((w) => w !== undefined);
    if (word !== undefined) staged.set(entry.id, { entry, word });
  }
  const out: { id: string; word: string }[] = [];
  const taken = new Set<string>();
  for (const { entry } of staged.values()) {
    if (taken.has(entry.id)) continue;
    // The scheme: the staged entries of its category it lists, that list it and each other.
    const scheme = [entry, ...(entry.related ?? []).map((id) => staged.get(id)?.entry).filter((f): f is ReadingEntry => f !== undefined && f.category === entry.category)];
    const linked = scheme.every((a) => scheme.every((b) => a === b || (a.related ?? []).includes(b.id)));
    const words = new Set(scheme.map((s) => staged.get(s.id)!.word));
    if (!linked || scheme.length < MIN_SUMMARY_STAGES || words.size < scheme.length) continue;
    for (const s of scheme) {
      taken.add(s.id);
      out.push({ id: s.id, word: staged.get(s.id)!.word });
    }
  }
  return out;
}

/**
 * The entry each of CANCER_VERBS means after a cancer as its subject: the one that writes the verb's
 * noun after a noun meaning a cancer as an alias ("cancer spread" → the cancer-spread card, "cancer
 * recurrence" → recurrent cancer, "cancer progression"), as the first entry to claim it keeps it in the
 * trie. A verb whose noun no entry writes so is left out.
 */
export function cancerVerbs(entries: readonly Pick<MatchEntry, 'id' | 'aliases'>[]): { id: string; forms: string[] }[] {
  const out: { id: string; forms: string[] }[] = [];
  for (const { noun, forms } of CANCER_VERBS) {
    const entry = entries.find((e) => e.aliases.some((alias) => {
      const ws = alias.toLowerCase().split(/\s+/);
      return ws.length === 2 && GENERIC_CANCER.has(plain(ws[0]!)) && ws[1] === noun;
    }));
    if (entry) out.push({ id: entry.id, forms: [...forms] });
  }
  return out;
}

/** An alias that is one word of capitals only ("AIDS", "NICE"; not "PD-L1", "CD19" or "TILs"). */
const CAPITALS_WORD_RE = /^[A-Z]{3,}$/;

/**
 * The acronyms an alias writes alone, in capitals, whose lower-case form is an ordinary English
 * word ("AIDS": aids, "NICE": nice, "BID": bid). The matcher reads them in capitals only, but a
 * heading set in capitals writes the word the same way ("SLEEP AIDS", "NICE TO MEET YOU"), so
 * there it needs more than the spelling (glossary/matcher.ts, isWordInCapitals). Two-letter
 * acronyms are left out: a word list holds most pairs of letters ("ai", "er", "os").
 */
export function wordAcronyms(entries: readonly Pick<MatchEntry, 'aliases'>[], englishWords: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      if (CAPITALS_WORD_RE.test(alias) && englishWords.has(alias.toLowerCase())) out.add(alias);
    }
  }
  return [...out].sort();
}
