/**
 * Termlight without a mouse: the "explain the selection" command, stepping through terms from the
 * popover, Escape giving focus back, pinning, and hover never taking focus.
 *
 * Headless Chromium cannot press a browser command's shortcut (the browser, not the page, handles it),
 * so the tests call the background's command handler through the service worker
 * (`termlightRunCommand`, the function `browser.commands.onCommand` calls); the rest of the path —
 * message, content script, popover — is the real one.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { entry } from './pages/glossary-data';
import { focusInPopover, hoverTerm, popover, popoverHeading, waitForFullScan } from './pages/termlight-page';
import { selectText } from './pages/selection';

const EXPLAIN_COMMAND = 'explain-selection';

/** What `browser.commands.onCommand` does for the shortcut, for tab `tabId`. Resolves to whether the tab got it. */
function runCommand(serviceWorker: Worker, tabId?: number): Promise<boolean> {
  return serviceWorker.evaluate(
    ({ command, tabId }) => {
      const run = (globalThis as unknown as { termlightRunCommand: (c: string, tab?: { id: number }) => Promise<boolean> })
        .termlightRunCommand;
      return run(command, tabId === undefined ? undefined : { id: tabId });
    },
    { command: EXPLAIN_COMMAND, tabId },
  );
}

/** id of the page's focused element ('' for none, i.e. <body>). */
function pageFocusId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function openKeyboardPage(tabs: { open(url: string): Promise<{ page: Page; tabId: number }> }, url: string) {
  const tab = await tabs.open(`${url}/keyboard.html`);
  await tab.page.setViewportSize({ width: 1000, height: 700 });
  await waitForFullScan(tab.page);
  return tab;
}

test('the command explains the selected term, focus moves into the popover, and Escape gives it back', async ({
  tabs,
  server,
  serviceWorker,
}) => {
  const { page, tabId } = await openKeyboardPage(tabs, server.url);
  await page.locator('#page-button').focus();
  await selectText(page, '#first', 'PD-L1');

  expect(await runCommand(serviceWorker, tabId)).toBe(true);
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(popoverHeading(page)).toHaveText('PD-L1');
  // Announced as a dialog named by the term and described by our explanation.
  await expect(dialog).toHaveAccessibleName('PD-L1');
  await expect(dialog).toHaveAccessibleDescription(entry('pd-l1').definition);
  await expect.poll(() => focusInPopover(page)).toBe('dialog');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await pageFocusId(page)).toBe('page-button');
  expect(await focusInPopover(page)).toBeNull();
});

test('the command with part of a term selected, or from the active tab, explains that term', async ({ tabs, server, serviceWorker }) => {
  const { page } = await openKeyboardPage(tabs, server.url);
  await page.bringToFront();
  await selectText(page, '#again', 'chemo'); // part of "chemotherapy"
  // No tab given: the background asks which tab is active.
  expect(await runCommand(serviceWorker)).toBe(true);
  await expect(popoverHeading(page)).toHaveText('Chemotherapy (chemo)');
});

test('a selection that is not a known term: a small popover says so, and Escape closes it', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await openKeyboardPage(tabs, server.url);
  await selectText(page, '#plain', 'notebook');
  await runCommand(serviceWorker, tabId);

  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName('No explanation for this');
  await expect(dialog).toHaveAccessibleDescription(/Termlight does not explain “notebook”/);
  await expect.poll(() => focusInPopover(page)).toBe('dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('text selected in a form field is not read: the popover says why', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await openKeyboardPage(tabs, server.url);
  await page.locator('#notes').focus();
  await page.locator('#notes').evaluate((el: HTMLInputElement) => el.setSelectionRange(0, 9)); // "prognosis"
  await runCommand(serviceWorker, tabId);
  await expect(popover(page)).toHaveAccessibleName('Typing boxes stay private');
});

