/** The saved personal terms for the options page and the popup: read once, then kept in sync with storage. */
import { useEffect, useState } from 'preact/hooks';
import { loadPersonalTerms, watchPersonalTerms, type PersonalTermsState } from '../utils/storage/personal-glossary';

/** Null until storage has answered. */
export function usePersonalTerms(): PersonalTermsState | null {
  const [state, setState] = useState<PersonalTermsState | null>(null);
  useEffect(() => {
    let live = true;
    const apply = (s: PersonalTermsState) => {
      if (live) setState(s);
    };
    loadPersonalTerms().then(apply, (e: unknown) => apply({ ok: false, error: `Your saved terms could not be read (${String(e)}).` }));
    const unwatch = watchPersonalTerms(apply);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state;
}
