/**
 * The toolbar popup: switches, the terms found on the current page, the reader's
 * questions for their care team, and the glossary. Choosing a term opens its card
 * in place of the lists; related terms open further cards, and Back retraces them
 * one at a time.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PersonalTermCard } from '../../components/PersonalTermCard';
import { TermCard } from '../../components/TermCard';
import { isActiveFor } from '../../utils/storage/settings-store';
import { getEntry, glossary } from '../../glossary/index';
import { ComfortPanel } from './ComfortPanel';
import { GlossarySection } from './GlossarySection';
import { PageTermsSection } from './PageTermsSection';
import { QuestionsSection } from '../../components/QuestionsSection';
import { SettingsPanel } from './SettingsPanel';
import { usePageTerms } from './use-page-terms';
import { usePersonalEntries } from './use-personal-entries';
import { useSettings } from '../../hooks/use-settings';
import { t } from '../../utils/i18n';

/** After a switch changes, the content script re-scans; ask again once it has had a moment. */
const RESCAN_DELAY_MS = 600;

export interface AppProps {
  /** The popup URL's query string (`?tab=<id>` picks the tab). Defaults to `location.search`. */
  locationSearch?: string;
}

/** Where a card was opened from, so Back can return focus there. */
interface Origin {
  list: 'page' | 'search';
  id: string;
}

export function App({ locationSearch = location.search }: AppProps) {
  const { settings, setEnabled, setSiteOn } = useSettings();
  const { page, refresh } = usePageTerms(locationSearch);
  const personal = usePersonalEntries();
  const [query, setQuery] = useState('');
  const [cards, setCards] = useState<string[]>([]);
  const origin = useRef<Origin | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  const enabled = settings?.enabled ?? true;
  const host = page.status === 'ready' ? page.host : null;
  const active = settings !== null && isActiveFor(host, enabled, settings.disabledSites);

  const rescanTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const rescanSoon = () => {
    clearTimeout(rescanTimer.current);
    rescanTimer.current = setTimeout(refresh, RESCAN_DELAY_MS);
  };
  useEffect(() => () => clearTimeout(rescanTimer.current), []);

  const open = (list: Origin['list']) => (id: string) => {
    origin.current = { list, id };
    setCards([id]);
  };
  const back = () => setCards((c) => c.slice(0, -1));

  const currentId = cards[cards.length - 1];
  const current = currentId === undefined ? undefined : getEntry(currentId);
  // The reader's own term (ids never clash: Termlight's entries never start with `personal-`).
  const currentPersonal = currentId === undefined || current ? undefined : personal.get(currentId);
  const shownId = current?.id ?? currentPersonal?.id;

  // Move focus with the view: to the card's heading when a card opens, and back
  // to the list item it was opened from when returning to the lists.
  useLayoutEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    if (shownId) {
      const heading = main.querySelector<HTMLElement>('.tl-card-term');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    } else if (origin.current) {
      const { list, id } = origin.current;
      const section = list === 'page' ? '#tl-page-heading' : '#tl-search-heading';
      const items = main.querySelector(section)?.parentElement?.querySelectorAll<HTMLElement>('[data-entry-id]') ?? [];
      Array.from(items)
        .find((el) => el.dataset.entryId === id)
        ?.focus();
      origin.current = null;
    }
  }, [shownId]);

  return (
    <div class="tl-popup">
      <header class="tl-popup-header">
        <h1 class="tl-title">
          <span class="tl-title-text">{t('extName')}</span>
        </h1>
      </header>

      <main class="tl-popup-main" ref={mainRef}>
        {current || currentPersonal ? (
          <div class="tl-detail">
            <button type="button" class="tl-back" onClick={back}>
              <span aria-hidden="true">←</span> {t('commonBack')}
            </button>
            {current ? (
              <TermCard
                key={current.id}
                entry={current}
                sourceTitle={glossary.source.title}
                onRelated={(id) => setCards((c) => [...c, id])}
              />
            ) : (
              <PersonalTermCard key={currentPersonal!.id} entry={currentPersonal!} />
            )}
          </div>
        ) : (
          <>
            <SettingsPanel
              settings={settings}
              page={page}
              onEnabledChange={(on) => {
                setEnabled(on);
                rescanSoon();
              }}
              onSiteChange={(h, on) => {
                setSiteOn(h, on);
                rescanSoon();
              }}
            />
            <ComfortPanel />
            <PageTermsSection page={page} active={active} globallyEnabled={enabled} personal={personal} onSelect={open('page')} />
            <QuestionsSection />
            <GlossarySection query={query} onQueryChange={setQuery} personal={personal} onSelect={open('search')} />
          </>
        )}
      </main>

      <footer class="tl-popup-footer">
        <button type="button" class="tl-footer-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptionsLink')}
        </button>
        <p>{t('popupPrivacy')}</p>
      </footer>
    </div>
  );
}
