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
  /**
   * Registers the layer's ranges under another highlight name (another style), or under none
   * (null: nothing painted, while the index, hit-testing and hover keep working).
   */
  setName(name: string | null): void;
}

/** Registers one Highlight and keeps it in step with a term index. */
export function createHighlightLayer(initialName: string | null = HIGHLIGHT_NAME): HighlightLayer {
  if (!highlightApiAvailable()) {
    // Without the API (old browsers) terms still work on hover and in the popup; they are
    // just not painted. Wrapping text in <mark> would change the page's DOM, which we never do.
    return { added() {}, removed() {}, dispose() {}, setName() {} };
  }
  const highlight = new Highlight();
  let name = initialName;
  if (name !== null) CSS.highlights.set(name, highlight);
  /** Only remove a registration that is still ours (a reload, or another layer, may have replaced it). */
  const unregister = () => {
    if (name !== null && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
  };
  return {
    added(terms: FoundTerm[]) {
      for (const t of terms) highlight.add(t.range);
    },
    removed(terms: FoundTerm[]) {
      for (const t of terms) highlight.delete(t.range);
    },
    dispose() {
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
