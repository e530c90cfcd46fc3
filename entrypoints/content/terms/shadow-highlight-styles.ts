/**
 * ::highlight() rules are scoped to the tree that holds the text. Chromium still lets the
 * page-level rules reach text inside shadow roots; Firefox does not, so there (only there)
 * each open shadow root Termlight reads gets our highlight rules as an extra adopted sheet.
 * It holds nothing but ::highlight() rules, which cannot change layout, and it is removed
 * again when Termlight stops. (A script of that page can see this sheet in its open root: only
 * random names and colours, no word that names us; see the README's privacy section.)
 */
import { highlightCss } from '../../../utils/page-styles/highlight-css';
import { highlightNames } from './highlight-names';

let sheet: CSSStyleSheet | null = null;

export function adoptHighlightStyles(root: ShadowRoot, signal: AbortSignal): void {
  if (!import.meta.env.FIREFOX || !('adoptedStyleSheets' in root)) return;
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss(highlightNames));
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
