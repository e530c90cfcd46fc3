/**
 * Glossary search: a labelled search box over every entry, Termlight's and the reader's own
 * (labelled "Personal"), results as a list of buttons.
 */
import { useMemo } from 'preact/hooks';
import type { PersonalDisplayEntry } from '../../utils/storage/personal-glossary';
import { shownExpansion } from '../../components/TermCard';
import { glossary } from '../../glossary/index';
import type { GlossaryEntry } from '../../glossary/types';
import { createGlossarySearch } from './search';
import { t, tn } from '../../utils/i18n';
import type { PersonalEntries } from './use-personal-entries';

export interface GlossarySectionProps {
  query: string;
  onQueryChange: (query: string) => void;
  /** The reader's own terms, searched with Termlight's. */
  personal: PersonalEntries;
  onSelect: (id: string) => void;
}

const isPersonal = (e: GlossaryEntry | PersonalDisplayEntry): e is PersonalDisplayEntry => 'personal' in e;

export function GlossarySection({ query, onQueryChange, personal, onSelect }: GlossarySectionProps) {
  const search = useMemo(
    () => createGlossarySearch<GlossaryEntry | PersonalDisplayEntry>([...glossary.entries, ...personal.values()]),
    [personal],
  );
  const results = useMemo(() => search(query), [search, query]);
  const searching = query.trim().length > 0;

  let status: string;
  if (!searching) status = tn('popupSearchAll', results.length);
  else if (results.length === 0) status = t('popupSearchNone', query.trim());
  else status = tn('popupSearchFound', results.length);

  return (
    <section class="tl-panel">
      <h2 id="tl-search-heading" class="tl-section-heading">
        <label for="tl-search">{t('popupSearchLabel')}</label>
      </h2>
      <input
        id="tl-search"
        class="tl-search"
        type="search"
        value={query}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('popupSearchPlaceholder')}
        aria-describedby="tl-search-status"
        onInput={(e) => onQueryChange(e.currentTarget.value)}
      />
      <p id="tl-search-status" class="tl-note tl-search-status" role="status">
        {status}
      </p>
      {results.length > 0 && (
        <ul class="tl-list" role="list" aria-label={searching ? t('popupSearchResults') : t('popupAllTerms')}>
          {results.map((entry) => {
            const own = isPersonal(entry);
            const expansion = own ? null : shownExpansion(entry);
            return (
              <li key={entry.id}>
                <button type="button" class="tl-list-item" data-entry-id={entry.id} onClick={() => onSelect(entry.id)}>
                  <span class="tl-list-term">{entry.term}</span>
                  {own && <span class="tl-tag">{t('commonPersonal')}</span>}
                  {expansion && <span class="tl-list-expansion">{expansion}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
