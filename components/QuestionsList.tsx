/**
 * "Questions for my care team", as the popup and the options page show them: each saved term with
 * the reader's note and Remove, then Copy all, Print and Export as text. Removing asks once more in
 * place, because a note is easy to lose and hard to write again.
 *
 * Every string is rendered as a text node (terms from pages and notes are the reader's, not markup).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadText } from '../utils/files/download-text';
import { copyQuestions, exportQuestions, openPrintPage } from '../utils/files/question-export';
import { t } from '../utils/i18n';
import { clearSavedQuestions, questionKey, removeQuestion, savedQuestionsItem, type SavedQuestionsState } from '../utils/storage/saved-questions';
import './questions-list.css';

export interface QuestionsListProps {
  /** Null while storage answers. */
  state: SavedQuestionsState | null;
}

export function QuestionsList({ state }: QuestionsListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  if (state === null) return <p class="tl-note">{t('commonLoadingQuestions')}</p>;
  if (!state.ok) return <DamagedQuestions error={state.error} />;
  const { questions } = state;

  const remove = async (term: string, index: number) => {
    setConfirming(null);
    const result = await removeQuestion(term);
    setStatus(result.ok ? t('commonRemoved', term) : result.error);
    // Keep the keyboard where it was: on the next question, else the one before, else the list.
    setTimeout(() => {
      const buttons = root.current?.querySelectorAll<HTMLElement>('.tlq-remove') ?? [];
      (buttons[Math.min(index, buttons.length - 1)] ?? root.current)?.focus();
    }, 0);
  };

  const run = async (action: () => Promise<string> | string) => {
    try {
      setStatus(await action());
    } catch {
      setStatus(t('questionsFailed'));
    }
  };

  return (
    <div class="tlq" ref={root} tabIndex={-1}>
      {questions.length === 0 ? (
        <p class="tl-note">{t('questionsNoneYet')}</p>
      ) : (
        <ol class="tlq-list">
          {questions.map((q, i) => {
            const key = questionKey(q.term);
            return (
              <li key={key} class="tlq-item">
                <div class="tlq-head">
                  <p class="tlq-term">{q.term}</p>
                  {confirming !== key && (
                    <button type="button" class="tlq-button tlq-remove" aria-label={t('commonRemoveNamed', q.term)} onClick={() => setConfirming(key)}>
                      {t('commonRemove')}
                    </button>
                  )}
                </div>
                {q.note && <p class="tlq-note">{q.note}</p>}
                {confirming === key && (
                  <div class="tlq-confirm" role="group" aria-label={t('commonRemoveNamedAsk', q.term)}>
                    <p class="tlq-confirm-text">{q.note ? t('questionsRemoveWithNoteAsk', q.term) : t('questionsRemoveAsk', q.term)}</p>
                    <div class="tlq-row">
                      <button
                        type="button"
                        class="tlq-button tlq-button--danger"
                        ref={confirmButton}
                        onClick={() => void remove(q.term, i)}
                      >
                        {t('questionsYesRemove')}
                      </button>
                      <button type="button" class="tlq-button" onClick={() => setConfirming(null)}>
                        {t('commonKeepIt')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {questions.length > 0 && (
        <div class="tlq-row tlq-actions">
          <button type="button" class="tlq-button" onClick={() => void run(async () => (await copyQuestions(questions)).message)}>
            {t('questionsCopyAll')}
          </button>
          <button
            type="button"
            class="tlq-button"
            onClick={() => void run(async () => (await openPrintPage(), t('questionsPrintOpened')))}
          >
            {t('commonPrint')}
          </button>
          <button type="button" class="tlq-button" onClick={() => void run(() => exportQuestions(questions))}>
            {t('questionsExport')}
          </button>
        </div>
      )}
      <p class="tlq-status" role="status">
        {status}
      </p>
    </div>
  );
}

/**
 * Saved questions that can't be read: nothing writes over them on its own. The reader can keep a
 * copy of what is there, and only a deliberate second click deletes it to start again.
 */
function DamagedQuestions({ error }: { error: string }) {
  const [confirming, setConfirming] = useState(false);
  const saveCopy = async () => {
    const raw = await savedQuestionsItem.getValue();
    downloadText(JSON.stringify(raw, null, 2) + '\n', 'termlight-damaged-questions.json', 'application/json');
  };
  return (
    <div class="tlq-damaged" role="alert">
      <p class="tlq-damaged-title">{error}</p>
      <p>{t('questionsDamagedHelp')}</p>
      <div class="tlq-row">
        <button type="button" class="tlq-button" onClick={() => void saveCopy()}>
          {t('questionsSaveCopy')}
        </button>
        {confirming ? (
          <>
            <button type="button" class="tlq-button tlq-button--danger" onClick={() => void clearSavedQuestions()}>
              {t('questionsYesDelete')}
            </button>
            <button type="button" class="tlq-button" onClick={() => setConfirming(false)}>
              {t('commonKeepForNow')}
            </button>
          </>
        ) : (
          <button type="button" class="tlq-button" onClick={() => setConfirming(true)}>
            {t('commonStartAgain')}
          </button>
        )}
      </div>
    </div>
  );
}
