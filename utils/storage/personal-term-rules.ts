/**
 * The rules every personal term follows, wherever it comes from: the options form,
 * an imported file or storage. Pure, no I/O.
 *
 * Input is tidied before it is checked, so harmless differences never become errors:
 * white space is trimmed (and collapsed inside terms and other names), an empty note is
 * no note, and another name that matches the same text as the term or an earlier name
 * is dropped. Everything else that is wrong is reported as { field, message } in plain
 * language, so the form can show it next to the field and a file import next to a line.
 */
import { aliasKey } from '../../glossary/normalise';
import { CONTROL_RE } from '../guards';
import { formatNumber, t } from '../i18n';

/** Sizes a personal glossary may have. Generous for real use, small enough to stay fast. */
export const LIMITS = {
  /** Largest file that can be imported, in bytes (and characters). */
  fileBytes: 1_000_000,
  /** Most personal terms, in one file and in storage. */
  terms: 500,
  termLength: 100,
  aliasLength: 100,
  aliases: 20,
  definitionLength: 1000,
  noteLength: 1000,
} as const;

/** The fields of a personal term, in file column order. */
export const TERM_FIELDS = ['term', 'aliases', 'definition', 'note'] as const;
export type TermField = (typeof TERM_FIELDS)[number];

/** A personal term as people write it (form, file). */
export interface PersonalTermInput {
  term: string;
  /** Other names or spellings that should be explained the same way. May be empty. */
  aliases: string[];
  definition: string;
  note?: string;
}

export interface FieldError {
  /** A field name ('term', 'aliases', …) or a bracketed place ('(entry)', '(file)', '(storage)'). */
  field: string;
  message: string;
  /** For 'aliases': the index of the offending name in the list as given. */
  index?: number;
}


