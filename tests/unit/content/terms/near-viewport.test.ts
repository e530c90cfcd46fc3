/**
 * Painting near the viewport, with a fake window: positions come from a stubbed
 * getBoundingClientRect, frames run when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { MARGIN_VIEWPORTS, PAINT_FREELY, paintNearViewport, type PaintTarget } from '../../../../entrypoints/content/terms/near-viewport';
import type { FoundTerm } from '../../../../entrypoints/content/terms/term-index';
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
  /** Of the painted terms, those added later (far from the screen: highlights.ts paints them at a moment that comes anyway). */
  const later = new Set<FoundTerm>();
  const flushes: boolean[] = [];
  const layer: PaintTarget = {
    added: (terms) => terms.forEach((t) => painted.add(t)),
    addLater: (terms) => terms.forEach((t) => (painted.add(t), later.add(t))),
    removed: (terms) => terms.forEach((t) => (painted.delete(t), later.delete(t))),
    flush: (now = false) => flushes.push(now),
  };
  return { painted, later, flushes, layer };
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

  it('paints what the first scan finds at once until it is past the screen; then the free terms on it now, the others later, never held', () => {
    const page = fakeWindow();
    const { painted, later, layer } = recorder();
    const near = paintNearViewport(page.win, layer);
    const firstBatch = [termAt(10, page), termAt(500, page)];
    near.added(firstBatch);
    // The first marks: at once, unmeasured.
    expect([...painted]).toEqual(firstBatch);
    page.runFrames();
    // Still on the screen: the next batch too, up to a term below it.
    const second = [termAt(600, page), termAt(40_000, page)];
    near.added(second);
    expect(painted.has(second[1]!)).toBe(true);
    page.runFrames();
    const onScreen = termAt(300, page);
    const below = termAt(30_000, page);
    near.added([onScreen, below]);
    // Measured in the next frame, as held terms are.
    expect(painted.has(onScreen)).toBe(false);
    page.runFrames();
    expect(painted.has(onScreen)).toBe(true);
    expect(later.has(onScreen)).toBe(false);
    // Far from the screen, but within the first PAINT_FREELY: painted (later), without waiting for the reader.
    expect(painted.has(below)).toBe(true);
    expect(later.has(below)).toBe(true);
    expect(later.has(second[1]!)).toBe(false);
    near.dispose();
  });

  it('paints the first free terms measured on the screen in that frame, the next ones at the next paint moment', () => {
    const page = fakeWindow();
    const { painted, flushes, layer } = recorder();
    const near = paintNearViewport(page.win, layer);
    near.added([termAt(30_000, page)]);
    page.runFrames();
    const first = termAt(100, page);
    near.added([first, termAt(20_000, page)]);
    page.runFrames();
    expect(painted.has(first)).toBe(true);
    expect(flushes).toEqual([true]);
    near.added([termAt(200, page)]);
    page.runFrames();
    expect(flushes).toEqual([true, false]);
    near.dispose();
  });

  it('paints free terms at once, unmeasured, when not measuring them (changes after the first scan)', () => {
    const page = fakeWindow();
    const { painted, later, layer } = recorder();
    let measuring = true;
    const near = paintNearViewport(page.win, layer, { firstAtOnce: false, measureFree: () => measuring });
    const firstBatch = termAt(30_000, page);
    near.added([firstBatch]);
    expect(painted.size).toBe(0);
    page.runFrames();
    expect(later.has(firstBatch)).toBe(true);
    measuring = false;
    const changed = termAt(40_000, page);
    near.added([changed]);
    expect(painted.has(changed)).toBe(true);
    expect(later.has(changed)).toBe(false);
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
