/**
 * Keeps up with pages that change: one MutationObserver, batched. Changed and added
 * text is rescanned (only that text); removed text drops its highlights. A very large
 * batch (a whole new view in a single-page app) asks for a full rescan instead.
 */
import { isInSkippedSubtree, isSkippedElement, readableTextNodes, UI_TAG_PREFIX } from './collect-text';

/** Above this many changed nodes in one batch, diffing costs more than rescanning. */
export const RESCAN_THRESHOLD = 1_000;
/** Mutations are gathered for this long before being processed. */
const BATCH_DELAY_MS = 120;

export interface MutationHandlers {
  rescanNodes(nodes: Text[]): void;
  /** Elements the page added (they may host web components with their own text). */
  addedElements?(elements: Element[]): void;
  pruneRemoved(): void;
  rescanAll(): void;
}

export function watchMutations(root: Node, handlers: MutationHandlers, signal: AbortSignal): void {
  const changed = new Set<Node>();
  let removed = false;
  let timer = 0;
  let overflow = false;

  const flush = () => {
    timer = 0;
    if (signal.aborted) return;
    if (removed) handlers.pruneRemoved();
    if (overflow) handlers.rescanAll();
    else {
      const texts: Text[] = [];
      const elements: Element[] = [];
      for (const node of changed) {
        if (!node.isConnected || isInSkippedSubtree(node)) continue;
        if (node.nodeType === 3) texts.push(node as Text);
        else if (!isSkippedElement(node as Element)) {
          texts.push(...readableTextNodes(node));
          elements.push(node as Element);
        }
      }
      if (texts.length) handlers.rescanNodes(texts);
      if (elements.length) handlers.addedElements?.(elements);
    }
    changed.clear();
    removed = false;
    overflow = false;
  };

  const isOurs = (node: Node) => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return el !== null && el.closest('[data-wxt-shadow-root], ' + UI_TAG_PREFIX.toLowerCase() + 'ui') !== null;
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        changed.add(r.target);
      } else {
        if (r.removedNodes.length) removed = true;
        r.addedNodes.forEach((n) => {
          if (n.nodeType === 1 || n.nodeType === 3) {
            if (!isOurs(n)) changed.add(n);
          }
        });
      }
      if (changed.size > RESCAN_THRESHOLD) overflow = true;
    }
    if (!timer && (changed.size || removed)) timer = window.setTimeout(flush, BATCH_DELAY_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    window.clearTimeout(timer);
  });
}
