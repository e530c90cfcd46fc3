/**
 * Which found term is under the pointer. Highlights receive no events, so we ask the
 * browser for the caret position at the point and look the text node up in the index.
 */
import { caretAt } from '../scan/caret';
import type { FoundTerm, TermIndex } from '../terms/term-index';

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
