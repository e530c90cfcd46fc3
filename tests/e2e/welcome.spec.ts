/**
 * The welcome page (opened once on install; install.spec.ts checks when): its example is the real
 * Termlight, started on the page: marked words, the card on hover, and the keyboard path.
 */
import type { Page } from '@playwright/test';
import { test, expect, tabIds } from './fixtures';
import { selectText } from './pages/selection';
import { focusInPopover, highlightedTexts, hoverTerm, popover, popoverHeading, termsName, waitForFullScan } from './pages/termlight-page';

async function openWelcome(page: Page, extensionId: string) {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Termlight' })).toBeVisible();
  await waitForFullScan(page);
}

/** The marked words of the example paragraph (one text node), in reading order. */
function markedInExample(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = document.querySelector('[data-example]')!.firstChild as Text;
    const found = new Map<number, string>();
    for (const [, highlight] of CSS.highlights) {
      for (const r of highlight) {
        if (r.startContainer === text) found.set(r.startOffset, text.data.slice(r.startOffset, r.endOffset));
      }
    }
    return [...found].sort(([a], [b]) => a - b).map(([, word]) => word);
  });
}

test('explains what Termlight does, with one heading per part, the real shortcut, privacy and the reload note', async ({ page, extensionId }) => {
  await openWelcome(page, extensionId);
  await expect(page).toHaveTitle('Welcome to Termlight');
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings).toEqual([
    'Try it here',
    'On any page: your keyboard shortcut',
    'Switching it off',
    'Tabs that were already open',
    'Private',
  ]);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('not medical advice');
  // The shortcut the browser has set now (commands.getAll), not a copy of the suggestion.
  await expect(page.locator('kbd')).toHaveText('Alt+Shift+E');
  await expect(page.getByText(/need to be reloaded/)).toBeVisible();
  await expect(page.getByText(/sends nothing anywhere/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'My terms and settings' })).toHaveAttribute('href', `chrome-extension://${extensionId}/options.html`);
});

test('the example marks real glossary terms and explains them on hover with the real card', async ({ page, extensionId }) => {
  await openWelcome(page, extensionId);
  expect(await markedInExample(page)).toEqual(expect.arrayContaining(['metastasis', 'immunotherapy', 'pembrolizumab', 'PD-L1']));
  // Only the example's words are marked: the rest of the page is written around the glossary.
  expect(await highlightedTexts(page)).toEqual(await markedInExample(page));
  // Painted by the page's own <style>, written for the random names this page load's session chose
  // (insertCSS, which marks web pages, cannot reach the extension's own pages).
  const hasRules = (name: string) =>
    page.evaluate((n) => [...document.querySelectorAll('style')].some((s) => s.textContent!.includes(`::highlight(${n})`)), name);
  expect(await hasRules(await termsName(page))).toBe(true);
  await hoverTerm(page, 'PD-L1');
  await expect(popover(page)).toBeVisible();
  await expect(popoverHeading(page)).toHaveText('PD-L1');
  // The definition comes from the background, as on any page.
  await expect(popover(page)).toContainText('protein');
});

test('from the keyboard: the button opens the first word\'s card with the focus in it, ] steps on, Escape goes back', async ({ page, extensionId }) => {
  await openWelcome(page, extensionId);
  // Focus is checked below: the page must be the focused tab (a tab the browser opens late, such as a
  // blank one, took the window's focus in some CI runs: "inactive"). Brought to the front again
  // before Escape, which is where focus must come back to the button.
  await page.bringToFront();
  const button = page.getByRole('button', { name: 'Explain the first word' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(popover(page)).toBeVisible();
  // The example's first glossary word ("oncologist" is explained, though too common to be marked).
  await expect(popoverHeading(page)).toHaveText('Oncologist (cancer doctor)');
  await expect.poll(() => focusInPopover(page)).toBe('dialog');
  // Then "scan" (marked since round 40: the example is a page about health), then "metastasis".
  await page.keyboard.press(']');
  await expect(popoverHeading(page)).toHaveText('Imaging test');
  await page.keyboard.press(']');
  await expect(popoverHeading(page)).toHaveText('Metastasis (metastatic spread)');
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect(popover(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('the keyboard shortcut works on the welcome page too', async ({ context, extensionId, serviceWorker }) => {
  const before = new Set(await tabIds(serviceWorker));
  const page = await context.newPage();
  const [tabId] = (await tabIds(serviceWorker)).filter((id) => !before.has(id));
  await openWelcome(page, extensionId);
  await selectText(page, '[data-example]', 'PD-L1');
  const got = await serviceWorker.evaluate(
    (id) => (globalThis as unknown as { termlightRunCommand: (c: string, t: { id: number }) => Promise<boolean> }).termlightRunCommand('explain-selection', { id }),
    tabId!,
  );
  expect(got).toBe(true);
  await expect(popoverHeading(page)).toHaveText('PD-L1');
  await page.close();
});
