/**
 * Validation of glossary data (entries.json, or the built glossary.json). Pure, no I/O.
 * Every problem is reported as { entry, field, message } so a glossary author can find it:
 * `entry` is the entry's id, or `#<index>` when the id is missing or not a string.
 */
import { CATEGORIES } from '../types';
import { countSentences, fleschKincaidGrade } from './readability';

export interface GlossaryError {
  entry: string;
  field: string;
  message: string;
}

export interface ValidateOptions {
  /** Normalised key of an alias: two aliases with the same key match the same text. */
  aliasKey: (alias: string) => string;
  /** Highest Flesch–Kincaid grade allowed for a definition (default 8). */
  gradeLimit?: number;
  /** Require `passages` on every entry (a built glossary). Implied when given a Glossary object. */
  built?: boolean;
  /** When given, every passage must be an exact substring of this text. */
  articleBody?: string;
}

export const DEFAULT_GRADE_LIMIT = 8;
export const MAX_DEFINITION_SENTENCES = 3;
export const MAX_PASSAGES = 2;

const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCE_FIELDS = ['id', 'term', 'expansion', 'aliases', 'category', 'definition', 'related', 'passageHints'];
const BUILT_FIELDS = ['id', 'term', 'expansion', 'aliases', 'category', 'definition', 'related', 'passages'];
/** Wording that reads as telling a patient what to do with their treatment. */
const ADVICE_RE = /\byou\s+(?:should|must|need\s+to|ought\s+to)\b/i;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Validates glossary entries. `data` may be an array of entries (entries.json, or the
 * `entries` of a built glossary with `built: true`) or a whole built Glossary object.
 * Returns [] when everything is fine.
 */
