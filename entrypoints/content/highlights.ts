/**
 * Paints found terms with the CSS Custom Highlight API: the page's DOM is never touched.
 * The ::highlight(termlight) style lives in the page-level content-script CSS
 * (entrypoints/highlights.content/index.css), because highlight pseudo-elements cannot be
 * styled from inside our shadow root.
 */
import type { FoundTerm, TermIndexListener } from './term-index';

/** Glossary terms. */
export const HIGHLIGHT_NAME = 'termlight';
/** Terms only the page defines (or redefines): a quieter style. */
export const PAGE_HIGHLIGHT_NAME = 'termlight-page';

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface HighlightLayer extends TermIndexListener {
  dispose(): void;
}

/** Registers one Highlight and keeps it in step with a term index. */
export function createHighlightLayer(name: string = HIGHLIGHT_NAME): HighlightLayer {
  if (!highlightApiAvailable()) {
    // Without the API (old browsers) terms still work on hover and in the popup; they are
    // just not painted. Wrapping text in <mark> would change the page's DOM, which we never do.
    return { added() {}, removed() {}, dispose() {} };
  }
  const highlight = new Highlight();
  CSS.highlights.set(name, highlight);
  return {
    added(terms: FoundTerm[]) {
      for (const t of terms) highlight.add(t.range);
    },
    removed(terms: FoundTerm[]) {
      for (const t of terms) highlight.delete(t.range);
    },
    dispose() {
      highlight.clear();
      // Only remove the registration if it is still ours (a reload may have replaced it).
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    },
  };
}
