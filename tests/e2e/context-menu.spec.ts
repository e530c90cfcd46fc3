/**
 * The right-click menu on a selection. Headless Chromium cannot open a context menu, so the tests call
 * the background's own click handler (`termlightMenuClick`, what `contextMenus.onClicked` calls) with
 * what the browser would pass; the rest of the path (message, content script, card; or the options
 * page's form) is the real one.
 */
import type { Worker } from '@playwright/test';
import { test, expect, type BrowserContext } from './fixtures';
import { focusInPopover, popover, popoverHeading, termlightUi, waitForFullScan } from './pages/termlight-page';
import { selectText } from './pages/selection';

const EXPLAIN = 'termlight-explain';
const ADD_TERM = 'termlight-add-term';

interface Click {
  menuItemId: string;
  selectionText?: string;
  frameId?: number;
}

/** What `contextMenus.onClicked` does for a click on item `click.menuItemId` in tab `tabId`. */
function menuClick(serviceWorker: Worker, click: Click, tabId?: number): Promise<boolean> {
  return serviceWorker.evaluate(
    ({ click, tabId }) =>
      (globalThis as unknown as { termlightMenuClick: (info: Click, tab?: { id: number }) => Promise<boolean> }).termlightMenuClick(
        click,
        tabId === undefined ? undefined : { id: tabId },
      ),
    { click, tabId },
  );
}

/** Clicks "Add … to my terms" with `selectionText` and returns the options page it opens. */
async function addToMyTerms(context: BrowserContext, serviceWorker: Worker, selectionText: string, tabId: number) {
  const [options, done] = await Promise.all([
    context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }),
    menuClick(serviceWorker, { menuItemId: ADD_TERM, selectionText, frameId: 0 }, tabId),
  ]);
  expect(done).toBe(true);
  await options.waitForLoadState();
  return options;
}

test('both menu items are created on install', async ({ serviceWorker }) => {
  // update() fails for an id that does not exist: the items are there, with the ids the handler knows.
  for (const id of [EXPLAIN, ADD_TERM]) {
    await serviceWorker.evaluate(
      (id) => (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus.update(id, {}),
      id,
    );
  }
});

test('"Explain" opens the card for the selected term, with the focus in it, like the keyboard command', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await tabs.open(`${server.url}/keyboard.html`);
  await waitForFullScan(page);
  await selectText(page, '#first', 'PD-L1');
  expect(await menuClick(serviceWorker, { menuItemId: EXPLAIN, selectionText: 'PD-L1', frameId: 0 }, tabId)).toBe(true);
  await expect(popover(page)).toBeVisible();
  await expect(popoverHeading(page)).toHaveText('PD-L1');
  await expect.poll(() => focusInPopover(page)).toBe('dialog');
  await page.keyboard.press('Escape');
  await expect(popover(page)).toBeHidden();
});

test('"Explain" on text Termlight does not explain opens the small "not a word" card', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await tabs.open(`${server.url}/keyboard.html`);
  await waitForFullScan(page);
  await selectText(page, '#plain', 'notebook');
  await menuClick(serviceWorker, { menuItemId: EXPLAIN, selectionText: 'notebook', frameId: 0 }, tabId);
  await expect(popover(page)).toHaveAccessibleName('No explanation for this');
  await expect(popover(page)).toHaveAccessibleDescription(/Termlight does not explain “notebook”/);
});

test('"Explain" does nothing on a site Termlight is switched off for', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await tabs.open(`${server.url}/keyboard.html`);
  await waitForFullScan(page);
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      disabledSites: ['127.0.0.1'],
    }),
  );
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  await selectText(page, '#first', 'PD-L1');
  // The content script got the request (true) and, switched off here, showed nothing.
  expect(await menuClick(serviceWorker, { menuItemId: EXPLAIN, selectionText: 'PD-L1', frameId: 0 }, tabId)).toBe(true);
  expect(await termlightUi(page).count()).toBe(0);
});

test('"Add to my terms" opens the form with the selection as the term, and saving keeps it', async ({ context, tabs, server, serviceWorker }) => {
  const { tabId } = await tabs.open(`${server.url}/keyboard.html`);
  const options = await addToMyTerms(context, serviceWorker, '  saline\n  lock ', tabId);
  const term = options.getByRole('textbox', { name: 'Term', exact: true });
  await expect(term).toHaveValue('saline lock');
  await expect(options.getByRole('status').first()).toContainText('“saline lock” is in the Term field');
  // The reader goes on with the explanation; the word is no longer in the address.
  await expect(options.getByRole('textbox', { name: 'Explanation' })).toBeFocused();
  expect(new URL(options.url()).search).toBe('');

  await options.getByRole('textbox', { name: 'Explanation' }).fill('The small IV plug kept in my arm between infusions.');
  await options.getByRole('button', { name: 'Add term' }).click();
  await expect(options.getByText('Added “saline lock”.')).toBeVisible();
  await options.close();
});

test('"Add to my terms" puts page text in the field as text, and a too-long selection gets a clear error with nothing lost', async ({
  context,
  tabs,
  server,
  serviceWorker,
}) => {
  const { tabId } = await tabs.open(`${server.url}/keyboard.html`);
  const markup = '<img src=x onerror="document.title=1">Keytruda';
  const options = await addToMyTerms(context, serviceWorker, markup, tabId);
  await expect(options.getByRole('textbox', { name: 'Term', exact: true })).toHaveValue(markup);
  expect(await options.locator('img').count()).toBe(0);
  await options.close();

  const long = 'pembrolizumab '.repeat(10).trim(); // 139 characters: more than a term may have
  const second = await addToMyTerms(context, serviceWorker, long, tabId);
  const term = second.getByRole('textbox', { name: 'Term', exact: true });
  await expect(term).toHaveValue(long);
  await expect(term).toHaveAttribute('aria-invalid', 'true');
  await expect(term).toHaveAccessibleDescription(new RegExp(`The term is too long: ${long.length} characters`));
  await expect(term).toBeFocused();
  await second.close();
});
