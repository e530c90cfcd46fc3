/**
 * The popover over a fullscreen element (tests/fixtures/pages/fullscreen.html): a fullscreen element sits
 * in the browser's top layer and covers everything else, so a popover that is merely "z-index: max" would
 * be hidden behind it, and one in the top layer is drawn but gets no pointer events in Chromium. What
 * the reader sees and points at, at the popover's centre, must be the popover itself.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { entry } from './pages/glossary-data';
import { UI_TAG, hoverTerm, popover, popoverBox, termlightUi, waitForHighlights } from './pages/termlight-page';

/** What is drawn at the popover's centre: 'popover' when it is our dialog, else the page element's tag#id. */
async function topmostAtPopoverCentre(page: Page): Promise<string> {
  const box = await popoverBox(page);
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  return page.evaluate(
    ({ x, y, tag }) => {
      const hit = document.elementFromPoint(x, y);
      if (hit?.matches(tag)) {
        const inner = hit.shadowRoot?.elementFromPoint(x, y);
        return inner?.closest('[role="dialog"]') ? 'popover' : `${tag} (not the dialog)`;
      }
      return hit ? `${hit.localName}#${hit.id}` : 'nothing';
    },
    { x, y, tag: UI_TAG },
  );
}

/** Where our UI host is: 'html' (its home, after <body>) or the tag#id of the page element holding it. */
function hostParent(page: Page): Promise<string | null> {
  return page.evaluate((tag) => {
    const parent = document.querySelector(tag)?.parentElement;
    return parent ? (parent === document.documentElement ? 'html' : `${parent.localName}#${parent.id}`) : null;
  }, UI_TAG);
}

async function enterFullscreen(page: Page): Promise<void> {
  // requestFullscreen() needs a user gesture: a real click on the page's own button.
  await page.getByRole('button', { name: 'Read fullscreen' }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('reader');
}

test('the popover shows above a fullscreen element, and drops back to the page afterwards', async ({ page, server }) => {
  await page.goto(`${server.url}/fullscreen.html`);
  await waitForHighlights(page, 2);
  await enterFullscreen(page);

  await hoverTerm(page, 'PD-L1');
  await expect(popover(page)).toBeVisible();
  await expect(popover(page).locator('.tl-card-term')).toHaveText(entry('pd-l1').term);
  expect(await topmostAtPopoverCentre(page)).toBe('popover');
  const shots = resolve('test-results', 'fullscreen');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: resolve(shots, 'popover-over-fullscreen.png') });

  // Usable, not just visible: the pointer can go into it and press its buttons.
  const related = entry(entry('pd-l1').related[0]!).term;
  await popover(page).getByRole('button', { name: related, exact: true }).click();
  await expect(popover(page).locator('.tl-card-term')).toHaveText(related);
  // The page keeps its focus and its fullscreen state.
  expect(await page.evaluate(() => document.fullscreenElement?.id)).toBe('reader');
  expect(await hostParent(page)).toBe('div#reader');

  // Closed, our element leaves the page's fullscreen element at once.
  await popover(page).getByRole('button', { name: 'Close explanation' }).click();
  await expect(popover(page)).toBeHidden();
  expect(await hostParent(page)).toBe('html');

  // After fullscreen, the popover opens where it always does (after <body>), on top.
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await hoverTerm(page, 'immunotherapy');
  await expect(popover(page).locator('.tl-card-term')).toHaveText(entry('immunotherapy').term);
  expect(await topmostAtPopoverCentre(page)).toBe('popover');
  expect(await hostParent(page)).toBe('html');
});

test('entering fullscreen while a popover is open lifts it above the fullscreen element', async ({ page, server }) => {
  await page.goto(`${server.url}/fullscreen.html`);
  await waitForHighlights(page, 2);
  await hoverTerm(page, 'PD-L1');
  await expect(popover(page)).toBeVisible();
  expect(await hostParent(page)).toBe('html');

  // Keyboard-activated, so the pointer stays on the term and the popover stays open.
  await page.getByRole('button', { name: 'Read fullscreen' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('reader');
  // The term moved (the reader now fills the screen): the popover follows it or closes; hovering again opens it.
  await hoverTerm(page, 'PD-L1');
  await expect(popover(page)).toBeVisible();
  expect(await topmostAtPopoverCentre(page)).toBe('popover');
  expect(await hostParent(page)).toBe('div#reader');
});

test('a popover left open when fullscreen ends goes back after <body>', async ({ page, server }) => {
  await page.goto(`${server.url}/fullscreen.html`);
  await waitForHighlights(page, 2);
  await enterFullscreen(page);
  await hoverTerm(page, 'PD-L1');
  await expect(popover(page)).toBeVisible();
  expect(await hostParent(page)).toBe('div#reader');
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => hostParent(page)).toBe('html');
  await expect(termlightUi(page)).toHaveCount(1);
});
