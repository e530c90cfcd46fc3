/**
 * Pointer and keyboard behaviour of the popover: open after a short hover, stay open
 * while the pointer is on the term or in the popover, close after a grace period,
 * on Escape, and when the term scrolls out of view.
 *
 * A popover opened from the keyboard (the command, or stepping to the next term) is
 * "sticky": the pointer leaving does not close it, since the reader is not using the
 * pointer; a click elsewhere on the page does. A pinned popover ignores the pointer and
 * scrolling altogether; Escape and ✕ close every kind.
 */
import type { HoverDelay } from '../../../utils/storage/settings-store';
import type { Box } from '../popover/position';
import type { PopoverContent, PopoverHost } from '../popover/types';
import { createHitTester, liveRange, type Hit } from './hit-test';
import type { FoundTerm, TermIndex } from '../terms/term-index';
import { highlightNames } from '../terms/highlight-names';

/** Hover intent: a pointer passing over a term on its way elsewhere opens nothing. */
export const OPEN_DELAY_MS = 150;
/** Time to travel from the term into the popover before it closes. */
export const CLOSE_GRACE_MS = 350;

export interface HoverTiming {
  openMs: number;
  graceMs: number;
}

/**
 * The reader's hover delay. "Long" is for unsteady hands: the pointer must rest longer before
 * anything opens, and may wander further on the way into the popover before it closes.
 */
export const HOVER_TIMINGS: Readonly<Record<HoverDelay, HoverTiming>> = {
  short: { openMs: 60, graceMs: CLOSE_GRACE_MS },
  normal: { openMs: OPEN_DELAY_MS, graceMs: CLOSE_GRACE_MS },
  long: { openMs: 500, graceMs: 800 },
};

export interface HoverController {
  close(): void;
  /** Opens the popover for a term from the keyboard (sticky, focus inside). False if it has nothing to show. */
  openTerm(term: FoundTerm, options: { focus: boolean }): boolean;
  /** Shows content that is not a found term (a notice, a selected word) near `anchor`: sticky, focus inside. */
  showDetached(content: PopoverContent, anchor: Box): void;
  /** The term the popover shows, if any. */
  readonly shown: FoundTerm | null;
}

const ACTIVE_HIGHLIGHT = highlightNames.active;

function boxOf(r: DOMRect): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