test('with nothing selected the command starts at the first term on screen; ] and [ step through terms in reading order', async ({
  tabs,
  server,
  serviceWorker,
}) => {
  const { page, tabId } = await openKeyboardPage(tabs, server.url);
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await runCommand(serviceWorker, tabId);
  const heading = popoverHeading(page);
  await expect(heading).toHaveText('Immunotherapy');
  // The keys below are the popover's: press them once it has the focus. It takes it once it is placed
  // on screen, just after its heading renders; a key pressed before that goes to the page.
  await expect.poll(() => focusInPopover(page), { message: 'focus moves into the popover' }).toBe('dialog');

  // The hidden "surgery" is skipped; the input's text is never read.
  const order = ['Tumor', 'PD-L1', 'Immunotherapy', 'Chemotherapy (chemo)', 'Clinical trial'];
  for (const term of order) {
    await page.keyboard.press(']');
    await expect(heading).toHaveText(term);
    await expect.poll(() => focusInPopover(page), { message: `focus stays in the popover at ${term}` }).toBe('dialog');
  }
  // "Clinical trial" is far below the first screen: it was scrolled into view, popover and all.
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
  const far = await page.locator('#far').boundingBox();
  expect(far!.y).toBeGreaterThanOrEqual(0);
  expect(far!.y + far!.height).toBeLessThanOrEqual(700);
  const box = (await popover(page).boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(700);

  // The end: it says so, and stays.
  await page.keyboard.press(']');
  await expect(popover(page).locator('.tl-popover-status')).toHaveText('This is the last marked term on the page.');
  await expect(heading).toHaveText('Clinical trial');

  await page.keyboard.press('[');
  await expect(heading).toHaveText('Chemotherapy (chemo)');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading).toHaveText('Immunotherapy');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading).toHaveText('Chemotherapy (chemo)');
  // The buttons do the same.
  await popover(page).getByRole('button', { name: 'Previous term' }).click();
  await expect(heading).toHaveText('Immunotherapy');
});

test('keys pressed in the popover do not reach the page', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await openKeyboardPage(tabs, server.url);
  await page.evaluate(() => {
    (window as unknown as { pageKeys: string[] }).pageKeys = [];
    window.addEventListener('keydown', (e) => (window as unknown as { pageKeys: string[] }).pageKeys.push(e.key));
  });
  await selectText(page, '#first', 'tumor');
  await runCommand(serviceWorker, tabId);
  await expect(popoverHeading(page)).toHaveText('Tumor');
  await expect.poll(() => focusInPopover(page)).toBe('dialog');
  await page.keyboard.press(']');
  await expect(popoverHeading(page)).toHaveText('PD-L1');
  expect(await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual([]);
});

test('hovering opens the popover without taking focus from the page', async ({ tabs, server }) => {
  const { page } = await openKeyboardPage(tabs, server.url);
  await page.locator('#page-button').focus();
  await hoverTerm(page, 'PD-L1');
  await expect(popover(page)).toBeVisible();
  await page.waitForTimeout(200);
  expect(await pageFocusId(page)).toBe('page-button');
  expect(await focusInPopover(page)).toBeNull();
});

test('a pinned popover stays open when the pointer leaves and when its term scrolls away; Escape still closes it', async ({
  tabs,
  server,
}) => {
  const { page } = await openKeyboardPage(tabs, server.url);
  await hoverTerm(page, 'PD-L1');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  const pin = dialog.getByRole('button', { name: 'Keep open' });
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');

  // Out to the empty margin, well past the close grace period.
  await page.mouse.move(5, 650, { steps: 3 });
  await page.waitForTimeout(1200);
  await expect(dialog).toBeVisible();
  await expect(popoverHeading(page)).toHaveText('PD-L1');
  // Pointing at another term does not replace it.
  await hoverTerm(page, 'immunotherapy');
  await page.waitForTimeout(700);
  await expect(popoverHeading(page)).toHaveText('PD-L1');

  // Scroll the term far out of view.
  await page.mouse.move(5, 650);
  await page.evaluate(() => window.scrollTo({ top: 1500, behavior: 'instant' }));
  await page.waitForTimeout(300);
  await expect(dialog).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
