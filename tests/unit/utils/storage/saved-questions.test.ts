import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  QUESTION_LIMITS,
  clearSavedQuestions,
  findSavedQuestion,
  loadSavedQuestions,
  parseSavedQuestions,
  questionKey,
  removeQuestion,
  saveQuestion,
  savedQuestionsItem,
  watchSavedQuestions,
  withQuestion,
  type QuestionInput,
  type SavedQuestion,
} from '../../../../utils/storage/saved-questions';

const PDL1: QuestionInput = {
  term: 'PD-L1',
  source: 'glossary',
  entryId: 'pd-l1',
  definition: 'A protein that some cancer cells make.',
};
const TILS: QuestionInput = { term: 'TILs', source: 'page', definition: 'tumor-infiltrating lymphocytes' };

const stored = () => fakeBrowser.storage.local.get(null);
const snapshot = async () => JSON.stringify(await stored());

function ok(change: ReturnType<typeof withQuestion>) {
  if (!change.ok) throw new Error(`expected ok, got ${change.error}`);
  return change;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseSavedQuestions', () => {
  const valid: SavedQuestion = { ...PDL1, note: 'Is mine positive?', savedAt: 5 };

  it('reads nothing stored as no questions', () => {
    expect(parseSavedQuestions(undefined)).toEqual({ ok: true, questions: [] });
    expect(parseSavedQuestions(null)).toEqual({ ok: true, questions: [] });
  });

  it('reads valid questions, dropping fields it does not know and empty notes', () => {
    const raw = [{ ...valid, url: 'https://example.org/' }, { ...TILS, note: '', savedAt: 6 }];
    expect(parseSavedQuestions(raw)).toEqual({ ok: true, questions: [valid, { ...TILS, savedAt: 6 }] });
  });

  it.each([
    ['not a list', { questions: [] }, 'they are not a list'],
    ['a string', 'PD-L1', 'they are not a list'],
    ['an item that is not an object', [valid, 'x'], 'question 2 is not a question'],
    ['an empty term', [{ ...valid, term: '  ' }], 'question 1 has no valid term'],
    ['a term too long', [{ ...valid, term: 'x'.repeat(QUESTION_LIMITS.termLength + 1) }], 'question 1 has no valid term'],
    ['the same term twice', [valid, { ...valid, term: 'pd-l1 ' }], 'question 2 is about the same term as another question'],
    ['an unknown source', [{ ...valid, source: 'web' }], 'question 1 has no valid source'],
    ['an empty entry id', [{ ...valid, entryId: '' }], 'question 1 has an invalid entry id'],
    ['a definition that is not text', [{ ...valid, definition: 3 }], 'question 1 has no valid explanation'],
    ['a note too long', [{ ...valid, note: 'x'.repeat(QUESTION_LIMITS.noteLength + 1) }], 'question 1 has a note that is not valid'],
    ['no date', [{ ...valid, savedAt: 'today' }], 'question 1 has no valid date'],
    ['too many', Array.from({ length: QUESTION_LIMITS.questions + 1 }, (_, i) => ({ ...valid, term: `t${i}` })), 'more than'],
  ])('reports %s as damaged, saying what is wrong', (_label, raw, why) => {
    const state = parseSavedQuestions(raw);
    expect(state.ok).toBe(false);
    if (!state.ok) {
      expect(state.error).toContain(why);
      expect(state.error).toContain('They have not been changed or deleted.');
    }
  });
});

