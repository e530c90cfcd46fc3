/**
 * "Questions for my care team": what the reader saved from the popover, to copy, print or save
 * as text. One section for the popup and the options page; the options page, with more room,
 * adds a line saying what is kept.
 */
import type { ComponentChildren } from 'preact';
import { QuestionsList } from './QuestionsList';
import { useSavedQuestions } from '../hooks/use-saved-questions';
import { t } from '../utils/i18n';

export function QuestionsSection({ intro }: { intro?: ComponentChildren }) {
  const state = useSavedQuestions();
  return (
    <section class="tl-panel" aria-labelledby="tl-questions-heading">
      <h2 id="tl-questions-heading" class="tl-section-heading">
        {t('commonQuestionsHeading')}
      </h2>
      {intro && <p class="tl-note">{intro}</p>}
      <QuestionsList state={state} />
    </section>
  );
}
