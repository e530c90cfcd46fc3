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

/**
 * Our own UI hosts (the card's plain `div`), never read. Known by identity, not by a tag or an
 * attribute, which would name Termlight to the page's scripts; this set lives in the content
 * script's own world, out of the page's sight.
 */
const ownUiHosts = new WeakSet<Element>();

export function markOwnUi(host: Element): void {
  ownUiHosts.add(host);
}

/** True for our UI host and anything inside it (in the light DOM). */
export function isOwnUi(el: Element | null): boolean {
  for (; el !== null; el = el.parentElement) if (ownUiHosts.has(el)) return true;
  return false;
}

/** True when an element's subtree must not be scanned (and must never be touched). */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || ownUiHosts.has(el)) return true;
  if (el.hasAttribute('hidden')) return true;
  // Editors: contenteditable="" / "true" / "plaintext-only" (but not "false") and ARIA textboxes.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  return false;
}

/**
 * A test for "is this text node inside a skipped subtree?" that remembers the answer for
 * every element it climbs through, so a page's text costs about one lookup per node.
 * (A TreeWalker with a JavaScript filter calls into JS for every element and text node;
 * a text-only walker plus this check was several times faster on large pages.)
 * Elements are checked up to `stopAt`, which itself is not.
 */
export function createSkipCheck(stopAt: Node | null = null): (node: Node) => boolean {
  const known = new Map<Element, boolean>();
  const climbed: Element[] = [];
  return (node: Node) => {
    let answer = false;
    for (let el = node.parentElement; el !== null && el !== stopAt; el = el.parentElement) {
      const cached = known.get(el);
      if (cached !== undefined) {
        answer = cached;
        break;
      }
      climbed.push(el);
    }
    // Fill in from the top down: an element is skipped if it or anything above it is.
    for (let i = climbed.length - 1; i >= 0; i--) {
      const el = climbed[i]!;
      answer ||= isSkippedElement(el);
      known.set(el, answer);
    }
    climbed.length = 0;
    return answer;
  };
}

/** Text without two characters cannot hold a term (and most such nodes are white space between tags). */
function mayHoldTerm(text: Text): boolean {
  return text.data.length > 1;
}

/** Readable text nodes under `root` in document order, from `startAt` (a text node under `root`) on. */
export function* readableTextNodes(root: Node, startAt: Text | null = null, until: Node | null = null): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  const skipped = createSkipCheck(root);
  let node: Node | null = startAt ?? walker.nextNode();
  if (startAt) walker.currentNode = startAt;
  for (; node !== null && node !== until; node = walker.nextNode()) {
    if (mayHoldTerm(node as Text) && !skipped(node)) yield node as Text;
  }
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
  return [...readableTextNodes(root)];
}
