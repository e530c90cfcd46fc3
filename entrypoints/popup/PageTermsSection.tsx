/** "On this page": the glossary terms the content script found in the tab, most frequent first. */
import { getEntry } from '../../glossary/index';
import type { GlossaryEntry } from '../../glossary/types';
import type { PageTermsState } from './use-page-terms';

export interface PageTermsSectionProps {
  page: PageTermsState;
  /** Whether Termlight is switched on for this page (globally and for its site). */
  active: boolean;
  globallyEnabled: boolean;
  onSelect: (id: string) => void;
}

function timesText(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}

function Message({ children }: { children: string }) {
  return <p class="tl-note">{children}</p>;
}

export function PageTermsSection({ page, active, globallyEnabled, onSelect }: PageTermsSectionProps) {
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
      .map((t) => ({ entry: getEntry(t.id), count: t.count }))
      .filter((t): t is { entry: GlossaryEntry; count: number } => t.entry !== undefined)
      .sort((a, b) => b.count - a.count || a.entry.term.localeCompare(b.entry.term, 'en', { sensitivity: 'base' }));
    body =
      found.length === 0 ? (
        <Message>No glossary terms found on this page.</Message>
      ) : (
        <ul class="tl-list" role="list">
          {found.map(({ entry, count }) => (
            <li key={entry.id}>
              <button
                type="button"
                class="tl-list-item"
                data-entry-id={entry.id}
                // Read as one phrase ("PD-L1, found once"), not two loose pieces of text. The visible
                // text says the same words, so people who speak to their computer can say what they see.
                aria-label={`${entry.term}, found ${timesText(count)}`}
                onClick={() => onSelect(entry.id)}
              >
                <span class="tl-list-term">{entry.term}</span>{' '}
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
