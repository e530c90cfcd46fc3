/**
 * The explanation of one of the reader's own terms, for the popover and the options page.
 * It looks like TermCard (same styles, same places for the term and the explanation) but
 * says plainly that the words are the reader's or their care team's, not Termlight's:
 * a "Personal" label where Termlight's entries show their category, their note, and a
 * footer that says Termlight has not checked it. No article quotes, no related terms.
 *
 * Every string is rendered as a text node, never as markup.
 */
import type { ComponentChildren } from 'preact';
import type { PersonalDisplayEntry } from '../utils/storage/personal-glossary';
import { formatList, t } from '../utils/i18n';
import './term-card.css';
import './personal-term-card.css';

export interface PersonalTermCardProps {
  entry: PersonalDisplayEntry;
  /** Level of the term's heading, to fit the surrounding outline. Default 2. */
  headingLevel?: 2 | 3;
  /** Extra sections shown after the note (e.g. "On this page:" in the popover). */
  children?: ComponentChildren;
}

export function PersonalTermCard({ entry, headingLevel = 2, children }: PersonalTermCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const Sub = headingLevel === 3 ? 'h4' : 'h3';
  return (
    <article class="tl-card tl-card--personal" lang="en" aria-label={entry.term}>
      <header class="tl-card-header">
        <Heading class="tl-card-term">{entry.term}</Heading>
        {entry.aliases.length > 0 && (
          <p class="tl-card-expansion">
            {t('commonAlso')} {formatList(entry.aliases)}
          </p>
        )}
        <p class="tl-card-category">
          <span class="tl-visually-hidden">{t('cardCategory')} </span>
          <span class="tl-chip tl-chip-personal">{t('commonPersonal')}</span>
        </p>
      </header>

      <p class="tl-card-definition tl-personal-text">{entry.definition}</p>

      {entry.note && (
        <section class="tl-card-section">
          <Sub class="tl-card-subheading">{t('cardYourNote')}</Sub>
          <p class="tl-personal-note tl-personal-text">{entry.note}</p>
        </section>
      )}

      {children}

      <footer class="tl-card-footer">
        <p>
          {t('cardPersonalDisclaimer')} {t('cardDisclaimer')}
        </p>
      </footer>
    </article>
  );
}
