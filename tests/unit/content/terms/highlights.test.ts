import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightLayer, HIGHLIGHT_NAME } from '../../../../entrypoints/content/terms/highlights';
import type { FoundTerm } from '../../../../entrypoints/content/terms/term-index';

/** The Highlight API as far as the layer uses it: a set of ranges, registered by name. */
class FakeHighlight extends Set<AbstractRange> {}
const registry = new Map<string, FakeHighlight>();

beforeEach(() => {
  vi.useFakeTimers();
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
  it('paints the first terms at once, then in batches as large as what is painted', () => {
    const layer = createHighlightLayer();
    layer.added(terms(3));
    expect(painted()).toBe(3);
    layer.added(terms(2));
    expect(painted()).toBe(3); // 2 waiting < 3 painted
    layer.added(terms(1));
    expect(painted()).toBe(6); // 3 waiting >= 3 painted
    layer.added(terms(5));
    expect(painted()).toBe(6);
    layer.flush();
    expect(painted()).toBe(11);
  });

  it('keeps the number of paints logarithmic in the number of terms added one by one', () => {
    const layer = createHighlightLayer();
    const sizes = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      layer.added(terms(1));
      sizes.add(painted());
    }
    expect(sizes.size).toBeLessThanOrEqual(15);
    layer.flush();
    expect(painted()).toBe(10_000);
  });

  it('paints waiting terms after a quiet moment even if nobody flushes', () => {
    const layer = createHighlightLayer();
    layer.added(terms(4));
    layer.added(terms(1));
    expect(painted()).toBe(4);
    vi.advanceTimersByTime(300);
    expect(painted()).toBe(5);
  });

  it('never paints a term removed before its batch was painted, and unpaints painted ones', () => {
    const layer = createHighlightLayer();
    const first = terms(4);
    const waiting = terms(2);
    layer.added(first);
    layer.added(waiting);
    layer.removed([waiting[0]!, first[0]!]);
    layer.flush();
    const shown = registry.get(HIGHLIGHT_NAME)!;
    expect(shown.has(waiting[0]!.range)).toBe(false);
    expect(shown.has(first[0]!.range)).toBe(false);
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
