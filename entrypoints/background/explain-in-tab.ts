/**
 * "Explain this" from the background, for the keyboard command and the right-click menu alike: one
 * message to the tab's content script, which finds what to explain (the selection, the word at the
 * cursor or the first marked word) and opens the card, or the "not a word Termlight explains" card.
 * Sending a message to a tab needs no permission.
 */
import { browser } from 'wxt/browser';
import { explainInFrameRequest, explainSelectionRequest } from '../../utils/messages';

/**
 * Asks tab `tabId` to explain its selection: every frame hears it (the one with focus acts), or only
 * frame `frameId` when the caller knows where the selection is. Resolves to whether a content script
 * received it (none runs on the browser's own pages, or in tabs opened before Termlight was installed).
 */
export async function explainInTab(tabId: number, frameId?: number): Promise<boolean> {
  try {
    if (frameId === undefined) await browser.tabs.sendMessage(tabId, explainSelectionRequest);
    else await browser.tabs.sendMessage(tabId, explainInFrameRequest, { frameId });
    return true;
  } catch {
    return false;
  }
}
