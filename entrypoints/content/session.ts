/**
 * One "on" period of Termlight in a page: scan, highlight, hover, follow changes.
 * Everything it sets up hangs off one AbortSignal, so stopping undoes all of it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Matcher } from '../../glossary/matcher';
import type { TermMatch } from '../../glossary/types';
import { caretAt } from './hit-test';
import { createHighlightLayer } from './highlights';
import { attachHover } from './hover';
import { orderedTextNodes, scanInSlices } from './page-scan';
import { createPopoverHost } from './popover-host';
import { TermIndex } from './term-index';
import { watchMutations } from './watch-mutations';

export interface Session {
  stop(): void;
  termCounts(): Array<{ id: string; count: number }>;
  /** Resolves when the current scan has finished (used by tests and tools). */
  readonly scanned: Promise<void>;
}

/** The text node at the top of the viewport, so the scan starts with what the reader sees. */
function firstVisibleText(doc: Document): Text | null {
  const w = doc.documentElement.clientWidth;
  for (const y of [8, 48, 120]) {
    for (const x of [w * 0.3, w * 0.5, 24]) {
      const caret = caretAt(doc, x, y);
      if (caret && caret.node.nodeType === 3) return caret.node as Text;
    }
  }
  return null;
}

export function startSession(ctx: ContentScriptContext, matcher: Matcher, doc: Document = document): Session {
  const controller = new AbortController();
  const { signal } = controller;
  const layer = createHighlightLayer();
  const index = new TermIndex(layer);
  const popover = createPopoverHost(ctx);

  /** Scans nodes in slices; a long node's windows are gathered and committed together. */
  const scan = (nodes: Iterable<Text>): Promise<void> => {
    let pending: TermMatch[] = [];
    const onText = (node: Text, text: string, offset: number, isLast: boolean) => {
      const found = matcher.find(text);
      if (offset === 0) pending = found;
      else for (const m of found) pending.push({ ...m, start: m.start + offset, end: m.end + offset });
      if (isLast) {
        if (pending.length || index.has(node)) index.set(node, pending);
        pending = [];
      }
    };
    return scanInSlices({ nodes, onText, signal });
  };

  const scanAll = (): Promise<void> =>
    scan(orderedTextNodes(doc.body ?? doc.documentElement, firstVisibleText(doc)));

  const session: Session = {
    scanned: scanAll(),
    stop() {
      controller.abort();
      index.clear();
      layer.dispose();
      popover.destroy();
    },
    termCounts: () => index.termCounts(),
  };

  attachHover({ doc, index, popover, signal });
  watchMutations(
    doc.documentElement,
    {
      rescanNodes: (nodes) => void scan(nodes),
      pruneRemoved: () => index.prune(),
      rescanAll: () => {
        index.prune();
        void scanAll();
      },
    },
    signal,
  );
  ctx.onInvalidated(() => session.stop());
  return session;
}
