/**
 * Screenshots of the popover, the popup and the options page in the light and dark colour schemes
 * (tests/screenshots/*-light.png, *-dark.png, shown in the README), and in forced colours (high
 * contrast; written to test-results/ only, for looking at). Each also checks what must hold for the
 * picture to be useful: the popover fits whole and off its term.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from '../support/paths';
import { test, expect } from './fixtures';
import { boxesOverlap, hoverTerm, moveMouseTo, placeTermAt, popover, popoverBox, popoverHeading, waitForFullScan } from './pages/termlight-page';

const README_DIR = resolve(ROOT, 'tests/screenshots');

type Look = { name: string; colorScheme: 'light' | 'dark'; forcedColors: 'none' | 'active' };
const LOOKS: Look[] = [
  { name: 'light', colorScheme: 'light', forcedColors: 'none' },
  { name: 'dark', colorScheme: 'dark', forcedColors: 'none' },
  { name: 'high-contrast', colorScheme: 'dark', forcedColors: 'active' },
];

function pathFor(look: Look, what: string): string {
  if (look.forcedColors === 'active') return test.info().outputPath(`${what}-${look.name}.png`);
  mkdirSync(README_DIR, { recursive: true });
  return resolve(README_DIR, `${what}-${look.name}.png`);
}

async function emulate(page: Page, look: Look) {
  await page.emulateMedia({ colorScheme: look.colorScheme, forcedColors: look.forcedColors });
}

for (const look of LOOKS) {
  test(`screenshot (${look.name}): the popover explaining "prognosis" on the article`, async ({ page, server }) => {
    await emulate(page, look);
    // Tall enough for the whole card with its "Save question" row below a term near the top.
    await page.setViewportSize({ width: 1000, height: 760 });
    await page.goto(`${server.url}/article.html`);
    // The article page has no dark style of its own: give it one, as a dark-mode site would.
    if (look.colorScheme === 'dark') await page.addStyleTag({ content: 'html { background: #121212; color: #ddd; }' });
    await waitForFullScan(page);
    const term = await placeTermAt(page, { text: 'prognosis', top: 40 });
    await moveMouseTo(page, term);
    await expect(popover(page)).toBeVisible();
    await expect(popoverHeading(page)).toHaveText('Prognosis');
    expect(boxesOverlap(await popoverBox(page), term)).toBe(false);
    expect(await popover(page).evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    await page.screenshot({ path: pathFor(look, 'popover') });
  });

  test(`screenshot (${look.name}): the popup on the article`, async ({ tabs, server }) => {
    const article = await tabs.open(`${server.url}/article.html`);
    await waitForFullScan(article.page);
    const popup = await tabs.popup(article.tabId);
    await emulate(popup, look);
    await popup.setViewportSize({ width: 360, height: 760 });
    await expect(popup.getByRole('region', { name: 'On this page' }).getByRole('button').first()).toBeVisible();
    await popup.screenshot({ path: pathFor(look, 'popup') });
  });

  test(`screenshot (${look.name}): reading comfort on the options page`, async ({ page, extensionId }) => {
    await emulate(page, look);
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const section = page.getByRole('region', { name: 'Reading comfort' });
    await expect(section.getByRole('radio', { name: /Dotted line/ })).toBeChecked();
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: pathFor(look, 'options') });
  });

  test(`screenshot (${look.name}): the welcome page, with its live example explaining a word`, async ({ page, extensionId }) => {
    await emulate(page, look);
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/welcome.html`);
    await waitForFullScan(page);
    await hoverTerm(page, 'immunotherapy');
    await expect(popoverHeading(page)).toHaveText('Immunotherapy');
    await page.screenshot({ path: pathFor(look, 'welcome') });
  });
}

test('screenshot (for looking only): the keyboard notice, and a term at the largest text size', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await tabs.open(`${server.url}/keyboard.html`);
  await page.setViewportSize({ width: 1000, height: 700 });
  await waitForFullScan(page);
  await page.evaluate(() => {
    const text = document.querySelector('#plain')!.firstChild!;
    getSelection()!.setBaseAndExtent(text, 21, text, 29); // "notebook"
  });
  const run = () =>
    serviceWorker.evaluate(
      (id) => (globalThis as unknown as { termlightRunCommand: (c: string, t: { id: number }) => Promise<boolean> }).termlightRunCommand('explain-selection', { id }),
      tabId,
    );
  await run();
  await expect(popover(page)).toHaveAccessibleName('No explanation for this');
  await page.screenshot({ path: test.info().outputPath('notice-light.png') });
  await page.keyboard.press('Escape');

  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ textSize: 150 }),
  );
  await page.evaluate(() => {
    const text = document.querySelector('#first')!.firstChild!;
    getSelection()!.setBaseAndExtent(text, 12, text, 25); // "immunotherapy"
  });
  await run();
  await expect(popoverHeading(page)).toHaveText('Immunotherapy');
  await expect.poll(() => popover(page).evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
  await page.keyboard.press(']');
  await expect(popoverHeading(page)).toHaveText('Tumor');
  await page.screenshot({ path: test.info().outputPath('large-text-keyboard-light.png') });
});
