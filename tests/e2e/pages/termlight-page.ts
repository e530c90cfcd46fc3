/**
 * Page helpers for Termlight's end-to-end tests.
 *
 * Termlight marks terms with the CSS Custom Highlight API (`CSS.highlights` entry 'termlight'); the content
 * script and the page share that registry, so tests read it with page.evaluate. Highlights get no events, so
 * hover is simulated by moving the real mouse over a range's on-screen box. The UI lives in a `termlight-ui`
 * element with an open shadow root (Playwright locators pierce it).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const HIGHLIGHT_NAME = 'termlight';
export const UI_TAG = 'termlight-ui';

/** Number of ranges in the 'termlight' highlight (0 when it does not exist). */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT_NAME);
}

/** Waits until the 'termlight' highlight has at least `min` ranges; returns the count. */
export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await expect
    .poll(() => highlightCount(page), {
      message: `waiting for at least ${min} range(s) in CSS.highlights.get('${HIGHLIGHT_NAME}')`,
      timeout,
    })
    .toBeGreaterThanOrEqual(min);
  return highlightCount(page);
}

/**
 * Waits until the highlight count has stayed the same for `quietMs` (the scan and any re-scan after DOM
 * changes have finished); returns the count. Use before asserting that something is NOT highlighted.
 */
export async function waitForStableHighlights(page: Page, quietMs = 500, timeout = 10_000): Promise<number> {
  const deadline = Date.now() + timeout;
  let last = await highlightCount(page);
  let since = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await highlightCount(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return now;
    }
    if (Date.now() > deadline) throw new Error(`highlight count still changing after ${timeout} ms (last ${now})`);
  }
}

/** The text of every range in the 'termlight' highlight, in the highlight's (insertion) order. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate((name) => {
    const toText = (r: AbstractRange): string => {
      if (r instanceof Range) return r.toString();
      const live = document.createRange(); // StaticRange has no toString()
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    return [...(CSS.highlights.get(name) ?? [])].map(toText);
  }, HIGHLIGHT_NAME);
}

export interface HighlightInfo {
  text: string;
  /** `data-zone` of the closest ancestor of the range's start (or end) that has one, else null. */
  zone: string | null;
  /** `id` of that ancestor, else null. */
  zoneId: string | null;
  /** `data-trap` of that ancestor (which look-alike it is), else null. */
  trap: string | null;
  /** Lower-case tag names from the range's start container up to <body>. */
  path: string[];
  /** True when start and end share a parent element. */
  sameParent: boolean;
}

/**
 * Where each highlighted range sits in the page: the zone (`data-zone` attribute, see
 * tests/fixtures/pages/traps.html) of its start and end, and the elements around it.
 */
export function highlightDetails(page: Page): Promise<HighlightInfo[]> {
  return page.evaluate((name) => {
    const elementOf = (n: Node): Element | null => (n instanceof Element ? n : n.parentElement);
    const zoneOf = (n: Node) => elementOf(n)?.closest('[data-zone]') ?? null;
    return [...(CSS.highlights.get(name) ?? [])].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const zoneEl = zoneOf(r.startContainer) ?? zoneOf(r.endContainer);
      const path: string[] = [];
      for (let el = elementOf(r.startContainer); el && el !== document.body; el = el.parentElement) {
        path.push(el.tagName.toLowerCase());
      }
      return {
        text: live.toString(),
        zone: zoneEl?.getAttribute('data-zone') ?? null,
        zoneId: zoneEl?.id || null,
        trap: zoneEl?.getAttribute('data-trap') ?? null,
        path,
        sameParent: elementOf(r.startContainer) === elementOf(r.endContainer),
      };
    });
  }, HIGHLIGHT_NAME);
}

/**
 * Scrolls the first highlighted range whose text is exactly `text` into view and moves the mouse to the
 * centre of its first line box. Throws if no such range exists.
 */
export async function hoverTerm(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ name, text }) => {
      for (const r of CSS.highlights.get(name) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== text) continue;
        const el = r.startContainer instanceof Element ? r.startContainer : r.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
        // A range that wraps has several boxes; use the first (its centre is on the term's text).
        const box = live.getClientRects()[0] ?? live.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    { name: HIGHLIGHT_NAME, text },
  );
  if (!point) {
    const texts = await highlightedTexts(page);
    throw new Error(`hoverTerm: no highlighted range reads ${JSON.stringify(text)}; highlighted: ${JSON.stringify(texts)}`);
  }
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

/** The Termlight UI host element(s). */
export function termlightUi(page: Page): Locator {
  return page.locator(UI_TAG);
}

/** The popover (role="dialog") inside the Termlight UI's shadow root. */
export function popover(page: Page): Locator {
  return page.locator(`${UI_TAG} >> [role="dialog"]`);
}
