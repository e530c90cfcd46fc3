/** Finding the tab the popup is about, and asking its content script which terms it found. */
import { browser } from 'wxt/browser';
import { pageTermsRequest, parsePageTermsResponse, type PageTermsResponse } from '../../utils/messages';

/** How long to wait for the content script before saying the page can't be read. */
const REPLY_TIMEOUT_MS = 3000;

/**
 * `?tab=<id>` in the popup's URL picks the tab explicitly. That is how the popup
 * works when opened as a normal page (tests, or a pinned tab).
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export async function resolveTargetTabId(search: string): Promise<number | null> {
  const fromUrl = tabIdFromSearch(search);
  if (fromUrl !== null) return fromUrl;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * The content script's validated reply, or null when there is no content script
 * (browser pages, pages opened before install), it does not answer in time, or
 * the answer is malformed.
 */
export async function requestPageTerms(tabId: number): Promise<PageTermsResponse | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), REPLY_TIMEOUT_MS);
  });
  try {
    const reply = await Promise.race([browser.tabs.sendMessage(tabId, pageTermsRequest), timeout]);
    return parsePageTermsResponse(reply);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
