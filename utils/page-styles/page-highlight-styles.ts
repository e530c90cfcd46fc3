/**
 * The background's side of the highlight styles: a content script sends the random names it
 * chose for its page load (entrypoints/content/terms/highlight-names.ts), and this injects the
 * matching ::highlight() rules into exactly that frame with `scripting.insertCSS`.
 *
 * Why this way: a sheet the browser injects for an extension is not in `document.styleSheets`
 * nor in the DOM, so a page script cannot read it (a `<style>` element or an adopted sheet it
 * could). Only the names come from the message, and only names that fit the pattern
 * (isHighlightNames), so nothing else can be written into the rules. `scripting` adds no install
 * warning; the frame is one the content script already runs in (manifest `<all_urls>`).
 */
import { browser, type Browser } from 'wxt/browser';
import { isHighlightStylesRequest } from '../messages';
import { highlightCss } from './highlight-css';

/** onMessage listener: undefined (not ours to answer) for any other message. */
export function answerHighlightStyles(message: unknown, sender: Browser.runtime.MessageSender): Promise<boolean> | undefined {
  if (!isHighlightStylesRequest(message)) return undefined;
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) return Promise.resolve(false);
  return browser.scripting
    .insertCSS({ target: { tabId, frameIds: [frameId] }, css: highlightCss(message.names) })
    .then(
      () => true,
      () => false,
    );
}