export function validateGlossary(data: unknown, opts: ValidateOptions): GlossaryError[] {
  const errors: GlossaryError[] = [];
  const add = (entry: string, field: string, message: string) => errors.push({ entry, field, message });
  const gradeLimit = opts.gradeLimit ?? DEFAULT_GRADE_LIMIT;
  let built = opts.built ?? false;
  let entries: unknown = data;

  if (isObj(data)) {
    // A whole built glossary: { source: { title, file }, entries: [...] }.
    built = true;
    entries = data.entries;
    const source = data.source;
    if (!isObj(source)) add('(glossary)', 'source', 'missing "source" object');
    else {
      if (!isNonEmptyString(source.title)) add('(glossary)', 'source.title', 'must be a non-empty string');
      if (!isNonEmptyString(source.file)) add('(glossary)', 'source.file', 'must be a non-empty string');
    }
  }
  if (!Array.isArray(entries)) {
    add('(glossary)', 'entries', 'must be an array of entries');
    return errors;
  }
  if (entries.length === 0) add('(glossary)', 'entries', 'the glossary has no entries');

  // Pass 1: ids, so `related` can be checked against all of them.
  const names: string[] = entries.map((e, i) => (isObj(e) && typeof e.id === 'string' && e.id !== '' ? e.id : `#${i}`));
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    if (!isObj(e)) return;
    const name = names[i]!;
    if (typeof e.id !== 'string' || e.id === '') {
      add(name, 'id', 'missing id (a non-empty kebab-case string)');
      return;
    }
    if (!KEBAB_RE.test(e.id)) add(name, 'id', `id "${e.id}" is not kebab-case (a-z, 0-9, single hyphens)`);
    if (ids.has(e.id)) add(name, 'id', `duplicate id "${e.id}" (also entry #${names.indexOf(e.id)})`);
    ids.add(e.id);
  });

  /** aliasKey → where it was first seen, for cross-entry conflicts. */
  const owners = new Map<string, { entry: string; alias: string }>();

  entries.forEach((e, i) => {
    const name = names[i]!;
    if (!isObj(e)) {
      add(name, '(entry)', 'entry must be an object');
      return;
    }

    // An entry with `passages` is a built entry even when the caller did not say so.
    const isBuilt = built || e.passages !== undefined;
    const known = isBuilt ? BUILT_FIELDS : SOURCE_FIELDS;
    for (const key of Object.keys(e)) {
      if (!known.includes(key)) {
        add(name, key, `unknown field "${key}"${isBuilt ? ' in a built entry' : ''}`);
      }
    }

    if (!isNonEmptyString(e.term)) add(name, 'term', 'must be a non-empty string');

    if (e.expansion !== undefined && !isNonEmptyString(e.expansion)) {
      add(name, 'expansion', 'must be a non-empty string when present');
    }

    if (typeof e.category !== 'string' || !(CATEGORIES as readonly string[]).includes(e.category)) {
      add(name, 'category', `must be one of: ${CATEGORIES.join(', ')} (got ${JSON.stringify(e.category)})`);
    }

    // Definition: present, 1–3 sentences, plain enough, not advice.
    if (!isNonEmptyString(e.definition)) {
      add(name, 'definition', 'must be a non-empty string');
    } else {
      const n = countSentences(e.definition);
      if (n < 1 || n > MAX_DEFINITION_SENTENCES) {
        add(name, 'definition', `must be 1–${MAX_DEFINITION_SENTENCES} sentences (has ${n})`);
      }
      const grade = fleschKincaidGrade(e.definition);
      if (grade > gradeLimit) {
        add(name, 'definition', `reading grade ${grade.toFixed(1)} is above the limit of ${gradeLimit}`);
      }
      if (ADVICE_RE.test(e.definition)) {
        add(name, 'definition', 'reads as advice ("you should…"); describe, do not advise');
      }
    }

    // Aliases: non-empty strings, no two alike after normalisation, none shared with another entry.
    const matchable: { alias: string; field: string }[] = [];
    if (!Array.isArray(e.aliases) || e.aliases.length === 0) {
      add(name, 'aliases', 'must be a non-empty array of strings');
    } else {
      e.aliases.forEach((a, j) => {
        if (!isNonEmptyString(a)) add(name, 'aliases', `alias #${j} must be a non-empty string`);
        else if (a !== a.trim()) add(name, 'aliases', `alias "${a}" has leading or trailing white space`);
        else matchable.push({ alias: a, field: 'aliases' });
      });
    }
    // The expansion is matched too, so it takes part in the duplicate/conflict checks.
    if (isNonEmptyString(e.expansion)) matchable.push({ alias: e.expansion, field: 'expansion' });

    const mine = new Map<string, string>();
    for (const { alias, field } of matchable) {
      const key = opts.aliasKey(alias);
      if (key === '') {
        add(name, field, `"${alias}" has no letters or digits to match`);
        continue;
      }
      const same = mine.get(key);
      if (same !== undefined) {
        add(
          name,
          field,
          `"${alias}" is the same as "${same}" after normalisation` +
            (field === 'expansion' ? ' (the expansion is matched already; drop the alias)' : ''),
        );
        continue;
      }
      mine.set(key, alias);
      const owner = owners.get(key);
      if (owner !== undefined && owner.entry !== name) {
        add(name, field, `"${alias}" conflicts with "${owner.alias}" of entry "${owner.entry}" (both match the same text)`);
      } else if (owner === undefined) {
        owners.set(key, { entry: name, alias });
      }
    }

    // Related: array of existing ids, not itself, no repeats.
    if (!Array.isArray(e.related)) {
      add(name, 'related', 'must be an array of entry ids');
    } else {
      const seen = new Set<unknown>();
      for (const r of e.related) {
        if (typeof r !== 'string') add(name, 'related', `related id ${JSON.stringify(r)} must be a string`);
        else if (r === e.id) add(name, 'related', 'an entry cannot be related to itself');
        else if (!ids.has(r)) add(name, 'related', `unknown related id "${r}"`);
        if (seen.has(r)) add(name, 'related', `related id ${JSON.stringify(r)} is listed twice`);
        seen.add(r);
      }
    }

    if (e.passageHints !== undefined) {
      if (isBuilt) {
        // Already reported as an unknown field.
      } else if (!Array.isArray(e.passageHints) || e.passageHints.length === 0) {
        add(name, 'passageHints', 'must be a non-empty array of strings when present');
      } else {
        if (e.passageHints.length > MAX_PASSAGES) {
          add(name, 'passageHints', `at most ${MAX_PASSAGES} hints (one per quoted sentence)`);
        }
        e.passageHints.forEach((h, j) => {
          if (!isNonEmptyString(h)) add(name, 'passageHints', `hint #${j} must be a non-empty string`);
        });
      }
    }

    if (isBuilt) {
      if (!Array.isArray(e.passages) || e.passages.length === 0) {
        add(name, 'passages', 'missing or empty: no article sentence found for this entry');
      } else {
        if (e.passages.length > MAX_PASSAGES) add(name, 'passages', `at most ${MAX_PASSAGES} passages`);
        e.passages.forEach((p, j) => {
          if (!isNonEmptyString(p)) add(name, 'passages', `passage #${j} must be a non-empty string`);
          else if (opts.articleBody !== undefined && !opts.articleBody.includes(p)) {
            add(name, 'passages', `passage #${j} is not a verbatim part of the article body`);
          }
        });
      }
    }
  });

  return errors;
}

/** One line per error, for CLI output and thrown messages. */
export function formatErrors(errors: GlossaryError[]): string {
  return errors.map((e) => `${e.entry} › ${e.field}: ${e.message}`).join('\n');
}
