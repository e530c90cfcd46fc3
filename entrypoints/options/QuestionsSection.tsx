/** The saved questions on the options page too: the same list as the popup's, with more room. */
import { QuestionsList } from '../../components/QuestionsList';
import { useSavedQuestions } from '../../components/use-saved-questions';

export function QuestionsSection() {
  const state = useSavedQuestions();
  return (
    <section class="tl-panel" aria-labelledby="tl-questions-heading">
      <h2 id="tl-questions-heading" class="tl-section-heading">
        Questions for my care team
      </h2>
      <p class="tl-note">
        Terms you saved from Termlight’s explanations, with your notes, to ask about at your next appointment. Only the
        words are kept, never which page you were reading.
      </p>
      <QuestionsList state={state} />
    </section>
  );
}
