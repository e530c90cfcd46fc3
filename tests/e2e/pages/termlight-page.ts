/**
 * Page helpers for Termlight's end-to-end tests.
 *
 * Termlight marks terms with the CSS Custom Highlight API (`CSS.highlights`, under a random name per page load: highlight-names.ts); the content
 * script and the page share that registry, so tests read it with page.evaluate. Highlights get no events, so
 * hover is simulated by moving the real mouse over a range's on-screen box. The UI lives in a `div with a shadow
 * root, open in these tests (Playwright locators pierce it; see highlight-names.ts).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { highlightNamesIn } from './highlight-names';

/**
 * The card's host element: a plain `div` with a closed shadow root on real pages; in these tests the
 * content script's world is told to open it and mark it (see highlight-names.ts), so locators find it.
 */
export const UI_TAG = 'div[data-test-ui]';

/** The random name this page load registered its glossary terms' highlight under. */
export async function termsName(page: Page): Promise<string> {
  return (await highlightNamesIn(page)).terms;
}

/** Number of ranges in the terms' highlight (0 when it does not exist). */
export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, await termsName(page));
}

/** Waits until the terms' highlight has at least `min` ranges; returns the count. */
export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await expect
    .poll(() => highlightCount(page), {
      message: `waiting for at least ${min} range(s) in the terms' highlight`,
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

/** The text of every range in the terms' highlight, in the highlight's (insertion) order. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate((name) => {
    const toText = (r: AbstractRange): string | null => {
      if (r instanceof Range) return r.toString();
      // A StaticRange outlives an edit of its text until the rescan replaces it; the browser
      // paints nothing for one that no longer fits its node, so neither do we.
      const fits = (node: Node, offset: number) => offset <= (node.nodeType === 3 ? (node as Text).length : node.childNodes.length);
      if (!fits(r.startContainer, r.startOffset) || !fits(r.endContainer, r.endOffset)) return null;
      const live = document.createRange(); // StaticRange has no toString()
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    return [...(CSS.highlights.get(name) ?? [])].map(toText).filter((t): t is string => t !== null);
  }, await termsName(page));
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
export async function highlightDetails(page: Page): Promise<HighlightInfo[]> {
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
  }, await termsName(page));
}

/**
 * Scrolls the first highlighted range whose text is exactly `text` into view and moves the mouse to the
 * centre of its first line box. Waits up to `timeout` for such a range: highlight changes are painted at
 * shared moments (at once, then up to 1 s apart: terms/highlights.ts), so a term lower on the page can join
 * the highlight a moment after the first ones. Throws if none comes.
 */
export async function hoverTerm(page: Page, text: string, timeout = 10_000): Promise<{ x: number; y: number }> {
  const name = await termsName(page);
  const deadline = Date.now() + timeout;
  let point = await findTerm(page, name, text);
  while (!point && Date.now() < deadline) {
    await page.waitForTimeout(50);
    point = await findTerm(page, name, text);
  }
  if (!point) {
    const texts = await highlightedTexts(page);
    throw new Error(`hoverTerm: no highlighted range reads ${JSON.stringify(text)}; highlighted: ${JSON.stringify(texts)}`);
  }
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

/** The centre of the first line box of the first range in the highlight `name` reading `text`, scrolled into view. */
function findTerm(page: Page, name: string, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
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
    { name, text },
  );
}

/** The Termlight UI host element(s). */
export function termlightUi(page: Page): Locator {
  return page.locator(UI_TAG);
}

/** The role (or tag) of the focused element inside Termlight's UI, or null when focus is not in it. */
export function focusInPopover(page: Page): Promise<string | null> {
  return page.evaluate((tag) => {
    const el = document.querySelector(tag)?.shadowRoot?.activeElement;
    return el ? (el.getAttribute('role') ?? el.tagName.toLowerCase()) : null;
  }, UI_TAG);
}

/** The popover (role="dialog") inside the Termlight UI's shadow root. */
export function popover(page: Page): Locator {
  return page.locator(`${UI_TAG} >> [role="dialog"]`);
}

/** A box in viewport (CSS pixel) coordinates. */
export interface ViewportBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacedTerm extends ViewportBox {
  /** The highlighted text. */
  text: string;
  /** One box per line the term occupies (the outer box is their union). */
  lines: ViewportBox[];
  /** The viewport the term was placed in: `document.documentElement.clientWidth` (no scrollbar) and innerHeight. */
  viewport: { width: number; height: number };
}

export interface PlaceTermOptions {
  /** Only ranges whose text equals this, ignoring case. */
  text?: string;
  /** Where the term's top edge should end up, in viewport pixels; negative counts from the bottom. */
  top: number;
  /** Only terms whose (first line's) left edge is at least this far right (viewport pixels). */
  minLeft?: number;
  /** Only terms that occupy this many lines (default 1). */
  lines?: number;
  /** Only terms whose last line box ends at least this far right (viewport pixels). */
  minLastLineRight?: number;
}

/**
 * Scrolls the page so that a highlighted term that sits on one line, or `options.lines` lines (and matches
 * `options`), has its top edge at `options.top`, and returns its box after scrolling. Terms the page cannot scroll to that position are
 * skipped. Throws when no highlighted term qualifies.
 */
export async function placeTermAt(page: Page, options: PlaceTermOptions): Promise<PlacedTerm> {
  const placed = await page.evaluate(
    ({ name, options }) => {
      const root = document.scrollingElement ?? document.documentElement;
      const maxScroll = root.scrollHeight - innerHeight;
      const wantTop = options.top >= 0 ? options.top : innerHeight + options.top;
      for (const r of CSS.highlights.get(name) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const text = live.toString();
        if (options.text !== undefined && text.toLowerCase() !== options.text.toLowerCase()) continue;
        const rects = live.getClientRects();
        if (rects.length !== (options.lines ?? 1)) continue;
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        if (options.minLeft !== undefined && first.left < options.minLeft) continue;
        if (options.minLastLineRight !== undefined && last.right < options.minLastLineRight) continue;
        const box0 = live.getBoundingClientRect();
        const scrollTo = box0.top + scrollY - wantTop;
        if (scrollTo < 0 || scrollTo > maxScroll) continue;
        window.scrollTo({ top: scrollTo, behavior: 'instant' });
        const box = live.getBoundingClientRect();
        const lines = [...live.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
        return {
          text,
          lines,
          left: box.left,
          top: box.top,
          right: box.right,
          bottom: box.bottom,
          viewport: { width: document.documentElement.clientWidth, height: innerHeight },
        };
      }
      return null;
    },
    { name: await termsName(page), options },
  );
  if (!placed) {
    const texts = await highlightedTexts(page);
    throw new Error(`placeTermAt: no highlighted term fits ${JSON.stringify(options)}; highlighted: ${JSON.stringify(texts)}`);
  }
  return placed;
}

/** Moves the real mouse to the centre of `box` (in a few steps, like a hand would). */
export async function moveMouseTo(page: Page, box: ViewportBox, steps = 4): Promise<{ x: number; y: number }> {
  const point = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
  await page.mouse.move(point.x, point.y, { steps });
  return point;
}

/** The popover's box in viewport coordinates (throws when it is not shown). */
export async function popoverBox(page: Page): Promise<ViewportBox> {
  const box = await popover(page).boundingBox();
  if (!box) throw new Error('popover is not shown');
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

/** True when the two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: ViewportBox, b: ViewportBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The term heading shown in the popover (the card's `.tl-card-term`). */
export function popoverHeading(page: Page): Locator {
  return popover(page).locator('.tl-card-term');
}

const settledCounts = new Map<string, number>();

/**
 * Waits until the page's scan has (very probably) finished and returns the highlight count. The first call
 * for a URL in a worker waits for the count to settle (`waitForStableHighlights`) and remembers it; later
 * calls for the same URL only wait until that many ranges are there, which is much faster. For tests that
 * need the scan done but do not assert the count itself.
 */
export async function waitForFullScan(page: Page, quietMs = 300): Promise<number> {
  const url = page.url();
  const known = settledCounts.get(url);
  if (known !== undefined) return waitForHighlights(page, known);
  await waitForHighlights(page, 1);
  const count = await waitForStableHighlights(page, quietMs);
  settledCounts.set(url, count);
  return count;
}

/** Moves the mouse onto `word` inside the element with `id` (first occurrence), marked or not. */
export async function hoverWord(page: Page, id: string, word: string): Promise<void> {
  const point = await page.evaluate(
    ([id, word]) => {
      const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(word);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + word.length);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      throw new Error(`no "${word}" in #${id}`);
    },
    [id, word] as const,
  );
  await page.mouse.move(point.x, point.y, { steps: 3 });
}
