/**
 * "On this page": the terms the content script found in the tab, most frequent first: Termlight's
 * own and the reader's (labelled "Personal", as on the page).
 */
import { PERSONAL_LABEL } from '../../components/PersonalTermCard';
import { getEntry } from '../../glossary/index';
import type { PageTermsState } from './use-page-terms';
import type { PersonalEntries } from './use-personal-entries';

export interface PageTermsSectionProps {
  page: PageTermsState;
  /** Whether Termlight is switched on for this page (globally and for its site). */
  active: boolean;
  globallyEnabled: boolean;
  /** The reader's own terms by id, to name the `personal-…` ids the page reports. */
  personal: PersonalEntries;
  onSelect: (id: string) => void;
}

interface FoundTerm {
  id: string;
  term: string;
  count: number;
  personal: boolean;
}

function timesText(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}

function Message({ children }: { children: string }) {
  return <p class="tl-note">{children}</p>;
}

export function PageTermsSection({ page, active, globallyEnabled, personal, onSelect }: PageTermsSectionProps) {
  let body;
  if (page.status === 'loading') {
    body = <Message>Looking at this page…</Message>;
  } else if (page.status === 'unavailable') {
    body = (
      <>
        <p class="tl-note tl-note--strong">Termlight can't read this page.</p>
        <Message>
          This happens on browser pages and some special pages. If the page was open before Termlight was added,
          reload it.
        </Message>
      </>
    );
  } else if (!globallyEnabled) {
    body = <Message>Termlight is switched off.</Message>;
  } else if (!active) {
    body = <Message>Termlight is off on this site.</Message>;
  } else {
    const found = page.terms
      .map((t): FoundTerm | null => {
        const own = personal.get(t.id);
        if (own) return { id: t.id, term: own.term, count: t.count, personal: true };
        const entry = getEntry(t.id);
        return entry ? { id: t.id, term: entry.term, count: t.count, personal: false } : null;
      })
      .filter((t): t is FoundTerm => t !== null)
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
    body =
      found.length === 0 ? (
        <Message>No glossary terms found on this page.</Message>
      ) : (
        <ul class="tl-list" role="list">
          {found.map(({ id, term, count, personal: own }) => (
            <li key={id}>
              <button
                type="button"
                class="tl-list-item"
                data-entry-id={id}
                // Read as one phrase ("PD-L1, found once"), not two loose pieces of text. The visible
                // text says the same words, so people who speak to their computer can say what they see.
                aria-label={`${term}${own ? ` (${PERSONAL_LABEL})` : ''}, found ${timesText(count)}`}
                onClick={() => onSelect(id)}
              >
                <span class="tl-list-term">{term}</span>{' '}
                {own && <span class="tl-tag">{PERSONAL_LABEL}</span>}{' '}
                <span class="tl-count">found {timesText(count)}</span>
              </button>
            </li>
          ))}
        </ul>
      );
  }

  return (
    <section class="tl-panel" aria-labelledby="tl-page-heading">
      <h2 id="tl-page-heading" class="tl-section-heading">
        On this page
      </h2>
      {body}
    </section>
  );
}
