import { test, expect, type ChromeApi } from './fixtures';
import { popover, waitForHighlights, waitForStableHighlights, hoverTerm, highlightedTexts } from './pages/termlight-page';

test.afterEach(async ({ serviceWorker }) => {
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.remove('personalTerms'));
});

test('a personal term saved in storage is highlighted in an open tab and explained as Personal', async ({ page, server, serviceWorker }) => {
  await page.goto(`${server.url}/article.html`);
  await waitForHighlights(page, 2);
  await waitForStableHighlights(page);
  expect(await highlightedTexts(page)).not.toContain('beacon of hope');

  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({
      personalTerms: [
        {
          id: 'personal-beacon-of-hope-1',
          term: 'beacon of hope',
          aliases: [],
          definition: 'Something that gives people hope.',
          updatedAt: 1,
        },
      ],
    }),
  );
  await expect.poll(() => highlightedTexts(page)).toContain('beacon of hope');
  await waitForStableHighlights(page);
  await hoverTerm(page, 'beacon of hope');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Personal');
  await expect(dialog).toContainText('Something that gives people hope.');
});
