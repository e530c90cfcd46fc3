/**
 * A short form the page teaches: "major histocompatibility complex (MHC)" where the glossary has the
 * long form but not the bare "MHC". On that page "MHC" is marked as our entry, before and after the
 * definition, explained with our card and the page's words, and listed among the page's terms.
 */
import { test, expect } from './fixtures';
import { entry } from './pages/glossary-data';
import { rangesOf } from './pages/highlight-names';
import { askPageTerms } from './pages/popup-page';
import { hoverWord, popover, waitForHighlights, waitForStableHighlights } from './pages/termlight-page';

test('a short form the page defines with our entry\'s long form is marked as that entry, with our card', async ({ page, server }) => {
  await page.goto(`${server.url}/taught.html`);
  await waitForHighlights(page, 1);
  // Taught after the definitions are read (after the scan): wait for them in the glossary layer.
  await expect.poll(() => rangesOf(page, 'terms')).toEqual(expect.arrayContaining(['mhc-before:MHC', 'mhc-def:MHC', 'mhc-use:MHC']));
  await waitForStableHighlights(page);
  // Not in the quieter layer of what only the page defines; an abbreviation we lack still is.
  const pageLayer = await rangesOf(page, 'page');
  expect(pageLayer.filter((r) => r.endsWith(':MHC'))).toEqual([]);
  expect(pageLayer).toEqual(expect.arrayContaining(['nlr-use:NLR']));

  await hoverWord(page, 'mhc-use', 'MHC');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: entry('hla').term })).toBeVisible();
  await expect(dialog).toContainText('In plain words (Termlight)');
  await expect(dialog).not.toContainText('has not checked');
  const onPage = dialog.getByRole('region', { name: 'What this page says' });
  await expect(onPage).toContainText('On this page:');
  await expect(onPage).toContainText('MHC: major histocompatibility complex');
});

test("the popup's terms for the page count the taught short form under its entry", async ({ tabs, serviceWorker, server }) => {
  const taught = await tabs.open(`${server.url}/taught.html`);
  await waitForHighlights(taught.page, 1);
  await expect.poll(() => rangesOf(taught.page, 'terms')).toContain('mhc-use:MHC');
  const reply = (await askPageTerms(serviceWorker, taught.tabId)) as Awaited<ReturnType<typeof askPageTerms>> & {
    pageDefined: Array<{ term: string }>;
  };
  // The long form once, "MHC" three times.
  expect(reply.terms).toContainEqual({ id: 'hla', count: 4 });
  expect(reply.pageDefined.map((d) => d.term)).toEqual(['NLR']);
});
