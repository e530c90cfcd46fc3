/** The saved personal terms for the options page and the popup: read once, then kept in sync with storage. */
import { loadPersonalTerms, watchPersonalTerms, type PersonalTermsState } from '../utils/storage/personal-glossary';
import { useStoredState, type StoredSource } from './use-stored-state';

const PERSONAL_TERMS: StoredSource<PersonalTermsState> = {
  load: loadPersonalTerms,
  watch: watchPersonalTerms,
  onError: (e) => ({ ok: false, error: `Your saved terms could not be read (${String(e)}).` }),
};

/** Null until storage has answered. */
export function usePersonalTerms(): PersonalTermsState | null {
  return useStoredState(PERSONAL_TERMS)[0];
}
