/**
 * Paints found terms with the CSS Custom Highlight API: the page's DOM is never touched.
 * The ::highlight() styles live in a page-level sheet the background injects
 * (utils/page-styles/), because highlight pseudo-elements cannot be styled from inside our
 * shadow root. The names are random per page load (highlight-names.ts): the page shares the registry.
 */
import type { FoundTerm, TermIndexListener } from './term-index';
import { highlightNames } from './highlight-names';

/** Glossary terms. */
export const HIGHLIGHT_NAME = highlightNames.terms;
/** Terms only the page defines (or redefines): a quieter style. */
export const PAGE_HIGHLIGHT_NAME = highlightNames.page;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface HighlightLayer extends TermIndexListener {
  /** Paints every range added so far (called when a scan ends). */
  flush(): void;
  dispose(): void;
  /**
   * Registers the layer's ranges under another highlight name (another style), or under none
   * (null: nothing painted, while the index, hit-testing and hover keep working).
   */
  setName(name: string | null): void;
}

/** A quiet moment after which ranges still waiting are painted anyway. */
const SETTLE_MS = 250;

/**
 * Registers one Highlight and keeps it in step with a term index.
 *
 * Ranges are painted in growing batches, not one by one: each frame in which a registered
 * Highlight changed, Chromium recomputes the painting of all its ranges, so adding ranges
 * slice by slice on a long page meant 25,000 ranges repainted in every frame of the scan
 * (measured: 2 s of rendering on the 5 MB bench page). A batch is painted once it is as large
 * as what is already painted, so the first terms (the scan starts on screen) show at once and
 * the total repainting stays about twice the final count.
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
  let pending = new Set<AbstractRange>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  let lastAdded = 0;
  /** Flushes once no batch came for SETTLE_MS; otherwise waits the rest of that time. */
  const settle = () => {
    const quiet = performance.now() - lastAdded;
    timer = quiet >= SETTLE_MS ? undefined : setTimeout(settle, SETTLE_MS - quiet);
    if (timer === undefined) flush();
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    for (const range of pending) highlight.add(range);
    pending = new Set();
  };

  return {
    added(terms: FoundTerm[]) {
      for (const t of terms) if (paints(t)) pending.add(t.range);
      if (pending.size >= highlight.size) flush();
      else {
        // Paint after a quiet moment, with one timer: re-arming a timer on every batch cost more
        // than the painting on long pages (bench:extension's profile of the 5 MB page).
        lastAdded = performance.now();
        timer ??= setTimeout(settle, SETTLE_MS);
      }
    },
    removed(terms: FoundTerm[]) {
      for (const t of terms) if (!pending.delete(t.range)) highlight.delete(t.range);
    },
    flush,
    dispose() {
      clearTimeout(timer);
      pending.clear();
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
