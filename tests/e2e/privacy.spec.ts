/**
 * Privacy: Termlight makes no network request. Every end-to-end test already fails on a request that leaves
 * the test server or the extension (the automatic `requests` fixture in ./fixtures.ts). This file proves
 * that log really sees every kind of request (pages, the popup, the service worker), and walks through a
 * whole reading session checking the log explicitly.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { entry } from './pages/glossary-data';
import { cardHeading, listedPageTerms, searchBox } from './pages/popup-page';
import { hoverTerm, popover, waitForFullScan, waitForHighlights } from './pages/termlight-page';

const PROBE = 'http://termlight-privacy-probe.invalid';

function fireAndForget(page: Page, url: string): Promise<void> {
  return page.evaluate((u) => void fetch(u, { mode: 'no-cors' }).catch(() => {}), url);
}

test('the request log sees requests from web pages, extension pages and the service worker', async ({
  page,
  server,
  tabs,
  serviceWorker,
  requests,
}) => {
  await page.goto(`${server.url}/article.html`);
  const popup = await tabs.popup();
  const probes = [`${PROBE}/page`, `${PROBE}/popup`, `${PROBE}/service-worker`];

  await fireAndForget(page, probes[0]!);
  await fireAndForget(popup, probes[1]!);
  await serviceWorker.evaluate((u) => void fetch(u).catch(() => {}), probes[2]!);

  await expect.poll(() => requests.foreign()).toEqual(probes);
  expect(requests.urls).toContain(`${server.url}/article.html`);
  expect(requests.urls.some((u) => u.endsWith('/popup.html'))).toBe(true);
  // Deliberate: excuse exactly these, so the automatic check after the test passes.
  for (const url of probes) requests.allow(url);
  expect(requests.foreign()).toEqual([]);
});

test('a reading session (pages, hovering, the popup, search) makes no request beyond the test server and the extension', async ({
  tabs,
  server,
  extensionId,
  requests,
}) => {
  // Several pages, on both hostnames.
  const article = await tabs.open(`${server.url}/article.html`);
  // The whole scan, not just its start: on a busy machine PD-L1 may not be highlighted yet.
  await waitForFullScan(article.page);
  await hoverTerm(article.page, 'PD-L1');
  await expect(popover(article.page)).toBeVisible();
  await popover(article.page).getByRole('button', { name: entry(entry('pd-l1').related[0]!).term, exact: true }).click();

  for (const path of ['/traps.html', '/forms.html']) {
    const { page } = await tabs.open(server.url + path);
    await waitForHighlights(page, 1);
  }
  const other = await tabs.open(`${server.altUrl}/article.html`);
  await waitForFullScan(other.page);
  await hoverTerm(other.page, 'immunotherapy');
  await expect(popover(other.page)).toBeVisible();

  // The popup: terms on the page, a search, a card, a related card, a switch off and on again.
  const popup = await tabs.popup(article.tabId);
  expect((await listedPageTerms(popup)).size).toBeGreaterThan(0);
  await searchBox(popup).fill('car-t');
  await popup.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  await expect(cardHeading(popup)).toBeVisible();
  await popup.locator('.tl-card .tl-related-button').first().click();
  await popup.getByRole('button', { name: 'Back' }).click();
  await popup.getByRole('button', { name: 'Back' }).click();
  await popup.getByRole('switch').first().click();
  await popup.getByRole('switch').first().click();
  await expect(popup.getByRole('switch').first()).toBeChecked();

  // Let anything asynchronous (re-scans, storage events) settle before reading the log.
  await waitForHighlights(article.page, 2);
  await article.page.waitForTimeout(300);

  const origins = [`${server.url}/`, `${server.altUrl}/`, `chrome-extension://${extensionId}/`];
  // The content script's reader, its match and spelling data, its names file and the popover's CSS, at their per-session (dynamic) addresses.
  const dynamicExtensionOrigin = /^chrome-extension:\/\/[0-9a-f-]{36}\/(reader\.js|match-data\.bin|match-spelling\.bin|reader-names\.js|assets\/reader\.css)$/;
  const elsewhere = requests.urls.filter(
    (url) => !origins.some((origin) => url.startsWith(origin)) && !dynamicExtensionOrigin.test(url),
  );
  expect(elsewhere, 'requests that left 127.0.0.1, localhost and the extension').toEqual([]);
  // The log is live: it saw the pages and the popup of this session.
  expect(requests.urls).toEqual(
    expect.arrayContaining([
      `${server.url}/article.html`,
      `${server.url}/traps.html`,
      `${server.altUrl}/article.html`,
      `chrome-extension://${extensionId}/popup.html?tab=${article.tabId}`,
    ]),
  );
});
