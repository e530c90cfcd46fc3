/**
 * Open shadow roots: web components keep their text there, out of reach of a document-wide
 * walk. Termlight reads open roots (closed ones are private by their author's choice) and
 * remembers, per document, which ones it reads, so hit-testing can look inside them.
 * DOM code; no page changes.
 */
import { createSkipCheck, isSkippedElement } from '../../../utils/readable-text';
import { nextSlice, SLICE_BUDGET_MS } from './scan-in-slices';

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
  // One walk for both: shadowRootSearch's, asked for its roots as they are wanted.
  yield* shadowRootSearch(root).roots();
}

/**
 * True when openShadowRoots(root) finds a root: the same look (a host with an open root, outside skipped
 * subtrees and our own UI), one plain loop. The content script's first stage asks it on every page whose
 * text holds no term (scan/text-gate.ts), where the generator and the walk object behind openShadowRoots
 * were a handful of functions compiled for one answer.
 */
export function holdsOpenShadowRoot(root: Document | Element): boolean {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const skipped = createSkipCheck(root);
  const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
  for (let el: Node | null = root.nodeType === 1 ? root : walker.nextNode(); el !== null; el = walker.nextNode()) {
    if ((el as Element).shadowRoot && !isSkippedElement(el as Element) && !skipped(el)) return true;
  }
  return false;
}

/** Elements walked between two looks at the clock (walkAhead). */
const ELEMENTS_PER_CHECK = 256;

export interface ShadowRootSearch {
  /**
   * The open shadow roots at or under the root, as openShadowRoots finds them (same roots, same order):
   * those walkAhead has found, then the rest of the walk, done as the caller asks for them.
   */
  roots(): Generator<ShadowRoot>;
  /**
   * Walks the root's elements ahead, slice by slice (SLICE_BUDGET_MS, then `yieldToPage`), so that
   * `roots()` finds the walk done. Resolves when it is, or quietly when aborted.
   */
  walkAhead(signal: AbortSignal, yieldToPage?: () => Promise<void>): Promise<void>;
}

/**
 * The walk behind openShadowRoots, which can also go ahead on its own: finding the hosts means walking
 * every element, and a page holding none (most pages) yields nothing to the scan's slices until the walk ends. On the 5 MB and every-node
 * bench pages (20,000–40,000 elements) that walk was one unbroken 20–35 ms stretch of a task; walked
 * ahead with walkAhead, it is spread over slices of its own, and the scan's roots() finds it done.
 */
export function shadowRootSearch(root: Document | Element | ShadowRoot): ShadowRootSearch {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const skipped = createSkipCheck(root);
  const found: ShadowRoot[] = [];
  const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
  let done = false;
  const visit = (host: Element) => {
    const shadow = host.shadowRoot;
    if (!shadow || isSkippedElement(host) || skipped(host)) return;
    found.push(shadow);
    // Nested roots after their host's, as openShadowRoots gives them: a component's tree is small.
    for (const nested of openShadowRoots(shadow)) found.push(nested);
  };
  if (root.nodeType === 1) visit(root as Element);
  /** Walks on until a root is found, `limit` elements are walked, or the walk ends. */
  const step = (limit: number) => {
    const had = found.length;
    for (let n = 0; n < limit && found.length === had; n++) {
      const el = walker.nextNode();
      if (el === null) {
        done = true;
        return;
      }
      if ((el as Element).shadowRoot) visit(el as Element);
    }
  };
  return {
    *roots() {
      for (let i = 0; ; ) {
        while (i < found.length) yield found[i++]!;
        if (done) return;
        step(Infinity);
      }
    },
    async walkAhead(signal, yieldToPage = nextSlice) {
      let deadline = performance.now() + SLICE_BUDGET_MS;
      while (!done && !signal.aborted) {
        step(ELEMENTS_PER_CHECK);
        if (!done && performance.now() >= deadline) {
          await yieldToPage();
          deadline = performance.now() + SLICE_BUDGET_MS;
        }
      }
    },
  };
}
