/**
 * One load of one page, with or without Termlight: blocks and records every request that leaves the local
 * server, collects the page's errors (and, with Termlight, errors in Termlight's own code), waits for the
 * page (and the scan) to settle, takes a snapshot, and with Termlight hovers a highlighted term to check
 * the popover opens and changes nothing else.
 */
import { UI_TAG } from '../e2e/pages/termlight-page';
import type { BrowserContext, Page } from '@playwright/test';
import { inPage, inPageJson } from './in-page';
import { waitForIdle, waitForTermlight } from './settle';
import { takeSnapshot, type PageSnapshot } from './snapshot';
import { watchTermlight } from './termlight-watch';

// The card's host is a plain div with a closed shadow root on real pages; the content script's world
// is told (as in the e2e tests) to open it and mark it, so the snapshot can leave it out and the hover
// check can see the card.
export { UI_TAG };

/**
 * Run in the extension's service worker: tells the content script's world in every tab to open the
 * card's shadow root and mark its host (as the e2e tests do), so the hover check can see the card.
 * A string, not a function: tsx (which runs this tool) wraps named functions in a `__name` helper
 * that does not exist in the worker or the page. All frames at once fails as a whole when one frame
 * takes no scripts (a browser error page for an ad frame whose host did not resolve): then the top
 * frame alone. A frame can also never answer (bbc-1.html's: the all-frames call stayed pending for
 * minutes and held the whole check), so each call gets 15 s (a busy 5 MB page needs more than 3) before the next target is tried.
 */
const OPEN_CARD_ROOTS = `(async () => {
  const inTime = (promise) => Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error('no answer')), 15000))]);
  for (const tab of await chrome.tabs.query({})) {
    for (const target of [{ tabId: tab.id, allFrames: true }, { tabId: tab.id, frameIds: [0] }]) {
      try {
        await inTime(chrome.scripting.executeScript({ target, func: () => { globalThis.openShadowRootForTests = true; } }));
        break;
      } catch {}
    }
  }
})()`;

/** No snapshot before this long after the load event (longer than a typical scan). */
const MIN_PAGE_AGE_MS = 1500;

export interface VisitOptions {
  /** True for the browser with the extension: wait for the scan, watch Termlight's errors, hover. */
  termlight: boolean;
  /** Navigation timeout (ms). */
  timeout?: number;
  /** Extra wait after loading, before the snapshot (e.g. for a big page to be scanned to the end). */
  ready?: (page: Page) => Promise<void>;
}

export interface VisitResult {
  snapshot: PageSnapshot | null;
  /** Navigation failures and renderer crashes. */
  failure: string | null;
  /** console.error messages and uncaught errors reported in the page. */
  pageErrors: string[];
  /** With Termlight: errors thrown or logged by Termlight's own code. */
  termlightErrors: string[];
  /** Requests to anywhere but the local server (none can leave: see browsers.ts). */
  foreign: string[];
  /** With Termlight: requests made by Termlight's own code (to any URL but the extension's own files). */
  termlightRequests: string[];
  /** With Termlight: ranges in all registered highlights (their names are random per page), or null when Termlight never started. */
  highlights: number | null;
  /** With Termlight: what hovering a term did (null: no term could be hovered). */
  hover: { opened: boolean; after: PageSnapshot } | null;
  ms: number;
  /** Time spent in each step (ms), for finding where a slow page spends it. */
  phases: Record<string, number>;
}

export function isLocalUrl(url: string, origin: string): boolean {
  return url.startsWith(origin + '/') || /^(data|blob|chrome-extension|about):/.test(url);
}


export async function visit(context: BrowserContext, url: string, origin: string, options: VisitOptions): Promise<VisitResult> {
  const started = Date.now();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const result: VisitResult = { snapshot: null, failure: null, pageErrors: [], termlightErrors: [], foreign: [], termlightRequests: [], highlights: null, hover: null, ms: 0, phases: {} };
  let mark = Date.now();
  const phase = (name: string) => {
    result.phases[name] = Date.now() - mark;
    mark = Date.now();
  };
  page.on('request', (r) => void (isLocalUrl(r.url(), origin) || result.foreign.push(r.url())));
  page.on('pageerror', (e) => result.pageErrors.push(`uncaught: ${e.message.split('\n')[0]}`));
  page.on('console', (m) => void (m.type() === 'error' && result.pageErrors.push(`console.error: ${m.text().slice(0, 200)}`)));
  page.on('crash', () => (result.failure = 'the renderer crashed'));
  const watch = options.termlight ? await watchTermlight(context, page) : null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: options.timeout ?? 20_000 });
    phase('load');
    const loaded = Date.now();
    if (options.termlight) result.highlights = await waitForTermlight(page);
    if (options.ready) {
      await options.ready(page);
      if (options.termlight) result.highlights = await waitForTermlight(page);
    }
    // Pages keep changing after load (timers, lazy content): both modes snapshot at a similar age.
    await page.waitForTimeout(Math.max(0, MIN_PAGE_AGE_MS - (Date.now() - loaded)));
    phase('scan');
    await waitForIdle(page);
    phase('idle');
    result.snapshot = await inPageJson(page, takeSnapshot, UI_TAG);
    phase('snapshot');
    if (options.termlight && result.highlights) {
      // Opens the card's (closed) shadow root and marks its host, in this tab's content-script world.
      const worker = page.context().serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      if (worker) await worker.evaluate(OPEN_CARD_ROOTS).catch(() => undefined);
      result.hover = await hoverFirstTerm(page);
    }
    phase('hover');
  } catch (err) {
    result.failure ??= String(err instanceof Error ? err.message : err).split('\n')[0]!;
  } finally {
    result.termlightErrors = watch?.errors() ?? [];
    result.termlightRequests = (watch?.requests() ?? []).filter((u) => !u.startsWith('chrome-extension://'));
    result.ms = Date.now() - started;
    // Page state (localStorage, cookies) stays, as it would for a reader: every mode visits pages in the same order.
    await page.close().catch(() => {});
  }
  return result;
}

/** Hovers the first highlighted term that is on screen and not covered; reports whether the popover opened. */
async function hoverFirstTerm(page: Page): Promise<VisitResult['hover']> {
  const point = await inPage(
    page,
    () => {
      for (const r of [...CSS.highlights.values()].flatMap((h) => [...h])) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const box = live.getClientRects()[0];
        if (!box || box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth || box.width < 2) continue;
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.contains(r.startContainer)) return { x, y };
      }
      return null;
    },
    null,
  );
  if (!point) return null;
  await page.mouse.move(point.x, point.y, { steps: 3 });
  const opened = await page
    .waitForFunction(
      (tag) => {
        const dialog = document.querySelector(tag)?.shadowRoot?.querySelector('[role="dialog"]');
        return !!dialog && dialog.getBoundingClientRect().width > 0 && getComputedStyle(dialog).visibility !== 'hidden';
      },
      UI_TAG,
      { timeout: 5000 },
    )
    .then(() => true, () => false);
  await waitForIdle(page, 1000);
  return { opened, after: await inPageJson(page, takeSnapshot, UI_TAG) };
}
