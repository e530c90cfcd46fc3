/**
 * The saved questions on a page of their own, laid out to print (or save as PDF) and take to an
 * appointment. Opened from "Print" in the popup or on the options page; with `?print` the print
 * dialog opens as soon as the list is shown. Same words as the text export (questions-text.ts).
 */
import { useEffect } from 'preact/hooks';
import { longDate, meaningLabel } from '../../utils/files/questions-text';
import { useSavedQuestions } from '../../hooks/use-saved-questions';
import { t } from '../../utils/i18n';

export interface AppProps {
  /** Open the print dialog once the questions are on the page. */
  printOnOpen?: boolean;
}

export function App({ printOnOpen = false }: AppProps) {
  const state = useSavedQuestions();
  const ready = state !== null;

  useEffect(() => {
    // After the list has been painted, so the dialog's preview shows it.
    if (ready && printOnOpen) requestAnimationFrame(() => setTimeout(() => window.print(), 0));
  }, [ready, printOnOpen]);

  return (
    <div class="tl-sheet">
      <header class="tl-sheet-header">
        <h1 class="tl-sheet-title">{t('commonQuestionsHeading')}</h1>
        <p class="tl-sheet-date">{t('questionsMadeWith', longDate(new Date()))}</p>
        <div class="tl-sheet-tools">
          <button type="button" class="tl-sheet-button" onClick={() => window.print()}>
            {t('commonPrint')}
          </button>
          <p class="tl-sheet-tip">{t('questionsPrintTip')}</p>
        </div>
      </header>

      <main>
        {state === null ? (
          <p>{t('commonLoadingQuestions')}</p>
        ) : !state.ok ? (
          <p role="alert">{state.error}</p>
        ) : state.questions.length === 0 ? (
          <p>{t('questionsNoneSaved')}</p>
        ) : (
          <ol class="tl-sheet-list">
            {state.questions.map((q) => (
              <li key={q.term} class="tl-sheet-item">
                <h2 class="tl-sheet-term">{q.term}</h2>
                {q.definition && (
                  <p>
                    <span class="tl-sheet-label">{meaningLabel(q.source)}</span> {q.definition}
                  </p>
                )}
                {q.note && (
                  <p class="tl-sheet-note">
                    <span class="tl-sheet-label">{t('questionsNoteLabel')}</span> {q.note}
                  </p>
                )}
                {/* Room to write the answer down at the appointment. */}
                <div class="tl-sheet-answer" aria-hidden="true" />
              </li>
            ))}
          </ol>
        )}
      </main>

      <footer class="tl-sheet-footer">
        <p>{t('questionsDisclaimer')}</p>
      </footer>
    </div>
  );
}
