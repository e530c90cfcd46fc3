/**
 * Scans a page's text in small slices so no task blocks the page: each slice stops after
 * a few milliseconds and yields to the event loop. Text on screen is scanned first.
 */
import { isInSkippedSubtree, readableTextNodes } from '../../../utils/readable-text';

/** Work per slice. Far below the 50 ms "long task" line, so input stays responsive. */
export const SLICE_BUDGET_MS = 8;
/** Very long text nodes are matched in windows of about this many characters. */
export const WINDOW_CHARS = 16_384;

export interface ScanOptions {
  /** The text nodes to scan, e.g. orderedTextNodes(document.body, firstVisible). */
  nodes: Iterable<Text>;
  /** Called for each window of a text node; `offset` is where `text` starts in the node. */
  onText(node: Text, text: string, offset: number, isLast: boolean): void;
  /** Called once per node, before its first window. */
  onNodeStart?(node: Text): void;
  signal: AbortSignal;
  /** Yields to the event loop between slices. */
  yieldToPage?: () => Promise<void>;
  now?: () => number;
}

// One channel for every yield: a message is not clamped like nested setTimeout(0) calls,
// and reusing the channel avoids creating a port pair per slice.
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];
/** Yields to the event loop (the default yieldToPage). */
export const nextSlice = () =>
  new Promise<void>((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/**
 * Splits long text into windows ending at a line or sentence break, so a term is never cut
 * in two (terms do not span sentences). Returns [start, end) pairs.
 */
export function textWindows(text: string, size = WINDOW_CHARS): Array<[number, number]> {
  if (text.length <= size) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    if (end < text.length) {
      const slice = text.slice(start + (size >> 1), end);
      // Cut just after the last line or sentence break in the window's second half; failing
      // that, after the last space (a word is never split).
      const cut = Math.max(slice.lastIndexOf('\n') + 1, slice.lastIndexOf('. ') + 2);
      const space = slice.lastIndexOf(' ');
      const at = cut > 1 ? cut : space >= 0 ? space + 1 : slice.length;
      end = start + (size >> 1) + at;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** Passes `nodes` on, noting each in `read` (so a full pass can forget what it did not read). */
export function* tally(nodes: Iterable<Text>, read: Set<Text>): Generator<Text> {
  for (const node of nodes) {
    read.add(node);
    yield node;
  }
}

/** `startAt` when a scan can start there (readable text under `root`), else null (from the top). */
export function scanStart(root: Node, startAt: Text | null | undefined): Text | null {
  return startAt && startAt.data.length > 1 && root.contains(startAt) && !isInSkippedSubtree(startAt, root) ? startAt : null;
}

/** Visits readable text nodes: from `startAt` to the end, then from the top back to `startAt`. */
export function* orderedTextNodes(root: Node, startAt: Text | null | undefined): Generator<Text> {
  const start = scanStart(root, startAt);
  if (start) yield* readableTextNodes(root, start);
  yield* readableTextNodes(root, null, start);
}

/** Readable text nodes after `node` (not `node` itself) to the end; from the top when `node` is null. */
export function* textAfter(root: Node, node: Text | null): Generator<Text> {
  const nodes = readableTextNodes(root, node);
  if (node) nodes.next();
  yield* nodes;
}

/**
 * Runs `work` on each item, slice by slice, like scanInSlices for work that is not text
 * (reading the page's definitions block by block). Resolves early (quietly) when aborted.
 */
export async function runInSlices<T>(
  items: Iterable<T>,
  work: (item: T) => void,
  options: { signal: AbortSignal; yieldToPage?: () => Promise<void>; now?: () => number },
): Promise<void> {
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? nextSlice;
  let deadline = now() + SLICE_BUDGET_MS;
  for (const item of items) {
    if (options.signal.aborted) return;
    work(item);
    if (now() >= deadline) {
      await yieldToPage();
      if (options.signal.aborted) return;
      deadline = now() + SLICE_BUDGET_MS;
    }
  }
}

/** Runs the scan to completion, slice by slice. Resolves early (quietly) when aborted. */
export async function scanInSlices(options: ScanOptions): Promise<void> {
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? nextSlice;
  let deadline = now() + SLICE_BUDGET_MS;

  for (const node of options.nodes) {
    if (options.signal.aborted) return;
    options.onNodeStart?.(node);
    const text = node.data;
    for (const [a, b] of textWindows(text)) {
      options.onText(node, a === 0 && b === text.length ? text : text.slice(a, b), a, b === text.length);
      // Awaiting only when the slice is spent keeps the common path free of microtasks.
      if (now() >= deadline) {
        await yieldToPage();
        if (options.signal.aborted) return;
        deadline = now() + SLICE_BUDGET_MS;
      }
    }
  }
}
