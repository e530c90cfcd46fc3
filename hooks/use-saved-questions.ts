/** The saved questions for an extension page (popup, options, print page): read once, then kept in sync. */
import { loadSavedQuestions, watchSavedQuestions, type SavedQuestionsState } from '../utils/storage/saved-questions';
import { unreadableList } from '../utils/storage/stored-list';
import { useStoredState, type StoredSource } from './use-stored-state';

const SOURCE: StoredSource<SavedQuestionsState> = { load: loadSavedQuestions, watch: watchSavedQuestions, onError: unreadableList('question') };

/** Null until storage has answered. */
export const useSavedQuestions = (): SavedQuestionsState | null => useStoredState(SOURCE)[0];
