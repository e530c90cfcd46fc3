/**
 * Whether a frame's text could hold a glossary term at all, read by the content script's first
 * stage before it loads the reader (glossary/start-filter.ts says how, from the text alone).
 * A page that cannot is left alone, at the cost of one MutationObserver: text added later is
 * checked the same way, and the first that could hold a term loads the reader.
 * DOM code; no page changes.
 */
import { readableTextNodes } from '../../../utils/readable-text';
import { holdsOpenShadowRoot } from './shadow-roots';

/** True when `text` may hold a term (false only when it certainly holds none). */
export type TextTest = (text: string) => boolean;

/** Reading stops for the page's sake after this long, and goes on in a later task. */
const SLICE_MS = 4;
/** Changes are checked together, at most this often. */
const RECHECK_DELAY_MS = 250;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const NO_TEXT: readonly Text[] = [];

/** The text to test under `node`: its readable text nodes, or the node itself when it is text. */
function textsUnder(node: Node): Iterable<Text> {
  if (node.nodeType === 3) return [node as Text];
  return node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11 ? readableTextNodes(node) : NO_TEXT;
}

/**
 * True when text under `roots` passes `test`, or when they hold an open shadow root: web
 * components change their own text out of this observer's sight, so those pages are read.
 * Reads in slices; gives up (false) when `signal` aborts. (The slice's clock is read in the loops
 * themselves, not in a helper: this runs on every page and frame, and each function it calls is
 * compiled there on its first call.)
 */
export async function mayHoldTerms(roots: Iterable<Node>, test: TextTest, signal: AbortSignal): Promise<boolean> {
  let deadline = performance.now() + SLICE_MS;
  const list = [...roots];
  for (const root of list) {
    for (const text of textsUnder(root)) {
      if (signal.aborted) return false;
      if (test(text.data)) return true;
      if (performance.now() >= deadline) {
        await nextTask();
        deadline = performance.now() + SLICE_MS;
      }
    }
  }
  for (const root of list) {
    if (root.nodeType !== 1 && root.nodeType !== 9) continue;
    if (holdsOpenShadowRoot(root as Element | Document)) return true;
    if (performance.now() >= deadline) {
      await nextTask();
      deadline = performance.now() + SLICE_MS;
    }
  }
  return false;
}

/**
 * Resolves true once the document's readable text may hold a term (at once for most pages with
 * one), or false if `signal` aborts first (the extension was reloaded, or the reader was loaded
 * for another reason).
 */
export async function whenTermsMayBeHere(doc: Document, test: TextTest, signal: AbortSignal): Promise<boolean> {
  if (await mayHoldTerms([doc.body ?? doc.documentElement], test, signal)) return true;
  if (signal.aborted) return false;
  return new Promise((resolve) => {
    const changed = new Set<Node>();
    let timer = 0;
    let checking = false;
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') changed.add(r.target);
        else for (const node of r.addedNodes) changed.add(node);
      }
      schedule();
    });
    const finish = (may: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(may);
    };
    const onAbort = () => finish(false);
    function schedule() {
      if (timer || checking || changed.size === 0) return;
      timer = window.setTimeout(check, RECHECK_DELAY_MS);
    }
    async function check() {
      timer = 0;
      checking = true;
      const nodes = [...changed].filter((node) => node.isConnected);
      changed.clear();
      const may = await mayHoldTerms(nodes, test, signal);
      checking = false;
      if (signal.aborted) return;
      if (may) finish(true);
      else schedule();
    }
    // The document node itself, so a script that replaces <body> or calls document.write is seen.
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', onAbort);
  });
}