export function attachHover(options: {
  doc: Document;
  indexes: readonly TermIndex[];
  popover: PopoverHost;
  /** What the popover shows for a found term (glossary entry, page definition, or both). */
  describe: (term: FoundTerm) => PopoverContent | null;
  signal: AbortSignal;
  /** Read on every use, so a changed setting applies at once. */
  timing?: () => HoverTiming;
}): HoverController {
  const { doc, indexes, popover, describe, signal } = options;
  const timing = options.timing ?? (() => HOVER_TIMINGS.normal);
  const win = doc.defaultView!;
  const tester = createHitTester(doc, indexes);
  let shown: FoundTerm | null = null;
  let openTimer = 0;
  let closeTimer = 0;
  let frame = 0;
  let pointer: { x: number; y: number } | null = null;
  let active: Highlight | null = null;
  let sticky = false;

  const setActive = (term: FoundTerm | null) => {
    if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    if (term) {
      active = new Highlight(term.range);
      CSS.highlights.set(ACTIVE_HIGHLIGHT, active);
    } else if (active) {
      if (CSS.highlights.get(ACTIVE_HIGHLIGHT) === active) CSS.highlights.delete(ACTIVE_HIGHLIGHT);
      active = null;
    }
  };

  const cancelClose = () => {
    win.clearTimeout(closeTimer);
    closeTimer = 0;
  };

  const close = () => {
    win.clearTimeout(openTimer);
    cancelClose();
    shown = null;
    sticky = false;
    setActive(null);
    popover.hide();
  };

  const open = (hit: Hit) => {
    const content = describe(hit.term);
    if (!content) return;
    shown = hit.term;
    setActive(hit.term);
    // The whole term's box (all its lines), so a popover below never covers a wrapped term's second line.
    void popover.show(content, boxOf(liveRange(hit.term).getBoundingClientRect()));
  };

  const onFrame = () => {
    frame = 0;
    // Pinned (the reader chose to keep this one) or held (a note is being written): pointing
    // elsewhere neither switches nor closes it.
    if (!pointer || signal.aborted || popover.pinned || popover.held) return;
    const hit = tester.test(pointer.x, pointer.y);
    if (hit) {
      cancelClose();
      if (shown && hit.term === shown) return;
      win.clearTimeout(openTimer);
      // Moving from one open term straight to another switches at once.
      if (popover.isOpen) open(hit);
      else openTimer = win.setTimeout(() => open(hit), timing().openMs);
    } else {
      win.clearTimeout(openTimer);
      if (popover.isOpen && !closeTimer && !sticky) scheduleClose();
    }
  };

  const scheduleClose = () => {
    cancelClose();
    closeTimer = win.setTimeout(() => {
      closeTimer = 0;
      close();
    }, timing().graceMs);
  };

  const onPointerMove = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    if (popover.isOwnEvent(e)) {
      // In the popover: keep it open.
      cancelClose();
      pointer = null;
      return;
    }
    pointer = { x: e.clientX, y: e.clientY };
    // One hit-test per frame at most, however fast the mouse events come.
    if (!frame) frame = win.requestAnimationFrame(onFrame);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Only Escape, only while open, and the page still receives the key.
    // While a note is being written, Escape belongs to the note form (it cancels the note first).
    if (e.key === 'Escape' && popover.isOpen && !popover.held) close();
  };

  const onScroll = () => {
    if (!shown || !popover.isOpen) return;
    tester.reset();
    const range = liveRange(shown);
    const visible = [...range.getClientRects()].some((r) => r.bottom > 0 && r.top < win.innerHeight && r.width > 0);
    const content = visible && describe(shown);
    if (!content) {
      // A pinned popover stays where it is while its term is out of view.
      if (!popover.pinned) close();
    } else void popover.show(content, boxOf(range.getBoundingClientRect()));
  };

  const onPointerLeaveDoc = () => {
    pointer = null;
    win.clearTimeout(openTimer);
    if (popover.isOpen && !sticky && !popover.pinned && !popover.held) scheduleClose();
  };

  // A keyboard-opened popover has no pointer to follow: a click elsewhere on the page dismisses it.
  const onPointerDown = (e: PointerEvent) => {
    if (popover.isOpen && sticky && !popover.pinned && !popover.held && !popover.isOwnEvent(e)) close();
  };

  // The ✕ button closes like Escape does (forget the shown term, unmark it).
  popover.onUserClose = close;
  const listen = { passive: true, capture: true, signal } as const;
  doc.addEventListener('pointermove', onPointerMove, listen);
  doc.addEventListener('pointerdown', onPointerDown, listen);
  doc.documentElement.addEventListener('pointerleave', onPointerLeaveDoc, { passive: true, signal });
  win.addEventListener('keydown', onKeyDown, { capture: true, signal });
  win.addEventListener('scroll', onScroll, listen);
  win.addEventListener('resize', onScroll, listen);
  signal.addEventListener('abort', () => {
    if (frame) win.cancelAnimationFrame(frame);
    close();
  });

  return {
    close,
    openTerm(term, { focus }) {
      const content = describe(term);
      if (!content) return false;
      win.clearTimeout(openTimer);
      cancelClose();
      shown = term;
      sticky = true;
      setActive(term);
      void popover.show(content, boxOf(liveRange(term).getBoundingClientRect()), { focus });
      return true;
    },
    showDetached(content, anchor) {
      win.clearTimeout(openTimer);
      cancelClose();
      shown = null;
      sticky = true;
      setActive(null);
      void popover.show(content, anchor, { focus: true });
    },
    get shown() {
      return shown;
    },
  };
}
