/**
 * The hover popover on the article: what it shows, where it goes (never over the term, always inside the
 * viewport), how it stays open and closes (grace period, Escape, scrolling away), and the related-term trail.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { highlightName } from './pages/highlight-names';
import { entry, entryIdOf, glossary } from './pages/glossary-data';
import {
  boxesOverlap,
  hoverTerm,
  moveMouseTo,
  placeTermAt,
  popover,
  popoverBox,
  popoverHeading,
  termlightUi,
  waitForFullScan,
  type PlaceTermOptions,
  type ViewportBox,
} from './pages/termlight-page';

/** Ranges in the hovered-term highlight: 1 while a popover is open for a term. */
async function activeHighlightSize(page: Page): Promise<number> {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, await highlightName(page, 'active'));
}

/** The product's close grace period (entrypoints/content/hover/hover.ts CLOSE_GRACE_MS). */
const CLOSE_GRACE_MS = 350;


async function openArticle(page: Page, url: string, viewport?: { width: number; height: number }): Promise<void> {
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  await waitForFullScan(page);
}

function isInside(inner: ViewportBox, viewport: { width: number; height: number }): boolean {
  return inner.left >= 0 && inner.top >= 0 && inner.right <= viewport.width && inner.bottom <= viewport.height;
}

test('hovering a term shows the term, its explanation and the article quote', async ({ page, server }) => {
  await openArticle(page, `${server.url}/article.html`);
  const term = await placeTermAt(page, { text: 'PD-L1', top: 120 });
  const pdl1 = entry('pd-l1');
  await moveMouseTo(page, term);

  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName(pdl1.term);
  await expect(popoverHeading(page)).toHaveText(pdl1.term);
  await expect(dialog).toContainText(pdl1.definition);
  await expect(dialog.getByRole('heading', { name: 'From the article' })).toBeVisible();
  await expect(dialog.locator('blockquote').first()).toHaveText(pdl1.passages[0]!);
  await expect(dialog).toContainText(`Source: ${glossary.source.title}`);
});

const positions: Array<{ where: string; viewport: { width: number; height: number }; place: PlaceTermOptions; side: string }> = [
  { where: 'near the top', viewport: { width: 1280, height: 720 }, place: { top: 4 }, side: 'below' },
  { where: 'near the bottom', viewport: { width: 1280, height: 720 }, place: { top: -30 }, side: 'above' },
  // A narrow window, so the text runs to the right edge; the term starts too far right for a 380 px popover.
  { where: 'near the right edge', viewport: { width: 560, height: 720 }, place: { top: 200, minLeft: 330 }, side: 'below' },
];

for (const { where, viewport, place, side } of positions) {
  test(`a term ${where} of the viewport: the popover stays inside it and off the term`, async ({ page, server }) => {
    await openArticle(page, `${server.url}/article.html`, viewport);
    const term = await placeTermAt(page, place);
    await moveMouseTo(page, term);
    await expect(popover(page)).toBeVisible();
    // The popover shows the term that was pointed at.
    await expect(popoverHeading(page)).toHaveText(entry(entryIdOf(term.text, await page.evaluate(() => document.body.innerText))).term);
    await expect(popover(page)).toHaveAttribute('data-side', side);

    const box = await popoverBox(page);
    const message = `popover ${JSON.stringify(box)}, term ${JSON.stringify(term)}`;
    expect(boxesOverlap(box, term), `the popover covers the term: ${message}`).toBe(false);
    expect(isInside(box, term.viewport), `the popover leaves the viewport: ${message}`).toBe(true);
    if (side === 'below') expect(box.top, message).toBeGreaterThanOrEqual(term.bottom);
    else expect(box.bottom, message).toBeLessThanOrEqual(term.top);
    // Aligned with the term's left edge, unless that would leave the viewport: then slid left.
    if (place.minLeft !== undefined) expect(box.left, message).toBeLessThan(term.left);
    else expect(Math.abs(box.left - term.left), message).toBeLessThanOrEqual(1);
  });
}

