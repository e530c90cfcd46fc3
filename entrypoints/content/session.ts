/**
 * One "on" period of Termlight in a page: scan, highlight, read the page's own
 * definitions, hover, follow changes. Everything it sets up hangs off one AbortSignal,
 * so stopping undoes all of it.
 */
import type { PageContext } from '../../utils/quiet-content-script-context';
import type { Matcher } from '../../glossary/matcher';
import type { PageDefinedTerm } from '../../utils/messages';
import type { PersonalDisplayEntry } from '../../utils/storage/personal-glossary';
import { DEFAULT_COMFORT, type Comfort } from '../../utils/storage/settings-store';
import { createDocumentScanner } from './terms/document-scanner';
import { createExplainCommand } from './keyboard/explain-command';
import { createHighlightLayer, HIGHLIGHT_NAME, PAGE_HIGHLIGHT_NAME } from './terms/highlights';
import { paintNearViewport } from './terms/near-viewport';
import type { FoundTerm } from './terms/term-index';
import { entryFlags, hasMatchNames, matchNamesReady } from '../../glossary/match-data';
import { attachHover, HOVER_TIMINGS } from './hover/hover';
import { createMarks, fanOut, STYLE_NAMES } from './terms/mark-style';
import { definitionReader, PageDefinitions } from './terms/page-definitions';
import { isEditableDocument } from './scan/frame-gate';
import { forgetShadowRoots } from './scan/shadow-roots';
import { adoptHighlightStyles } from './terms/shadow-highlight-styles';
import { requestHighlightStyles } from './terms/highlight-names';
import { createPageTerms } from './terms/page-only-terms';
import { createTermDescriber, pageDefinedTerms } from './terms/term-content';
import { createPopoverHost } from './popover/host';
import { TermIndex } from './terms/term-index';
import { holdUntilHealthPage } from './terms/health-page-hold';
import { createHealthPageGate } from '../../glossary/health-page';
import { createTermSteps } from './keyboard/term-steps';
import { watchMutations } from './scan/watch-mutations';
import { countReading } from './scan/reading-for-tests';
import { EAGER_CHARS, holdFarText, NEAR_CHARS, READ_MARGIN_VIEWPORTS } from './terms/far-text';
import { liveRange } from './hover/hit-test';
import { allTermsInOrder, isInViewport } from './keyboard/term-steps';
import { termsFrom } from './terms/term-order';

export interface Session {
  stop(): void;
  termCounts(): Array<{ id: string; count: number }>;
  /** Abbreviations only the page defines (or redefines) that are marked, with the page's meaning. */
  pageDefinedTerms(): PageDefinedTerm[];
  /** Applies the reader's comfort settings at once (marks, hover delay, text size). */
  setComfort(comfort: Comfort): void;
  /** The keyboard command: explains the selected term (or the one at the cursor, or the first on screen). */
  explainSelection(): void;
  /**
   * Reads the text held back on a long page (terms/far-text.ts), for what needs every term: the popup's
   * list; resolves when read (at once when nothing is held back).
   */
  readAll(): Promise<void>;
  /** Resolves when the current scan has finished (used by tests and tools). */
  readonly scanned: Promise<void>;
}

export interface SessionOptions {
  ctx: PageContext;
  matcher: Matcher;
  doc?: Document;
  /** The reader's own terms, by id, as the popover shows them. */
  personal?: ReadonlyMap<string, PersonalDisplayEntry>;
  comfort?: Comfort;
  /** The document became an editor (design mode): the caller ends the session (default: it ends itself). */
  onEditable?: () => void;
}

