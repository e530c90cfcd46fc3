/**
 * ::highlight() rules are scoped to the tree that holds the text. Chromium still lets the
 * page-level rules reach text inside shadow roots; Firefox does not, so there (only there)
 * each open shadow root Termlight reads gets our highlight rules as an extra adopted sheet.
 * It holds nothing but ::highlight() rules, which cannot change layout, and it is removed
 * again when Termlight stops.
 */
import highlightCss from '../../highlights.content/index.css?raw';

let sheet: CSSStyleSheet | null = null;

export function adoptHighlightStyles(root: ShadowRoot, signal: AbortSignal): void {
  if (!import.meta.env.FIREFOX || !('adoptedStyleSheets' in root)) return;
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss);
    }
    const ours = sheet;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ours];
    signal.addEventListener('abort', () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== ours);
    });
  } catch {
    // A sheet from another realm or a frozen array: the terms still explain on hover.
  }
}
