/**
 * "Questions for my care team": terms the reader saved from the popover, each with the short
 * explanation they were shown and an optional note, to take to the next appointment.
 *
 * Kept in the `local` storage area only, never `sync`, like everything else: the words someone
 * wants to ask their doctor about say something about their health. No URL, hostname or page
 * title is stored, on purpose: a list of questions must not become a record of where someone
 * read what. The time of saving is kept so the list can say when it was made.
 *
 * Every read goes through `parseSavedQuestions`. A stored value that is not a valid list reads as
 * `ok: false` with a plain message, and nothing here writes over it: saving and removing refuse
 * until the reader chooses "start again" (`clearSavedQuestions`). Every change reads the whole
 * list, checks it, and writes the whole new list once.
 */
import { CONTROL_RE } from '../guards';
import { parseStoredList } from './stored-list';
import { formatNumber, t } from '../i18n';
import { defineLocalItem } from './local-item';
import { foldCase } from '../../glossary/normalise';

export const QUESTION_LIMITS = {
  /** Far more than anyone takes to an appointment; small enough to list and print. */
  questions: 200,
  termLength: 200,
  /** Page-defined terms can bring a long sentence: it is shortened to this when saved. */
  definitionLength: 1000,
  noteLength: 1000,
} as const;

/** Whose explanation was shown: Termlight's glossary, the reader's own term, or the page's words. */
export type QuestionSource = 'glossary' | 'personal' | 'page';
const SOURCES: readonly QuestionSource[] = ['glossary', 'personal', 'page'];

export interface SavedQuestion {
  /** The term as the card showed it ("PD-L1"). One question per term (see `questionKey`). */
  term: string;
  source: QuestionSource;
  /** The glossary or personal entry id; none for terms only the page defines. */
  entryId?: string;
  /** The explanation the card showed when the question was saved. */
  definition: string;
  /** What the reader wants to ask; absent when they wrote nothing. */
  note?: string;
  /** When it was saved or last changed (milliseconds since 1970). */
  savedAt: number;
}

/** What the popover hands over when the reader saves a question. */
export type QuestionInput = Omit<SavedQuestion, 'savedAt'>;

export type SavedQuestionsState = { ok: true; questions: SavedQuestion[] } | { ok: false; error: string };

export type QuestionChange =
  | { ok: true; question: SavedQuestion; questions: SavedQuestion[]; updated: boolean }
  | { ok: false; error: string };

// Stored as unknown: whatever is there is parsed before use.
export const savedQuestionsItem = defineLocalItem<unknown>('savedQuestions', null);

/** Every control character other than tab and line breaks, to strip them. */
const CONTROL_ALL = new RegExp(CONTROL_RE.source, 'g');

