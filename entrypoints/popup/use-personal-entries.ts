/**
 * The reader's own terms for the popup, by id: the content script reports them in a page's terms
 * (`personal-…` ids), and search finds them too. Damaged storage reads as none here (the options
 * page explains it and offers the way out); the popup never writes personal terms.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  loadPersonalTerms,
  personalToDisplayEntry,
  watchPersonalTerms,
  type PersonalDisplayEntry,
  type PersonalTermsState,
} from '../../components/personal-glossary';

export type PersonalEntries = ReadonlyMap<string, PersonalDisplayEntry>;

const NONE: PersonalEntries = new Map();

function toEntries(state: PersonalTermsState): PersonalEntries {
  return state.ok ? new Map(state.terms.map((t) => [t.id, personalToDisplayEntry(t)])) : NONE;
}

export function usePersonalEntries(): PersonalEntries {
  const [entries, setEntries] = useState<PersonalEntries>(NONE);
  useEffect(() => {
    let live = true;
    const apply = (state: PersonalTermsState) => {
      if (live) setEntries(toEntries(state));
    };
    loadPersonalTerms().then(apply, () => {});
    const unwatch = watchPersonalTerms(apply);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return entries;
}