describe('withQuestion', () => {
  it('adds a question with the time, keeping only what the card showed', () => {
    const change = ok(withQuestion([], { ...PDL1, note: '  Is mine positive?  ' }, 1000));
    expect(change.updated).toBe(false);
    expect(change.questions).toEqual([{ ...PDL1, note: 'Is mine positive?', savedAt: 1000 }]);
  });

  it('leaves out an empty note, and keeps line breaks typed in one', () => {
    expect(ok(withQuestion([], { ...TILS, note: ' \n ' }, 1)).question).not.toHaveProperty('note');
    expect(ok(withQuestion([], { ...TILS, note: 'Ask:\r\n- dose\r\n- scan' }, 1)).question.note).toBe('Ask:\n- dose\n- scan');
  });

  it('updates the question about the same term in place instead of adding a second one', () => {
    const first = ok(withQuestion([], PDL1, 1)).questions;
    const both = ok(withQuestion(first, TILS, 2)).questions;
    const change = ok(withQuestion(both, { ...PDL1, term: ' pd-l1 ', note: 'New note' }, 3));
    expect(change.updated).toBe(true);
    expect(change.questions.map((q) => [q.term, q.note, q.savedAt])).toEqual([
      ['pd-l1', 'New note', 3],
      ['TILs', undefined, 2],
    ]);
  });

  it('shortens a long page explanation and tidies the term', () => {
    const long = 'word '.repeat(400);
    const q = ok(withQuestion([], { term: ' Total\n metabolic  burden ', source: 'page', definition: long }, 1)).question;
    expect(q.term).toBe('Total metabolic burden');
    expect(q.definition.length).toBe(QUESTION_LIMITS.definitionLength);
    expect(q.definition.endsWith('…')).toBe(true);
  });

  it('refuses a note over the limit, an empty term and a full list, with a plain reason', () => {
    const longNote = withQuestion([], { ...PDL1, note: 'x'.repeat(QUESTION_LIMITS.noteLength + 1) }, 1);
    expect(longNote).toEqual({ ok: false, error: expect.stringContaining('please shorten it') });
    expect(withQuestion([], { ...PDL1, term: ' ' }, 1)).toEqual({ ok: false, error: 'There is no term to save.' });
    const full = Array.from({ length: QUESTION_LIMITS.questions }, (_, i): SavedQuestion => ({ ...TILS, term: `t${i}`, savedAt: i }));
    expect(withQuestion(full, PDL1, 1)).toEqual({ ok: false, error: expect.stringContaining('Remove some') });
    // Updating one that is there still works when the list is full.
    expect(withQuestion(full, { ...TILS, term: 't3', note: 'ok' }, 1).ok).toBe(true);
  });
});

describe('questionKey', () => {
  it('treats capitals, accents and spacing as the same term', () => {
    expect(questionKey(' Pé  PD-L1 ')).toBe(questionKey('pe pd-l1'));
    expect(questionKey('PD-L1')).not.toBe(questionKey('PD-1'));
  });
});

describe('storage', () => {
  it('saves to the local area only, under savedQuestions, with no address of any page', async () => {
    expect(savedQuestionsItem.key).toBe('savedQuestions');
    const result = await saveQuestion({ ...PDL1, note: 'Is mine positive?' }, 1000);
    expect(result.ok).toBe(true);
    expect(await stored()).toEqual({ savedQuestions: [{ ...PDL1, note: 'Is mine positive?', savedAt: 1000 }] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await findSavedQuestion('pd-l1')).toMatchObject({ term: 'PD-L1' });
    expect(await findSavedQuestion('TILs')).toBeUndefined();
  });

  it('removes one question and leaves the others', async () => {
    await saveQuestion(PDL1, 1);
    await saveQuestion(TILS, 2);
    expect(await removeQuestion('PD-L1')).toEqual({ ok: true });
    expect(await loadSavedQuestions()).toEqual({ ok: true, questions: [{ ...TILS, savedAt: 2 }] });
    expect(await removeQuestion('PD-L1')).toEqual({ ok: false, error: 'This question is no longer in your list.' });
  });

  it('never writes over damaged storage: saving and removing refuse, and say why', async () => {
    await fakeBrowser.storage.local.set({ savedQuestions: [{ term: 'PD-L1' }] });
    const before = await snapshot();
    const saved = await saveQuestion(TILS, 1);
    expect(saved).toEqual({ ok: false, error: expect.stringContaining('could not be read') });
    expect(await removeQuestion('PD-L1')).toEqual({ ok: false, error: expect.stringContaining('could not be read') });
    expect(await snapshot()).toBe(before);
    expect(await findSavedQuestion('PD-L1')).toBeUndefined();
    // Only the deliberate "start again" deletes it.
    await clearSavedQuestions();
    expect(await stored()).toEqual({});
  });

  it('tells watchers the validated list', async () => {
    const seen: unknown[] = [];
    const stop = watchSavedQuestions((state) => seen.push(state));
    await saveQuestion(PDL1, 7);
    await fakeBrowser.storage.local.set({ savedQuestions: 'garbage' });
    stop();
    expect(seen).toEqual([{ ok: true, questions: [{ ...PDL1, savedAt: 7 }] }, { ok: false, error: expect.stringContaining('not a list') }]);
  });
});
