/**
 * Validation of glossary data: the hand-written category files, or the built glossary.json. Pure,
 * no I/O. Every problem is reported as { file, entry, field, message } so an author can find it:
 * `entry` is the entry's id, or `#<index>` when the id is missing or not a string.
 */
import { CATEGORIES } from '../types';
import { countSentences, fleschKincaidGrade } from './readability';

export interface GlossaryError {
  /** The data file the entry is in (source data only). */
  file?: string;
  entry: string;
  field: string;
  message: string;
}

export interface ValidateOptions {
  /** Normalised key of an alias: two aliases with the same key match the same text. */
  aliasKey: (alias: string) => string;
  /** Highest Flesch–Kincaid grade allowed for a definition (default 8). */
  gradeLimit?: number;
  /** Highest median grade allowed over all definitions (default 6). */
  medianGradeLimit?: number;
  /** Require the built fields (passages…). Implied when given a Glossary object. */
  built?: boolean;
  /** When given, every passage (and every hint) must be an exact part of this text. */
  articleBody?: string;
  /** Ids of the entries the article mentions: each must record an article quote choice. */
  mentionedInArticle?: ReadonlySet<string>;
  /** The glossary entries a text uses (ids): a definition must link every one in `related`. */
  termsIn?: (text: string) => string[];
  /**
   * The entry the matcher finds when an alias is the whole text (null: none, or only pieces of it):
   * an alias the matcher cannot read as written is never shown, so it is an error.
   */
  readsAs?: (alias: string) => string | null;
  /** Today as YYYY-MM-DD, for review dates in the future or too old. */
  today?: string;
  /** The data file of entry number `index`, for error messages. */
  fileOf?: (index: number) => string | undefined;
}

export const DEFAULT_GRADE_LIMIT = 8;
export const DEFAULT_MEDIAN_GRADE_LIMIT = 6;
export const MAX_DEFINITION_SENTENCES = 5;
export const MAX_PASSAGES = 2;
/** A review older than this is stale: medicine changes, and so do approvals. */
export const MAX_REVIEW_AGE_DAYS = 365;

const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COMMON_FIELDS = ['id', 'term', 'expansion', 'aliases', 'pronunciation', 'definition', 'related', 'reviewed'];
const SOURCE_FIELDS = [...COMMON_FIELDS, 'everyday', 'generalSense', 'sources', 'notes', 'article'];
const BUILT_FIELDS = [...COMMON_FIELDS, 'everyday', 'generalSense', 'category', 'passages', 'articleNote', 'checkedAgainst'];
/** Wording that reads as telling a patient what to do with their treatment. */
const ADVICE_RE = /\byou\s+(?:should|must|need\s+to|ought\s+to)\b/i;
/** An amount of medicine: doses are the care team's business, never the glossary's. */
const DOSE_RE = /\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|g|ml|mL|units?|mg\/m2|mg\/kg)\b/;
/** British words and spellings: the text is US English; these belong in aliases. */
const BRITISH_RE =
  /\b(?:womb|drip|tumours?|anaemi\w*|oedema|haem\w*|oesophag\w*|diarrhoea|leukaemi\w*|gynaecolog\w*|oestrogen|paediatric\w*|colour\w*|centres?|programmes?|behaviour\w*|fibres?|litres?|labour|anaesthe\w*|foet\w*|GP)\b/;
/** Respelled pronunciation: syllables joined by hyphens or spaces, at least one stressed in capitals. */
const PRONUNCIATION_RE = /^[A-Za-z]+(?:[- ][A-Za-z]+)*$/;
/**
 * A word split into syllables needs its stressed one in capitals; whole one-syllable words
 * ("limf", "stage four" for "stage IV") need none.
 */
const STRESSED_RE = /^[a-z]+(?: [a-z]+)*$|(?:^|[- ])[A-Z]+(?=$|[- ])/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-(?:0[1-9]|1[0-2])$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

