/**
 * The page-level ::highlight() rules are asked for by the content script's document-start stage
 * (entrypoints/content/page-start.ts), so they are in place while the page is still being parsed: added to
 * a built page, they made Chromium restyle every element of it. The page below holds its parser on a
 * script the test answers late; meanwhile the rules for this page load's names already apply to the
 * paragraph parsed before it, and the page's own world still sees nothing of them. Where Termlight is off
 * for the site, nothing is asked for.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import type { HighlightNames } from './pages/highlight-names';

const PAGE = '/early-rules.html';
const BLOCKING = '/early-rules-blocking.js';
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Early rules</title></head><body>
<p id="first">Immunotherapy helps the immune system fight cancer.</p>
<script src="${BLOCKING}"></script>
<p id="second">Pembrolizumab is a checkpoint inhibitor.</p>
</body></html>`;

/** Holds the page's parser on its blocking script until `release` is called. */
async function holdPage(page: Page, url: string): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url + PAGE, (route) => route.fulfill({ contentType: 'text/html', body: HTML }));
  await page.route(url + BLOCKING, async (route) => {
    await released;
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  return release;
}

/**
 * The names this page load's content script world holds, read there while the page is still loading
 * (`injectImmediately`: executeScript would otherwise wait for the document to be idle). Null when no
 * stage of the content script has picked them yet; with `make`, picked now if a stage of it has run (its
 * `highlightNamesForTests` getter is there), else null.
 */
function namesWhileLoading(worker: Worker, url: string, make = false): Promise<HighlightNames | null> {
  return worker.evaluate(async ({ href, make }) => {
    type Chrome = {
      tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
      scripting: {
        executeScript(o: { target: { tabId: number }; injectImmediately: boolean; func: () => unknown }): Promise<Array<{ result?: unknown }>>;
      };
    };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === href);
    if (tab?.id === undefined) return null;
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      injectImmediately: true,
      // Without `make`, not the `highlightNamesForTests` getter, which makes names in a world that has none yet.
      func: make
        ? () => (globalThis as { highlightNamesForTests?: unknown }).highlightNamesForTests ?? null
        : () => (globalThis as Record<symbol, { names?: unknown } | undefined>)[Symbol.for('highlight-names.page-load')]?.names ?? null,
    });
    return (result?.result ?? null) as HighlightNames | null;
  }, { href: url, make });
}

/** The first paragraph's ::highlight(terms) decoration as the page computes it, and whether the page is still loading. */
function firstParagraph(page: Page, name: string) {
  return page.evaluate((n) => {
    const p = document.getElementById('first')!;
    return { loading: document.readyState === 'loading', line: getComputedStyle(p, `::highlight(${n})`).textDecorationLine };
  }, name);
}

const setDisabled = (worker: Worker, sites: string[]) =>
  worker.evaluate(
    (sites) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ disabledSites: sites }),
    sites,
  );

test('the highlight rules apply while the page is still being parsed, and the page sees no sheet', async ({ page, server, serviceWorker }) => {
  const release = await holdPage(page, server.url);
  try {
    await page.goto(server.url + PAGE, { waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => document.getElementById('first') !== null)).toBe(true);
    let names: HighlightNames | null = null;
    await expect.poll(async () => (names = await namesWhileLoading(serviceWorker, server.url + PAGE))).not.toBeNull();
    await expect.poll(() => firstParagraph(page, names!.terms)).toEqual({ loading: true, line: 'underline' });
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(0);
  } finally {
    release();
  }
  // The rest of the page loads and is marked as before.
  await page.waitForLoadState('load');
  await expect.poll(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => h.size > 0))).toBe(true);
});

test('where Termlight is off for the site, no rules are asked for at document start', async ({ page, server, serviceWorker }) => {
  await setDisabled(serviceWorker, ['127.0.0.1']);
  const release = await holdPage(page, server.url);
  try {
    await page.goto(server.url + PAGE, { waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => document.getElementById('first') !== null)).toBe(true);
    // The document-start stage has run and picked no names: it asked for nothing (asked, the rules arrive
    // well within this wait in the test above). Names made now have no rules either.
    await page.waitForTimeout(500);
    expect(await namesWhileLoading(serviceWorker, server.url + PAGE)).toBeNull();
    const names = await namesWhileLoading(serviceWorker, server.url + PAGE, true);
    expect(names).not.toBeNull();
    expect(await firstParagraph(page, names!.terms)).toEqual({ loading: true, line: 'none' });
  } finally {
    release();
    await setDisabled(serviceWorker, []);
  }
});
