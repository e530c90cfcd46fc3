/**
 * The welcome page's example is Termlight itself, not a picture of it: content scripts do not run
 * on the extension's own pages, so the page starts the content script's session (scan, highlights,
 * hover, card, next/previous word) on itself, with the real glossary and the reader's comfort
 * settings. Like on any page, every word it marks explains; the page's text outside the example is
 * written so that it marks little.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defaultMatcher } from '../../glossary/default-matcher';
import { isExplainSelectionRequest, type ExplainSelectionResponse } from '../../utils/messages';
import { getComfort, watchComfort } from '../../utils/storage/settings-store';
import { highlightCss } from '../../utils/page-styles/highlight-css';
// The two crossings into other entrypoints (tests/support/import-rules.ts allows exactly these):
// the real session and the random highlight names it registers, so the example can never drift
// from the product.
import { startSession } from '../content/session';
import { highlightNames } from '../content/terms/highlight-names';

/** Marks the example paragraph, so the keyboard button can start there. */
export const EXAMPLE_ATTRIBUTE = 'data-example';

export interface Demo {
  /** Opens the card for the first marked word of the example, with the keyboard focus in it. */
  explainFirstInExample(): void;
}

/**
 * The ::highlight() rules for the names this page's session uses, in the page's own <style>. On web
 * pages the background injects them with scripting.insertCSS, which cannot reach the extension's own
 * pages; this page is ours, so no page script can read the names here. (The session still asks the
 * background, which fails quietly for this tab.)
 */
function addHighlightStyle(): void {
  const style = document.createElement('style');
  style.textContent = highlightCss(highlightNames);
  document.head.append(style);
}

export async function startDemo(): Promise<Demo> {
  addHighlightStyle();
  const ctx = new ContentScriptContext('welcome');
  const session = startSession({ ctx, matcher: defaultMatcher({ fuzzy: true }), comfort: await getComfort() });
  ctx.onInvalidated(watchComfort((comfort) => session.setComfort(comfort)));

  // The keyboard shortcut and the right-click menu reach this tab as they reach any page.
  const onMessage = (message: unknown): Promise<ExplainSelectionResponse> | undefined => {
    if (!isExplainSelectionRequest(message)) return undefined;
    session.explainSelection();
    return Promise.resolve({ handled: true });
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  return {
    explainFirstInExample() {
      // With the text cursor at the start of the example, the command explains the first marked word after it.
      const example = document.querySelector(`[${EXAMPLE_ATTRIBUTE}]`);
      const selection = document.getSelection();
      if (example && selection) selection.collapse(example, 0);
      session.explainSelection();
    },
  };
}
