/**
 * The full pass over a document: walk the readable text (visible part first), match it,
 * and record the terms in the index (which builds the ranges and feeds the highlights).
 * Used by the content script's session and, unchanged, by the benchmark.
 */
import type { Matcher } from '../../../glossary/matcher';
import type { TermMatch } from '../../../glossary/types';
import { caretAt } from '../scan/caret';
import { inlineContext, lineHolder, readableTextNodes } from '../../../utils/readable-text';
import { nextSlice, scanInSlices, scanStart, tally, textAfter } from '../scan/scan-in-slices';
import { openShadowRoots, rememberShadowRoot, shadowRootSearch } from '../scan/shadow-roots';
import type { FarWalk } from './far-text';
import type { TermIndex } from './term-index';

export interface DocumentScanner {
  /**
   * Scans the whole document, starting with the text on screen; with `screenFirst` false, in
   * document order (a rescan after a flood of changes: finding the text on screen would force a
   * layout of the page the flood just changed, 30 ms or more on the bench's mutation storm, while
   * the marks already on screen stay until their text is read again).
   */
  scanAll(screenFirst?: boolean): Promise<void>;
  /** Rescans the given text nodes (changed or added by the page). */
  scan(nodes: Iterable<Text>): Promise<void>;
  /** Reads the open shadow roots at or under an element the page added. */
  scanShadowRootsIn(root: Element): Promise<void>;
  /** Whether a node's matches were found before the matcher's spelling tables came (matched again once they are in). */
  isUnsure(node: Text): boolean;
  /**
   * The text nodes read since the last full scan began, still in the page, in the order read: what the
   * page-only pass goes over (on a long page, the text held back is not read, and need not be walked).
   */
  textRead(): Iterable<Text>;
  /** Forgets the text read inside `root` (an element that became an editor). */
  forgetInside(root: Node): void;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The text around a node on its line as one string, to tell whether it changed. */
const lineKey = (around: { before: string; after: string }) => `${around.before}\u0000${around.after}`;

/** Bits of cutEdges: the word goes on in the next text node, or comes from the previous one. */
const CUT_AT_END = 1;
const CUT_AT_START = 2;

/** Where a text node's first or last word goes on in a neighbouring text node (see dropCutWords). */
export function cutEdges(node: Text): number {
  const text = node.data;
  const next = node.nextSibling;
  const prev = node.previousSibling;
  let edges = 0;
  if (next?.nodeType === 3 && WORD_CHAR.test(text.slice(-1)) && WORD_CHAR.test((next as Text).data.charAt(0))) edges |= CUT_AT_END;
  if (prev?.nodeType === 3 && WORD_CHAR.test(text.charAt(0)) && WORD_CHAR.test((prev as Text).data.slice(-1))) edges |= CUT_AT_START;
  return edges;
}

/**
 * Matches at a text node's edge where the word goes on in the neighbouring text node are
 * dropped: a page (or its framework) that splits "immunotherapy" into "immunotherap" + "y"
 * shows one word, and "immunotherap" alone must not be explained as a misspelling.
 */
export function dropCutWords(node: Text, matches: TermMatch[], edges = matches.length ? cutEdges(node) : 0): TermMatch[] {
  if (matches.length === 0 || edges === 0) return matches;
  const end = node.data.length;
  return matches.filter((m) => !(edges & CUT_AT_END && m.end === end) && !(edges & CUT_AT_START && m.start === 0));
}

/** The text node at the top of the viewport, so the scan starts with what the reader sees. */
export function firstVisibleText(doc: Document): Text | null {
  const w = doc.documentElement.clientWidth;
  for (const y of [8, 48, 120]) {
    for (const x of [w * 0.3, w * 0.5, 24]) {
      const caret = caretAt(doc, x, y);
      if (caret && caret.node.nodeType === 3) return caret.node as Text;
    }
  }
  return null;
}

function* none(): Generator<Text> {}

/** Text nodes a full scan walked past without reading (nearPart), by where they came from. */
interface LookedAhead {
  below: Text[];
  rest: Text[];
}

/**
 * The part of a full scan read at once (`far`): every node when they hold at most about `eagerChars`
 * characters (a page read whole: nodes are passed on until they hold `eagerChars`, and the page ends there),
 * else only the first `nearChars` characters of them. To tell the two apart it walks on without reading up to `eagerChars`: on a long page
 * the nodes walked past go to `aside`, unread, with what `where` said of each when it was walked (where it
 * came from), and the rest stays in the iterator.
 */
export function* nearPart<W>(
  nodes: Iterator<Text>,
  eagerChars: number,
  nearChars: number,
  where: () => W,
  aside: (node: Text, where: W) => void,
): Generator<Text> {
  let seen = 0;
  const near = Math.min(nearChars, eagerChars);
  while (seen < near) {
    const next = nodes.next();
    if (next.done) return;
    seen += next.value.data.length;
    yield next.value;
  }
  if (near === eagerChars) return;
  const walked: Array<[Text, W]> = [];
  let next = nodes.next();
  for (; !next.done && seen < eagerChars; next = nodes.next()) {
    walked.push([next.value, where()]);
    seen += next.value.data.length;
  }
  // The page ended within eagerChars: read whole.
  if (next.done) {
    for (const [node] of walked) yield node;
    return;
  }
  walked.push([next.value, where()]);
  for (const [node, w] of walked) aside(node, w);
}

export function createDocumentScanner(options: {
  doc: Document;
  matcher: Matcher;
  index: TermIndex;
  signal: AbortSignal;
  yieldToPage?: () => Promise<void>;
  /** Called after each text node is matched (e.g. to read the page's own definitions). */
  afterNode?: (node: Text, matches: readonly TermMatch[]) => void;
  /** Called the first time an open shadow root is read (e.g. to watch it for changes). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Long pages: a page of up to `eagerChars` characters is read whole; on a longer one a full scan reads
   * its first `nearChars` characters (from the screen on; default `eagerChars`) and hands the rest, unread,
   * to `defer` (far-text.ts), which reads what is near the viewport and holds back the rest.
   */
  far?: { eagerChars: number; nearChars?: number; defer(walk: FarWalk, signal: AbortSignal): Promise<void> };
}): DocumentScanner {
  const { doc, matcher, index, signal, yieldToPage, afterNode, onShadowRoot, far } = options;

  /** The text of open shadow roots (openShadowRoots, shadowRootSearch), each root noted as the scan reaches it. */
  function* shadowText(roots: Iterable<ShadowRoot>): Generator<Text> {
    for (const shadow of roots) {
      if (rememberShadowRoot(shadow)) onShadowRoot?.(shadow);
      yield* readableTextNodes(shadow);
    }
  }

  /**
   * Text nodes matched while the matcher's spelling tables were still loading (Matcher.deferred: the
   * content script's first slice is matched exactly, glossary/match-binary.ts). They are recorded
   * without the text they were read from, so no rescan keeps their matches, and are matched again
   * once the tables are in: before the scan's next slice (a scan waits for them after its first),
   * or when a scan ends.
   */
  const unsure = new Set<Text>();
  const matchUnsureAgain = async (): Promise<void> => {
    const loading = matcher.spellingLoaded();
    if (loading) await loading;
    if (signal.aborted || unsure.size === 0) return;
    const nodes = [...unsure];
    unsure.clear();
    await scan(nodes);
  };
  const pace = async () => {
    if (matcher.spellingLoaded()) return matchUnsureAgain();
    return (yieldToPage ?? nextSlice)();
  };

  /** Every text node read since the last full scan began (see textRead). */
  let read = new Set<Text>();
  /** read's size after it was last rid of nodes the page removed. */
  let readPruned = 0;
  const noteRead = (node: Text) => {
    read.add(node);
    // A page that keeps replacing its text (a ticker, a chat) would fill it with removed nodes: from time to time they go.
    if (read.size > 2 * readPruned + 4096) {
      for (const n of read) if (!n.isConnected) read.delete(n);
      readPruned = read.size;
    }
  };

  /**
   * The text around the node being matched on its line (inline elements), which the matcher asks
   * for only when a rule needs it ("<h2><span>SLEEP</span> AIDS</h2>": glossary/matcher.ts, TextContext).
   * One function for every node: it reads the node being matched.
   */
  let lineNode: Text | null = null;
  /** The line's text as the matcher was given it for the node being matched, or null when it asked for none. */
  let lineGiven: string | null = null;
  const lineAround = () => {
    if (!lineNode) return null;
    const around = inlineContext(lineNode);
    lineGiven = lineKey(around);
    return around;
  };
  /**
   * The nodes whose matches read the text around them on their line, and that text as it was then
   * ("SLEEP" before " AIDS"), with what holds the line (lineHolder: inlineContext reads nothing outside
   * it). A page that changes only a neighbour ("<span>SLEEP</span>" to "<span>Sleep</span>") leaves such
   * a node's own text as it was, so neither a rescan of what changed nor the unchanged-text check would
   * read it again: these are matched again whenever their line reads otherwise (lineChanged). Few
   * nodes: the matcher asks only when a word that is also an acronym stands near a node's edge.
   */
  const lineRead = new Map<Text, { key: string; holder: Node }>();
  /** lineRead's nodes by what holds their line: a change is checked against the lines it can touch only. */
  const linesIn = new Map<Node, Set<Text>>();
  /** lineRead's size after it was last rid of nodes the page removed. */
  let linesPruned = 0;
  const forgetLine = (node: Text) => {
    const seen = lineRead.get(node);
    if (!seen) return;
    lineRead.delete(node);
    const lines = linesIn.get(seen.holder);
    lines?.delete(node);
    if (lines?.size === 0) linesIn.delete(seen.holder);
  };
  const forgetLinesGone = () => {
    for (const node of [...lineRead.keys()]) if (!node.isConnected) forgetLine(node);
    linesPruned = lineRead.size;
  };
  const noteLine = (node: Text, key: string) => {
    const holder = lineHolder(node);
    const seen = lineRead.get(node);
    if (seen?.holder !== holder) {
      if (seen) forgetLine(node);
      let lines = linesIn.get(holder);
      if (!lines) linesIn.set(holder, (lines = new Set()));
      lines.add(node);
    }
    lineRead.set(node, { key, holder });
    // Lines the page removed without changing anything beside them are never checked again: from time to time they go.
    if (lineRead.size > 2 * linesPruned + 1024) forgetLinesGone();
  };
  const lineChanged = (node: Text): boolean => {
    const seen = lineRead.get(node);
    return seen !== undefined && seen.key !== lineKey(inlineContext(node));
  };
  /**
   * The nodes of lineRead whose line has changed since they were matched, among those whose line is held
   * where one of `changed` is (a text node's change reaches only the lines of its own holder); those gone
   * from the page are forgotten. Checking every such node of the page at every rescan (a batch of changes,
   * each segment of far text read) cost a line read per node each time, however far from the change.
   */
  function* changedLines(changed: Iterable<Text>): Generator<Text> {
    const holders = new Set<Node>();
    for (const node of changed) holders.add(lineHolder(node));
    for (const holder of holders) {
      const lines = linesIn.get(holder);
      if (!lines) continue;
      for (const node of [...lines]) {
        if (!node.isConnected) forgetLine(node);
        else if (lineChanged(node)) yield node;
      }
    }
  }

  const scan = (nodes: Iterable<Text>): Promise<void> => {
    // The page's changes, text near the reader: with them the nodes whose line the changes altered.
    if (lineRead.size === 0) return scanNodes(nodes);
    const seen = new Set<Text>();
    return scanNodes(
      (function* () {
        for (const node of nodes) {
          seen.add(node);
          yield node;
        }
        for (const node of changedLines(seen)) if (!seen.has(node)) yield node;
      })(),
    );
  };

  const scanNodes = (nodes: Iterable<Text>): Promise<void> => {
    // A long node is matched in windows; its matches are committed together after the last.
    let pending: TermMatch[] = [];
    let partial = false;
    const onText = (node: Text, text: string, offset: number, isLast: boolean) => {
      if (isLast) noteRead(node);
      // Unchanged since its matches were found (a rescan): kept as they are, page definitions included.
      if (offset === 0 && isLast && index.readFrom(node, text, () => cutEdges(node)) && !lineChanged(node)) return;
      const deferred = matcher.deferred;
      // A long node is matched in windows: only a whole node has the line's text around it.
      lineNode = offset === 0 && isLast ? node : null;
      lineGiven = null;
      const found = matcher.find(text, lineAround);
      if (lineGiven !== null) noteLine(node, lineGiven);
      else forgetLine(node);
      lineNode = null;
      if (offset === 0) {
        pending = found;
        partial = false;
      } else for (const m of found) pending.push({ ...m, start: m.start + offset, end: m.end + offset });
      if (matcher.deferred !== deferred) partial = true;
      if (isLast) {
        const edges = pending.length ? cutEdges(node) : 0;
        pending = dropCutWords(node, pending, edges);
        if (partial) unsure.add(node);
        else unsure.delete(node);
        const from = partial ? undefined : { text: offset === 0 ? text : node.data, edges };
        if (pending.length || index.has(node)) index.set(node, pending, from);
        afterNode?.(node, pending);
        pending = [];
      }
    };
    return scanInSlices({ nodes, onText, signal, yieldToPage: pace }).then(() => {
      if (signal.aborted) return;
      index.flush();
      if (unsure.size) return matchUnsureAgain();
    });
  };

  return {
    scan,
    // The light DOM first (on-screen text leading), then the text inside web components.
    // A full scan also stands in for changes too many to diff (scan/watch-mutations.ts): what it did
    // not read is forgotten, or a node split down to one character would keep its old highlights.
    scanAll: (screenFirst = true) => {
      const root = doc.body ?? doc.documentElement;
      const scanned = new Set<Text>();
      const mark = index.mark();
      read = new Set();
      readPruned = 0;
      // From the text on screen to the page's end, then from the top back to it, then web components' text.
      const start = screenFirst ? scanStart(root, firstVisibleText(doc)) : null;
      const fromStart = readableTextNodes(root, start);
      const above = start ? readableTextNodes(root, null, start) : none();
      // Web components' hosts are found by walking every element: walked ahead between the scan's slices
      // (after its first: the first marks do not wait), so the scan finds the walk done when it gets there.
      const hosts = shadowRootSearch(root);
      const shadow = shadowText(hosts.roots());
      void (yieldToPage ?? nextSlice)().then(() => {
        if (!signal.aborted) return hosts.walkAhead(signal, yieldToPage);
      });
      /** Whether `all` has got past the text below the start (to `above` and the web components' text). */
      let pastBelow = false;
      const all = (function* () {
        yield* fromStart;
        pastBelow = true;
        yield* above;
        yield* shadow;
      })();
      const ahead: LookedAhead = { below: [], rest: [] };
      const eager = far ? nearPart(all, far.eagerChars, far.nearChars ?? far.eagerChars, () => pastBelow, (node, past) => (past ? ahead.rest : ahead.below).push(node)) : all;
      // What is held back is forgotten too (it was not read): it is read again when the reader gets near it.
      // Every node is read here, each line-reader's line checked as it is (lineChanged).
      return scanNodes(tally(eager, scanned)).then(() => {
        if (signal.aborted) return;
        index.sweep(scanned, mark);
        forgetLinesGone();
        // On a long page the text nearPart walked past without reading goes first, each where it came from.
        const below = (function* () {
          yield* ahead.below;
          yield* fromStart;
        })();
        const rest = (function* () {
          yield* ahead.rest;
          yield* above;
          yield* shadow;
        })();
        return far?.defer({ below, after: (node) => textAfter(root, node), rest }, signal);
      });
    },
    scanShadowRootsIn: (root) => scan(shadowText(openShadowRoots(root))),
    isUnsure: (node) => unsure.has(node),
    *textRead() {
      for (const node of read) if (node.isConnected) yield node;
    },
    forgetInside(root) {
      for (const node of read) if (root.contains(node)) read.delete(node);
    },
  };
}
