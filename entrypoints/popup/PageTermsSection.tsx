/**
 * "On this page": the terms the content script found in the tab, most frequent first: Termlight's
 * own and the reader's (labelled "Personal", as on the page); then the abbreviations the page
 * defines for itself, with the page's own words, said to be unchecked (as in the popover).
 */
import type { PageDefinedTerm } from '../../utils/messages';
import { compareText, t, tn } from '../../utils/i18n';
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
  return b.count - a.count || compareText(a.term, b.term);
}

function Message({ children }: { children: string }) {
  return <p class="tl-note">{children}</p>;
}

export function PageTermsSection({ page, active, globallyEnabled, personal, onSelect }: PageTermsSectionProps) {
  let body;
  if (page.status === 'loading') {
    body = <Message>{t('popupLooking')}</Message>;
  } else if (page.status === 'unavailable') {
    body = (
      <>
        <p class="tl-note tl-note--strong">{t('popupCannotRead')}</p>
        <Message>{t('popupCannotReadHelp')}</Message>
      </>
    );
  } else if (!globallyEnabled) {
    body = <Message>{t('popupSwitchedOff')}</Message>;
  } else if (!active) {
    body = <Message>{t('popupOffOnSite')}</Message>;
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
        <Message>{t('popupNoTermsFound')}</Message>
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
                aria-label={
                  own
                    ? t('popupFoundPersonalName', [term, t('commonPersonal'), tn('popupFound', count)])
                    : t('popupFoundTermName', [term, tn('popupFound', count)])
                }
                onClick={() => onSelect(id)}
              >
                <span class="tl-list-term">{term}</span>{' '}
                {own && <span class="tl-tag">{t('commonPersonal')}</span>}{' '}
                <span class="tl-count">{tn('popupFound', count)}</span>
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
        {t('popupOnThisPage')}
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
        {t('popupDefinedByPage')}
      </h3>
      <p class="tl-note">{t('popupDefinedByPageNote')}</p>
      <ul class="tl-defined-list" role="list">
        {sorted.map(({ term, meaning, count, conflict }) => (
          <li key={term} class="tl-defined-item">
            <span class="tl-defined-term">{term}</span>
            <span class="tl-count">{tn('popupFound', count)}</span>
            <span class="tl-defined-meaning">{meaning}</span>
            {conflict && <span class="tl-defined-note">{t('popupDefinedDifferently')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
