/**
 * The content script must not announce itself to the page. WXT's content script context tells an older
 * copy of the script to stop by dispatching "<extension id>:content:wxt:content-script-started" on the
 * page's document (and, by default, posting a window message of that type to every page script): a page
 * that knows Termlight's store id, or any page with a `message` listener, could tell it is installed.
 * This page (tests/fixtures/pages/page-listener.html) records, in the page's own world, every window
 * message, the events an extension could dispatch under its id, every DOM change and every new global,
 * in the top page and in a frame (the content script runs in each), while Termlight reads both. It must
 * see nothing at all.
 */
import type { Frame } from '@playwright/test';
import { test, expect } from './fixtures';

/** Event names WXT's context and location watcher use, for each of Termlight's scripts that run in pages. */
function wxtEventNames(extensionId: string): string[] {
  const scripts = ['content', 'page-start', 'reader', 'reader-names'];
  const events = ['wxt:content-script-started', 'wxt:locationchange'];
  return scripts.flatMap((script) => events.map((event) => `${extensionId}:${script}:${event}`));
}

/** True once the document has a highlight with ranges in it (seen from the page's side only). */
function isMarked(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => [...CSS.highlights.values()].some((h) => h.size > 0));
}

test('a page listening for messages, events, DOM changes and globals hears nothing from Termlight, in the top page or a frame', async ({
  page,
  server,
  extensionId,
}) => {
  const listen = wxtEventNames(extensionId).join(',');
  await page.goto(`${server.url}/page-listener.html?listen=${encodeURIComponent(listen)}`);
  const frame = await (await page.waitForSelector('iframe#framed')).contentFrame();
  expect(frame).not.toBeNull();
  // Both documents were read: their content scripts have run (and made their context) long before.
  await expect.poll(() => isMarked(page.mainFrame())).toBe(true);
  await expect.poll(() => isMarked(frame!)).toBe(true);
  // The frame's recorder has reported to the top page's (it is there from the frame's first script).
  await expect.poll(() => page.evaluate(() => (window as unknown as { pageSaw: { frames: unknown[] } }).pageSaw.frames.length)).toBe(1);
  // Anything still on its way (a posted message is a task of its own) arrives.
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => {
    const saw = (window as unknown as { pageSaw: (() => string[]) & { frames: Array<() => string[]> } }).pageSaw;
    return [...saw(), ...saw.frames.flatMap((record) => record())];
  });
  expect(seen).toEqual([]);
});

test('the page records what an extension would send it (the check above can fail)', async ({ page, server }) => {
  // A name of no script of ours, so only what this test sends is heard.
  const name = 'control:wxt:content-script-started';
  await page.goto(`${server.url}/page-listener.html?listen=${encodeURIComponent(name!)}`);
  await page.waitForSelector('iframe#framed');
  await page.evaluate((type) => {
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content' } }));
    window.postMessage({ type }, '*');
    document.body.append(document.createElement('div'));
  }, name!);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { pageSaw: () => string[] }).pageSaw()))
    .toEqual([
      `top window event ${name}: {"contentScriptName":"content"}`,
      `top document event ${name}: {"contentScriptName":"content"}`,
      'top added DIV',
      `top message from ${server.url}: {"type":"${name}"}`,
    ]);
});

test('a newer copy of the content script in the same document stops the older one, and the page hears nothing of it', async ({
  page,
  server,
  extensionId,
  serviceWorker,
}) => {
  // What an update or a reload of the extension followed by an injection into open tabs would do (Termlight
  // injects none itself; headless Chromium cannot reload an extension loaded from the command line): a second
  // copy of the first stage runs in the same isolated world as the first.
  const listen = wxtEventNames(extensionId).join(',');
  await page.goto(`${server.url}/page-listener.html?listen=${encodeURIComponent(listen)}`);
  await expect.poll(() => isMarked(page.mainFrame())).toBe(true);
  const injected = await serviceWorker.evaluate(async () => {
    type Chrome = {
      tabs: { query(q: object): Promise<Array<{ id?: number }>> };
      scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
    };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    // Every tab (without the `tabs` permission their URLs are hidden); only the test's page runs the script.
    const tabs = await chrome.tabs.query({});
    let count = 0;
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content-scripts/content.js'] }).then(
        () => count++,
        () => {},
      );
    }
    return count;
  });
  expect(injected).toBeGreaterThan(0);
  // The older copy stopped: its marks are gone from the top page. (The newer copy does not mark it again:
  // the reader's module was already loaded in this world by the older one. That is the first stage's
  // business, not the context's; WXT's own event would have ended the same way.)
  await expect.poll(() => isMarked(page.mainFrame())).toBe(false);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { pageSaw: () => string[] }).pageSaw())).toEqual([]);
});