test('a term that wraps onto a second line: the popover covers neither line of it', async ({ page, server }) => {
  // A narrow window (500 px, about the narrowest a desktop browser window gets) where a long term breaks
  // with a long second part at the start of the next line, under where the popover goes.
  await openArticle(page, `${server.url}/article.html`, { width: 500, height: 720 });
  const term = await placeTermAt(page, { top: 100, lines: 2, minLastLineRight: 150 });
  await moveMouseTo(page, term.lines[0]!); // point at the first part
  await expect(popover(page)).toBeVisible();
  await expect(popoverHeading(page)).toHaveText(entry(entryIdOf(term.text, await page.evaluate(() => document.body.innerText))).term);

  const box = await popoverBox(page);
  const covered = term.lines.filter((line) => boxesOverlap(box, line));
  expect(covered, `popover ${JSON.stringify(box)} covers part of "${term.text}" ${JSON.stringify(term.lines)}`).toEqual([]);
  expect(isInside(box, term.viewport)).toBe(true);
});

test('the popover stays open while the pointer is in it, and closes after a grace period when it leaves', async ({
  page,
  server,
}) => {
  await openArticle(page, `${server.url}/article.html`, { width: 1280, height: 720 });
  const term = await placeTermAt(page, { text: 'PD-L1', top: 150 });
  const from = await moveMouseTo(page, term);
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  const box = await popoverBox(page);

  // Straight down from the term into the popover, across the small gap between them.
  await page.mouse.move(from.x, box.top + 40, { steps: 4 });
  await page.waitForTimeout(800); // well past the grace period
  await expect(dialog).toBeVisible();
  await expect(popoverHeading(page)).toHaveText('PD-L1');

  // Out to empty space left of the article's column: closes, but not before the grace period.
  const column = await page.locator('main > article').boundingBox();
  expect(column!.x).toBeGreaterThan(40);
  const leftAt = Date.now();
  await page.mouse.move(10, box.top + 40, { steps: 2 });
  await expect(dialog).toBeHidden({ timeout: 3_000 });
  expect(Date.now() - leftAt).toBeGreaterThanOrEqual(CLOSE_GRACE_MS - 50);
});