type Add = (field: string, message: string) => void;

function checkSources(value: unknown, field: string, add: Add): void {
  if (!Array.isArray(value) || value.length === 0) {
    add(field, 'missing: list the reference sources the facts were checked against ({ "name", "url" })');
    return;
  }
  value.forEach((s, j) => {
    if (!isObj(s) || !isNonEmptyString(s.name) || typeof s.url !== 'string') {
      add(field, `source #${j} must be { "name": "...", "url": "https://..." }`);
    } else if (!/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(s.url)) {
      add(field, `source #${j} url "${s.url}" is not an https address`);
    }
  });
}

function checkReviewed(value: unknown, today: string | undefined, add: Add): void {
  if (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(dayNumber(value))) {
    add('reviewed', 'missing or not a date (YYYY-MM-DD): when the facts were last checked');
    return;
  }
  if (today === undefined) return;
  const age = dayNumber(today) - dayNumber(value);
  if (age < 0) add('reviewed', `review date ${value} is in the future`);
  else if (age > MAX_REVIEW_AGE_DAYS) add('reviewed', `review date ${value} is stale (over ${MAX_REVIEW_AGE_DAYS} days old): check the facts again`);
}

/**
 * Prose: opens with a capital, a digit, a quote or a word written with a capital inside ("eGFR"), ends
 * with a sentence's stop, holds at least four words, and names no file or path.
 */
