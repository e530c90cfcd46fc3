// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TermIndex, rangeIfMade, type FoundTerm } from '../../../../entrypoints/content/terms/term-index';

class FakeStaticRange {
  constructor(readonly init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {}
}
(globalThis as { StaticRange?: unknown }).StaticRange ??= FakeStaticRange;

function setup() {
  const added: FoundTerm[] = [];
  const removed: FoundTerm[] = [];
  const index = new TermIndex({ added: (t) => added.push(...t), removed: (t) => removed.push(...t) });
  document.body.innerHTML = '<p>PD-L1 and immunotherapy and PD-L1</p><p>TIL</p>';
  const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  return { index, added, removed, a: a!, b: b! };
}

const m = (start: number, end: number, id: string) => ({ start, end, id, fuzzy: false });

describe('TermIndex', () => {
  it('counts terms per entry and reports added and removed ranges', () => {
    const { index, added, removed, a, b } = setup();
    index.set(a, [m(0, 5, 'pd-l1'), m(10, 23, 'immunotherapy'), m(28, 33, 'pd-l1')]);
    index.set(b, [m(0, 3, 'til')]);
    expect(index.termCounts()).toEqual([
      { id: 'pd-l1', count: 2 },
      { id: 'immunotherapy', count: 1 },
      { id: 'til', count: 1 },
    ]);
    expect(added).toHaveLength(4);
    index.set(a, [m(10, 23, 'immunotherapy')]);
    expect(removed).toHaveLength(3);
    expect(index.termCounts()).toEqual([
      { id: 'immunotherapy', count: 1 },
      { id: 'til', count: 1 },
    ]);
  });

  it('keeps the found terms (and ranges) of the same match objects when a node is set again, and reports only the change', () => {
    const { index, added, removed, a } = setup();
    const first = m(0, 5, 'pd-l1');
    const second = m(28, 33, 'pd-l1');
    index.set(a, [first, second]);
    const [keptTerm] = index.termsIn(a);
    const range = keptTerm!.range;
    added.length = 0;
    // The page-only pass adds a taught form and takes out a redefined one.
    index.set(a, [first, m(10, 23, 'immunotherapy')]);
    expect(index.termsIn(a)[0]).toBe(keptTerm);
    expect(index.termsIn(a)[0]!.range).toBe(range);
    expect(added.map((t) => t.match.id)).toEqual(['immunotherapy']);
    expect(removed.map((t) => t.match)).toEqual([second]);
    expect(index.termCounts()).toEqual([
      { id: 'immunotherapy', count: 1 },
      { id: 'pd-l1', count: 1 },
    ]);
  });

  it('after a full scan, forgets the nodes it did not read, unless they were set since it started', () => {
    const { index, a, b } = setup();
    const c = document.createTextNode('chemotherapy');
    document.body.append(c);
    index.set(a, [m(0, 5, 'pd-l1')]);
    index.set(b, [m(0, 3, 'til')]);
    const mark = index.mark();
    // A batch of changes scanned alongside the full scan sets c: it is current.
    index.set(c, [m(0, 12, 'chemotherapy')]);
    // The full scan read a only (b was split down to one character, say).
    index.sweep(new Set([a]), mark);
    expect(index.termCounts().map((t) => t.id).sort()).toEqual(['chemotherapy', 'pd-l1']);
  });

  it('forgets the terms inside one element only', () => {
    const { index, removed, a, b } = setup();
    index.set(a, [m(0, 5, 'pd-l1')]);
    index.set(b, [m(0, 3, 'til')]);
    index.forgetInside(b.parentElement!);
    expect(removed.map((f) => f.match.id)).toEqual(['til']);
    expect(index.termCounts()).toEqual([{ id: 'pd-l1', count: 1 }]);
  });

  it('finds the term at a caret offset, end inclusive', () => {
    const { index, a } = setup();
    index.set(a, [m(0, 5, 'pd-l1'), m(10, 23, 'immunotherapy')]);
    expect(index.at(a, 0).map((f) => f.match.id)).toEqual(['pd-l1']);
    expect(index.at(a, 5).map((f) => f.match.id)).toEqual(['pd-l1']);
    expect(index.at(a, 7)).toEqual([]);
    expect(index.at(document.body, 0)).toEqual([]);
  });

  it('prunes nodes the page removed, and clears everything', () => {
    const { index, removed, a, b } = setup();
    index.set(a, [m(0, 5, 'pd-l1')]);
    index.set(b, [m(0, 3, 'til')]);
    b.parentElement!.remove();
    index.prune();
    expect(index.termCounts()).toEqual([{ id: 'pd-l1', count: 1 }]);
    expect(removed.map((f) => f.match.id)).toEqual(['til']);
    index.clear();
    expect(index.termCounts()).toEqual([]);
    expect(index.all()).toEqual([]);
  });

  it('makes a range only when it is asked for, and the same one each time', () => {
    const { index, added, a } = setup();
    let made = 0;
    const Real = globalThis.StaticRange;
    (globalThis as { StaticRange: unknown }).StaticRange = class extends FakeStaticRange {
      constructor(init: ConstructorParameters<typeof FakeStaticRange>[0]) {
        super(init);
        made++;
      }
    };
    try {
      index.set(a, [m(0, 5, 'pd-l1'), m(10, 23, 'immunotherapy')]);
      expect(made).toBe(0);
      const range = added[1]!.range as unknown as FakeStaticRange;
      expect(made).toBe(1);
      expect(added[1]!.range).toBe(range);
      expect(range.init).toEqual({ startContainer: a, startOffset: 10, endContainer: a, endOffset: 23 });
    } finally {
      (globalThis as { StaticRange: unknown }).StaticRange = Real;
    }
  });

  it('tells a rescan whether a node still holds the text and edges its matches were found in', () => {
    const { index, a, b } = setup();
    index.set(a, [m(0, 5, 'pd-l1')], { text: a.data, edges: 0 });
    index.set(b, [m(0, 3, 'til')]);
    expect(index.readFrom(a, a.data, () => 0)).toBe(true);
    expect(index.readFrom(a, a.data, () => 1)).toBe(false);
    expect(index.readFrom(a, 'PD-L1 only', () => 0)).toBe(false);
    // Set without saying what from (page-only terms rewrote it), or emptied: read again.
    expect(index.readFrom(b, b.data, () => 0)).toBe(false);
    index.set(a, []);
    expect(index.readFrom(a, a.data, () => 0)).toBe(false);
  });

  it('moves its version whenever what was found changes, and only then (a flood\'s rescans read it: watch-mutations)', () => {
    const { index, a, b } = setup();
    const v0 = index.version;
    const first = m(0, 5, 'pd-l1');
    index.set(a, [first]);
    const v1 = index.version;
    expect(v1).not.toBe(v0);
    // The same match object again (the page-only pass with nothing to add): nothing changed.
    index.set(a, [first]);
    expect(index.version).toBe(v1);
    // A node with no terms before or after: nothing shown changed.
    index.set(b, []);
    expect(index.version).toBe(v1);
    index.set(a, [first, m(10, 23, 'immunotherapy')]);
    const v2 = index.version;
    expect(v2).not.toBe(v1);
    index.remove(a);
    expect(index.version).not.toBe(v2);
  });

  it('rangeIfMade gives a term\'s range only once it was asked for, and never makes one', () => {
    const { index, a } = setup();
    index.set(a, [m(0, 5, 'pd-l1')]);
    const [term] = index.termsIn(a);
    expect(rangeIfMade(term!)).toBeNull();
    expect(rangeIfMade(term!)).toBeNull();
    const range = term!.range;
    expect(rangeIfMade(term!)).toBe(range);
  });
});

