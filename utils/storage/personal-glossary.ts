/**
 * The personal glossary: terms people (or their care team) add themselves. Kept in the
 * `local` storage area only, like the settings: the words someone looks up say something
 * about their health, so they never leave the device.
 *
 * Every read is validated. A stored value that is not a valid list is reported as an
 * error and left exactly as it is: no function here writes over it (only
 * `clearPersonalTerms`, which the options page offers as a deliberate "start again").
 * Every write checks the whole list first and then writes once, so a failed add, edit or
 * import changes nothing.
 *
 * Matching contract (for the content script): `personalMatchEntries(terms)` gives entries in
 * the matcher's shape; built-in entries must be added to the matcher first. Personal terms
 * match their term and their other names, never a form a built-in entry (or an earlier
 * personal term) already has. `personalToDisplayEntry(term)` gives what PersonalTermCard shows.
 */
import { parseStoredList } from './stored-list';
import { formatNumber, t } from '../i18n';
import { defineLocalItem } from './local-item';
import { PERSONAL_TERMS_KEY } from './personal-terms-key';
import { matchData } from '../../glossary/match-data';
import type { MatchableEntry } from '../../glossary/matcher';
import { aliasKey, foldCase } from '../../glossary/normalise';
import { parseGlossaryFile, type GlossaryFileError, type GlossaryFileFormat } from '../files/glossary-file';
import {
  LIMITS,
  checkTermFields,
  findConflicts,
  indexTerm,
  matchedForms,
  type FieldError,
  type KeyIndex,
  type PersonalTermInput,
} from './personal-term-rules';

/** A saved personal term. */
export interface PersonalTerm extends PersonalTermInput {
  /** `personal-<slug>-<n>`: made from the first term it was saved with, never changed afterwards. */
  id: string;
  /** When it was added or last changed (milliseconds since 1970). */
  updatedAt: number;
}

/** What PersonalTermCard shows for a personal term (`personal: true` tells it from a GlossaryEntry). */
export interface PersonalDisplayEntry {
  id: string;
  term: string;
  aliases: string[];
  definition: string;
  note?: string;
  personal: true;
}

/** The stored list: `ok: false` when storage holds something that is not a valid list. */
export type PersonalTermsState = { ok: true; terms: PersonalTerm[] } | { ok: false; error: string };

/** The result of a change: nothing is written unless `ok`. */
export type ChangeResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
export type ImportResult =
  | { ok: true; added: number; removed: number }
  | { ok: false; errors: GlossaryFileError[]; stoppedAtLine?: number };

/**
 * How an import treats the terms already saved. `merge` adds the file's terms; a file term
 * that matches the same words as a saved one is an error (nothing is imported).
 * `replace` removes every saved term and keeps the file's (a saved term with the same
 * main term keeps its id).
 */
export type ImportMode = 'merge' | 'replace';

// Stored as unknown: whatever is there is parsed before use.
export const personalTermsItem = defineLocalItem<unknown>(PERSONAL_TERMS_KEY, null);

const ID_RE = /^personal-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STORAGE_FIELD = '(storage)';

/** Validates a stored value. Missing means no terms yet. */
export function parsePersonalTerms(raw: unknown): PersonalTermsState {
  const ids = new Set<string>();
  // i18n-exempt: why an item is damaged stays English, for whoever helps fix the data (stored-list.ts).
  const read = parseStoredList<PersonalTerm>(raw, 'term', LIMITS.terms, (item, which) => {
    if (typeof item.id !== 'string' || !ID_RE.test(item.id)) return `${which} has no valid id`;
    if (ids.has(item.id)) return `${which} has the same id as another term`;
    ids.add(item.id);
    if (typeof item.updatedAt !== 'number' || !Number.isFinite(item.updatedAt)) return `${which} has no valid date`;
    const { value, errors } = checkTermFields(item);
    if (!value) return `${which}: ${errors[0]!.message}`;
    return { id: item.id, ...value, updatedAt: item.updatedAt };
  });
  return read.ok ? { ok: true, terms: read.items } : read;
}

export async function loadPersonalTerms(): Promise<PersonalTermsState> {
  return parsePersonalTerms(await personalTermsItem.getValue());
}

