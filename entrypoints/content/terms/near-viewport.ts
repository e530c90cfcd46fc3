/**
 * Paints the terms near what the reader sees, and the rest as the reader scrolls to them.
 *
 * Every range registered in a Highlight costs the browser style and paint work, whether it is
 * on screen or 20,000 px below: on the 5 MB bench page (47,000 terms) painting was most of what
 * Termlight added to the page's main thread. Held-back terms are still in the index, so hover,
 * the keyboard's next/previous term, first mentions and the popup's list are unchanged; only
 * their painting waits until the page is scrolled near them.
 *
 * Pages with a few hundred terms are painted as before: the first PAINT_FREELY terms (the scan
 * reads the screen first) are never held back.
 */
import { bandAround, ViewportBuckets } from './viewport-buckets';
import type { FoundTerm, TermIndexListener } from './term-index';

/** Terms painted wherever they are, before any is held back. */
export const PAINT_FREELY = 500;
/** Viewports above and below the visible one that are painted ahead of the reader. */
export const MARGIN_VIEWPORTS = 1.5;
/** After a resize or a change of the page's size, positions are measured again this much later. */
const REMEASURE_MS = 300;
/** Measuring per animation frame stops after this long and goes on in the next frame. */
const MEASURE_BUDGET_MS = 6;

export interface NearViewport extends TermIndexListener {
  dispose(): void;
}

/**
 * Calls `onScroll` for every scroll of the page or of a box inside it, and `onResize` when the window or
 * the page's size changes (shared with far-text.ts). Returns the way to stop.
 */
export function watchViewport(win: Window, onScroll: (event: Event) => void, onResize: () => void): () => void {
  const doc = win.document;
  // Capture: scroll events do not bubble, and boxes inside the page scroll too.
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', onResize, { passive: true });
  let resizeObserver: ResizeObserver | null = null;
  if (typeof ResizeObserver === 'function' && doc.body) {
    let first = true;
    resizeObserver = new ResizeObserver(() => {
      // The observer reports the size it starts with: not a change.
      if (first) first = false;
      else onResize();
    });
    resizeObserver.observe(doc.body);
  }
  return () => {
    doc.removeEventListener('scroll', onScroll, { capture: true });
    win.removeEventListener('resize', onResize);
    resizeObserver?.disconnect();
  };
}

export function paintNearViewport(win: Window, layer: TermIndexListener): NearViewport {
  const held = new ViewportBuckets<FoundTerm>();
  /** Terms passed on to the layer and not removed since. */
  let shown = 0;
  let listening = false;
  let frame = 0;
  let remeasureTimer = 0;
  /** Scrolling boxes inside the page whose terms are no longer held back (see onScroll). */
  const releasedBoxes = new WeakSet<Node>();
  let stopWatching = () => {};
  /**
   * Terms past the first PAINT_FREELY, waiting to be measured. Measuring reads layout, so it is
   * done in animation frames, where the browser lays the page out anyway: measured during the
   * scan, each read after the page changed forced a layout of the whole page (a long task on
   * the 5 MB page). A tab in the background has no frames, and measures nothing until shown.
   */
  const unmeasured = new Set<FoundTerm>();
  let measureFrame = 0;

  const show = (terms: FoundTerm[]) => {
    if (terms.length === 0) return;
    shown += terms.length;
    layer.added(terms);
  };

  /** Holds back the terms far from the viewport; returns the others. */
  const place = (terms: readonly FoundTerm[]): FoundTerm[] => {
    const now: FoundTerm[] = [];
    // One measurement per element per call: the terms of a paragraph share it.
    const rects = new Map<Element, DOMRect>();
    const scrollY = win.scrollY;
    const [bandTop, bandBottom] = bandAround(scrollY, win.innerHeight, MARGIN_VIEWPORTS);
    for (const t of terms) {
      const el = t.node.parentElement;
      if (!el) {
        now.push(t);
        continue;
      }
      let r = rects.get(el);
      if (!r) rects.set(el, (r = el.getBoundingClientRect()));
      const top = r.top + scrollY;
      const bottom = r.bottom + scrollY;
      // Not rendered (display: none), near the reader, or too tall to place: painted now.
      if ((r.width === 0 && r.height === 0) || (bottom >= bandTop && top <= bandBottom) || !held.hold(t, top, bottom)) now.push(t);
    }
    if (held.size > 0) listen();
    return now;
  };

  const measure = () => {
    measureFrame = 0;
    const deadline = performance.now() + MEASURE_BUDGET_MS;
    const batch: FoundTerm[] = [];
    for (const t of unmeasured) {
      batch.push(t);
      unmeasured.delete(t);
      // Checked every 64 terms: reading the clock costs about as much as measuring a term.
      if ((batch.length & 63) === 0 && performance.now() >= deadline) break;
    }
    const now = place(batch);
    if (now.length) {
      show(now);
      layer.flush?.();
    }
    if (unmeasured.size) measureFrame = win.requestAnimationFrame(measure);
  };

  const check = () => {
    frame = 0;
    const [bandTop, bandBottom] = bandAround(win.scrollY, win.innerHeight, MARGIN_VIEWPORTS);
    const near = held.take(bandTop, bandBottom);
    if (near.length === 0) return;
    show(near);
    // The reader is looking: paint now, not at the next paint moment.
    layer.flush?.(true);
  };

  const onScroll = (event: Event) => {
    // An element (nodeType 1), not the document: checked without DOM globals, so tests need none.
    const box = event.target as Element | null;
    // A scrolling box inside the page moves its text without moving the page: positions measured
    // against the page no longer hold, so its terms are painted from now on (once per box).
    if (box !== null && box.nodeType === 1 && !releasedBoxes.has(box)) {
      releasedBoxes.add(box);
      const inside = held.takeIf((t) => box.contains(t.node));
      if (inside.length) {
        show(inside);
        layer.flush?.(true);
      }
    }
    frame ||= win.requestAnimationFrame(check);
  };

  /** The page changed size (window resized, content loaded above): measure the held terms again. */
  const remeasureSoon = () => {
    if (remeasureTimer) return;
    remeasureTimer = win.setTimeout(() => {
      remeasureTimer = 0;
      // Measured again frame by frame, like new terms.
      for (const t of held.takeAll()) unmeasured.add(t);
      if (unmeasured.size) measureFrame ||= win.requestAnimationFrame(measure);
    }, REMEASURE_MS);
  };

  function listen() {
    if (listening) return;
    listening = true;
    stopWatching = watchViewport(win, onScroll, remeasureSoon);
  }

  return {
    added(terms) {
      let free = PAINT_FREELY - shown - unmeasured.size;
      const now: FoundTerm[] = [];
      for (const t of terms) {
        if (free-- > 0) now.push(t);
        else unmeasured.add(t);
      }
      show(now);
      if (unmeasured.size) measureFrame ||= win.requestAnimationFrame(measure);
    },
    removed(terms) {
      const gone = terms.filter((t) => !unmeasured.delete(t) && !held.drop(t));
      shown -= gone.length;
      if (gone.length) layer.removed(gone);
    },
    flush: () => layer.flush?.(),
    dispose() {
      stopWatching();
      if (frame) win.cancelAnimationFrame(frame);
      if (measureFrame) win.cancelAnimationFrame(measureFrame);
      unmeasured.clear();
      win.clearTimeout(remeasureTimer);
      held.takeAll();
      listening = false;
    },
  };
}
