/** What "Save question" would save for what the popover shows. Pure. */
import type { QuestionInput } from '../../../utils/storage/saved-questions';
import type { GlossaryEntry } from '../../../glossary/types';
import type { PopoverContent } from './types';

/**
 * The shown card as a question: Termlight's entry (also one opened from "Related terms"),
 * the reader's own term, or a term only the page explains (with the page's words, which the
 * card showed; the page's address is never part of it).
 */
export function questionFor(content: PopoverContent, entry: GlossaryEntry | undefined): QuestionInput | null {
  if (entry) return { term: entry.term, source: 'glossary', entryId: entry.id, definition: entry.definition };
  if (content.kind === 'personal') {
    return { term: content.entry.term, source: 'personal', entryId: content.entry.id, definition: content.entry.definition };
  }
  if (content.kind === 'page') return { term: content.words.term, source: 'page', definition: content.words.text };
  return null;
}
