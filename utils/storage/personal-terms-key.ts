/**
 * Where the reader's own terms are stored, apart from their code (personal-glossary.ts, which
 * bundles the glossary's match data): the content script's first stage only needs to know
 * whether there are any, to load the reader on a page the glossary has nothing for.
 */
export const PERSONAL_TERMS_KEY = 'personalTerms';

/** True when a stored value may hold terms (anything but nothing or an empty list). */
export function mayHoldPersonalTerms(stored: unknown): boolean {
  return stored !== undefined && stored !== null && !(Array.isArray(stored) && stored.length === 0);
}