function looksLikeProse(text: string): boolean {
  const t = text.trim();
  const first = t.split(/\s/, 1)[0]!;
  const opens = /^[A-Z0-9"“‘(]/.test(t) || /[A-Z]/.test(first);
  const ends = /[.!?]["”’)]?$/.test(t);
  const words = t.split(/\s+/).filter((w) => /[A-Za-z]{2}/.test(w)).length;
  const pathLike = /(^|\s)\.{0,2}\/[\w.-]+\/|\.(?:js|mjs|ts|json|txt|sh)\b/.test(t);
  return opens && ends && words >= 4 && !pathLike;
}

function checkDefinition(text: unknown, gradeLimit: number, add: Add): number | null {
  if (!isNonEmptyString(text)) {
    add('definition', 'must be a non-empty string');
    return null;
  }
  // Prose, not a left-over of a failed edit: round 31 shipped a definition that was a script's path
  // ("/tmp/ud-pa.js"), which every other check let through.
  if (!looksLikeProse(text)) add('definition', 'must be written as sentences of words (it reads like a path, code or a fragment)');
  const n = countSentences(text);
  if (n < 1 || n > MAX_DEFINITION_SENTENCES) add('definition', `must be 1–${MAX_DEFINITION_SENTENCES} sentences (has ${n})`);
  const grade = fleschKincaidGrade(text);
  if (grade > gradeLimit) add('definition', `reading grade ${grade.toFixed(1)} is above the limit of ${gradeLimit}`);
  if (ADVICE_RE.test(text)) add('definition', 'reads as advice ("you should…"); describe, do not advise');
  if (DOSE_RE.test(text)) add('definition', `gives an amount ("${DOSE_RE.exec(text)![0]}"): never doses`);
  const british = BRITISH_RE.exec(text);
  if (british) add('definition', `"${british[0]}" is British: write US English and keep the British word as an alias`);
  return grade;
}

function checkArticle(e: Obj, mentioned: boolean, opts: ValidateOptions, add: Add): void {
  const a = e.article;
  if (a === undefined) {
    if (mentioned) add('article', 'the article mentions this entry: record a quote choice ("none", "as-is" or "with-note", and why)');
    return;
  }
  if (!isObj(a)) {
    add('article', 'must be an object { "quote", "why", … }');
    return;
  }
  if (!isNonEmptyString(a.why)) add('article.why', 'say why this quote choice was made');
  if (a.quote === 'none') {
    for (const k of Object.keys(a)) if (k !== 'quote' && k !== 'why') add(`article.${k}`, `unknown field with quote "none"`);
    return;
  }
  if (a.quote !== 'as-is' && a.quote !== 'with-note') {
    add('article.quote', `must be "none", "as-is" or "with-note" (got ${JSON.stringify(a.quote)})`);
    return;
  }
  if (!mentioned && opts.mentionedInArticle !== undefined) add('article.quote', 'the article never mentions this entry: quote "none" or no article field');
  if (!Array.isArray(a.hints) || a.hints.length === 0 || a.hints.length > MAX_PASSAGES) {
    add('article.hints', `1–${MAX_PASSAGES} phrases of the article that pick the quoted sentences`);
  } else {
    a.hints.forEach((h, j) => {
      if (!isNonEmptyString(h)) add('article.hints', `hint #${j} must be a non-empty string`);
      else if (opts.articleBody !== undefined && !opts.articleBody.includes(h)) add('article.hints', `hint "${h}" is not in the article body`);
    });
  }
  const allowed = a.quote === 'as-is' ? ['quote', 'hints', 'why'] : ['quote', 'hints', 'why', 'note', 'asOf', 'sources'];
  for (const k of Object.keys(a)) if (!allowed.includes(k)) add(`article.${k}`, `unknown field with quote "${a.quote}"`);
  if (a.quote === 'with-note') {
    if (!isNonEmptyString(a.note)) add('article.note', 'say in our words what is known now');
    else if (fleschKincaidGrade(a.note) > (opts.gradeLimit ?? DEFAULT_GRADE_LIMIT)) add('article.note', `reading grade ${fleschKincaidGrade(a.note).toFixed(1)} is too high`);
    if (typeof a.asOf !== 'string' || !MONTH_RE.test(a.asOf)) add('article.asOf', 'the month the note was checked, YYYY-MM');
    checkSources(a.sources, 'article.sources', add);
  }
}

/**
 * Validates glossary entries. `data` may be an array of entries (the category files' entries, or
 * the `entries` of a built glossary with `built: true`) or a whole built Glossary object.
 * Returns [] when everything is fine.
 */
export function validateGlossary(data: unknown, opts: ValidateOptions): GlossaryError[] {
  const errors: GlossaryError[] = [];
  const gradeLimit = opts.gradeLimit ?? DEFAULT_GRADE_LIMIT;
  let built = opts.built ?? false;
  let entries: unknown = data;
  const glossaryError = (field: string, message: string) => errors.push({ entry: '(glossary)', field, message });

  if (isObj(data)) {
    // A whole built glossary: { source: { title, file }, entries: [...] }.
    built = true;
    entries = data.entries;
    const source = data.source;
    if (!isObj(source)) glossaryError('source', 'missing "source" object');
    else {
      if (!isNonEmptyString(source.title)) glossaryError('source.title', 'must be a non-empty string');
      if (!isNonEmptyString(source.file)) glossaryError('source.file', 'must be a non-empty string');
    }
  }
  if (!Array.isArray(entries)) {
    glossaryError('entries', 'must be an array of entries');
    return errors;
  }
  if (entries.length === 0) glossaryError('entries', 'the glossary has no entries');

  const names: string[] = entries.map((e, i) => (isObj(e) && typeof e.id === 'string' && e.id !== '' ? e.id : `#${i}`));
  const adder = (i: number) => {
    const file = opts.fileOf?.(i);
    return (field: string, message: string) =>
      errors.push({ ...(file !== undefined ? { file } : {}), entry: names[i]!, field, message });
  };

  // Pass 1: ids, so `related` can be checked against all of them; and the everyday words
  // (those most readers know), which a definition may use without linking them.
  const ids = new Set<string>();
  const everyday = new Set<string>();
  entries.forEach((e, i) => {
    if (!isObj(e)) return;
    const add = adder(i);
    if (typeof e.id !== 'string' || e.id === '') {
      add('id', 'missing id (a non-empty kebab-case string)');
      return;
    }
    if (!KEBAB_RE.test(e.id)) add('id', `id "${e.id}" is not kebab-case (a-z, 0-9, single hyphens)`);
    if (ids.has(e.id)) add('id', `duplicate id "${e.id}" (also entry #${names.indexOf(e.id)})`);
    ids.add(e.id);
    if (e.everyday === true) everyday.add(e.id);
    else if (e.everyday !== undefined) add('everyday', 'must be true when present (a word most readers know)');
    if (e.generalSense !== undefined && e.generalSense !== true) {
      add('generalSense', 'must be true when present (a name that is also an everyday word with another meaning)');
    } else if (e.generalSense === true && e.everyday === true) {
      add('generalSense', 'an everyday word is never marked anyway: drop generalSense');
    }
  });

  /** aliasKey → where it was first seen, for cross-entry conflicts. */
  const owners = new Map<string, { entry: string; alias: string }>();
  const grades: number[] = [];

  entries.forEach((e, i) => {
    const name = names[i]!;
    const add = adder(i);
    if (!isObj(e)) {
      add('(entry)', 'entry must be an object');
      return;
    }

    // An entry with `passages` is a built entry even when the caller did not say so.
    const isBuilt = built || e.passages !== undefined;
    const known = isBuilt ? BUILT_FIELDS : SOURCE_FIELDS;
    for (const key of Object.keys(e)) {
      if (!known.includes(key)) add(key, `unknown field "${key}"${isBuilt ? ' in a built entry' : ''}`);
    }

    if (!isNonEmptyString(e.term)) add('term', 'must be a non-empty string');
    if (e.expansion !== undefined && !isNonEmptyString(e.expansion)) add('expansion', 'must be a non-empty string when present');
    if (e.pronunciation !== undefined) {
      if (typeof e.pronunciation !== 'string' || !PRONUNCIATION_RE.test(e.pronunciation)) {
        add('pronunciation', 'syllables joined by hyphens, letters only: "pem-broh-LIZ-oo-mab"');
      } else if (!STRESSED_RE.test(e.pronunciation)) {
        add('pronunciation', 'write the stressed syllable in capitals: "pem-broh-LIZ-oo-mab"');
      }
    }

    const grade = checkDefinition(e.definition, gradeLimit, add);
    if (grade !== null) grades.push(grade);
    checkReviewed(e.reviewed, opts.today, add);

    if (isBuilt) {
      if (typeof e.category !== 'string' || !(CATEGORIES as readonly string[]).includes(e.category)) {
        add('category', `must be one of: ${CATEGORIES.join(', ')} (got ${JSON.stringify(e.category)})`);
      }
      if (!Array.isArray(e.checkedAgainst) || e.checkedAgainst.length === 0 || !e.checkedAgainst.every(isNonEmptyString)) {
        add('checkedAgainst', 'must list the names of the sources the facts were checked against');
      }
    } else {
      checkSources(e.sources, 'sources', add);
      if (e.notes !== undefined && typeof e.notes !== 'string') add('notes', 'must be a string when present');
      checkArticle(e, opts.mentionedInArticle?.has(name) ?? false, opts, add);
    }

    // Aliases: non-empty strings, no two alike after normalisation, none shared with another entry.
    const matchable: { alias: string; field: string }[] = [];
    if (!Array.isArray(e.aliases) || e.aliases.length === 0) {
      add('aliases', 'must be a non-empty array of strings');
    } else {
      e.aliases.forEach((a, j) => {
        if (!isNonEmptyString(a)) add('aliases', `alias #${j} must be a non-empty string`);
        else if (a !== a.trim()) add('aliases', `alias "${a}" has leading or trailing white space`);
        else matchable.push({ alias: a, field: 'aliases' });
      });
    }
    // The expansion is matched too, so it takes part in the duplicate/conflict checks.
    if (isNonEmptyString(e.expansion)) matchable.push({ alias: e.expansion, field: 'expansion' });

    const mine = new Map<string, string>();
    for (const { alias, field } of matchable) {
      const key = opts.aliasKey(alias);
      if (key === '') {
        add(field, `"${alias}" has no letters or digits to match`);
        continue;
      }
      const same = mine.get(key);
      if (same !== undefined) {
        add(field, `"${alias}" is the same as "${same}" after normalisation` + (field === 'expansion' ? ' (the expansion is matched already; drop the alias)' : ''));
        continue;
      }
      mine.set(key, alias);
      const owner = owners.get(key);
      if (owner !== undefined && owner.entry !== name) {
        add(field, `"${alias}" is claimed by two entries: it conflicts with "${owner.alias}" of entry "${owner.entry}" (both match the same text)`);
        continue;
      } else if (owner === undefined) {
        owners.set(key, { entry: name, alias });
      }
      const readAs = opts.readsAs?.(alias);
      if (readAs !== undefined && readAs !== name) {
        add(
          field,
          readAs === null
            ? `"${alias}" is never found as written: the matcher cannot read it as one term (its punctuation, or a word the matcher skips)`
            : `"${alias}" is found as entry "${readAs}", not this one`,
        );
      }
    }

    // Related: array of existing ids, not itself, no repeats; every term the definition uses is linked.
    if (!Array.isArray(e.related)) {
      add('related', 'must be an array of entry ids');
    } else {
      const seen = new Set<unknown>();
      for (const r of e.related) {
        if (typeof r !== 'string') add('related', `related id ${JSON.stringify(r)} must be a string`);
        else if (r === e.id) add('related', 'an entry cannot be related to itself');
        else if (!ids.has(r)) add('related', `unknown related id "${r}"`);
        if (seen.has(r)) add('related', `related id ${JSON.stringify(r)} is listed twice`);
        seen.add(r);
      }
      if (opts.termsIn && isNonEmptyString(e.definition)) {
        for (const used of new Set(opts.termsIn(e.definition))) {
          if (used !== e.id && !seen.has(used) && !everyday.has(used)) {
            add('related', `the definition uses the glossary term "${used}" without linking it: add "${used}" to related (or say it in plainer words)`);
          }
        }
      }
    }

    if (isBuilt) {
      if (!Array.isArray(e.passages)) {
        add('passages', 'must be an array (empty when nothing is quoted)');
      } else {
        if (e.passages.length > MAX_PASSAGES) add('passages', `at most ${MAX_PASSAGES} passages`);
        e.passages.forEach((p, j) => {
          if (!isNonEmptyString(p)) add('passages', `passage #${j} must be a non-empty string`);
          else if (opts.articleBody !== undefined && !opts.articleBody.includes(p)) add('passages', `passage #${j} is not a verbatim part of the article body`);
        });
      }
      if (e.articleNote !== undefined) {
        const n = e.articleNote;
        if (!isObj(n) || !isNonEmptyString(n.text) || typeof n.asOf !== 'string' || !MONTH_RE.test(n.asOf)) {
          add('articleNote', 'must be { "text", "asOf": "YYYY-MM" }');
        } else if (!Array.isArray(e.passages) || e.passages.length === 0) {
          add('articleNote', 'a note belongs under a quote: this entry quotes nothing');
        }
      }
    }
  });

  const medianLimit = opts.medianGradeLimit ?? DEFAULT_MEDIAN_GRADE_LIMIT;
  const m = median(grades);
  if (grades.length > 0 && m > medianLimit) glossaryError('definition', `median reading grade ${m.toFixed(1)} is above ${medianLimit}`);

  return errors;
}

/** One line per error, for CLI output and thrown messages: "file › entry › field: message". */
export function formatErrors(errors: GlossaryError[]): string {
  return errors.map((e) => `${e.file ? `${e.file} › ` : ''}${e.entry} › ${e.field}: ${e.message}`).join('\n');
}
