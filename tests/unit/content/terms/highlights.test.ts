import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightLayer, FIRST_GAP_MS, HIGHLIGHT_NAME, MAX_GAP_MS, PAGE_HIGHLIGHT_NAME, QUIET_MS } from '../../../../entrypoints/content/terms/highlights';
import type { FoundTerm } from '../../../../entrypoints/content/terms/term-index';

/** The Highlight API as far as the layer uses it: a set of ranges, registered by name. */
class FakeHighlight extends Set<AbstractRange> {}
const registry = new Map<string, FakeHighlight>();

let testNo = 0;
beforeEach(() => {
  vi.useFakeTimers();
  // Paint moments are shared by every layer of a page load (module state): each test starts a new burst,
  // later than the last test's paints (each test's fake clock starts from the same time).
  vi.advanceTimersByTime(QUIET_MS + 1 + ++testNo * 20_000);
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
});
afterEach(() => {
  registry.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

let next = 0;
const terms = (n: number): FoundTerm[] =>
  Array.from({ length: n }, () => ({ range: { id: next++ } as unknown as AbstractRange }) as FoundTerm);
const painted = () => registry.get(HIGHLIGHT_NAME)?.size ?? 0;

describe('highlight layer', () => {
  it('paints the first terms at once, then what comes after at paint moments further and further apart', () => {
    const layer = createHighlightLayer();
    layer.added(terms(3));
    expect(painted()).toBe(3);
    layer.added(terms(2));
    expect(painted()).toBe(3);
    vi.advanceTimersByTime(FIRST_GAP_MS);
    expect(painted()).toBe(5);
    layer.added(terms(1));
    vi.advanceTimersByTime(FIRST_GAP_MS);
    expect(painted()).toBe(5); // the next gap is twice the first
    vi.advanceTimersByTime(FIRST_GAP_MS);
    expect(painted()).toBe(6);
  });

  it('paints a few times a second at most, however many batches come (each paint repaints the page)', () => {
    const layer = createHighlightLayer();
    const sizes = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      layer.added(terms(1));
      sizes.add(painted());
      vi.advanceTimersByTime(1);
    }
    // 10 s of batches: the doubling gaps up to 1 s (about 5 paints), then one a second.
    expect(sizes.size).toBeLessThanOrEqual(6 + 10_000 / MAX_GAP_MS + 1);
    vi.advanceTimersByTime(MAX_GAP_MS);
    expect(painted()).toBe(10_000);
  });

  it("applies every layer's changes in the same moment (one frame), and starts over after a quiet spell", () => {
    const terms1 = createHighlightLayer();
    const page = createHighlightLayer(PAGE_HIGHLIGHT_NAME);
    terms1.added(terms(2));
    page.added(terms(1));
    const pagePainted = () => registry.get(PAGE_HIGHLIGHT_NAME)?.size ?? 0;
    expect([painted(), pagePainted()]).toEqual([2, 0]);
    terms1.added(terms(1));
    vi.advanceTimersByTime(FIRST_GAP_MS);
    expect([painted(), pagePainted()]).toEqual([3, 1]);
    vi.advanceTimersByTime(QUIET_MS + 1);
    page.added(terms(1));
    expect(pagePainted()).toBe(2);
  });

  it('paints at once when flushed now (the reader scrolled to the terms)', () => {
    const layer = createHighlightLayer();
    layer.added(terms(4));
    layer.added(terms(1));
    expect(painted()).toBe(4);
    layer.flush();
    expect(painted()).toBe(4);
    layer.flush(true);
    expect(painted()).toBe(5);
  });

  it('never paints a term removed before its moment, takes painted ones out at the next, and keeps one taken out and put back', () => {
    const layer = createHighlightLayer();
    const first = terms(4);
    const waiting = terms(2);
    layer.added(first);
    layer.added(waiting);
    layer.removed([waiting[0]!, first[0]!, first[1]!]);
    layer.added([first[1]!]);
    const shown = registry.get(HIGHLIGHT_NAME)!;
    expect(shown.has(first[0]!.range)).toBe(true);
    vi.advanceTimersByTime(FIRST_GAP_MS);
    expect(shown.has(waiting[0]!.range)).toBe(false);
    expect(shown.has(first[0]!.range)).toBe(false);
    expect(shown.has(first[1]!.range)).toBe(true);
    expect(shown.size).toBe(4);
  });

  it('unregisters its highlight on dispose and paints nothing afterwards', () => {
    const layer = createHighlightLayer('termlight-page');
    layer.added(terms(2));
    layer.added(terms(1));
    layer.dispose();
    expect(registry.has('termlight-page')).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(registry.has('termlight-page')).toBe(false);
  });
});
