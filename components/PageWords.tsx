/**
 * What the page itself says about a term. Page text is untrusted: it is only ever
 * rendered as text, and always labelled as the page's words, not ours.
 */
import { DISCLAIMER } from './TermCard';
import './term-card.css';

export interface PageWordsProps {
  /** The term as the page writes it ("TILs"). */
  term: string;
  /** The page's explanation: an abbreviation's long form or a defining sentence. */
  text: string;
}

/** "TILs: tumor-infiltrating lymphocytes", or the sentence itself when it already names the term. */
function phrase({ term, text }: PageWordsProps): string {
  return text.toLowerCase().includes(term.toLowerCase()) ? text : `${term}: ${text}`;
}

/** The "On this page:" section shown inside a glossary term card. */
export function OnThisPage(props: PageWordsProps) {
  return (
    <section class="tl-card-section tl-on-page" aria-label="What this page says">
      <h3 class="tl-card-subheading">On this page:</h3>
      <blockquote class="tl-quote-text tl-page-quote">
        <p>{phrase(props)}</p>
      </blockquote>
      <p class="tl-card-note">These are the page’s own words. Termlight’s explanation is at the top.</p>
    </section>
  );
}

export interface PageTermCardProps extends PageWordsProps {
  /** The page gives one of our glossary abbreviations another meaning. */
  conflict: boolean;
}

/** The card for a term only the page defines (or redefines): the page's words, marked as unchecked. */
export function PageTermCard({ term, text, conflict }: PageTermCardProps) {
  return (
    <article class="tl-card" lang="en" aria-label={term}>
      <header class="tl-card-header">
        <h2 class="tl-card-term">{term}</h2>
        <p class="tl-card-category">
          <span class="tl-chip tl-chip-page">Defined on this page</span>
        </p>
      </header>
      <section class="tl-card-section tl-on-page" aria-label="What this page says">
        <h3 class="tl-card-subheading">On this page:</h3>
        <blockquote class="tl-quote-text tl-page-quote">
          <p>{phrase({ term, text })}</p>
        </blockquote>
      </section>
      <p class="tl-card-note">
        {conflict
          ? `This page uses “${term}” with its own meaning, so Termlight follows the page here. Its explanation has not been checked by Termlight.`
          : 'Termlight has not checked this explanation: it comes from the page you are reading.'}
      </p>
      <footer class="tl-card-footer">
        <p>{DISCLAIMER}</p>
      </footer>
    </article>
  );
}