/** One question per term, whatever its capitals, accents or spacing: saving again updates it. */
export function questionKey(term: string): string {
  return foldCase(term.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

const oneLine = (s: string) => s.replace(CONTROL_ALL, '').replace(/\s+/g, ' ').trim();

/** Validates a stored value. Missing means no questions yet. */
export function parseSavedQuestions(raw: unknown): SavedQuestionsState {
  const keys = new Set<string>();
  // i18n-exempt: why an item is damaged stays English, for whoever helps fix the data (stored-list.ts).
  const read = parseStoredList<SavedQuestion>(raw, 'question', QUESTION_LIMITS.questions, (item, which) => {
    const { term, source, entryId, definition, note, savedAt } = item;
    if (typeof term !== 'string' || oneLine(term) === '' || term.length > QUESTION_LIMITS.termLength) {
      return `${which} has no valid term`;
    }
    const key = questionKey(term);
    if (keys.has(key)) return `${which} is about the same term as another question`;
    keys.add(key);
    if (typeof source !== 'string' || !SOURCES.includes(source as QuestionSource)) return `${which} has no valid source`;
    if (entryId !== undefined && (typeof entryId !== 'string' || entryId === '' || entryId.length > 200)) {
      return `${which} has an invalid entry id`;
    }
    if (typeof definition !== 'string' || definition.length > QUESTION_LIMITS.definitionLength) {
      return `${which} has no valid explanation`;
    }
    if (note !== undefined && (typeof note !== 'string' || note.length > QUESTION_LIMITS.noteLength)) {
      return `${which} has a note that is not valid`;
    }
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return `${which} has no valid date`;
    const question: SavedQuestion = { term, source: source as QuestionSource, definition, savedAt };
    if (entryId !== undefined) question.entryId = entryId;
    if (note !== undefined && note !== '') question.note = note;
    return question;
  });
  return read.ok ? { ok: true, questions: read.items } : read;
}

/** Shortens `text` to at most `max` characters, ending with "…" when cut. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/**
 * The list with `input` saved (pure). A question about a term already in the list is updated in
 * place (its note, explanation and date), so the list keeps the reader's order.
 */
export function withQuestion(questions: readonly SavedQuestion[], input: QuestionInput, now: number): QuestionChange {
  const term = oneLine(input.term);
  if (term === '') return { ok: false, error: t('questionsNoTerm') };
  if (term.length > QUESTION_LIMITS.termLength) return { ok: false, error: t('questionsTermTooLong') };
  if (!SOURCES.includes(input.source)) return { ok: false, error: t('questionsCannotSave') };
  // Line breaks typed in a note are kept; Windows ones become plain ones.
  const note = (input.note ?? '').replace(/\r\n?/g, '\n').replace(CONTROL_ALL, '').trim();
  if (note.length > QUESTION_LIMITS.noteLength) {
    return { ok: false, error: t('questionsNoteTooLong', [formatNumber(note.length), formatNumber(QUESTION_LIMITS.noteLength)]) };
  }
  const question: SavedQuestion = {
    term,
    source: input.source,
    definition: shorten(oneLine(input.definition), QUESTION_LIMITS.definitionLength),
    savedAt: now,
  };
  const entryId = input.entryId?.trim();
  if (entryId) question.entryId = entryId.slice(0, 200);
  if (note) question.note = note;

  const key = questionKey(term);
  const at = questions.findIndex((q) => questionKey(q.term) === key);
  if (at >= 0) {
    return { ok: true, question, updated: true, questions: questions.map((q, i) => (i === at ? question : q)) };
  }
  if (questions.length >= QUESTION_LIMITS.questions) {
    return { ok: false, error: t('questionsListFull', formatNumber(questions.length)) };
  }
  return { ok: true, question, updated: false, questions: [...questions, question] };
}

export async function loadSavedQuestions(): Promise<SavedQuestionsState> {
  return parseSavedQuestions(await savedQuestionsItem.getValue());
}

/** Calls `onChange` with the validated list whenever it changes. Returns the function that stops watching. */
export function watchSavedQuestions(onChange: (state: SavedQuestionsState) => void): () => void {
  return savedQuestionsItem.watch((raw) => onChange(parseSavedQuestions(raw)));
}

/** The saved question about `term`, if there is one (and the list can be read). */
export async function findSavedQuestion(term: string): Promise<SavedQuestion | undefined> {
  const state = await loadSavedQuestions();
  if (!state.ok) return undefined;
  const key = questionKey(term);
  return state.questions.find((q) => questionKey(q.term) === key);
}

/** Saves (or updates) a question. Nothing is written unless the whole new list is valid. */
export async function saveQuestion(input: QuestionInput, now = Date.now()): Promise<QuestionChange> {
  const state = await loadSavedQuestions();
  if (!state.ok) return { ok: false, error: state.error };
  const change = withQuestion(state.questions, input, now);
  if (change.ok) await savedQuestionsItem.setValue(change.questions);
  return change;
}

/** Removes the question about `term`. */
export async function removeQuestion(term: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const state = await loadSavedQuestions();
  if (!state.ok) return { ok: false, error: state.error };
  const key = questionKey(term);
  const kept = state.questions.filter((q) => questionKey(q.term) !== key);
  if (kept.length === state.questions.length) return { ok: false, error: t('questionsGone') };
  await savedQuestionsItem.setValue(kept);
  return { ok: true };
}

/** Deletes the whole stored value, damaged or not. Only for an explicit "start again". */
export async function clearSavedQuestions(): Promise<void> {
  await savedQuestionsItem.removeValue();
}
