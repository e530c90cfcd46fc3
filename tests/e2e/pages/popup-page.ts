/**
 * Helpers for Termlight's toolbar popup, opened as a page (`popup.html?tab=<id>`, see the `tabs` fixture),
 * and for asking a tab's content script what it found, the way the popup does.
 */
import { expect, type Locator, type Page, type Worker } from '@playwright/test';
import type { ChromeApi } from '../fixtures';

/** Every on/off switch in the popup, in page order (native checkboxes with role="switch"). */
export function switches(popup: Page): Locator {
  return popup.getByRole('switch');
}

/** The "On this page" section. */
export function pageTermsSection(popup: Page): Locator {
  return popup.getByRole('region', { name: 'On this page' });
}

/** The glossary search box. */
export function searchBox(popup: Page): Locator {
  return popup.getByRole('searchbox', { name: 'Search the glossary' });
}

/** The heading of the term card the popup is showing. */
export function cardHeading(popup: Page): Locator {
  return popup.locator('.tl-card .tl-card-term');
}

/**
 * The "On this page" list as { term: count }, read from each item's accessible name
 * ("PD-L1, found 3 times" / "Cervix, found once"). Waits until the list is shown.
 */
export async function listedPageTerms(popup: Page): Promise<Map<string, number>> {
  const items = pageTermsSection(popup).getByRole('button');
  await expect(items.first()).toBeVisible();
  const labels = await items.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const listed = new Map<string, number>();
  for (const label of labels) {
    const m = /^(.*), found (once|(\d+) times)$/.exec(label);
    if (!m) throw new Error(`unexpected "On this page" item label: ${JSON.stringify(label)}`);
    listed.set(m[1]!, m[3] === undefined ? 1 : Number(m[3]));
  }
  return listed;
}

export interface PageTermsReply {
  host: string | null;
  terms: Array<{ id: string; count: number }>;
}

/**
 * Asks the content script in tab `tabId` which terms it found (the popup's own message), from the service
 * worker. Retries until the content script is there to answer (after a reload it takes a moment).
 */
export async function askPageTerms(serviceWorker: Worker, tabId: number, timeout = 10_000): Promise<PageTermsReply> {
  let reply: PageTermsReply | null = null;
  await expect
    .poll(
      async () => {
        reply = await serviceWorker.evaluate(async (id) => {
          const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
          try {
            return (await chrome.tabs.sendMessage(id, { type: 'termlight:page-terms' })) as PageTermsReply;
          } catch {
            return null; // no content script (yet)
          }
        }, tabId);
        return reply !== null;
      },
      { timeout, message: `the content script in tab ${tabId} answers` },
    )
    .toBe(true);
  return reply!;
}

/** Termlight's stored settings (chrome.storage.local), read from the service worker. */
export function storedSettings(serviceWorker: Worker): Promise<Record<string, unknown>> {
  return serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(null));
}
