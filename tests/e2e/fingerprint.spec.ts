/**
 * A page must not be able to tell that Termlight is installed. This page script (the page's own
 * world, as any site or ad script would run) looks for it by every means the README's privacy
 * section lists, after the page is read and a card was opened, and finds nothing named: no
 * "termlight", "glossary" or "cancer" in highlight names, their computed styles, style sheets,
 * element names, attributes, open shadow roots, globals or resource timings. It reads the
 * registry and the DOM only from the page (it never asks the content script, which would open
 * the card's shadow root for the other tests: see pages/highlight-names.ts).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const NAMED = /termlight|glossary|cancer/i;

// As on any real page: the card's shadow root stays closed.
test.use({ openCardRoots: false });

/** Everything a page script can see, as strings. */
function probe(page: Page): Promise<{ names: string[]; seen: string[] }> {
  return page.evaluate(() => {
    const seen: string[] = [];
    const names = [...CSS.highlights.keys()];
    seen.push(...names);
    const el = document.querySelector('p') ?? document.body;
    for (const guess of ['termlight', 'termlight-page', 'termlight-soft', 'termlight-page-soft', 'termlight-active', ...names]) {
      const cs = getComputedStyle(el, `::highlight(${guess})`);
      seen.push(`${cs.textDecoration} ${cs.backgroundColor} ${cs.color}`);
    }
    const sheets = [...document.styleSheets, ...document.adoptedStyleSheets];
    for (const sheet of sheets) {
      seen.push(sheet.href ?? '');
      try {
        seen.push(...[...sheet.cssRules].map((r) => r.cssText));
      } catch {
        seen.push('(unreadable sheet)');
      }
    }
    const elements = [...document.querySelectorAll('*')];
    for (const e of elements) {
      seen.push(e.tagName, e.id, e.className.toString());
      for (const a of e.attributes) seen.push(a.name, a.value.slice(0, 200));
      // An open shadow root would let the page read the card (which says what it explains).
      if (e.shadowRoot) seen.push(`open shadow root on ${e.tagName}: ${e.shadowRoot.innerHTML}`);
    }
    seen.push(...Object.getOwnPropertyNames(window), ...Object.keys(document));
    seen.push(...performance.getEntriesByType('resource').map((r) => r.name));
    seen.push(...Object.keys(localStorage), ...Object.keys(sessionStorage));
    return { names, seen };
  });
}

test('a page script finds nothing that names Termlight, and the names change with each load', async ({ page, server }) => {
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));
  const loads: string[][] = [];
  for (let i = 0; i < 2; i++) {
    await page.goto(`${server.url}/article.html`);
    // Read by Termlight: some highlight with ranges is registered (found from the page side only).
    await expect.poll(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => h.size > 0))).toBe(true);
    // Open a card: hover the first marked word.
    const point = await page.evaluate(() => {
      for (const h of CSS.highlights.values()) {
        for (const r of h) {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          const box = live.getClientRects()[0];
          if (box && box.top > 0 && box.bottom < innerHeight) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return null;
    });
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y, { steps: 4 });
    // The card's host appears (a new element after <body>); it may be found, but not named.
    await expect.poll(() => page.evaluate(() => document.body.nextElementSibling !== null)).toBe(true);
    const { names, seen } = await probe(page);
    expect(seen.filter((s) => NAMED.test(s))).toEqual([]);
    expect(await page.evaluate(() => (document.body.nextElementSibling as HTMLElement).shadowRoot)).toBeNull();
    loads.push(names);
  }
  expect(logged.filter((s) => NAMED.test(s))).toEqual([]);
  // Names from one load are not used again by the next.
  expect(loads[0]!.length).toBeGreaterThan(0);
  expect(loads[1]!.filter((n) => loads[0]!.includes(n))).toEqual([]);
});
