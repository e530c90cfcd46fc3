/**
 * Termlight in frames (tests/fixtures/pages/frames.html): a same-origin iframe, an about:srcdoc frame and
 * an about:blank frame written by a script are each read by their own content script, and a term in a
 * frame opens a popover inside that frame. A 1×1 frame (a tracker's shape) is never scanned. Only the top
 * page answers the popup's "which terms are on this page?".
 */
import { test, expect, type ChromeApi } from './fixtures';
import { frameById, frameHighlights, framePopover, hoverTermInFrame, waitForFrameHighlight } from './pages/frame-helpers';
import { entry } from './pages/glossary-data';
import { popover, termlightUi, waitForStableHighlights } from './pages/termlight-page';

const FRAMES = [
  { id: 'same-origin', term: 'PD-L1', entryId: 'pd-l1' },
  { id: 'srcdoc', term: 'CAR-T', entryId: 'car-t-cell-therapy' },
  { id: 'scripted', term: 'TMB', entryId: 'tumor-mutational-burden' },
] as const;

test('terms in same-origin, srcdoc and script-written frames are highlighted', async ({ page, server }) => {
  await page.goto(`${server.url}/frames.html`);
  await waitForStableHighlights(page);
  expect(await frameHighlights(page.mainFrame())).toEqual(['immunotherapy']);
  for (const { id, term } of FRAMES) {
    const frame = await frameById(page, id);
    await waitForFrameHighlight(frame, term);
  }
});

for (const { id, term, entryId } of FRAMES) {
  test(`hovering a term in the ${id} frame opens a popover inside that frame`, async ({ page, server }) => {
    await page.goto(`${server.url}/frames.html`);
    const frame = await frameById(page, id);
    await waitForFrameHighlight(frame, term);
    await hoverTermInFrame(page, frame, term);

    const dialog = framePopover(frame);
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.tl-card-term')).toHaveText(entry(entryId).term);
    // The frame's own UI, not the top page's: the top page was never touched.
    await expect(termlightUi(page)).toHaveCount(0);
    await expect(popover(page)).toHaveCount(0);
    // Leaving the term closes it (Escape reaches only the focused document, which is the top page).
    await page.mouse.move(5, 5, { steps: 2 });
    await expect(dialog).toBeHidden();
  });
}

test('a frame from another site follows both switches: its own site and the page\'s', async ({ page, server, serviceWorker }) => {
  const setDisabled = (sites: string[]) =>
    serviceWorker.evaluate(
      (sites) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ disabledSites: sites }),
      sites,
    );
  try {
    await page.goto(`${server.url}/frames.html`);
    const other = await frameById(page, 'other-site');
    await waitForFrameHighlight(other, 'PD-L1');
    // "Off on this site" for the page (127.0.0.1) switches off the framed localhost page too.
    await setDisabled(['127.0.0.1']);
    await expect.poll(() => frameHighlights(other)).toBeNull();
    await expect.poll(() => frameHighlights(page.mainFrame())).toBeNull();
    // Off for the framed site only: the page keeps its highlights, the frame has none.
    await setDisabled(['localhost']);
    await expect.poll(async () => (await frameHighlights(page.mainFrame())) ?? []).toContain('immunotherapy');
    expect(await frameHighlights(other)).toBeNull();
  } finally {
    await setDisabled([]);
  }
});

test('a 1×1 frame is not scanned, even though it holds a glossary term', async ({ page, server }) => {
  await page.goto(`${server.url}/frames.html`);
  // By the time every visible frame is highlighted, the tiny one would have been too.
  for (const { id, term } of FRAMES) await waitForFrameHighlight(await frameById(page, id), term);
  const tiny = await frameById(page, 'tiny');
  expect(await tiny.evaluate(() => document.body.textContent)).toContain('Chemoradiation');
  expect(await frameHighlights(tiny)).toBeNull();

  // Grown to a readable size, it is read.
  await page.locator('iframe#tiny').evaluate((el: HTMLIFrameElement) => {
    el.style.width = '400px';
    el.style.height = '100px';
  });
  await waitForFrameHighlight(tiny, 'Chemoradiation');
});

test('only the top page answers the popup: frames never replace its terms with their own', async ({ tabs, server, serviceWorker }) => {
  const { page, tabId } = await tabs.open(`${server.url}/frames.html`);
  for (const { id, term } of FRAMES) await waitForFrameHighlight(await frameById(page, id), term);
  await waitForStableHighlights(page);
  for (let i = 0; i < 5; i++) {
    const reply = await serviceWorker.evaluate(
      (tab) =>
        (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(tab, { type: 'termlight:page-terms' }),
      tabId,
    );
    expect(reply).toEqual({ host: '127.0.0.1', terms: [{ id: 'immunotherapy', count: 1 }], pageDefined: [] });
  }
});
