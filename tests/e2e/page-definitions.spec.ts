import { test, expect } from './fixtures';
import { rangesOf } from './pages/highlight-names';
import { hoverWord, popover, waitForHighlights, waitForStableHighlights } from './pages/termlight-page';

test.beforeEach(async ({ page, server }) => {
  await page.goto(`${server.url}/definitions.html`);
  await waitForHighlights(page, 1);
  await waitForStableHighlights(page);
});

test('a glossary term the page defines shows our explanation, the article quote and the page words, labelled', async ({ page }) => {
  await hoverWord(page, 'irae-use', 'irAEs');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Immune-related adverse events (irAEs)' })).toBeVisible();
  await expect(dialog).toContainText('In plain words (Termlight)');
  await expect(dialog).toContainText('From the article');
  const onPage = dialog.getByRole('region', { name: 'What this page says' });
  await expect(onPage).toContainText('On this page:');
  await expect(onPage).toContainText('irAEs: Immune-related adverse events');
  await expect(onPage).toContainText('the page’s own words');
});

test('a page-defined term whose entry quotes nothing shows our explanation and the page words, without an article section', async ({ page }) => {
  await hoverWord(page, 'til-use', 'TILs');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Tumor-infiltrating lymphocytes (TILs)' })).toBeVisible();
  await expect(dialog).toContainText('In plain words (Termlight)');
  await expect(dialog).not.toContainText('From the article');
  const onPage = dialog.getByRole('region', { name: 'What this page says' });
  await expect(onPage).toContainText('TILs: tumor-infiltrating lymphocytes');
});

test("a sentence where the page defines a glossary term is shown as the page's words", async ({ page }) => {
  await hoverWord(page, 'biomarker-use', 'biomarker');
  const dialog = popover(page);
  await expect(dialog.getByRole('heading', { name: /Biomarker/ })).toBeVisible();
  const onPage = dialog.getByRole('region', { name: 'What this page says' });
  await expect(onPage).toContainText('A biomarker is a substance in your blood or tumor that doctors can measure.');
  await expect(dialog).toContainText('In plain words (Termlight)');
});

test('a page that gives our abbreviation another meaning is followed: our entry is not shown', async ({ page }) => {
  expect(await rangesOf(page, 'terms')).not.toContain('tmb-use:TMB');
  expect(await rangesOf(page, 'page')).toEqual(expect.arrayContaining(['tmb-def:TMB', 'tmb-use:TMB']));
  await hoverWord(page, 'tmb-use', 'TMB');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Defined on this page');
  await expect(dialog).toContainText('TMB: total metabolic burden');
  await expect(dialog).toContainText('follows the page');
  await expect(dialog).not.toContainText('Tumor mutational burden');
});

test('an abbreviation only the page defines gets the quieter highlight and the page words, marked unchecked', async ({ page }) => {
  expect(await rangesOf(page, 'page')).toEqual(expect.arrayContaining(['nlr-def:NLR', 'nlr-use:NLR']));
  await hoverWord(page, 'nlr-use', 'NLR');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('NLR: neutrophil-to-lymphocyte ratio');
  await expect(dialog).toContainText('has not checked');
});

test('a page definition written as HTML is shown as inert text', async ({ page }) => {
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'evil';
    // Text, not markup: the page shows these tags as characters, and so must Termlight.
    p.textContent = 'A zebra <b>quick</b> xylophone (ZQX), and later ZQX.';
    document.body.append(p);
  });
  await expect.poll(() => rangesOf(page, 'page')).toContain('evil:ZQX');
  await hoverWord(page, 'evil', 'later ZQX');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('ZQX: zebra <b>quick</b> xylophone');
  await expect(dialog.locator('b, img')).toHaveCount(0);
});
