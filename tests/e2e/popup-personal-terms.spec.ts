/**
 * The reader's own terms in the toolbar popup: one found on the page is listed under "On this page",
 * labelled "Personal", and glossary search finds it too (typos forgiven); both open its personal card.
 */
import { test, expect, type ChromeApi } from './fixtures';
import { cardHeading, pageTermsSection, searchBox } from './pages/popup-page';
import { highlightedTexts, waitForStableHighlights } from './pages/termlight-page';

const BEACON = {
  id: 'personal-beacon-of-hope-1',
  term: 'beacon of hope',
  aliases: [],
  definition: 'Something that gives people hope.',
  note: 'My words for it.',
  updatedAt: 1,
};

test.afterEach(async ({ serviceWorker }) => {
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.clear());
});

test('a personal term found on the page is listed as Personal in the popup, and search finds it', async ({
  tabs,
  server,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(
    (term) => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({ personalTerms: [term] }),
    BEACON,
  );
  const article = await tabs.open(`${server.url}/article.html`);
  await expect.poll(() => highlightedTexts(article.page)).toContain('beacon of hope');
  await waitForStableHighlights(article.page);
  const times = (await highlightedTexts(article.page)).filter((t) => t === 'beacon of hope').length;

  const popup = await tabs.popup(article.tabId);
  const listed = pageTermsSection(popup).getByRole('button', {
    name: `beacon of hope (Personal), found ${times === 1 ? 'once' : `${times} times`}`,
  });
  await expect(listed).toBeVisible();
  await expect(listed).toContainText('Personal');
  // Termlight's own terms are still there beside it.
  await expect(pageTermsSection(popup).getByRole('button', { name: /^Immunotherapy, found/ })).toBeVisible();

  await listed.click();
  await expect(cardHeading(popup)).toHaveText('beacon of hope');
  await expect(popup.locator('.tl-card')).toContainText('Something that gives people hope.');
  await expect(popup.locator('.tl-card')).toContainText('My words for it.');
  await expect(popup.locator('.tl-card .tl-chip')).toHaveText('Personal');
  await popup.getByRole('button', { name: 'Back' }).click();
  await expect(listed).toBeFocused();

  await searchBox(popup).fill('becon of hope');
  const results = popup.getByRole('list', { name: 'Search results' }).getByRole('button');
  await expect(results.first()).toHaveAttribute('data-entry-id', BEACON.id);
  await expect(results.first()).toContainText('Personal');
  await results.first().click();
  await expect(cardHeading(popup)).toHaveText('beacon of hope');
});
