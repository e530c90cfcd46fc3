/**
 * Painting near the viewport, with a fake window: positions come from a stubbed
 * getBoundingClientRect, frames run when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { MARGIN_VIEWPORTS, PAINT_FREELY, paintNearViewport } from '../../../../entrypoints/content/terms/near-viewport';
import type { FoundTerm, TermIndexListener } from '../../../../entrypoints/content/terms/term-index';
import { fakeWindow, VIEWPORT } from '../../support/fake-window';

/** A term whose paragraph sits at page y `top` (20 px high); `scrollY` as the window reports it. */
function termAt(top: number, page: { win: Window }): FoundTerm {
  const parentElement = {
    getBoundingClientRect: () => ({ top: top - page.win.scrollY, bottom: top + 20 - page.win.scrollY, width: 100, height: 20 }),
  };
  return { node: { parentElement } as unknown as Text, match: { start: 0, end: 3, id: 'x', fuzzy: false }, range: {} as AbstractRange };
}

function recorder() {
  const painted = new Set<FoundTerm>();
  const layer: TermIndexListener = {
    added: (terms) => terms.forEach((t) => painted.add(t)),
    removed: (terms) => terms.forEach((t) => painted.delete(t)),
    flush: () => {},
  };
  return { painted, layer };
}

describe('paintNearViewport', () => {
  it('paints the first terms at once and holds back the far ones until the reader scrolls near them', () => {
    const page = fakeWindow();
    const { painted, layer } = recorder();
    const near = paintNearViewport(page.win, layer);
    const first = Array.from({ length: PAINT_FREELY }, (_, i) => termAt(10 + i, page));
    const close = termAt(VIEWPORT * (1 + MARGIN_VIEWPORTS) - 100, page);
    const far = termAt(50_000, page);
    near.added([...first, close, far]);
    expect(painted.size).toBe(PAINT_FREELY);
    page.runFrames();
    expect(painted.has(close)).toBe(true);
    expect(painted.has(far)).toBe(false);
    page.scrollTo(49_500);
    page.runFrames();
    expect(painted.has(far)).toBe(true);
    near.dispose();
  });

  it('forgets removed terms, painted, waiting or held', () => {
    const page = fakeWindow();
    const { painted, layer } = recorder();
    const near = paintNearViewport(page.win, layer);
    const first = Array.from({ length: PAINT_FREELY }, (_, i) => termAt(10 + i, page));
    const waiting = termAt(60_000, page);
    const held = termAt(70_000, page);
    near.added([...first, held]);
    page.runFrames();
    near.added([waiting]);
    near.removed([first[0]!, waiting, held]);
    page.scrollTo(59_500);
    page.runFrames();
    page.scrollTo(69_500);
    page.runFrames();
    expect(painted.has(first[0]!)).toBe(false);
    expect(painted.has(waiting)).toBe(false);
    expect(painted.has(held)).toBe(false);
    expect(painted.size).toBe(PAINT_FREELY - 1);
    near.dispose();
  });
});