test('Escape closes the popover, also when focus is inside it', async ({ page, server }) => {
  await openArticle(page, `${server.url}/article.html`);
  const dialog = popover(page);

  await hoverTerm(page, 'PD-L1');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.mouse.move(5, 5);
  await hoverTerm(page, 'PD-L1');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close explanation' }).focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the ✕ button closes the popover like Escape: the term is unmarked and opens again when pointed at', async ({
  page,
  server,
}) => {
  await openArticle(page, `${server.url}/article.html`, { width: 1280, height: 720 });
  const term = await placeTermAt(page, { text: 'PD-L1', top: 150 });
  const at = await moveMouseTo(page, term);
  await expect(popover(page)).toBeVisible();
  expect(await activeHighlightSize(page), 'the hovered term is marked').toBe(1);

  await popover(page).getByRole('button', { name: 'Close explanation' }).click();
  await expect(popover(page)).toBeHidden();
  await expect.soft
    .poll(() => activeHighlightSize(page), { message: 'the term is still marked as hovered', timeout: 1_000 })
    .toBe(0);

  // Away to empty space, then back onto the same term: it opens again.
  await page.mouse.move(10, at.y, { steps: 3 });
  await expect(popover(page)).toBeHidden();
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await expect(popover(page)).toBeVisible({ timeout: 2_000 });
  await expect(popoverHeading(page)).toHaveText('PD-L1');
});

test('a popover dismissed with Escape while it is still loading does not appear afterwards', async ({ page, server }) => {
  // The popover's stylesheet is fetched the first time a popover opens on a page. Hold that fetch back so
  // that Escape lands while the first popover is on its way (on a busy computer this takes a moment).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let loading!: () => void;
  const started = new Promise<void>((resolve) => (loading = resolve));
  await page.route(/\/assets\/reader\.css$/, async (route) => {
    loading();
    await held;
    await route.continue();
  });

  await openArticle(page, `${server.url}/article.html`);
  await hoverTerm(page, 'PD-L1');
  await started; // the popover has been asked to open
  await page.keyboard.press('Escape');
  release();

  await expect(termlightUi(page)).toHaveCount(1); // the UI is mounted: its stylesheet has arrived
  await page.waitForTimeout(300);
  await expect(popover(page)).toHaveCount(0, { timeout: 1_000 });
  expect(await activeHighlightSize(page), 'the term is still marked as hovered').toBe(0);
});

test('the popover follows its term while it scrolls, and closes once the term is out of view', async ({ page, server }) => {
  await openArticle(page, `${server.url}/article.html`, { width: 1280, height: 720 });
  // A term far enough right that part of the popover hangs over the empty margin right of the article:
  // the pointer waits there, so when the popover closes nothing is under the pointer to reopen it.
  const term = await placeTermAt(page, { top: 100, minLeft: 700 });
  const from = await moveMouseTo(page, term);
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  const box = await popoverBox(page);
  const column = (await page.locator('main > article').boundingBox())!;
  const parkX = box.right - 12;
  expect(parkX, 'the pointer parks outside the article column').toBeGreaterThan(column.x + column.width + 4);
  await page.mouse.move(from.x, box.top + 30, { steps: 3 });
  await page.mouse.move(parkX, box.top + 30, { steps: 3 });
  await expect(dialog).toBeVisible();

  // A small scroll: the term is still on screen and the popover moves with it.
  await page.evaluate(() => window.scrollBy({ top: 20, behavior: 'instant' }));
  await expect.poll(async () => Math.round((await popoverBox(page)).top)).toBe(Math.round(box.top - 20));
  await expect(dialog).toBeVisible();

  // Scroll the term out of view (above the top edge): the popover closes.
  await page.evaluate((by) => window.scrollBy({ top: by, behavior: 'instant' }), Math.ceil(term.bottom) + 20);
  await expect(dialog).toBeHidden({ timeout: 2_000 });
});

test('a related term opens inside the popover, and Back returns to the first term', async ({ page, server }) => {
  const pdl1 = entry('pd-l1');
  const related = entry(pdl1.related[0]!);
  await openArticle(page, `${server.url}/article.html`, { width: 1280, height: 720 });
  const term = await placeTermAt(page, { text: 'PD-L1', top: 100 });
  await moveMouseTo(page, term);
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Back/ })).toHaveCount(0);

  await dialog.getByRole('button', { name: related.term, exact: true }).click();
  await expect(popoverHeading(page)).toHaveText(related.term);
  await expect(dialog).toContainText(related.definition);
  await expect(dialog).toHaveAccessibleName(related.term);

  await dialog.getByRole('button', { name: /Back/ }).click();
  await expect(popoverHeading(page)).toHaveText(pdl1.term);
  await expect(dialog).toContainText(pdl1.definition);
  await expect(dialog.getByRole('button', { name: /Back/ })).toHaveCount(0);
  await expect(dialog).toBeVisible();
});

test('the popover explaining "prognosis" fits whole below its term (the README screenshot scene)', async ({ page, server }) => {
  await openArticle(page, `${server.url}/article.html`, { width: 1000, height: 760 });
  // Near the top: at 380 px wide the card and its "Save question" row are about 650 px tall, so in a
  // 760 px window they only fit whole below a term in the top ~90 px.
  const term = await placeTermAt(page, { text: 'prognosis', top: 40 });
  await moveMouseTo(page, term);
  await expect(popover(page)).toBeVisible();
  await expect(popoverHeading(page)).toHaveText('Prognosis');
  const box = await popoverBox(page);
  // The whole card fits: no scrolling inside it, nothing cut off, and the term stays visible.
  expect(await popover(page).evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  expect(boxesOverlap(box, term)).toBe(false);
  expect(isInside(box, term.viewport)).toBe(true);
  // The picture itself is taken by screenshots.spec.ts (light and dark).
});
