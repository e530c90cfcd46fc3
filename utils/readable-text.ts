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

/** Readable text nodes under `root` in document order, from `startAt` (a text node under `root`) on. */
export function* readableTextNodes(root: Node, startAt: Text | null = null, until: Node | null = null): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  const skipped = createSkipCheck(root);
  let node: Node | null = startAt ?? walker.nextNode();
  if (startAt) walker.currentNode = startAt;
  for (; node !== null && node !== until; node = walker.nextNode()) {
    // Text without two characters cannot hold a term (and most such nodes are white space between tags).
    if ((node as Text).data.length > 1 && !skipped(node)) yield node as Text;
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

/**
 * Elements that flow inside a line of text: the words in them and beside them are read on one line
 * ("<h2><span>SLEEP</span> AIDS</h2>"). By tag, not by computed style: the style would cost a layout,
 * and a tag not listed (a block, a line break, an unknown element) only ends the line early.
 */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'MARK', 'Q', 'S', 'SMALL',
  'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U',
]);
const isInline = (el: Element) => INLINE_TAGS.has(el.tagName.toUpperCase());

/** Most characters of the line read on each side of a text node (the matcher reads a few words). */
export const INLINE_CONTEXT_CHARS = 48;

/**
 * The text on the same line before and after a text node, across inline elements and up to `limit`
 * characters on each side: for "<h2><span>SLEEP</span> AIDS</h2>", the node " AIDS" has "SLEEP"
 * before it. A block element, a line break or a skipped element (script, code) ends the line. The
 * matcher finds terms in each text node alone; some of its rules read the words around a term
 * (glossary/matcher.ts, TextContext). Cheap for the usual node, whose neighbours are few: only
 * siblings and the inline elements around it are looked at.
 */
export function inlineContext(node: Text, limit = INLINE_CONTEXT_CHARS): { before: string; after: string } {
  return { before: lineSide(node, -1, limit), after: lineSide(node, 1, limit) };
}

/**
 * What holds `node`'s line: its nearest ancestor that is not an inline element (or, above inline ones
 * only, their parent node: a shadow root). inlineContext reads nothing outside it, so only a change
 * inside it can change the line.
 */
export function lineHolder(node: Node): Node {
  let at: Node = node;
  for (;;) {
    const parent = at.parentElement;
    if (parent === null) return at.parentNode ?? at;
    if (!isInline(parent)) return parent;
    at = parent;
  }
}

/** The line's text on one side of `node` (dir -1: before, 1: after), nearest characters kept. */
function lineSide(node: Node, dir: -1 | 1, limit: number): string {
  const parts: string[] = [];
  let size = 0;
  /** Adds an element's or text's text from the side nearest `node`; false once the line ends or is long enough. */
  const take = (n: Node): boolean => {
    if (n.nodeType === 3) {
      parts.push((n as Text).data);
      size += (n as Text).data.length;
      return size < limit;
    }
    if (n.nodeType !== 1) return true;
    const el = n as Element;
    if (!isInline(el)) return false;
    if (isSkippedElement(el)) return true;
    for (let c = dir < 0 ? el.lastChild : el.firstChild; c; c = dir < 0 ? c.previousSibling : c.nextSibling) if (!take(c)) return false;
    return true;
  };
  let at: Node = node;
  walk: for (;;) {
    for (let sib = dir < 0 ? at.previousSibling : at.nextSibling; sib; sib = dir < 0 ? sib.previousSibling : sib.nextSibling) {
      if (!take(sib)) break walk;
    }
    const parent = at.parentElement;
    if (parent === null || !isInline(parent)) break;
    at = parent;
  }
  const text = dir < 0 ? parts.reverse().join('') : parts.join('');
  return text.length <= limit ? text : dir < 0 ? text.slice(-limit) : text.slice(0, limit);
}
