/** "Questions for my care team": what the reader saved from the popover, to copy, print or save as text. */
import { QuestionsList } from '../../components/QuestionsList';
import { useSavedQuestions } from '../../components/use-saved-questions';

export function QuestionsSection() {
  const state = useSavedQuestions();
  return (
    <section class="tl-panel" aria-labelledby="tl-questions-heading">
      <h2 id="tl-questions-heading" class="tl-section-heading">
        Questions for my care team
      </h2>
      <QuestionsList state={state} />
    </section>
  );
}
