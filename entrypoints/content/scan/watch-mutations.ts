/**
 * Keeps up with pages that change: one MutationObserver per root, batched. Changed and
 * added text is rescanned (only that text); removed text drops its highlights. A very large
 * batch (a whole new view in a single-page app) asks for a full rescan instead.
 *
 * Batches never overlap: while one is being processed, new changes wait for the next. So a
 * page that changes without pause (a live ticker, a chat, a mutation storm) gets fewer,
 * larger batches instead of a growing pile of scans.
 *
 * Editors that appear later are left alone too: an element that becomes contenteditable loses
 * its highlights, and a document switched to design mode (a rich-text editor frame) ends the
 * session at its next batch (design mode has no event; an editor's typing makes the batch).
 */
import { createSkipCheck, isOwnUi, isSkippedElement, readableTextNodes } from '../../../utils/readable-text';

/** Above this many changed nodes in one batch, diffing costs more than rescanning. */
export const RESCAN_THRESHOLD = 1_000;
/** Mutations are gathered for this long before being processed. */
export const BATCH_DELAY_MS = 120;

export interface MutationHandlers {
  rescanNodes(nodes: Text[]): void | Promise<void>;
  /** Elements the page added (they may host web components with their own text). */
  addedElements?(elements: Element[]): void | Promise<void>;
  pruneRemoved(): void;
  rescanAll(): void | Promise<void>;
  /** An element became editable: forget what was found inside it. */
  becameEditable?(element: Element): void;
  /** Checked before each batch: true when the whole document is now an editor (nothing more is done). */
  documentEditable?(): boolean;
}

export function watchMutations(root: Node, handlers: MutationHandlers, signal: AbortSignal): void {
  let changed = new Set<Node>();
  let editable = new Set<Element>();
  let removed = false;
  let overflow = false;
  let timer = 0;
  let busy = false;

  const schedule = () => {
    if (!timer && !busy && !signal.aborted && (changed.size || editable.size || removed || overflow)) {
      timer = window.setTimeout(flush, BATCH_DELAY_MS);
    }
  };

  const flush = async () => {
    timer = 0;
    if (signal.aborted || handlers.documentEditable?.()) return;
    const batch = changed;
    const batchEditable = editable;
    const batchRemoved = removed;
    const batchOverflow = overflow;
    changed = new Set();
    editable = new Set();
    removed = false;
    overflow = false;
    busy = true;
    try {
      for (const el of batchEditable) if (el.isConnected) handlers.becameEditable?.(el);
      if (batchRemoved) handlers.pruneRemoved();
      if (batchOverflow) await handlers.rescanAll();
      else await processBatch(batch);
    } finally {
      busy = false;
      schedule();
    }
  };

  const processBatch = async (batch: Set<Node>) => {
    // One skip check per batch: a thousand edits deep in one subtree climb it once.
    const skipped = createSkipCheck(null);
    const texts = new Set<Text>();
    const elements: Element[] = [];
    for (const node of batch) {
      if (!node.isConnected || skipped(node)) continue;
      if (node.nodeType === 3) texts.add(node as Text);
      else if (!isSkippedElement(node as Element)) {
        for (const t of readableTextNodes(node)) texts.add(t);
        elements.push(node as Element);
      }
    }
    if (texts.size) await handlers.rescanNodes([...texts]);
    if (elements.length) await handlers.addedElements?.(elements);
  };

  const isOurs = (node: Node) => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return el !== null && (el.closest('[data-wxt-shadow-root]') !== null || isOwnUi(el));
  };

  const observer = new MutationObserver((records) => {
    if (overflow) {
      // A full rescan is due anyway; only removals still need noting.
      for (const r of records) if (r.type === 'childList' && r.removedNodes.length) removed = true;
      schedule();
      return;
    }
    for (const r of records) {
      if (r.type === 'characterData') {
        changed.add(r.target);
      } else if (r.type === 'attributes') {
        // contenteditable switched on: drop its highlights; switched off: read it again.
        const el = r.target as HTMLElement;
        if (el.isContentEditable) editable.add(el);
        else changed.add(el);
      } else {
        if (r.removedNodes.length) removed = true;
        r.addedNodes.forEach((n) => {
          if ((n.nodeType === 1 || n.nodeType === 3) && !isOurs(n)) changed.add(n);
        });
      }
      if (changed.size > RESCAN_THRESHOLD) {
        overflow = true;
        changed = new Set();
        break;
      }
    }
    schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    window.clearTimeout(timer);
  });
}
