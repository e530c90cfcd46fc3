/**
 * The toolbar popup, opened as a page about the article's tab (`popup.html?tab=<id>`): its switches act on
 * open tabs at once, its "On this page" list agrees with what is highlighted, and its glossary search
 * forgives typos.
 */
import { test, expect } from './fixtures';
import { highlightName, highlightNamesIn } from './pages/highlight-names';
import { entry, entryIdOf, glossary } from './pages/glossary-data';
import {
  cardHeading,
  askPageTerms,
  listedPageTerms,
  pageTermsSection,
  searchBox,
  storedSettings,
  switches,
} from './pages/popup-page';
import {
  highlightCount,
  highlightedTexts,
  hoverTerm,
  popover,
  termlightUi,
  waitForHighlights,
  waitForStableHighlights,
} from './pages/termlight-page';
import type { Page } from '@playwright/test';

/** Names of every Termlight highlight registered in the page (the terms and the hovered term). */
async function termlightHighlightNames(page: Page): Promise<string[]> {
  const ours = Object.values(await highlightNamesIn(page));
  return page.evaluate((ours) => [...CSS.highlights.keys()].filter((name) => ours.includes(name)), ours);
}

/** Waits for the article's scan to finish and returns the number of highlighted terms. */
async function scannedCount(page: Page): Promise<number> {
  await waitForHighlights(page, 2);
  return waitForStableHighlights(page, 300);
}

test('the first switch turns Termlight off in the open tab at once, and back on', async ({ tabs, server, serviceWorker }) => {
  const article = await tabs.open(`${server.url}/article.html`);
  const count = await scannedCount(article.page);
  const termPoint = await hoverTerm(article.page, 'PD-L1');
  await expect(popover(article.page)).toBeVisible();

  const popup = await tabs.popup(article.tabId);
  await expect(switches(popup)).toHaveCount(2);
  const [everywhere, site] = [switches(popup).nth(0), switches(popup).nth(1)];
  await expect(everywhere).toHaveAccessibleName('Explain terms on pages');
  await expect(everywhere).toBeChecked();
  await expect(site).toHaveAccessibleName('On this site (127.0.0.1)');
  await expect(site).toBeEnabled();

  await everywhere.click();
  await expect(everywhere).not.toBeChecked();
  // No reload: the open tab drops every highlight and its open popover.
  await expect.poll(() => highlightCount(article.page)).toBe(0);
  await expect.poll(() => termlightHighlightNames(article.page)).toEqual([]);
  await expect(popover(article.page)).toHaveCount(0);
  await expect(termlightUi(article.page)).toHaveCount(0);
  expect(await storedSettings(serviceWorker)).toMatchObject({ enabled: false });
  await expect(site).toBeDisabled();
  await expect(pageTermsSection(popup)).toContainText('Termlight is switched off.');

  // Pointing at the term again opens nothing.
  await article.page.bringToFront();
  await article.page.mouse.move(termPoint.x, termPoint.y + 60, { steps: 2 });
  await article.page.mouse.move(termPoint.x, termPoint.y, { steps: 2 });
  await article.page.waitForTimeout(600); // well past the 150 ms hover delay
  await expect(popover(article.page)).toHaveCount(0);
  expect(await highlightCount(article.page)).toBe(0);

  await popup.bringToFront();
  await everywhere.click();
  await expect(everywhere).toBeChecked();
  await expect(site).toBeEnabled();
  await expect.poll(() => highlightCount(article.page), { timeout: 10_000 }).toBe(count);
  expect(await waitForStableHighlights(article.page, 300)).toBe(count);

  await article.page.bringToFront();
  await hoverTerm(article.page, 'PD-L1');
  await expect(popover(article.page)).toBeVisible();
});