export function startSession(options: SessionOptions): Session {
  const { ctx, matcher, doc = document, personal = new Map(), comfort: initialComfort = DEFAULT_COMFORT, onEditable } = options;
  const controller = new AbortController();
  const { signal } = controller;
  const win = doc.defaultView!;
  let comfort = initialComfort;
  // Words most readers know ("surgery", "cervical cancer") are explained on hover but not marked:
  // marking them on every line would bury the words that need explaining.
  // Words that also have an everyday meaning ("colon", "mutation") and spelling corrections
  // are marked once the page shows it is about health (glossary/health-page.ts).
  const healthPage = createHealthPageGate(entryFlags);
  const marked = (t: FoundTerm) => entryFlags(t.match.id)?.everyday !== true && healthPage.admits(t.match);
  // First, so the rules are likely in before the first terms are found (once per page load).
  void requestHighlightStyles();
  const layer = createHighlightLayer(HIGHLIGHT_NAME, marked);
  const pageLayer = createHighlightLayer(PAGE_HIGHLIGHT_NAME);
  // The marks (style, first mentions) follow every change of the indexes.
  // Off-screen terms are painted as the reader scrolls near them (see near-viewport.ts).
  const nearViewport = paintNearViewport(win, layer);
  const held = holdUntilHealthPage(
    nearViewport,
    healthPage,
    () => marks.repaint(),
    (t) => !scanner.isUnsure(t.node),
  );
  const index = new TermIndex(fanOut(held, { added: () => marks.changed(), removed: () => marks.changed() }));
  const pageNearViewport = paintNearViewport(win, pageLayer);
  const pageIndex = new TermIndex(fanOut(pageNearViewport, { added: () => pageMarks.changed(), removed: () => pageMarks.changed() }));
  const marks = createMarks({ win, index, all: layer, first: createHighlightLayer(null, marked), nameFor: (s) => STYLE_NAMES[s].terms });
  const pageMarks = createMarks({ win, index: pageIndex, all: pageLayer, first: createHighlightLayer(null), nameFor: (s) => STYLE_NAMES[s].page });
  const defs = new PageDefinitions(matcher);
  const popover = createPopoverHost(ctx);
  /** Text changed or added by the page, or near the reader at last: matched, then its definitions and page-only terms. */
  const readNodes = (nodes: Text[]) =>
    countReading(
      scanner
        .scan(nodes)
        .then(() => defs.readQueued(signal))
        .then(() => pageTerms.refresh(nodes)),
    );
  // Long pages: text far from the reader is read when they get near it (or when every term is needed).
  const far = holdFarText(win, readNodes);

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
    far: { eagerChars: EAGER_CHARS, nearChars: NEAR_CHARS, defer: far.defer },
  });
  const pageTerms = createPageTerms({ doc, index, pageIndex, defs, signal, unread: far.holds, readText: scanner.textRead });
  // Terms are marked first; the page's own definitions are read after, then the terms only the page defines.
  const scanAll = (screenFirst = true) => {
    far.clear();
    return countReading(
      scanner
        .scanAll(screenFirst)
        .then(() => defs.readQueued(signal))
        .then(() => pageTerms.refresh()),
    );
  };
  /** Within the text read around the screen (far-text.ts), so nothing unread lies between it and the screen. */
  const isNearScreen = (t: FoundTerm) => {
    const r = liveRange(t).getBoundingClientRect();
    return (r.width > 0 || r.height > 0) && r.bottom > -READ_MARGIN_VIEWPORTS * win.innerHeight && r.top < (1 + READ_MARGIN_VIEWPORTS) * win.innerHeight;
  };
  /** Runs `then` once every held-back term is read (at once when none is). */
  const whenAllRead = (then: () => void) => {
    if (!far.pending) then();
    else void far.readAll().then(() => signal.aborted || then());
  };

  const { describe, describeId } = createTermDescriber(defs, personal);

  const session: Session = {
    scanned: scanAll(),
    stop() {
      controller.abort();
      forgetShadowRoots(doc);
      index.clear();
      pageIndex.clear();
      far.dispose();
      nearViewport.dispose();
      pageNearViewport.dispose();
      layer.dispose();
      pageLayer.dispose();
      marks.dispose();
      pageMarks.dispose();
      popover.destroy();
    },
    termCounts: () => index.termCounts(),
    pageDefinedTerms: () => pageDefinedTerms(pageIndex, defs, doc),
    setComfort(next) {
      comfort = next;
      marks.apply(next);
      pageMarks.apply(next);
      popover.setTextSize(next.textSize);
    },
    // With no term on screen, "the nearest term below" may be in text still held back: read it first.
    explainSelection: () =>
      whenNamed(() => {
        const onScreen = (t: FoundTerm) => isInViewport(liveRange(t).getBoundingClientRect(), win);
        if (!far.pending || indexes.some((index) => index.all().some(onScreen))) explain?.();
        else whenAllRead(() => explain?.());
      }),
    readAll: () => far.readAll(),
  };

  const indexes = [index, pageIndex];
  let hover: ReturnType<typeof attachHover> | null = null;
  let explain: (() => void) | null = null;
  // A card names its term, and the reader's bundle comes without the glossary's names: they load
  // after the first marks are painted (glossary/match-data.ts). Hover, the shortcut and the term steps start
  // once they are in (at once where they are bundled: extension pages, tests).
  const whenNamed = (start: () => void) => {
    if (hasMatchNames()) start();
    else void matchNamesReady.then(() => signal.aborted || start());
  };
  whenNamed(() => {
    const opener = attachHover({
      doc,
      indexes,
      popover,
      describe,
      signal,
      timing: () => HOVER_TIMINGS[comfort.hoverDelay],
    });
    hover = opener;
    const step = createTermSteps({ win, indexes, hover: opener, popover });
    // The next or previous term may be in text still held back, unless the next one read is near the
    // screen (the text around the screen is read): then the rest is read first.
    popover.onStep = (direction) => {
      const from = opener.shown;
      const next = from ? termsFrom(allTermsInOrder(indexes), from, direction)[0] : undefined;
      if (next && isNearScreen(next)) step(direction);
      else whenAllRead(() => step(direction));
    };
    explain = createExplainCommand({ doc, indexes, matcher, hover: opener, describeId });
  });
  session.setComfort(comfort);
  function watchForChanges(root: Node) {
    watchMutations(
      root,
      {
        rescanNodes: (nodes) => {
          far.release(nodes);
          return readNodes(nodes);
        },
        addedElements: async (elements) => {
          for (const el of elements) await scanner.scanShadowRootsIn(el);
        },
        pruneRemoved: () => {
          index.prune();
          pageIndex.prune();
        },
        becameEditable: (element) => {
          scanner.forgetInside(element);
          index.forgetInside(element);
          pageIndex.forgetInside(element);
          if (hover?.shown && element.contains(hover.shown.node)) hover.close();
        },
        documentEditable: () => {
          if (!isEditableDocument(doc)) return false;
          (onEditable ?? session.stop)();
          return true;
        },
        foundVersion: () => index.version + pageIndex.version,
        rescanAll: () => {
          index.prune();
          pageIndex.prune();
          return scanAll(false);
        },
      },
      signal,
    );
  }
  watchForChanges(doc.documentElement);
  ctx.onInvalidated(() => session.stop());
  return session;
}
