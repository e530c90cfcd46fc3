/**
 * The text position under a point on screen, looking into the open shadow roots Termlight
 * reads. Hover uses it to find the term under the pointer; the scanner uses it to start with
 * the text on screen. It lives with scanning because it only reads the page.
 */
import { readShadowRoots } from './shadow-roots';

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
