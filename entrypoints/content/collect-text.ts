/**
 * Which text on a page Termlight reads. DOM code, shared by the content script and the
 * glossary CLI (which runs it on HTML files in happy-dom), so both see the same text.
 */

/** Elements whose text is not prose a reader is reading, or belongs to the page's own tools. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'KBD', 'SAMP', 'PRE', 'VAR', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH',
  'HEAD', 'TITLE',
]);

/** Our own UI hosts are custom elements named termlight-*. */
export const UI_TAG_PREFIX = 'TERMLIGHT-';

/** True when an element's subtree must not be scanned (and must never be touched). */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag.startsWith(UI_TAG_PREFIX)) return true;
  if (el.hasAttribute('hidden')) return true;
  // Editors: contenteditable="" / "true" / "plaintext-only" (but not "false") and ARIA textboxes.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  return false;
}

/** A node filter for TreeWalker(SHOW_ELEMENT | SHOW_TEXT): rejects skipped subtrees, keeps text. */
export function textFilter(node: Node): number {
  if (node.nodeType === 3 /* TEXT_NODE */) {
    // Text without two letters in a row cannot hold a term; skip it cheaply.
    return (node as Text).data.length > 1 ? 1 /* FILTER_ACCEPT */ : 3 /* FILTER_SKIP */;
  }
  return isSkippedElement(node as Element) ? 2 /* FILTER_REJECT */ : 3 /* FILTER_SKIP */;
}

/** A walker over the readable text nodes under `root`. */
export function createTextWalker(root: Node, doc: Document = root.ownerDocument ?? (root as Document)): TreeWalker {
  return doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */ | 0x4 /* SHOW_TEXT */, { acceptNode: textFilter });
}

/** True when `node` sits inside a skipped subtree (checked for nodes reached without a walker). */
export function isInSkippedSubtree(node: Node, stopAt: Node | null = null): boolean {
  for (let el = node.parentElement; el !== null && el !== stopAt; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/** All readable text nodes under `root`, in document order. */
export function collectTextNodes(root: Node): Text[] {
  const walker = createTextWalker(root);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) out.push(n as Text);
  return out;
}
