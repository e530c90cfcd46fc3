/**
 * Reading comfort settings in the real browser: chosen on the options page or in the popup, stored
 * locally (only what the reader changed), and applied to an open tab at once, without a reload.
 * Content scripts run in an isolated world, but CSS.highlights registrations are shared with the page,
 * so the page's own CSS.highlights shows which style is painted.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { askPageTerms, storedSettings } from './pages/popup-page';
import { entry } from './pages/glossary-data';
import { popover, popoverHeading, waitForFullScan } from './pages/termlight-page';
import { highlightName, highlightNamesIn } from './pages/highlight-names';

/**
 * Sizes of every registered Termlight highlight that marks terms (not the hovered-term one), by role
 * ('terms', 'soft', …: the names themselves are random per page load).
 */
async function markNames(page: Page): Promise<Record<string, number>> {
  const names = await highlightNamesIn(page);
  const marks = Object.entries(names).filter(([role]) => role !== 'active');
  return page.evaluate(
    (marks) =>
      Object.fromEntries(
        marks.flatMap(([role, name]) => {
          const h = CSS.highlights.get(name);
          return h && h.size > 0 ? [[role, h.size]] : [];
        }),
      ),
    marks,
  );
}

/** Points the mouse at the first occurrence of `text` in the page, found in the text itself (not in a highlight). */
async function pointAtText(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(text);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + text.length);
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  }, text);
  expect(point, `"${text}" on the page`).not.toBeNull();
  await page.mouse.move(point!.x, point!.y, { steps: 4 });
}

/**
 * Finds the first "PD-L1" mark in document order and tags its text node (an expando in the page's world,
 * where the highlight's ranges point at the same nodes). Returns its offset.
 */
async function markFirstPdl1(page: Page): Promise<{ offset: number }> {
  return page.evaluate((name) => {
    const ranges = [...CSS.highlights.get(name)!].filter((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString() === 'PD-L1';
    });
    ranges.sort((a, b) =>
      a.startContainer === b.startContainer
        ? a.startOffset - b.startOffset
        : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    );
    (ranges[0]!.startContainer as Node & { firstPdl1?: boolean }).firstPdl1 = true;
    return { offset: ranges[0]!.startOffset };
  }, await highlightName(page, 'terms'));
}

/** The "PD-L1" marks now painted: whether each is in the tagged node, and where. */
async function pdl1Marks(page: Page): Promise<Array<{ first: boolean; offset: number }>> {
  return page.evaluate((name) =>
    [...(CSS.highlights.get(name) ?? [])]
      .filter((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString() === 'PD-L1';
      })
      .map((r) => ({ first: (r.startContainer as Node & { firstPdl1?: boolean }).firstPdl1 === true, offset: r.startOffset })),
    await highlightName(page, 'terms'),
  );
}

async function openOptions(page: Page, extensionId: string): Promise<Page> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Reading comfort' })).toBeVisible();
  return page;
}

test('the mark style chosen on the options page applies to an open tab at once; "No marks" still explains on hover', async ({
  tabs,
  server,
  page,
  extensionId,
  serviceWorker,
}) => {
  const article = await tabs.open(`${server.url}/article.html`);
  const all = await waitForFullScan(article.page);
  expect(await markNames(article.page)).toMatchObject({ terms: all });

  const options = await openOptions(page, extensionId);
  const marks = options.getByRole('group', { name: 'How words are marked' });
  await expect(marks.getByRole('radio', { name: /Dotted line/ })).toBeChecked();
  // Opening the page saves nothing: settings are written only when the reader changes one.
  expect(await storedSettings(serviceWorker)).toEqual({});

  await marks.getByRole('radio', { name: /Soft colour/ }).check();
  await expect.poll(() => markNames(article.page)).toMatchObject({ soft: all });
  expect(await markNames(article.page)).not.toHaveProperty('terms');
  expect(await storedSettings(serviceWorker)).toEqual({ highlightStyle: 'soft' });

  await marks.getByRole('radio', { name: /No marks/ }).check();
  await expect.poll(() => markNames(article.page)).toEqual({});
  await article.page.bringToFront();
  await pointAtText(article.page, 'PD-L1');
  await expect(popover(article.page)).toBeVisible();
  await expect(popoverHeading(article.page)).toHaveText('PD-L1');
  await article.page.keyboard.press('Escape');

  // First mentions only: one mark per term, in the first place it appears.
  await marks.getByRole('radio', { name: /Dotted line/ }).check();
  await expect.poll(() => markNames(article.page)).toMatchObject({ terms: all });
  const firstPdl1 = await markFirstPdl1(article.page);
  await options.getByRole('switch', { name: 'Mark a word only the first time' }).check();
  // Everyday words ("surgery") are found but never marked, first mention or not.
  const distinct = (await askPageTerms(serviceWorker, article.tabId)).terms.filter((t) => !entry(t.id).everyday).length;
  expect(distinct).toBeLessThan(all);
  await expect.poll(() => markNames(article.page)).toMatchObject({ terms: distinct });
  expect(await pdl1Marks(article.page)).toEqual([{ first: true, offset: firstPdl1.offset }]);

  await options.getByRole('switch', { name: 'Mark a word only the first time' }).uncheck();
  await expect.poll(() => markNames(article.page)).toMatchObject({ terms: all });
  expect(await storedSettings(serviceWorker)).toEqual({ highlightStyle: 'underline', firstMentionOnly: false });
});

test('the text size chosen in the popup applies to explanations in an open tab', async ({ tabs, server }) => {
  const article = await tabs.open(`${server.url}/article.html`);
  await waitForFullScan(article.page);
  const popup = await tabs.popup(article.tabId);
  await popup.getByLabel('Text size').selectOption({ label: 'Largest (150%)' });

  await article.page.bringToFront();
  await pointAtText(article.page, 'PD-L1');
  await expect(popover(article.page)).toBeVisible();
  const sizes = await popover(article.page).evaluate((el) => ({
    popover: getComputedStyle(el).fontSize,
    definition: getComputedStyle(el.querySelector('.tl-card-definition')!).fontSize,
    width: el.getBoundingClientRect().width,
  }));
  expect(sizes.popover).toBe('24px');
  expect(parseFloat(sizes.definition)).toBeGreaterThanOrEqual(24);
  expect(sizes.width).toBeGreaterThan(380);
});

test('a corrupt stored setting reads as the default and is kept until the reader changes it', async ({
  tabs,
  server,
  page,
  extensionId,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      highlightStyle: 'neon',
      textSize: 999,
    }),
  );
  const article = await tabs.open(`${server.url}/article.html`);
  const all = await waitForFullScan(article.page);
  expect(await markNames(article.page)).toMatchObject({ terms: all });

  const options = await openOptions(page, extensionId);
  await expect(options.getByRole('radio', { name: /Dotted line/ })).toBeChecked();
  await expect(options.getByRole('radio', { name: /Normal \(100%\)/ })).toBeChecked();
  expect(await storedSettings(serviceWorker)).toEqual({ highlightStyle: 'neon', textSize: 999 });

  await options.getByRole('radio', { name: /Soft colour/ }).check();
  await expect.poll(() => storedSettings(serviceWorker)).toEqual({ highlightStyle: 'soft', textSize: 999 });
});
