/**
 * One "on" period of Termlight in a page: scan, highlight, hover, follow changes.
 * Everything it sets up hangs off one AbortSignal, so stopping undoes all of it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Matcher } from '../../glossary/matcher';
import { createDocumentScanner } from './document-scanner';
import { createHighlightLayer } from './highlights';
import { attachHover } from './hover';
import { createPopoverHost } from './popover-host';
import { TermIndex } from './term-index';
import { watchMutations } from './watch-mutations';

export interface Session {
  stop(): void;
  termCounts(): Array<{ id: string; count: number }>;
  /** Resolves when the current scan has finished (used by tests and tools). */
  readonly scanned: Promise<void>;
}

export function startSession(ctx: ContentScriptContext, matcher: Matcher, doc: Document = document): Session {
  const controller = new AbortController();
  const { signal } = controller;
  const layer = createHighlightLayer();
  const index = new TermIndex(layer);
  const popover = createPopoverHost(ctx);

  const scanner = createDocumentScanner({ doc, matcher, index, signal });
  const scanAll = () => scanner.scanAll();

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
      rescanNodes: (nodes) => void scanner.scan(nodes),
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
