/**
 * The toolbar icon says when Termlight is off: an "off" badge and a tooltip, for every tab when it is
 * off everywhere, and per tab when a tab's site is switched off; at once when a switch changes (here
 * through the popup's own switches). No count of terms is ever shown.
 */
import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { switches } from './pages/popup-page';
import { waitForFullScan } from './pages/termlight-page';

interface ActionApi {
  action: {
    getBadgeText(details: { tabId?: number }): Promise<string>;
    getTitle(details: { tabId?: number }): Promise<string>;
  };
}

/** The badge and tooltip tab `tabId` shows (or the global ones). */
function icon(serviceWorker: Worker, tabId?: number): Promise<{ badge: string; title: string }> {
  return serviceWorker.evaluate(async (tabId) => {
    const { action } = (globalThis as unknown as { chrome: ActionApi }).chrome;
    const details = tabId === undefined ? {} : { tabId };
    return { badge: await action.getBadgeText(details), title: await action.getTitle(details) };
  }, tabId);
}

const ON = { badge: '', title: 'Termlight' };
const OFF_EVERYWHERE = { badge: 'off', title: 'Termlight is off' };
const OFF_FOR_SITE = { badge: 'off', title: 'Termlight is off for this site' };

test('the icon follows the "everywhere" switch on every tab', async ({ tabs, server, serviceWorker }) => {
  const article = await tabs.open(`${server.url}/article.html`);
  await waitForFullScan(article.page);
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(ON);

  const popup = await tabs.popup(article.tabId);
  const everywhere = switches(popup).first();
  await everywhere.click();
  await expect(everywhere).not.toBeChecked();
  await expect.poll(() => icon(serviceWorker)).toEqual(OFF_EVERYWHERE);
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(OFF_EVERYWHERE);

  await everywhere.click();
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(ON);
  await expect.poll(() => icon(serviceWorker)).toEqual(ON);
});

test('the icon follows the "this site" switch on that site\'s tabs only, and a page of another site starts clean', async ({
  tabs,
  server,
  serviceWorker,
}) => {
  const article = await tabs.open(`${server.url}/article.html`);
  const other = await tabs.open(`${server.altUrl}/article.html`); // another site: localhost
  await waitForFullScan(article.page);
  await waitForFullScan(other.page);

  const popup = await tabs.popup(article.tabId);
  const thisSite = switches(popup).nth(1);
  await thisSite.click();
  await expect(thisSite).not.toBeChecked();
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(OFF_FOR_SITE);
  expect(await icon(serviceWorker, other.tabId)).toEqual(ON);
  expect(await icon(serviceWorker)).toEqual(ON);

  // A new page of the switched-off site says so from the start.
  await article.page.reload();
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(OFF_FOR_SITE);

  // Off everywhere as well: the tab still says why it is off here.
  const everywhere = switches(popup).first();
  await everywhere.click();
  await expect.poll(() => icon(serviceWorker, other.tabId)).toEqual(OFF_EVERYWHERE);
  expect(await icon(serviceWorker, article.tabId)).toEqual(OFF_FOR_SITE);
  await everywhere.click();
  await expect.poll(() => icon(serviceWorker, other.tabId)).toEqual(ON);

  // The site back on: the tab follows the global switch again.
  await thisSite.click();
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(ON);
  await thisSite.click();
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(OFF_FOR_SITE);

  // Going to another site in the same tab: the browser drops the tab's own badge.
  await article.page.goto(`${server.altUrl}/article.html`);
  await waitForFullScan(article.page);
  await expect.poll(() => icon(serviceWorker, article.tabId)).toEqual(ON);
});
