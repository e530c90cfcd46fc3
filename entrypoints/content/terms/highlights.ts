/**
 * Paints found terms with the CSS Custom Highlight API: the page's DOM is never touched.
 * The ::highlight() styles live in a page-level sheet the background injects
 * (utils/page-styles/), because highlight pseudo-elements cannot be styled from inside our
 * shadow root. The names are random per page load (highlight-names.ts): the page shares the registry.
 */
import { countReading } from '../scan/reading-for-tests';
import { rangeIfMade, type FoundTerm, type TermIndexListener } from './term-index';
import { highlightNames } from './highlight-names';

/** Glossary terms. */
export const HIGHLIGHT_NAME = highlightNames.terms;
/** Terms only the page defines (or redefines): a quieter style. */
export const PAGE_HIGHLIGHT_NAME = highlightNames.page;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface HighlightLayer extends TermIndexListener {
  /**
   * Paints what is waiting: at the next paint moment (see schedulePaint), or at once with `now` (the reader
   * scrolled to the terms, and is looking at them).
   */
  flush(now?: boolean): void;
  dispose(): void;
  /**
   * Registers the layer's ranges under another highlight name (another style), or under none
   * (null: nothing painted, while the index, hit-testing and hover keep working).
   */
  setName(name: string | null): void;
}

/** The second paint moment of a burst of changes comes this long after the first; each next gap is twice the last. */
export const FIRST_GAP_MS = 50;
/** Paint moments are never further apart than this while changes keep coming. */
export const MAX_GAP_MS = 1000;
/** Changes coming after this long without a paint start a new burst: painted at once. */
export const QUIET_MS = 2000;

/**
 * Every frame in which a registered Highlight changed makes Chromium rebuild the markers of all
 * highlights and, for ranges with a decoration (our underline has visual overflow), recompute the visual
 * overflow of their text's ancestors: on the 5 MB bench page 40–400 ms of PrePaint and Paint per frame
 * however few ranges changed (traced in session 15; 13–14 such frames per load, one per batch). So the
 * changes of every layer wait for shared paint moments, applied together in one task (one frame): the
 * first change of a burst at once (the first marks), then after gaps of 50, 100, 200… ms, at most 1 s,
 * until the changes stop. About log2 of the burst's length plus one a second, whatever the number of batches.
 */
const waiting = new Set<() => void>();
let lastPaint = -Infinity;
let gap = 0;
let paintTimer: ReturnType<typeof setTimeout> | undefined;
/** Ends the paint in waiting's count as a read in flight: the extension bench waits for it, as for the scan it comes from. */
let painted: (() => void) | undefined;

/** No paint for QUIET_MS (or a clock that went back: tests' fake timers). */
const isNewBurst = (now: number) => now - lastPaint > QUIET_MS || now < lastPaint;

function paintAll(): void {
  clearTimeout(paintTimer);
  paintTimer = undefined;
  const now = performance.now();
  gap = isNewBurst(now) ? FIRST_GAP_MS : Math.min(gap * 2 || FIRST_GAP_MS, MAX_GAP_MS);
  lastPaint = now;
  const layers = [...waiting];
  waiting.clear();
  for (const apply of layers) apply();
  painted?.();
  painted = undefined;
}

function schedulePaint(apply: () => void): void {
  waiting.add(apply);
  if (paintTimer !== undefined) return;
  const now = performance.now();
  const due = isNewBurst(now) ? now : lastPaint + gap;
  if (due <= now) paintAll();
  else {
    paintTimer = setTimeout(paintAll, due - now);
    void countReading(new Promise<void>((resolve) => (painted = resolve)));
  }
}

/**
 * Registers one Highlight and keeps it in step with a term index. Ranges added and removed are applied
 * at the paint moments shared by every layer (see schedulePaint), not batch by batch.
 */
export function createHighlightLayer(
  initialName: string | null = HIGHLIGHT_NAME,
  /** Which found terms are painted (all by default); the others still work on hover. */
  paints: (term: FoundTerm) => boolean = () => true,
): HighlightLayer {
  if (!highlightApiAvailable()) {
    // Without the API (old browsers) terms still work on hover and in the popup; they are
    // just not painted. Wrapping text in <mark> would change the page's DOM, which we never do.
    return { added() {}, removed() {}, flush() {}, dispose() {}, setName() {} };
  }
  const highlight = new Highlight();
  let name = initialName;
  if (name !== null) CSS.highlights.set(name, highlight);
  /** Only remove a registration that is still ours (a reload, or another layer, may have replaced it). */
  const unregister = () => {
    if (name !== null && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
  };
  /** Ranges waiting to be added, and painted ones waiting to be taken out. */
  let adding = new Set<AbstractRange>();
  let taking = new Set<AbstractRange>();

  const apply = () => {
    for (const range of taking) highlight.delete(range);
    for (const range of adding) highlight.add(range);
    adding = new Set();
    taking = new Set();
  };
  const changed = () => {
    if (adding.size || taking.size) schedulePaint(apply);
  };

  return {
    added(terms: FoundTerm[]) {
      for (const t of terms) {
        if (!paints(t)) continue;
        // Taken out and back in before a paint moment: it simply stays.
        if (!taking.delete(t.range)) adding.add(t.range);
      }
      changed();
    },
    removed(terms: FoundTerm[]) {
      for (const t of terms) {
        // Never made: never added (added() makes it), so nothing to take out (rangeIfMade).
        const range = rangeIfMade(t);
        if (range && !adding.delete(range) && highlight.has(range)) taking.add(range);
      }
      changed();
    },
    flush(now = false) {
      if (now && waiting.has(apply)) paintAll();
    },
    dispose() {
      waiting.delete(apply);
      adding.clear();
      taking.clear();
      highlight.clear();
      unregister();
    },
    setName(next) {
      if (next === name) return;
      unregister();
      name = next;
      if (name !== null) CSS.highlights.set(name, highlight);
    },
  };
}
