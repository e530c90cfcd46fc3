/** The saved questions for an extension page (popup, options, print page): read once, then kept in sync. */
import { loadSavedQuestions, watchSavedQuestions, type SavedQuestionsState } from '../utils/storage/saved-questions';
import { useStoredState, type StoredSource } from './use-stored-state';

const SAVED_QUESTIONS: StoredSource<SavedQuestionsState> = {
  load: loadSavedQuestions,
  watch: watchSavedQuestions,
  onError: (e) => ({ ok: false, error: `Your saved questions could not be read (${String(e)}).` }),
};

/** Null until storage has answered. */
export function useSavedQuestions(): SavedQuestionsState | null {
  return useStoredState(SAVED_QUESTIONS)[0];
}
