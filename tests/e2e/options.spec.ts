/**
 * The options page ("My terms and settings") in the real browser: opened from the popup, a term added
 * and stored locally, a bad file changing nothing. The `requests` fixture checks no request left the browser.
 */
import { test, expect, type ChromeApi } from './fixtures';
import type { Worker } from '@playwright/test';

const storedLocal = (serviceWorker: Worker) =>
  serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(null));

test.afterEach(async ({ serviceWorker }) => {
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.clear());
});

test('the popup opens "My terms and settings" in a tab', async ({ context, extensionId, tabs }) => {
  const popup = await tabs.popup();
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: 'My terms and settings' }).click(),
  ]);
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 2, name: 'My terms' })).toBeVisible();
  await options.close();
});

test('a term added on the options page is stored locally; a bad file changes nothing', async ({ page, extensionId, serviceWorker }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // Lipitor is in no built-in entry (Keytruda is: it would be refused as a duplicate).
  await page.getByLabel('Term', { exact: true }).fill('Lipitor');
  await page.getByLabel('Other names or spellings').fill('atorvastatin');
  await page.getByLabel('Explanation').fill('A cholesterol pill.');
  await page.getByRole('button', { name: 'Add term' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added “Lipitor”' })).toBeVisible();
  const afterAdd = await storedLocal(serviceWorker);
  expect(afterAdd).toEqual({
    personalTerms: [
      { id: 'personal-lipitor-1', term: 'Lipitor', aliases: ['atorvastatin'], definition: 'A cholesterol pill.', updatedAt: expect.any(Number) },
    ],
  });

  await page.locator('input[type="file"]').setInputFiles({
    name: 'terms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('term,definition\nPort,A device.\nCycle,\n'),
  });
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(page.getByRole('alert').locator('li')).toHaveText(['Line 3, definition: The explanation (definition) is missing.']);
  expect(await storedLocal(serviceWorker)).toEqual(afterAdd);
});