test('"On this site" turns Termlight off for 127.0.0.1 only, and the choice survives a reload', async ({
  tabs,
  server,
  serviceWorker,
}) => {
  // Each tab is counted while it is the one in front: a tab sent behind another has its timers slowed, so
  // its last far-off text can be marked after a 300 ms quiet spell (a clean-clone run counted 103 and 104).
  const here = await tabs.open(`${server.url}/article.html`);
  const count = await scannedCount(here.page);
  const other = await tabs.open(`${server.altUrl}/article.html`); // same page, another site (localhost)
  expect(await scannedCount(other.page)).toBe(count);

  const popup = await tabs.popup(here.tabId);
  const site = switches(popup).nth(1);
  await expect(site).toHaveAccessibleName('On this site (127.0.0.1)');
  await expect(site).toBeChecked();

  await site.click();
  await expect(site).not.toBeChecked();
  await expect.poll(() => highlightCount(here.page)).toBe(0);
  await expect(switches(popup).nth(0)).toBeChecked();
  expect(await storedSettings(serviceWorker)).toMatchObject({ disabledSites: ['127.0.0.1'] });
  await expect(pageTermsSection(popup)).toContainText('Termlight is off on this site.');
  // The other site keeps every highlight.
  expect(await waitForStableHighlights(other.page)).toBe(count);

  // Still off after reloading the page (and in a popup opened afresh).
  await here.page.reload();
  expect(await askPageTerms(serviceWorker, here.tabId)).toEqual({ host: '127.0.0.1', terms: [], pageDefined: [] });
  expect(await waitForStableHighlights(here.page, 300)).toBe(0);
  await popup.reload();
  await expect(switches(popup).nth(1)).toHaveAccessibleName('On this site (127.0.0.1)');
  await expect(switches(popup).nth(1)).not.toBeChecked();

  await switches(popup).nth(1).click();
  await expect(switches(popup).nth(1)).toBeChecked();
  await expect.poll(() => highlightCount(here.page), { timeout: 10_000 }).toBe(count);
  expect(await waitForStableHighlights(here.page, 300)).toBe(count);
  expect(await highlightCount(other.page)).toBe(count);
  expect(await storedSettings(serviceWorker)).toMatchObject({ disabledSites: [] });
});

test('"On this page" lists each term with the number of times it is highlighted, and the everyday words it explains unmarked', async ({ tabs, server }) => {
  const article = await tabs.open(`${server.url}/article.html`);
  await scannedCount(article.page);

  // From the page: name the glossary entry of every highlighted range and count them per entry.
  const expected: Record<string, number> = {};
  const pageText = await article.page.evaluate(() => document.body.innerText);
  for (const text of await highlightedTexts(article.page)) {
    const term = entry(entryIdOf(text, pageText)).term;
    expected[term] = (expected[term] ?? 0) + 1;
  }
  expect(Object.keys(expected).length).toBeGreaterThan(5);

  const popup = await tabs.popup(article.tabId);
  const listed = await listedPageTerms(popup);
  // Everyday words ("surgery") are not marked on the page, but the popup lists them too.
  const everyday = new Set(glossary.entries.filter((e) => e.everyday).map((e) => e.term));
  expect(Object.fromEntries([...listed].filter(([term]) => !everyday.has(term)))).toEqual(expected);
  const unmarked = [...listed.keys()].filter((term) => everyday.has(term));
  expect(unmarked.length).toBeGreaterThan(0);
  for (const term of unmarked) expect(expected, term).not.toHaveProperty(term);
  // Most frequent first.
  const counts = [...listed.values()];
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
});

test("\"On this page\" also lists the page's own abbreviations, with the page's words, marked unchecked", async ({ tabs, server }) => {
  const defs = await tabs.open(`${server.url}/definitions.html`);
  await scannedCount(defs.page);
  // The quieter page-only layer is what the popup reports.
  await expect
    .poll(async () => defs.page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].length, await highlightName(defs.page, 'page')))
    .toBeGreaterThan(0);
  const popup = await tabs.popup(defs.tabId);
  const section = popup.locator('[aria-labelledby="tl-page-defined-heading"]');
  await expect(section).toBeVisible();
  await expect(section).toContainText("The page's own words. Termlight has not checked them.");
  await expect(section.locator('.tl-defined-item', { hasText: 'NLR' })).toContainText('neutrophil-to-lymphocyte ratio');
  // The page's other meaning of one of our abbreviations is listed, and said to differ.
  await expect(section.locator('.tl-defined-item', { hasText: 'TMB' })).toContainText('This page uses it differently from Termlight.');
});

test('glossary search forgives a typo, and related terms lead from card to card', async ({ tabs }) => {
  const immunotherapy = entry('immunotherapy');
  const related = entry(immunotherapy.related[0]!);

  const popup = await tabs.popup();
  await searchBox(popup).fill('imunotherapy');
  const results = popup.getByRole('list', { name: 'Search results' }).getByRole('button');
  await expect(results.first()).toHaveAttribute('data-entry-id', 'immunotherapy');
  await expect(results.first()).toContainText('Immunotherapy');

  await results.first().click();
  await expect(cardHeading(popup)).toHaveText('Immunotherapy');
  await expect(popup.locator('.tl-card')).toContainText(immunotherapy.definition);

  await popup.locator('.tl-card').getByRole('button', { name: related.term, exact: true }).click();
  await expect(cardHeading(popup)).toHaveText(related.term);
  await expect(popup.locator('.tl-card')).toContainText(related.definition);

  // Back retraces one card at a time, then returns to the search as it was.
  await popup.getByRole('button', { name: 'Back' }).click();
  await expect(cardHeading(popup)).toHaveText('Immunotherapy');
  await popup.getByRole('button', { name: 'Back' }).click();
  await expect(cardHeading(popup)).toHaveCount(0);
  await expect(searchBox(popup)).toHaveValue('imunotherapy');
  await expect(results.first()).toBeFocused();
});
