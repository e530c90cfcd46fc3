import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHighlightLayer,
  FIRST_GAP_MS,
  HIGHLIGHT_NAME,
  LATE_MAX_MS,
  LATE_QUIET_MS,
  MAX_GAP_MS,
  PAGE_HIGHLIGHT_NAME,
  QUIET_MS,
} from '../../../../entrypoints/content/terms/highlights';
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

  it('paints terms added later (far from the screen) with the next paint moment that comes anyway, not in one of their own', () => {
    const layer = createHighlightLayer();
    const page = createHighlightLayer(PAGE_HIGHLIGHT_NAME);
    const pagePainted = () => registry.get(PAGE_HIGHLIGHT_NAME)?.size ?? 0;
    layer.added(terms(2));
    expect(painted()).toBe(2);
    layer.addLater(terms(3));
    page.addLater(terms(1));
    // No paint moment for them alone while the changes go on...
    vi.advanceTimersByTime(LATE_QUIET_MS - 1);
    expect([painted(), pagePainted()]).toEqual([2, 0]);
    // ...but the next one, brought by a change the reader may see, takes every layer's along.
    layer.added(terms(1));
    vi.advanceTimersByTime(FIRST_GAP_MS);
    expect([painted(), pagePainted()]).toEqual([6, 1]);
  });

  it('paints terms added later once the changes have been quiet a while, or after LATE_MAX_MS at the latest', () => {
    const layer = createHighlightLayer();
    layer.added(terms(1));
    layer.addLater(terms(2));
    vi.advanceTimersByTime(LATE_QUIET_MS);
    expect(painted()).toBe(3);
    // A stream of changes no one sees (only later ones): one paint when it stops, or at the longest wait.
    vi.advanceTimersByTime(QUIET_MS + 1);
    for (let i = 0; i < 10; i++) {
      layer.addLater(terms(1));
      vi.advanceTimersByTime(LATE_QUIET_MS / 2);
    }
    // 5 s of them: painted at LATE_MAX_MS (3 of the 10), then the rest LATE_QUIET_MS after the last.
    expect(painted()).toBeLessThan(13);
    expect(painted()).toBeGreaterThan(3);
    vi.advanceTimersByTime(LATE_QUIET_MS);
    expect(painted()).toBe(13);
    // Every moment is still one paint for all: at most LATE_MAX_MS apart here.
    expect(LATE_MAX_MS).toBeGreaterThan(LATE_QUIET_MS);
  });

  it('paints terms added later at once when flushed now (the reader scrolls), and never one removed meanwhile', () => {
    const layer = createHighlightLayer();
    layer.added(terms(1));
    const later = terms(3);
    layer.addLater(later);
    layer.removed([later[0]!]);
    layer.flush(true);
    const shown = registry.get(HIGHLIGHT_NAME)!;
    expect(shown.size).toBe(3);
    expect(shown.has(later[0]!.range)).toBe(false);
    vi.advanceTimersByTime(LATE_MAX_MS);
    expect(shown.size).toBe(3);
  });

  it('unregisters its highlight on dispose and paints nothing afterwards', () => {
    const layer = createHighlightLayer('termlight-page');
    layer.added(terms(2));
    layer.added(terms(1));
    layer.addLater(terms(1));
    layer.dispose();
    expect(registry.has('termlight-page')).toBe(false);
    vi.advanceTimersByTime(LATE_MAX_MS);
    expect(registry.has('termlight-page')).toBe(false);
  });
});