/** Calls `onChange` with the validated list whenever it changes. Returns the function that stops watching. */
export function watchPersonalTerms(onChange: (state: PersonalTermsState) => void): () => void {
  return personalTermsItem.watch((raw) => onChange(parsePersonalTerms(raw)));
}

let builtInIndex: KeyIndex | null = null;

/** Every form Termlight's own glossary matches (aliases and expansions), by aliasKey. */
function builtInKeys(): KeyIndex {
  if (builtInIndex) return builtInIndex;
  builtInIndex = new Map();
  for (const e of matchData.entries) {
    const owner = { kind: 'built-in', id: e.id, term: e.term } as const;
    indexTerm(builtInIndex, { term: e.expansion ?? e.aliases[0] ?? e.term, aliases: e.aliases }, owner);
  }
  return builtInIndex;
}

/** Built-in forms plus those of `terms` (except the one being edited). */
function keyIndex(terms: readonly PersonalTerm[], exceptId?: string): KeyIndex {
  const index = new Map(builtInKeys());
  for (const t of terms) if (t.id !== exceptId) indexTerm(index, t, { kind: 'personal', id: t.id, term: t.term });
  return index;
}

/** A new id for `term`: `personal-<slug>-<n>`, with the smallest n not taken. */
export function newPersonalId(term: string, taken: ReadonlySet<string>): string {
  const slug =
    foldCase(term)
      .replace(/[œæß]/g, (c) => ({ œ: 'oe', æ: 'ae', ß: 'ss' })[c]!)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'term';
  for (let n = 1; ; n++) {
    const id = `personal-${slug}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Reads the list for a change; a damaged list stops every change. */
async function loadForChange(): Promise<{ terms: PersonalTerm[] } | { errors: FieldError[] }> {
  const state = await loadPersonalTerms();
  return state.ok ? { terms: state.terms } : { errors: [{ field: STORAGE_FIELD, message: state.error }] };
}

/** Checks one term's fields and that its words are not anyone else's. */
function checkTerm(input: Record<string, unknown>, index: KeyIndex): ChangeResult<PersonalTermInput> {
  const { value, errors, forms } = checkTermFields(input);
  const all = [...errors, ...findConflicts(forms, index)];
  return value && all.length === 0 ? { ok: true, value } : { ok: false, errors: all };
}

export async function addPersonalTerm(input: PersonalTermInput, now = Date.now()): Promise<ChangeResult<PersonalTerm>> {
  const loaded = await loadForChange();
  if ('errors' in loaded) return { ok: false, errors: loaded.errors };
  const { terms } = loaded;
  if (terms.length >= LIMITS.terms) {
    return { ok: false, errors: [{ field: '(list)', message: t('optionsTooManyTerms', formatNumber(terms.length)) }] };
  }
  const checked = checkTerm({ ...input }, keyIndex(terms));
  if (!checked.ok) return checked;
  const term: PersonalTerm = { id: newPersonalId(checked.value.term, new Set(terms.map((t) => t.id))), ...checked.value, updatedAt: now };
  await personalTermsItem.setValue([...terms, term]);
  return { ok: true, value: term };
}

export async function updatePersonalTerm(id: string, input: PersonalTermInput, now = Date.now()): Promise<ChangeResult<PersonalTerm>> {
  const loaded = await loadForChange();
  if ('errors' in loaded) return { ok: false, errors: loaded.errors };
  const { terms } = loaded;
  const at = terms.findIndex((t) => t.id === id);
  if (at < 0) return { ok: false, errors: [{ field: '(list)', message: t('optionsTermGone') }] };
  const checked = checkTerm({ ...input }, keyIndex(terms, id));
  if (!checked.ok) return checked;
  const term: PersonalTerm = { id, ...checked.value, updatedAt: now };
  await personalTermsItem.setValue(terms.map((t, i) => (i === at ? term : t)));
  return { ok: true, value: term };
}

export async function removePersonalTerm(id: string): Promise<ChangeResult<PersonalTerm>> {
  const loaded = await loadForChange();
  if ('errors' in loaded) return { ok: false, errors: loaded.errors };
  const term = loaded.terms.find((t) => t.id === id);
  if (!term) return { ok: false, errors: [{ field: '(list)', message: t('optionsTermGone') }] };
  await personalTermsItem.setValue(loaded.terms.filter((t) => t.id !== id));
  return { ok: true, value: term };
}

/** Deletes the whole stored value, damaged or not. Only for an explicit "start again". */
export async function clearPersonalTerms(): Promise<void> {
  await personalTermsItem.removeValue();
}

/**
 * Imports a glossary file. Atomic: the file is checked completely (its own rules, then
 * conflicts with Termlight's glossary and, when merging, with saved terms) and written
 * once; on any error nothing stored changes.
 */
export async function importGlossaryFile(
  text: string,
  options: { format: GlossaryFileFormat; mode: ImportMode; now?: number },
): Promise<ImportResult> {
  const parsed = parseGlossaryFile(text, options.format);
  if (!parsed.ok) return parsed;
  const loaded = await loadForChange();
  if ('errors' in loaded) return { ok: false, errors: loaded.errors.map((e) => ({ line: 0, ...e })) };
  const saved = loaded.terms;
  const merge = options.mode === 'merge';

  const total = (merge ? saved.length : 0) + parsed.entries.length;
  if (total > LIMITS.terms) {
    return {
      ok: false,
      errors: [{ line: 0, field: '(file)', message: t('optionsImportTooMany', [formatNumber(total), formatNumber(LIMITS.terms)]) }],
    };
  }
  const index = merge ? keyIndex(saved) : builtInKeys();
  const errors: GlossaryFileError[] = [];
  parsed.entries.forEach((entry, i) => {
    for (const e of findConflicts(entry, index)) errors.push({ line: parsed.lines[i]!, field: e.field, message: e.message });
  });
  if (errors.length > 0) return { ok: false, errors };

  const now = options.now ?? Date.now();
  const kept = merge ? saved : [];
  const taken = new Set(kept.map((t) => t.id));
  const savedIdByTerm = new Map(saved.map((t) => [aliasKey(t.term), t.id]));
  const added = parsed.entries.map((entry): PersonalTerm => {
    const reuse = merge ? undefined : savedIdByTerm.get(aliasKey(entry.term));
    const id = reuse !== undefined && !taken.has(reuse) ? reuse : newPersonalId(entry.term, taken);
    taken.add(id);
    return { id, ...entry, updatedAt: now };
  });
  await personalTermsItem.setValue([...kept, ...added]);
  return { ok: true, added: added.length, removed: merge ? 0 : saved.length };
}

/**
 * Entries for the matcher (`createMatcher([...builtIns, ...personalMatchEntries(terms)])`):
 * each personal term matches its term and other names. Forms a built-in entry or an
 * earlier personal term already has are left out (a glossary update may add a word
 * someone had saved), and a term with no forms left is left out.
 */
export function personalMatchEntries(terms: readonly PersonalTerm[]): MatchableEntry[] {
  // Most readers have none: then the built-in forms (every alias normalised) are not worked out
  // at all, on every page and frame the content script starts in.
  if (terms.length === 0) return [];
  const claimed = new Set(builtInKeys().keys());
  const out: MatchableEntry[] = [];
  for (const t of terms) {
    const aliases = matchedForms(t).filter((form) => {
      const key = aliasKey(form);
      if (key === '' || claimed.has(key)) return false;
      claimed.add(key);
      return true;
    });
    if (aliases.length > 0) out.push({ id: t.id, aliases });
  }
  return out;
}

/** What PersonalTermCard shows for a personal term. */
export function personalToDisplayEntry(t: PersonalTerm): PersonalDisplayEntry {
  const entry: PersonalDisplayEntry = {
    id: t.id,
    term: t.term,
    aliases: [...t.aliases],
    definition: t.definition,
    personal: true,
  };
  if (t.note !== undefined) entry.note = t.note;
  return entry;
}

/** True for ids of personal terms (never used by Termlight's own entries). */
export function isPersonalId(id: string): boolean {
  return id.startsWith('personal-');
}
