/**
 * The saved questions on a page of their own, laid out to print (or save as PDF) and take to an
 * appointment. Opened from "Print" in the popup or on the options page; with `?print` the print
 * dialog opens as soon as the list is shown. Same words as the text export (questions-text.ts).
 */
import { useEffect } from 'preact/hooks';
import { MEANING_LABEL, NOTE_LABEL, QUESTIONS_DISCLAIMER, QUESTIONS_HEADING, longDate } from '../../utils/files/questions-text';
import { useSavedQuestions } from '../../hooks/use-saved-questions';

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
        <h1 class="tl-sheet-title">{QUESTIONS_HEADING}</h1>
        <p class="tl-sheet-date">Made with Termlight on {longDate(new Date())}</p>
        <div class="tl-sheet-tools">
          <button type="button" class="tl-sheet-button" onClick={() => window.print()}>
            Print
          </button>
          <p class="tl-sheet-tip">To keep a copy on this computer, choose “Save as PDF” in the print window.</p>
        </div>
      </header>

      <main>
        {state === null ? (
          <p>Loading your questions…</p>
        ) : !state.ok ? (
          <p role="alert">{state.error}</p>
        ) : state.questions.length === 0 ? (
          <p>No questions saved yet. Point at an underlined word on a page and choose “Save question”.</p>
        ) : (
          <ol class="tl-sheet-list">
            {state.questions.map((q) => (
              <li key={q.term} class="tl-sheet-item">
                <h2 class="tl-sheet-term">{q.term}</h2>
                {q.definition && (
                  <p>
                    <span class="tl-sheet-label">{MEANING_LABEL[q.source]}:</span> {q.definition}
                  </p>
                )}
                {q.note && (
                  <p class="tl-sheet-note">
                    <span class="tl-sheet-label">{NOTE_LABEL}:</span> {q.note}
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
        <p>{QUESTIONS_DISCLAIMER}</p>
      </footer>
    </div>
  );
}
