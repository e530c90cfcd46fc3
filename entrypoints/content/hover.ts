/**
 * Pointer and keyboard behaviour of the popover: open after a short hover, stay open
 * while the pointer is on the term or in the popover, close after a grace period,
 * on Escape, and when the term scrolls out of view.
 */
import type { Box } from './popover-position';
import type { PopoverContent, PopoverHost } from './popover-host';
import { createHitTester, liveRange, type Hit } from './hit-test';
import type { FoundTerm, TermIndex } from './term-index';

/** Hover intent: a pointer passing over a term on its way elsewhere opens nothing. */
export const OPEN_DELAY_MS = 150;
/** Time to travel from the term into the popover before it closes. */
export const CLOSE_GRACE_MS = 350;

const ACTIVE_HIGHLIGHT = 'termlight-active';

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
}) {
  const { doc, indexes, popover, describe, signal } = options;
  const win = doc.defaultView!;
  const tester = createHitTester(doc, indexes);
  let shown: FoundTerm | null = null;
  let openTimer = 0;
  let closeTimer = 0;
  let frame = 0;
  let pointer: { x: number; y: number } | null = null;
  let active: Highlight | null = null;

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
    if (!pointer || signal.aborted) return;
    // While the reader writes a note in the popover, pointing elsewhere neither closes nor replaces it.
    if (popover.held) return;
    const hit = tester.test(pointer.x, pointer.y);
    if (hit) {
      cancelClose();
      if (shown && hit.term === shown) return;
      win.clearTimeout(openTimer);
      // Moving from one open term straight to another switches at once.
      if (popover.isOpen) open(hit);
      else openTimer = win.setTimeout(() => open(hit), OPEN_DELAY_MS);
    } else {
      win.clearTimeout(openTimer);
      if (popover.isOpen && !closeTimer) scheduleClose();
    }
  };

  const scheduleClose = () => {
    cancelClose();
    closeTimer = win.setTimeout(() => {
      closeTimer = 0;
      close();
    }, CLOSE_GRACE_MS);
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
    const rects = [...liveRange(shown).getClientRects()];
    const visible = rects.find((r) => r.bottom > 0 && r.top < win.innerHeight && r.width > 0);
    const content = visible && describe(shown);
    if (!visible || !content) close();
    else void popover.show(content, boxOf(liveRange(shown).getBoundingClientRect()));
  };

  const onPointerLeaveDoc = () => {
    pointer = null;
    win.clearTimeout(openTimer);
    if (popover.isOpen && !popover.held) scheduleClose();
  };

  // The ✕ button closes like Escape does (forget the shown term, unmark it).
  popover.onUserClose = close;
  const listen = { passive: true, capture: true, signal } as const;
  doc.addEventListener('pointermove', onPointerMove, listen);
  doc.documentElement.addEventListener('pointerleave', onPointerLeaveDoc, { passive: true, signal });
  win.addEventListener('keydown', onKeyDown, { capture: true, signal });
  win.addEventListener('scroll', onScroll, listen);
  win.addEventListener('resize', onScroll, listen);
  signal.addEventListener('abort', () => {
    if (frame) win.cancelAnimationFrame(frame);
    close();
  });

  return { close };
}
