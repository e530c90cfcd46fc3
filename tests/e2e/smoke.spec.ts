import { test, expect } from './fixtures';

test('the extension loads and the article page is served', async ({ page, server, serviceWorker, extensionId, requests }) => {
  expect(serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
  expect(extensionId).toMatch(/^[a-p]{32}$/);

  const response = await page.goto(`${server.url}/article.html`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('Immunotherapy for Stage 4 Cervical Cancer');
  await expect(page.locator('h2').first()).toHaveText('Understanding Stage 4 Cervical Cancer');

  expect(requests.urls).toContain(`${server.url}/article.html`);
  expect(requests.foreign()).toEqual([]);
});
