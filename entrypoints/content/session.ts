/**
 * One "on" period of Termlight in a page: scan, highlight, read the page's own
 * definitions, hover, follow changes. Everything it sets up hangs off one AbortSignal,
 * so stopping undoes all of it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { matchEntry } from '../../glossary/match-data';
import type { Matcher } from '../../glossary/matcher';
import { MAX_PAGE_MEANING_LENGTH, MAX_PAGE_TERM_LENGTH, type PageDefinedTerm } from '../../utils/messages';
import type { PersonalDisplayEntry } from '../../utils/storage/personal-glossary';
import { DEFAULT_COMFORT, type Comfort } from '../../utils/storage/settings-store';
import { createDocumentScanner } from './terms/document-scanner';
import { createExplainCommand } from './keyboard/explain-command';
import { createHighlightLayer, PAGE_HIGHLIGHT_NAME } from './terms/highlights';
import { attachHover, HOVER_TIMINGS } from './hover/hover';
import { createMarks, fanOut, STYLE_NAMES } from './terms/mark-style';
import { definitionReader, PageDefinitions } from './terms/page-definitions';
import { isEditableDocument } from './scan/frame-gate';
import { forgetShadowRoots } from './scan/shadow-roots';
import { adoptHighlightStyles } from './terms/shadow-highlight-styles';
import { createPageTerms, PAGE_ID_PREFIX } from './terms/page-only-terms';
import { createPopoverHost } from './popover/host';
import type { PopoverContent } from './popover/types';
import { TermIndex, type FoundTerm } from './terms/term-index';
import { createTermSteps } from './keyboard/term-steps';
import { watchMutations } from './scan/watch-mutations';

export interface Session {
  stop(): void;
  termCounts(): Array<{ id: string; count: number }>;
  /** Abbreviations only the page defines (or redefines) that are marked, with the page's meaning. */
  pageDefinedTerms(): PageDefinedTerm[];
  /** Applies the reader's comfort settings at once (marks, hover delay, text size). */
  setComfort(comfort: Comfort): void;
  /** The keyboard command: explains the selected term (or the one at the cursor, or the first on screen). */
  explainSelection(): void;
  /** Resolves when the current scan has finished (used by tests and tools). */
  readonly scanned: Promise<void>;
}

export function startSession(
  ctx: ContentScriptContext,
  matcher: Matcher,
  doc: Document = document,
  personal: ReadonlyMap<string, PersonalDisplayEntry> = new Map(),
  initialComfort: Comfort = DEFAULT_COMFORT,
  /** The document became an editor (design mode): the caller ends the session (default: it ends itself). */
  onEditable?: () => void,
): Session {
  const controller = new AbortController();
  const { signal } = controller;
  const win = doc.defaultView!;
  let comfort = initialComfort;
  const layer = createHighlightLayer();
  const pageLayer = createHighlightLayer(PAGE_HIGHLIGHT_NAME);
  // The marks (style, first mentions) follow every change of the indexes.
  const index = new TermIndex(fanOut(layer, { added: () => marks.changed(), removed: () => marks.changed() }));
  const pageIndex = new TermIndex(fanOut(pageLayer, { added: () => pageMarks.changed(), removed: () => pageMarks.changed() }));
  const marks = createMarks({ win, index, all: layer, first: createHighlightLayer(null), nameFor: (s) => STYLE_NAMES[s].terms });
  const pageMarks = createMarks({ win, index: pageIndex, all: pageLayer, first: createHighlightLayer(null), nameFor: (s) => STYLE_NAMES[s].page });
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

  /** A glossary or personal entry by id (a word the reader selected that the scan did not mark). */
  const describeId = (id: string): PopoverContent | null => {
    const mine = personal.get(id);
    if (mine) return { kind: 'personal', entry: mine };
    return matchEntry(id) ? { kind: 'glossary', entryId: id, onPage: null } : null;
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
      marks.dispose();
      pageMarks.dispose();
      popover.destroy();
    },
    termCounts: () => index.termCounts(),
    pageDefinedTerms: () =>
      pageIndex.termCounts().flatMap(({ id, count }) => {
        const term = id.slice(PAGE_ID_PREFIX.length);
        const def = defs.pageMeaning(term, doc.documentElement);
        const fits = def && term.length <= MAX_PAGE_TERM_LENGTH && def.text.length <= MAX_PAGE_MEANING_LENGTH;
        return fits ? [{ term, meaning: def.text, count, conflict: def.conflict }] : [];
      }),
    setComfort(next) {
      comfort = next;
      marks.apply(next);
      pageMarks.apply(next);
      popover.setTextSize(next.textSize);
    },
    explainSelection: () => explain(),
  };

  const indexes = [index, pageIndex];
  const hover = attachHover({
    doc,
    indexes,
    popover,
    describe,
    signal,
    timing: () => HOVER_TIMINGS[comfort.hoverDelay],
  });
  popover.onStep = createTermSteps({ win, indexes, hover, popover });
  const explain = createExplainCommand({ doc, indexes, matcher, hover, describeId });
  session.setComfort(comfort);
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
        becameEditable: (element) => {
          index.forgetInside(element);
          pageIndex.forgetInside(element);
          if (hover.shown && element.contains(hover.shown.node)) hover.close();
        },
        documentEditable: () => {
          if (!isEditableDocument(doc)) return false;
          (onEditable ?? session.stop)();
          return true;
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
