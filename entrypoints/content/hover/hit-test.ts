/**
 * Which found term is under the pointer. Highlights receive no events, so we ask the
 * browser for the caret position at the point and look the text node up in the index.
 */
import { readShadowRoots } from '../scan/shadow-roots';
import type { FoundTerm, TermIndex } from '../terms/term-index';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    // Without the roots we read, a caret inside a web component would stop at its host.
    const shadowRoots = readShadowRoots(doc);
    const p = shadowRoots.length
      ? d.caretPositionFromPoint(x, y, { shadowRoots: shadowRoots as ShadowRoot[] })
      : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** A live Range for measuring a found term (StaticRanges cannot be measured). */
export function liveRange(term: FoundTerm): Range {
  const r = term.node.ownerDocument.createRange();
  r.setStart(term.node, term.match.start);
  r.setEnd(term.node, term.match.end);
  return r;
}

function rectContains(r: DOMRect, x: number, y: number): boolean {
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}

export interface Hit {
  term: FoundTerm;
  /** The line box of the term under the pointer (terms can wrap over lines). */
  rect: DOMRect;
}

/**
 * Hit-testing with a one-entry cache: while the pointer stays inside the last hit's box
 * (or the last miss's text position), mousemove costs a few comparisons.
 */
export function createHitTester(doc: Document, indexes: readonly TermIndex[]) {
  let last: Hit | null = null;
  return {
    test(x: number, y: number): Hit | null {
      if (last && last.term.node.isConnected && rectContains(last.rect, x, y)) return last;
      last = null;
      const caret = caretAt(doc, x, y);
      if (!caret || caret.node.nodeType !== 3) return null;
      // The caret snaps to the nearest character boundary even when the pointer is in empty
      // space beside the text, so confirm with the term's own boxes.
      for (const term of indexes.flatMap((index) => index.at(caret.node, caret.offset))) {
        for (const rect of liveRange(term).getClientRects()) {
          if (rectContains(rect, x, y)) {
            last = { term, rect };
            return last;
          }
        }
      }
      return null;
    },
    reset() {
      last = null;
    },
  };
}
