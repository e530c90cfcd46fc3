/**
 * Moving through the page's terms from the keyboard: the next or previous found term in
 * reading order, scrolled into view when needed, opened with focus in the popover. Terms
 * whose text is not rendered (hidden sections) are skipped.
 */
import { liveRange } from '../hover/hit-test';
import type { HoverController } from '../hover/hover';
import type { PopoverHost } from '../popover/types';
import type { FoundTerm, TermIndex } from '../terms/term-index';
import { sortInDocumentOrder, termsFrom } from '../terms/term-order';
import { startingTerm } from './explain-target';
import { t } from '../../../utils/i18n';

/** Every found term of these indexes, in reading order. */
export function allTermsInOrder(indexes: readonly TermIndex[]): FoundTerm[] {
  return sortInDocumentOrder(indexes.flatMap((index) => index.all()));
}

function isRendered(term: FoundTerm): boolean {
  return liveRange(term).getClientRects().length > 0;
}

export function isInViewport(rect: DOMRect, win: Window): boolean {
  return rect.bottom > 0 && rect.top < win.innerHeight && rect.right > 0 && rect.left < win.innerWidth && (rect.width > 0 || rect.height > 0);
}

/**
 * Scrolls a term into view if it is not fully on screen: a third of the way down, so the
 * popover fits below it like a footnote. Instant, never smooth: no motion to follow (and
 * the popover is placed right after).
 */
export function revealTerm(term: FoundTerm, win: Window): void {
  const fullyVisible = (r: DOMRect) => r.top >= 0 && r.bottom <= win.innerHeight;
  let rect = liveRange(term).getBoundingClientRect();
  if (fullyVisible(rect)) return;
  win.scrollBy({ top: rect.top - win.innerHeight / 3, left: 0, behavior: 'instant' });
  rect = liveRange(term).getBoundingClientRect();
  // Still hidden: the term is inside a scrolling box of the page.
  if (!fullyVisible(rect)) term.node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
}

export function createTermSteps(options: {
  win: Window;
  indexes: readonly TermIndex[];
  hover: HoverController;
  popover: PopoverHost;
}): (step: 1 | -1) => void {
  const { win, indexes, hover, popover } = options;
  return (step) => {
    const sorted = allTermsInOrder(indexes);
    const from = hover.shown;
    let candidates: FoundTerm[];
    if (from) candidates = termsFrom(sorted, from, step);
    else {
      // From a notice (nothing shown yet): start with the first term on screen.
      const start = startingTerm(
        sorted,
        (t) => isInViewport(liveRange(t).getBoundingClientRect(), win),
        (t) => liveRange(t).getBoundingClientRect().bottom <= 0,
      );
      candidates = start ? [start, ...termsFrom(sorted, start, step)] : [];
    }
    for (const term of candidates) {
      if (!isRendered(term)) continue;
      revealTerm(term, win);
      if (hover.openTerm(term, { focus: true })) return;
    }
    popover.announce(step === 1 ? t('cardLastTerm') : t('cardFirstTerm'));
  };
}
