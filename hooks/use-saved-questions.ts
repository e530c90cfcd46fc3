/** The saved questions for an extension page (popup, options, print page): read once, then kept in sync. */
import { useEffect, useState } from 'preact/hooks';
import { loadSavedQuestions, watchSavedQuestions, type SavedQuestionsState } from '../utils/storage/saved-questions';

/** Null until storage has answered. */
export function useSavedQuestions(): SavedQuestionsState | null {
  const [state, setState] = useState<SavedQuestionsState | null>(null);
  useEffect(() => {
    let live = true;
    const apply = (s: SavedQuestionsState) => {
      if (live) setState(s);
    };
    loadSavedQuestions().then(apply, (e: unknown) =>
      apply({ ok: false, error: `Your saved questions could not be read (${String(e)}).` }),
    );
    const unwatch = watchSavedQuestions(apply);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state;
}
