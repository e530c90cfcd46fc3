/**
 * "On this page": the terms the content script found in the tab, most frequent first: Termlight's
 * own and the reader's (labelled "Personal", as on the page); then the abbreviations the page
 * defines for itself, with the page's own words, said to be unchecked (as in the popover).
 */
import type { PageDefinedTerm } from '../../utils/messages';
import { t } from '../../utils/i18n';
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

/** Most frequent first, then A to Z. */
function byCountThenTerm(a: { count: number; term: string }, b: { count: number; term: string }): number {
  return b.count - a.count || a.term.localeCompare(b.term, 'en', { sensitivity: 'base' });
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
      .sort(byCountThenTerm);
    const list =
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
                aria-label={`${term}${own ? ` (${t('commonPersonal')})` : ''}, found ${timesText(count)}`}
                onClick={() => onSelect(id)}
              >
                <span class="tl-list-term">{term}</span>{' '}
                {own && <span class="tl-tag">{t('commonPersonal')}</span>}{' '}
                <span class="tl-count">found {timesText(count)}</span>
              </button>
            </li>
          ))}
        </ul>
      );
    body = (
      <>
        {list}
        <PageDefinedList terms={page.pageDefined} />
      </>
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

/** The page's own abbreviations: text from the page, shown as text, never as markup. */
function PageDefinedList({ terms }: { terms: readonly PageDefinedTerm[] }) {
  if (terms.length === 0) return null;
  const sorted = [...terms].sort(byCountThenTerm);
  return (
    <div class="tl-page-defined" role="group" aria-labelledby="tl-page-defined-heading">
      <h3 id="tl-page-defined-heading" class="tl-subheading">
        Defined by this page
      </h3>
      <p class="tl-note">The page's own words. Termlight has not checked them.</p>
      <ul class="tl-defined-list" role="list">
        {sorted.map(({ term, meaning, count, conflict }) => (
          <li key={term} class="tl-defined-item">
            <span class="tl-defined-term">{term}</span>
            <span class="tl-count">found {timesText(count)}</span>
            <span class="tl-defined-meaning">{meaning}</span>
            {conflict && <span class="tl-defined-note">This page uses it differently from Termlight.</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
