/**
 * What the page itself says about a term. Page text is untrusted: it is only ever
 * rendered as text, and always labelled as the page's words, not ours.
 */
import { t } from '../utils/i18n';
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
    <section class="tl-card-section tl-on-page" aria-label={t('cardOnThisPageName')}>
      <h3 class="tl-card-subheading">{t('cardOnThisPage')}</h3>
      <blockquote class="tl-quote-text tl-page-quote">
        <p>{phrase(props)}</p>
      </blockquote>
      <p class="tl-card-note">{t('cardPageWordsNote')}</p>
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
          <span class="tl-chip tl-chip-page">{t('cardDefinedOnPage')}</span>
        </p>
      </header>
      <section class="tl-card-section tl-on-page" aria-label={t('cardOnThisPageName')}>
        <h3 class="tl-card-subheading">{t('cardOnThisPage')}</h3>
        <blockquote class="tl-quote-text tl-page-quote">
          <p>{phrase({ term, text })}</p>
        </blockquote>
      </section>
      <p class="tl-card-note">
        {conflict ? t('cardPageConflict', term) : t('cardPageUnchecked')}
      </p>
      <footer class="tl-card-footer">
        <p>{t('cardDisclaimer')}</p>
      </footer>
    </article>
  );
}
