/**
 * One "on" period of Termlight in a page: scan, highlight, read the page's own
 * definitions, hover, follow changes. Everything it sets up hangs off one AbortSignal,
 * so stopping undoes all of it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Matcher } from '../../glossary/matcher';
import type { PersonalDisplayEntry } from '../../components/personal-glossary';
import { createDocumentScanner } from './document-scanner';
import { createHighlightLayer, PAGE_HIGHLIGHT_NAME } from './highlights';
import { attachHover } from './hover';
import { definitionReader, PageDefinitions } from './page-definitions';
import { forgetShadowRoots } from './shadow-roots';
import { adoptHighlightStyles } from './shadow-styles';
import { createPageTerms, PAGE_ID_PREFIX } from './page-terms';
import { createPopoverHost, type PopoverContent } from './popover-host';
import { TermIndex, type FoundTerm } from './term-index';
import { watchMutations } from './watch-mutations';

export interface Session {
  stop(): void;
  termCounts(): Array<{ id: string; count: number }>;
  /** Resolves when the current scan has finished (used by tests and tools). */
  readonly scanned: Promise<void>;
}

export function startSession(
  ctx: ContentScriptContext,
  matcher: Matcher,
  doc: Document = document,
  personal: ReadonlyMap<string, PersonalDisplayEntry> = new Map(),
): Session {
  const controller = new AbortController();
  const { signal } = controller;
  const layer = createHighlightLayer();
  const pageLayer = createHighlightLayer(PAGE_HIGHLIGHT_NAME);
  const index = new TermIndex(layer);
  const pageIndex = new TermIndex(pageLayer);
  const defs = new PageDefinitions(matcher);
  const popover = createPopoverHost(ctx);

  const scanner = createDocumentScanner({
    doc,
    matcher,
    index,
    signal,
    afterNode: definitionReader(defs),
    // Web components change on their own: each open shadow root gets its own observer.
    onShadowRoot: (root) => {
      watchForChanges(root);
      adoptHighlightStyles(root, signal);
    },
  });
  const pageTerms = createPageTerms({ doc, index, pageIndex, defs, signal });
  // Terms are marked first; the page's own definitions are read after, then the terms only the page defines.
  const scanAll = () =>
    scanner
      .scanAll()
      .then(() => defs.readQueued(signal))
      .then(() => pageTerms.refresh());

  const describe = (term: FoundTerm): PopoverContent | null => {
    // Hovered before the definitions pass reached this block: read it now (one block is cheap).
    defs.readAround(term.node);
    const surface = term.node.data.slice(term.match.start, term.match.end);
    if (term.match.id.startsWith(PAGE_ID_PREFIX)) {
      const def = defs.pageMeaning(surface, term.node);
      return def ? { kind: 'page', words: { term: surface, text: def.text, conflict: def.conflict } } : null;
    }
    const mine = personal.get(term.match.id);
    if (mine) return { kind: 'personal', entry: mine };
    const def = defs.forEntry(term.match.id, term.node);
    return { kind: 'glossary', entryId: term.match.id, onPage: def && { term: def.term, text: def.text, conflict: false } };
  };

  const session: Session = {
    scanned: scanAll(),
    stop() {
      controller.abort();
      forgetShadowRoots(doc);
      index.clear();
      pageIndex.clear();
      layer.dispose();
      pageLayer.dispose();
      popover.destroy();
    },
    termCounts: () => index.termCounts(),
  };

  attachHover({ doc, indexes: [index, pageIndex], popover, describe, signal });
  function watchForChanges(root: Node) {
    watchMutations(
      root,
      {
        rescanNodes: (nodes) =>
          scanner
            .scan(nodes)
            .then(() => defs.readQueued(signal))
            .then(() => pageTerms.refresh(nodes)),
        addedElements: async (elements) => {
          for (const el of elements) await scanner.scanShadowRootsIn(el);
        },
        pruneRemoved: () => {
          index.prune();
          pageIndex.prune();
        },
        rescanAll: () => {
          index.prune();
          pageIndex.prune();
          return scanAll();
        },
      },
      signal,
    );
  }
  watchForChanges(doc.documentElement);
  ctx.onInvalidated(() => session.stop());
  return session;
}