/** Splits "a; b | c" (how other names are typed in the form and in CSV files). */
export function splitAliases(text: string): string[] {
  return text
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The text that should be matched as one: `aliasKey` of each form gives the key. */
export function matchedForms(input: Pick<PersonalTermInput, 'term' | 'aliases'>): string[] {
  return [input.term, ...input.aliases];
}

function oneLine(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

function paragraph(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

export interface CheckedFields {
  /** The tidy term, only when there are no errors. */
  value?: PersonalTermInput;
  errors: FieldError[];
  /** The valid matched forms, even when other fields have errors, so conflicts can be reported at once too. */
  forms: Pick<PersonalTermInput, 'term' | 'aliases'>;
}

/**
 * Tidies and checks one term's fields. `raw` may hold anything (parsed JSON, storage):
 * wrong types are reported, not thrown. Returns the tidy value only when there are no errors.
 */
export function checkTermFields(raw: Record<string, unknown>): CheckedFields {
  const errors: FieldError[] = [];
  const add = (field: string, message: string, index?: number) =>
    errors.push(index === undefined ? { field, message } : { field, message, index });

  // Term: one line, has something to match.
  let term = '';
  if (typeof raw.term !== 'string') {
    add('term', raw.term === undefined || raw.term === null ? t('optionsTermMissing') : t('optionsTermNotText'));
  } else {
    term = oneLine(raw.term);
    if (term === '') add('term', t('optionsTermMissing'));
    else if (CONTROL_RE.test(term)) add('term', t('optionsTermControl'));
    else if (term.length > LIMITS.termLength) {
      add('term', t('optionsTermTooLong', [formatNumber(term.length), formatNumber(LIMITS.termLength)]));
    } else if (aliasKey(term) === '') add('term', t('optionsNoLetters', term));
  }

  // Other names: each one line; duplicates of the term or of each other are dropped.
  const aliases: string[] = [];
  if (raw.aliases !== undefined && raw.aliases !== null && !Array.isArray(raw.aliases)) {
    add('aliases', t('optionsAliasesNotList'));
  } else if (Array.isArray(raw.aliases)) {
    const seen = new Set<string>(term !== '' ? [aliasKey(term)] : []);
    raw.aliases.forEach((a: unknown, i) => {
      if (typeof a !== 'string') return add('aliases', t('optionsAliasNotText', formatNumber(i + 1)), i);
      const alias = oneLine(a);
      if (alias === '') return;
      if (CONTROL_RE.test(alias)) return add('aliases', t('optionsAliasControl', alias), i);
      // ; and | separate names in the form and in CSV files, so they cannot be part of one.
      if (/[;|]/.test(alias)) return add('aliases', t('optionsAliasSeparator', alias), i);
      if (alias.length > LIMITS.aliasLength) {
        return add('aliases', t('optionsAliasTooLong', [alias.slice(0, 30), formatNumber(alias.length), formatNumber(LIMITS.aliasLength)]), i);
      }
      const key = aliasKey(alias);
      if (key === '') return add('aliases', t('optionsNoLetters', alias), i);
      if (seen.has(key)) return; // Same text as the term or an earlier name: nothing to add.
      seen.add(key);
      aliases.push(alias);
    });
    if (aliases.length > LIMITS.aliases) {
      add('aliases', t('optionsTooManyAliases', [formatNumber(aliases.length), formatNumber(LIMITS.aliases)]));
    }
  }

  // Definition: required, may have several lines.
  let definition = '';
  if (typeof raw.definition !== 'string') {
    add(
      'definition',
      raw.definition === undefined || raw.definition === null ? t('optionsDefinitionMissing') : t('optionsDefinitionNotText'),
    );
  } else {
    definition = paragraph(raw.definition);
    if (definition === '') add('definition', t('optionsDefinitionMissing'));
    else if (CONTROL_RE.test(definition)) add('definition', t('optionsDefinitionControl'));
    else if (definition.length > LIMITS.definitionLength) {
      add('definition', t('optionsDefinitionTooLong', [formatNumber(definition.length), formatNumber(LIMITS.definitionLength)]));
    }
  }

  // Note: optional.
  let note: string | undefined;
  if (raw.note !== undefined && raw.note !== null) {
    if (typeof raw.note !== 'string') add('note', t('optionsNoteNotText'));
    else {
      note = paragraph(raw.note) || undefined;
      if (note !== undefined && CONTROL_RE.test(note)) add('note', t('optionsNoteControl'));
      else if (note !== undefined && note.length > LIMITS.noteLength) {
        add('note', t('optionsNoteTooLong', [formatNumber(note.length), formatNumber(LIMITS.noteLength)]));
      }
    }
  }

  const forms = { term: errors.some((e) => e.field === 'term') ? '' : term, aliases };
  if (errors.length > 0) return { errors, forms };
  return { value: note === undefined ? { term, aliases, definition } : { term, aliases, definition, note }, errors, forms };
}

/** Who already uses a matched form: Termlight's glossary, a saved personal term, or another entry of the same file. */
export type KeyOwner =
  | { kind: 'built-in'; id: string; term: string }
  | { kind: 'personal'; id: string; term: string }
  | { kind: 'file'; line: number; term: string };

/** Matched form key (aliasKey) → its owner. */
export type KeyIndex = Map<string, KeyOwner>;

/** "“Keytruda” is already one of your terms (“Keytruda”)." as a whole sentence, for each kind of owner. */
function takenText(form: string, owner: KeyOwner): string {
  switch (owner.kind) {
    case 'built-in':
      return t('optionsTakenBuiltIn', [form, owner.term]);
    case 'personal':
      return t('optionsTakenPersonal', [form, owner.term]);
    case 'file':
      return owner.line > 0 ? t('optionsTakenInFileLine', [form, formatNumber(owner.line), owner.term]) : t('optionsTakenInFile', [form, owner.term]);
  }
}

/**
 * Reports the term and other names that match the same text as something in `index`
 * (same aliasKey), naming the field: two entries must never claim the same words.
 */
export function findConflicts(input: Pick<PersonalTermInput, 'term' | 'aliases'>, index: KeyIndex): FieldError[] {
  const errors: FieldError[] = [];
  matchedForms(input).forEach((form, i) => {
    if (form === '') return;
    const owner = index.get(aliasKey(form));
    if (owner === undefined) return;
    errors.push({ field: i === 0 ? 'term' : 'aliases', message: takenText(form, owner) });
  });
  return errors;
}

/** Adds every matched form of a term to `index` (first owner wins). */
export function indexTerm(index: KeyIndex, input: Pick<PersonalTermInput, 'term' | 'aliases'>, owner: KeyOwner): void {
  for (const form of matchedForms(input)) {
    const key = aliasKey(form);
    if (key !== '' && !index.has(key)) index.set(key, owner);
  }
}
