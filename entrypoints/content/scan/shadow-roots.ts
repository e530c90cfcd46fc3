/**
 * Open shadow roots: web components keep their text there, out of reach of a document-wide
 * walk. Termlight reads open roots (closed ones are private by their author's choice) and
 * remembers, per document, which ones it reads, so hit-testing can look inside them.
 * DOM code; no page changes.
 */
import { createSkipCheck, isSkippedElement } from '../../../utils/readable-text';

/** Per document, in the order found; an array because hit-testing passes it on every pointer frame. */
const known = new WeakMap<Document, ShadowRoot[]>();
const NONE: readonly ShadowRoot[] = [];

/** The open shadow roots Termlight reads in `doc` (for caret hit-testing). */
export function readShadowRoots(doc: Document): readonly ShadowRoot[] {
  return known.get(doc) ?? NONE;
}

/** Records a shadow root as read; false when it already was. */
export function rememberShadowRoot(root: ShadowRoot): boolean {
  const doc = root.ownerDocument;
  let roots = known.get(doc);
  if (!roots) known.set(doc, (roots = []));
  // A page has few web components with open roots: a linear check is cheaper than a second set.
  if (roots.includes(root)) return false;
  roots.push(root);
  return true;
}

/** Forgets every shadow root of `doc` (when Termlight stops). */
export function forgetShadowRoots(doc: Document): void {
  known.delete(doc);
}

/**
 * The open shadow roots at or under `root`, nested ones included, in document order; hosts
 * inside skipped subtrees (editors, code, forms) and our own UI are left alone.
 * A plain element walker: far cheaper than a JavaScript filter or querySelectorAll('*').
 */
export function* openShadowRoots(root: Document | Element | ShadowRoot): Generator<ShadowRoot> {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const skipped = createSkipCheck(root);
  const visit = function* (host: Element): Generator<ShadowRoot> {
    const shadow = host.shadowRoot;
    if (!shadow || isSkippedElement(host) || skipped(host)) return;
    yield shadow;
    yield* openShadowRoots(shadow);
  };
  if (root.nodeType === 1) yield* visit(root as Element);
  const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
  for (let el = walker.nextNode(); el !== null; el = walker.nextNode()) {
    if ((el as Element).shadowRoot) yield* visit(el as Element);
  }
}
