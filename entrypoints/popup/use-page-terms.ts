/** What the current tab's content script reports: its site and the glossary terms on it. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageTermsResponse } from '../../utils/messages';
import { requestPageTerms, resolveTargetTabId } from './page-terms';

export type PageTermsState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | ({ status: 'ready' } & PageTermsResponse);

export function usePageTerms(locationSearch: string): { page: PageTermsState; refresh: () => void } {
  const [page, setPage] = useState<PageTermsState>({ status: 'loading' });
  const tabId = useRef<Promise<number | null> | null>(null);
  // Only the newest request may update the state (a slow old reply must not win).
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    tabId.current ??= resolveTargetTabId(locationSearch);
    void tabId.current
      .then((id) => (id === null ? null : requestPageTerms(id)))
      .then((reply) => {
        if (request !== latest.current) return;
        setPage(reply ? { status: 'ready', ...reply } : { status: 'unavailable' });
      });
  }, [locationSearch]);

  useEffect(() => {
    refresh();
    return () => {
      latest.current++;
    };
  }, [refresh]);

  return { page, refresh };
}
