// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TermIndex, type FoundTerm } from '../../../../entrypoints/content/terms/term-index';
import { compareTerms, firstIndexWhere, firstMentions, sortInDocumentOrder, termsFrom } from '../../../../entrypoints/content/terms/term-order';
import { createMarks, fanOut } from '../../../../entrypoints/content/terms/mark-style';
import type { HighlightLayer } from '../../../../entrypoints/content/terms/highlights';

class FakeStaticRange {
  constructor(readonly init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {}
}
(globalThis as { StaticRange?: unknown }).StaticRange ??= FakeStaticRange;

const m = (start: number, end: number, id: string) => ({ start, end, id, fuzzy: false });

/** Three paragraphs; the index is filled bottom-up (as a scan that starts mid-page would), so its order is not reading order. */
function page() {
  document.body.innerHTML =
    '<p>PD-L1 and immunotherapy</p><div><p>TIL then PD-L1</p></div><p>immunotherapy again</p>';
  const [a, b, c] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  const index = new TermIndex({ added() {}, removed() {} });
  index.set(c!, [m(0, 13, 'immunotherapy')]);
  index.set(b!, [m(9, 14, 'pd-l1'), m(0, 3, 'til')]);
  index.set(a!, [m(0, 5, 'pd-l1'), m(10, 23, 'immunotherapy')]);
  return { index, a: a!, b: b!, c: c! };
}

const label = (t: FoundTerm) => `${t.node.data.slice(t.match.start, t.match.end)}@${t.node.data.slice(0, 3)}`;

describe('reading order', () => {
  it('sorts terms by document position, and by offset inside a text node', () => {
    const { index } = page();
    expect(index.all().map(label)).not.toEqual(sortInDocumentOrder(index.all()).map(label));
    expect(sortInDocumentOrder(index.all()).map(label)).toEqual([
      'PD-L1@PD-',
      'immunotherapy@PD-',
      'TIL@TIL',
      'PD-L1@TIL',
      'immunotherapy@imm',
    ]);
  });

  it('compares two terms (negative before, positive after, 0 for the same span)', () => {
    const sorted = sortInDocumentOrder(page().index.all());
    expect(compareTerms(sorted[0]!, sorted[3]!)).toBeLessThan(0);
    expect(compareTerms(sorted[4]!, sorted[2]!)).toBeGreaterThan(0);
    expect(compareTerms(sorted[1]!, { ...sorted[1]! })).toBe(0);
  });

  it('lists the terms after or before a term, nearest first', () => {
    const sorted = sortInDocumentOrder(page().index.all());
    expect(termsFrom(sorted, sorted[2]!, 1).map(label)).toEqual(['PD-L1@TIL', 'immunotherapy@imm']);
    expect(termsFrom(sorted, sorted[2]!, -1).map(label)).toEqual(['immunotherapy@PD-', 'PD-L1@PD-']);
    expect(termsFrom(sorted, sorted[4]!, 1)).toEqual([]);
    expect(termsFrom(sorted, sorted[0]!, -1)).toEqual([]);
  });

  it('steps from a term no longer in the list (the page was rescanned) by its position', () => {
    const { index, b } = page();
    const gone = index.termsIn(b)[1]!; // "TIL"
    index.set(b, [m(9, 14, 'pd-l1')]);
    const sorted = sortInDocumentOrder(index.all());
    expect(termsFrom(sorted, gone, 1).map(label)).toEqual(['PD-L1@TIL', 'immunotherapy@imm']);
    expect(termsFrom(sorted, gone, -1)[0]!.match.id).toBe('immunotherapy');
  });

  it('binary search finds the first item where a monotone test holds', () => {
    const xs = [1, 3, 5, 7];
    expect(firstIndexWhere(xs, (x) => x >= 4)).toBe(2);
    expect(firstIndexWhere(xs, (x) => x >= 0)).toBe(0);
    expect(firstIndexWhere(xs, (x) => x >= 9)).toBe(4);
    expect(firstIndexWhere([], () => true)).toBe(0);
  });
});

describe('first mentions', () => {
  it('picks the first term of each entry in reading order, whatever order the index holds them in', () => {
    const first = firstMentions(page().index.all());
    expect(sortInDocumentOrder(first).map(label)).toEqual(['PD-L1@PD-', 'immunotherapy@PD-', 'TIL@TIL']);
  });

  it('is empty for no terms', () => {
    expect(firstMentions([])).toEqual([]);
  });
});

/** A highlight layer that records what it holds and under which name. */
function fakeLayer(name: string | null) {
  const ranges = new Set<FoundTerm>();
  const layer: HighlightLayer & { name: string | null; ranges: Set<FoundTerm>; disposed: boolean } = {
    name,
    ranges,
    disposed: false,
    added: (ts) => ts.forEach((t) => ranges.add(t)),
    removed: (ts) => ts.forEach((t) => ranges.delete(t)),
    flush() {},
    dispose() {
      ranges.clear();
      this.disposed = true;
    },
    setName(n) {
      this.name = n;
    },
  };
  return layer;
}

describe('marks (style and first mentions)', () => {
  function setup() {
    const all = fakeLayer('termlight');
    const first = fakeLayer(null);
    document.body.innerHTML = '<p>PD-L1 and PD-L1</p><p>TIL</p>';
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    // The session's wiring: the painting layer first, then the marks.
    const index = new TermIndex(fanOut(all, { added: () => marks.changed(), removed: () => marks.changed() }));
    const names = { underline: 'termlight', soft: 'termlight-soft', off: null };
    const marks = createMarks({ win: window, index, all, first, nameFor: (s) => names[s] });
    return { all, first, index, marks, a: a!, b: b! };
  }

  it('registers the style\'s name for every term, or no name at all when marks are off', () => {
    const { all, first, marks, index, a } = setup();
    index.set(a, [m(0, 5, 'pd-l1'), m(10, 15, 'pd-l1')]);
    marks.apply({ highlightStyle: 'soft', firstMentionOnly: false });
    expect([all.name, first.name]).toEqual(['termlight-soft', null]);
    expect(all.ranges.size).toBe(2);
    marks.apply({ highlightStyle: 'off', firstMentionOnly: false });
    expect([all.name, first.name]).toEqual([null, null]);
    // The index (and so hover) is untouched.
    expect(index.all()).toHaveLength(2);
  });

  it('with first mentions only, paints one range per entry under the style\'s name, and follows the page', async () => {
    const { all, first, marks, index, a, b } = setup();
    index.set(a, [m(0, 5, 'pd-l1'), m(10, 15, 'pd-l1')]);
    marks.apply({ highlightStyle: 'underline', firstMentionOnly: true });
    expect([all.name, first.name]).toEqual([null, 'termlight']);
    expect([...first.ranges].map((t) => t.match.start)).toEqual([0]);

    index.set(b, [m(0, 3, 'til')]);
    await new Promise((r) => setTimeout(r, 150));
    expect([...first.ranges].map((t) => t.match.id).sort()).toEqual(['pd-l1', 'til']);

    // The first PD-L1 goes: the next one becomes the first mention.
    index.set(a, [m(10, 15, 'pd-l1')]);
    await new Promise((r) => setTimeout(r, 150));
    expect([...first.ranges].map((t) => `${t.match.id}:${t.match.start}`).sort()).toEqual(['pd-l1:10', 'til:0']);

    marks.apply({ highlightStyle: 'underline', firstMentionOnly: false });
    expect([all.name, first.name]).toEqual(['termlight', null]);
    expect(first.ranges.size).toBe(0);
    marks.dispose();
    expect(first.disposed).toBe(true);
  });

  it('with first mentions only and marks off, paints nothing', () => {
    const { all, first, marks, index, a } = setup();
    index.set(a, [m(0, 5, 'pd-l1')]);
    marks.apply({ highlightStyle: 'off', firstMentionOnly: true });
    expect([all.name, first.name]).toEqual([null, null]);
    expect(first.ranges.size).toBe(0);
  });
});
