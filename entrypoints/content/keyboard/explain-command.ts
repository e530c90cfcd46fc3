/**
 * The keyboard command in the page: find what to explain (explain-target.ts), then open the
 * popover for it with focus inside, or a notice that says why there is nothing to explain.
 */
import type { Matcher } from '../../../glossary/matcher';
import { explainNotice } from './explain-notice';
import { findExplainTarget } from './explain-target';
import { liveRange } from '../hover/hit-test';
import type { HoverController } from '../hover/hover';
import type { PopoverContent } from '../popover/types';
import type { TermIndex } from '../terms/term-index';
import { allTermsInOrder, isInViewport, revealTerm } from './term-steps';

/** Only a selection that is the term itself counts as a word to look up (give or take spaces and punctuation). */
export function wholeMatchId(matcher: Pick<Matcher, 'find'>, text: string): string | null {
  const [match] = matcher.find(text);
  const bare = (part: string) => /^[\s.,;:!?()"'‘’“”]*$/.test(part);
  return match && bare(text.slice(0, match.start)) && bare(text.slice(match.end)) ? match.id : null;
}

export function createExplainCommand(options: {
  doc: Document;
  indexes: readonly TermIndex[];
  matcher: Pick<Matcher, 'find'>;
  hover: HoverController;
  /** The popover content for a glossary or personal entry id, or null for an unknown id. */
  describeId: (id: string) => PopoverContent | null;
}): () => void {
  const { doc, indexes, matcher, hover, describeId } = options;
  const win = doc.defaultView!;
  return () => {
    const target = findExplainTarget({
      doc,
      sorted: allTermsInOrder(indexes),
      lookup: (text) => wholeMatchId(matcher, text),
      isInView: (t) => isInViewport(liveRange(t).getBoundingClientRect(), win),
      isAbove: (t) => liveRange(t).getBoundingClientRect().bottom <= 0,
      isCaretInView: (range) => {
        const rect = range.getClientRects()[0] ?? range.startContainer.parentElement?.getBoundingClientRect();
        return rect !== undefined && isInViewport(rect, win);
      },
    });
    if (target.kind === 'term') {
      revealTerm(target.term, win);
      if (hover.openTerm(target.term, { focus: true })) return;
    }
    const content = (target.kind === 'word' && describeId(target.id)) || explainNotice(target);
    const rect = 'rect' in target ? target.rect : null;
    // Beside the selection; with nothing to point at, near the top left of the window.
    hover.showDetached(
      content,
      rect ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : { left: 24, top: 24, width: 0, height: 0 },
    );
  };
}
