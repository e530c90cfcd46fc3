/**
 * What the popover says when the keyboard command has no term to explain. Never silent: the
 * reader pressed a key and should learn why nothing opened. Plain words, like the cards.
 */
import type { ExplainTarget } from './explain-target';
import type { PopoverContent } from '../popover/types';
import { t } from '../../../utils/i18n';

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
        title: t('cardNoticeTypingTitle'),
        text: t('cardNoticeTypingText'),
      };
    case 'none':
      return {
        kind: 'notice',
        title: t('cardNoticeNoneTitle'),
        text: t('cardNoticeNoneText'),
      };
    case 'word':
    case 'unknown':
      return {
        kind: 'notice',
        title: t('cardNoticeUnknownTitle'),
        text: t('cardNoticeUnknownText', quoteSelection(target.text)),
      };
    case 'term':
      return {
        kind: 'notice',
        title: t('cardNoticeUnknownTitle'),
        text: t('cardNoticeTermText'),
      };
  }
}
