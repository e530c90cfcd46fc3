/** The saved personal terms for the options page and the popup: read once, then kept in sync with storage. */
import { loadPersonalTerms, watchPersonalTerms, type PersonalTermsState } from '../utils/storage/personal-glossary';
import { unreadableList } from '../utils/storage/stored-list';
import { useStoredState, type StoredSource } from './use-stored-state';

const SOURCE: StoredSource<PersonalTermsState> = { load: loadPersonalTerms, watch: watchPersonalTerms, onError: unreadableList('term') };

/** Null until storage has answered. */
export const usePersonalTerms = (): PersonalTermsState | null => useStoredState(SOURCE)[0];
