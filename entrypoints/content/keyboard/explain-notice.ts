/**
 * What the popover says when the keyboard command has no term to explain. Never silent: the
 * reader pressed a key and should learn why nothing opened. Plain words, like the cards.
 */
import type { ExplainTarget } from './explain-target';
import type { PopoverContent } from '../popover/types';

/** Selected text is quoted back, shortened: it is page text, shown as text only. */
export const MAX_QUOTED_CHARS = 60;

export function quoteSelection(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= MAX_QUOTED_CHARS ? clean : `${clean.slice(0, MAX_QUOTED_CHARS - 1).trimEnd()}…`;
}

export function explainNotice(target: ExplainTarget): Extract<PopoverContent, { kind: 'notice' }> {
  switch (target.kind) {
    case 'editable':
      return {
        kind: 'notice',
        title: 'Typing boxes stay private',
        text: 'Termlight never reads what is in boxes you type in, so it cannot explain words there.',
      };
    case 'none':
      return {
        kind: 'notice',
        title: 'No words to explain here',
        text: 'Termlight found no cancer care words on this page.',
      };
    case 'word':
    case 'unknown':
      return {
        kind: 'notice',
        title: 'No explanation for this',
        text: `Termlight does not explain “${quoteSelection(target.text)}”. It explains cancer care words, like “immunotherapy” or “PD-L1”.`,
      };
    case 'term':
      return {
        kind: 'notice',
        title: 'No explanation for this',
        text: 'Termlight has no explanation for this word.',
      };
  }
}
