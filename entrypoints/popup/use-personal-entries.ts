/**
 * The reader's own terms for the popup, by id: the content script reports them in a page's terms
 * (`personal-…` ids), and search finds them too. Damaged storage reads as none here (the options
 * page explains it and offers the way out); the popup never writes personal terms.
 */
import { useMemo } from 'preact/hooks';
import { personalToDisplayEntry, type PersonalDisplayEntry, type PersonalTermsState } from '../../utils/storage/personal-glossary';
import { usePersonalTerms } from '../../hooks/use-personal-terms';

export type PersonalEntries = ReadonlyMap<string, PersonalDisplayEntry>;

const NONE: PersonalEntries = new Map();

function toEntries(state: PersonalTermsState | null): PersonalEntries {
  return state?.ok ? new Map(state.terms.map((t) => [t.id, personalToDisplayEntry(t)])) : NONE;
}

/** Loading and damaged storage both read as no terms. */
export function usePersonalEntries(): PersonalEntries {
  const state = usePersonalTerms();
  return useMemo(() => toEntries(state), [state]);
}
