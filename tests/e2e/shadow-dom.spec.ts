import { test, expect } from './fixtures';
import { highlightName, type HighlightRole } from './pages/highlight-names';
import { highlightedTexts, hoverTerm, popover, waitForHighlights, waitForStableHighlights } from './pages/termlight-page';

/** How often each highlighted text occurs. */
async function counts(page: import('@playwright/test').Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await highlightedTexts(page)) out[t.toLowerCase()] = (out[t.toLowerCase()] ?? 0) + 1;
  return out;
}

test('terms inside open shadow roots (nested too) are highlighted; closed roots and editors are left alone', async ({ page, server }) => {
  await page.goto(`${server.url}/shadow.html`);
  await waitForHighlights(page, 4);
  await waitForStableHighlights(page);
  const found = await counts(page);
  expect(found).toMatchObject({ chemoradiation: 1, brachytherapy: 1, immunotherapy: 1, 'immune system': 1, 'clinical trial': 1, 'monoclonal antibody': 1 });
  expect(found).not.toHaveProperty('metastasis'); // in a closed shadow root
  expect(found).not.toHaveProperty('biomarker'); // in an editor inside a shadow root
});

test('a term inside a shadow root explains on hover', async ({ page, server }) => {
  await page.goto(`${server.url}/shadow.html`);
  await waitForHighlights(page, 4);
  await hoverTerm(page, 'monoclonal antibody');
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).toContainText(/monoclonal antibod/i);
});

test('components added later and text changed inside a shadow root are read', async ({ page, server }) => {
  await page.goto(`${server.url}/shadow.html`);
  await waitForHighlights(page, 4);
  await waitForStableHighlights(page);
  await page.evaluate(() => (window as unknown as { addCard(): void }).addCard());
  await expect.poll(async () => (await counts(page)).immunotherapy).toBe(2);
  await page.evaluate(() => (window as unknown as { editInner(): void }).editInner());
  // The edited text says "a biomarker test", which is one term now (biomarker testing).
  await expect.poll(async () => (await counts(page))['biomarker test']).toBe(1);
  // The edited text's old term is gone from the first card (the added card still has its own).
  await expect.poll(async () => (await counts(page)).immunotherapy).toBe(1);
});

test('what the page defines is followed inside shadow roots: page-only terms marked, redefined terms not ours', async ({ page, server }) => {
  await page.goto(`${server.url}/shadow.html`);
  await waitForHighlights(page, 4);
  await waitForStableHighlights(page);
  /** Texts of one highlight's ranges that sit inside a shadow root. */
  const inShadow = async (role: HighlightRole) =>
    page.evaluate(
      (name) =>
        [...(CSS.highlights.get(name) ?? [])]
          .filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot)
          .map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset)),
      await highlightName(page, role),
    );
  // The light DOM defines NLR (not in our glossary) and gives TMB another meaning.
  await expect.poll(() => inShadow('page')).toEqual(expect.arrayContaining(['NLR', 'TMB']));
  expect(await inShadow('terms')).not.toContain('TMB');
});
