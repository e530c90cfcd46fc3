/**
 * A page whose text cannot hold a glossary term: the content script's first stage leaves its reader
 * unloaded there (glossary/start-filter.ts), yet everything a reader can do on it still works: text
 * added later is read, "Explain" answers, the popup lists no terms.
 */
import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { askPageTerms } from './pages/popup-page';
import { highlightedTexts, popover, waitForHighlights } from './pages/termlight-page';
import { selectText } from './pages/selection';

/** Whether the reader's module was requested: its address is new every session, its name is not. */
const readerLoaded = (urls: readonly string[]) => urls.some((u) => u.startsWith('chrome-extension://') && u.endsWith('/reader.js'));

function explainClick(serviceWorker: Worker, selectionText: string, tabId: number): Promise<boolean> {
  return serviceWorker.evaluate(
    ({ selectionText, tabId }) =>
      (globalThis as unknown as { termlightMenuClick: (info: object, tab?: { id: number }) => Promise<boolean> }).termlightMenuClick(
        { menuItemId: 'termlight-explain', selectionText, frameId: 0 },
        { id: tabId },
      ),
    { selectionText, tabId },
  );
}

test('the reader is not loaded, and the popup hears that the page has no terms', async ({ tabs, server, serviceWorker, requests }) => {
  const { tabId } = await tabs.open(`${server.url}/no-terms.html`);
  expect(await askPageTerms(serviceWorker, tabId)).toEqual({ host: '127.0.0.1', terms: [], pageDefined: [] });
  expect(readerLoaded(requests.urls)).toBe(false);
  // The same page with a term loads it (so the check above can fail).
  await tabs.open(`${server.url}/keyboard.html`);
  await expect.poll(() => readerLoaded(requests.urls)).toBe(true);
});

test('a term the page adds later is highlighted', async ({ tabs, server }) => {
  const { page } = await tabs.open(`${server.url}/no-terms.html`);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Ask whether immunotherapy could help.';
    document.body.append(p);
  });
  await waitForHighlights(page);
  expect(await highlightedTexts(page)).toEqual(['immunotherapy']);
});

test('"Explain" loads the reader and answers', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await tabs.open(`${server.url}/no-terms.html`);
  await page.waitForTimeout(300);
  await selectText(page, '#plain', 'notebook');
  expect(await explainClick(serviceWorker, 'notebook', tabId)).toBe(true);
  await expect(popover(page)).toHaveAccessibleName('No explanation for this');
});
