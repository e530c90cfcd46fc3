/**
 * Screenshots of the popover, the popup and the options page in the light and dark colour schemes
 * (tests/screenshots/*-light.png, *-dark.png, shown in the README), and in forced colours (high
 * contrast; written to test-results/ only, for looking at). Each also checks what must hold for the
 * picture to be useful: the popover fits whole and off its term.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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

/*
 * Store images (store/, listed in store/listing.md): screenshots at 1280×800 and the 440×280 promo
 * tile, the sizes the Chrome Web Store asks for (addons.mozilla.org takes the same). Real pages where a
 * page can be shown whole; the popup, which is smaller, is placed on a plain stage with a caption.
 * tests/unit/tooling/store-images.test.ts checks the sizes of the files.
 */
const STORE_DIR = resolve(ROOT, 'store');
const STORE_SIZE = { width: 1280, height: 800 };
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

const STAGE_CSS = `
  html, body { margin: 0; height: 100%; }
  body { display: flex; align-items: center; justify-content: center; gap: 56px; background: #eef3f6; color: #1d2125;
    font-family: system-ui, 'Liberation Sans', Arial, sans-serif; }
  img.shot { border-radius: 12px; box-shadow: 0 8px 30px rgb(0 0 0 / 0.18); }
  .caption { max-width: 480px; }
  .caption h1 { margin: 0 0 16px; font-size: 40px; line-height: 1.15; color: #285672; }
  .caption p { margin: 0; font-size: 24px; line-height: 1.45; }`;

/** Renders `body` on a blank page of `size` (no network: images are data: URLs) and saves it in store/. */
async function stage(page: Page, size: { width: number; height: number }, css: string, body: string, file: string) {
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><html lang="en"><head><style>${css}</style></head><body>${body}</body></html>`);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  mkdirSync(STORE_DIR, { recursive: true });
  await page.screenshot({ path: resolve(STORE_DIR, file) });
}

async function storeCardShot(page: Page, serverUrl: string, scheme: 'light' | 'dark', file: string) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize(STORE_SIZE);
  await page.goto(`${serverUrl}/article.html`);
  // A calm reading column; in dark, the page's own text colour (#222) is made light, as a dark site's would be.
  await page.addStyleTag({ content: 'body { max-width: 46rem; margin: 0 auto; padding: 0 24px; font-size: 19px; line-height: 1.6; }' });
  if (scheme === 'dark') await page.addStyleTag({ content: 'html { background: #121212; } body { color: #ddd; }' });
  await waitForFullScan(page);
  const term = await placeTermAt(page, { text: 'prognosis', top: 200 });
  await moveMouseTo(page, term);
  await expect(popoverHeading(page)).toHaveText('Prognosis');
  expect(boxesOverlap(await popoverBox(page), term)).toBe(false);
  mkdirSync(STORE_DIR, { recursive: true });
  await page.screenshot({ path: resolve(STORE_DIR, file) });
}

test.describe('store images', () => {
  test('screenshot 1 and 4: the card on the article, light and dark (1280×800)', async ({ page, server }) => {
    await storeCardShot(page, server.url, 'light', 'screenshot-1-card.png');
    await page.keyboard.press('Escape');
    await storeCardShot(page, server.url, 'dark', 'screenshot-4-card-dark.png');
  });

  test('screenshot 2: the popup, with a caption (1280×800)', async ({ tabs, server, context }) => {
    const article = await tabs.open(`${server.url}/article.html`);
    await waitForFullScan(article.page);
    const popup = await tabs.popup(article.tabId);
    await popup.setViewportSize({ width: 360, height: 700 });
    await expect(popup.getByRole('region', { name: 'On this page' }).getByRole('button').first()).toBeVisible();
    const shot = await popup.screenshot();
    const board = await context.newPage();
    await stage(
      board,
      STORE_SIZE,
      STAGE_CSS,
      `<img class="shot" src="${dataUrl(shot)}" width="360" height="700" alt="">
       <div class="caption"><h1>Every term on the page, one click away</h1>
       <p>The toolbar button lists the words Termlight found, searches the whole glossary (typos are fine), and
       switches Termlight off for a site or everywhere.</p></div>`,
      'screenshot-2-popup.png',
    );
    await board.close();
  });

  test('screenshot 3: reading comfort and my terms on the options page (1280×800)', async ({ page, extensionId }) => {
    await page.setViewportSize(STORE_SIZE);
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const section = page.getByRole('region', { name: 'Reading comfort' });
    await expect(section.getByRole('radio', { name: /Dotted line/ })).toBeChecked();
    await section.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    mkdirSync(STORE_DIR, { recursive: true });
    await page.screenshot({ path: resolve(STORE_DIR, 'screenshot-3-reading-comfort.png') });
  });

  test('the small promo tile (440×280)', async ({ page }) => {
    const icon = readFileSync(resolve(ROOT, 'public/icon/128.png'));
    await stage(
      page,
      { width: 440, height: 280 },
      `html, body { margin: 0; height: 100%; }
       body { display: flex; align-items: center; gap: 22px; padding: 0 30px; box-sizing: border-box;
         background: #285672; color: #fff; font-family: system-ui, 'Liberation Sans', Arial, sans-serif; }
       h1 { margin: 0 0 8px; font-size: 40px; }
       p { margin: 0; font-size: 19px; line-height: 1.35; }`,
      `<img src="${dataUrl(icon)}" width="96" height="96" alt="">
       <div><h1>Termlight</h1><p>Cancer-care words explained in plain language, right where you read them.</p></div>`,
      'promo-tile-440x280.png',
    );
  });
});
