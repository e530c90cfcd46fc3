/**
 * Text far from what the reader sees, on long pages: read (matched, its definitions and page-only
 * terms) when the reader scrolls near it, or when something needs every term of the page (the popup's
 * list, the keyboard's next and previous term), never in the background.
 *
 * On the 5 MB bench page reading all of the text cost several seconds of main thread (matching, the
 * page's definitions, the page-only pass) for text nobody had scrolled to, while only the terms near
 * the viewport were ever painted (near-viewport.ts). Pages of up to EAGER_CHARS characters are read
 * whole, as before; past that, the scan (document-scanner.ts) walks the rest without matching it, in
 * segments of about SEGMENT_CHARS, which are measured in animation frames (where the browser lays the
 * page out anyway) and read now when near the viewport (or not measurable), else held back by
 * position until the reader scrolls near them.
 */
import { runInSlices } from '../scan/scan-in-slices';
import { watchViewport } from './near-viewport';
import { bandAround, BUCKET_PX, ViewportBuckets } from './viewport-buckets';

/** Characters of text read at once, from the screen on, before any is held back. */
export const EAGER_CHARS = 100_000;
/** Held-back text is grouped in segments of about this many characters (one measurement each). */
export const SEGMENT_CHARS = 8_000;
/** Viewports above and below the visible one that are read ahead of the reader. */
export const READ_MARGIN_VIEWPORTS = 2;
/** A segment measured taller than this is measured again in halves (see measure). */
const MAX_SPAN_PX = 4 * BUCKET_PX;
/** Measuring per animation frame stops after this long and goes on in the next frame. */
const MEASURE_BUDGET_MS = 4;
/** A tab in the background paints no frames: segments are measured by a timer after this long. */
const NO_FRAME_MS = 1000;
/** After a resize or a change of the page's size, held segments are measured again this much later. */
const REMEASURE_MS = 300;

type Segment = Text[];

export interface FarText {
  /**
   * Walks the rest of a scan's text (without matching it), holds the far part back and reads the
   * near part; resolves once every segment has been measured and the near ones read.
   */
  defer(rest: Iterator<Text>, signal: AbortSignal): Promise<void>;
  /** Reads every held-back segment (the popup's list, the keyboard's steps); resolves when read. */
  readAll(): Promise<void>;
  /** Text nodes still held back (not read). */
  readonly size: number;
  /** Whether this node is held back, unread. */
  holds(node: Text): boolean;
  /** The page changed these nodes and they are read now: no longer held back. */
  release(nodes: Iterable<Text>): void;
  /** Forgets every held segment (a full rescan starts over). */
  clear(): void;
  dispose(): void;
}

export function holdFarText(win: Window, read: (nodes: Text[]) => Promise<void>): FarText {
  const held = new ViewportBuckets<Segment>();
  /** Segments walked but not measured yet. */
  let unmeasured: Segment[] = [];
  /** Every node of a segment not read yet (held or unmeasured). */
  const unread = new Set<Text>();
  /** Resolves the measuring's waiters once nothing is left to measure. */
  let measured: Array<() => void> = [];
  let measureFrame = 0;
  let measureTimer = 0;
  let frame = 0;
  let remeasureTimer = 0;
  let listening = false;
  let stopWatching = () => {};
  const releasedBoxes = new WeakSet<Node>();
  /** Reads in flight, so readAll waits for them too. */
  const reading = new Set<Promise<void>>();
  /** A scan's rest being walked (see defer): readAll waits for its segments. */
  let walking: Promise<void> | null = null;

  const readSegments = (segments: Segment[]): Promise<void> => {
    const nodes: Text[] = [];
    for (const s of segments) for (const n of s) if (unread.delete(n) && n.isConnected) nodes.push(n);
    if (nodes.length === 0) return Promise.resolve();
    const p = read(nodes).finally(() => reading.delete(p));
    reading.add(p);
    return p;
  };

  /** The page-pixel span of a segment: its first, middle and last nodes' elements; null when not rendered. */
  const spanOf = (s: Segment, scrollY: number, rects: Map<Element, DOMRect>): [number, number] | null => {
    let top = Infinity;
    let bottom = -Infinity;
    for (const i of [0, s.length >> 1, s.length - 1]) {
      const el = s[i]!.parentElement;
      if (!el || !el.isConnected) continue;
      let r = rects.get(el);
      if (!r) rects.set(el, (r = el.getBoundingClientRect()));
      if (r.width === 0 && r.height === 0) continue;
      top = Math.min(top, r.top + scrollY);
      bottom = Math.max(bottom, r.bottom + scrollY);
    }
    return top === Infinity ? null : [top, bottom];
  };

  const measure = () => {
    measureFrame = 0;
    win.clearTimeout(measureTimer);
    measureTimer = 0;
    const deadline = performance.now() + MEASURE_BUDGET_MS;
    const scrollY = win.scrollY;
    const [bandTop, bandBottom] = bandAround(scrollY, win.innerHeight, READ_MARGIN_VIEWPORTS);
    const rects = new Map<Element, DOMRect>();
    const now: Segment[] = [];
    let i = 0;
    for (; i < unmeasured.length; i++) {
      const parts = [unmeasured[i]!];
      for (let s = parts.pop(); s; s = parts.pop()) {
        const span = spanOf(s, scrollY, rects);
        // Taller than a segment of text can be: its nodes are not in one stretch of the page (the scan's
        // wrap from the page's end to its top, a sidebar): measured again in halves.
        if (span && span[1] - span[0] > MAX_SPAN_PX && s.length > 1) {
          parts.push(s.slice(0, s.length >> 1), s.slice(s.length >> 1));
          continue;
        }
        // Not rendered (it may be shown without the page changing its text), near, or too tall to place: read now.
        if (!span || (span[1] >= bandTop && span[0] <= bandBottom) || !held.hold(s, span[0], span[1])) now.push(s);
      }
      if ((i & 7) === 7 && performance.now() >= deadline) {
        i++;
        break;
      }
    }
    unmeasured = unmeasured.slice(i);
    if (held.size > 0) listen();
    const done = readSegments(now);
    if (unmeasured.length) return scheduleMeasure();
    const waiters = measured;
    measured = [];
    void done.then(() => waiters.forEach((w) => w()));
  };

  function scheduleMeasure() {
    measureFrame ||= win.requestAnimationFrame(measure);
    measureTimer ||= win.setTimeout(measure, NO_FRAME_MS);
  }

  const check = () => {
    frame = 0;
    const [bandTop, bandBottom] = bandAround(win.scrollY, win.innerHeight, READ_MARGIN_VIEWPORTS);
    const near = held.take(bandTop, bandBottom);
    if (near.length) void readSegments(near);
  };

  const onScroll = (event: Event) => {
    const box = event.target as Element | null;
    // A scrolling box inside the page moves its text without moving the page: its segments are read (once per box).
    if (box !== null && box.nodeType === 1 && !releasedBoxes.has(box)) {
      releasedBoxes.add(box);
      const inside = held.takeIf((s) => box.contains(s[0]!));
      if (inside.length) void readSegments(inside);
    }
    frame ||= win.requestAnimationFrame(check);
  };

  const remeasureSoon = () => {
    if (remeasureTimer) return;
    remeasureTimer = win.setTimeout(() => {
      remeasureTimer = 0;
      const again = held.takeAll();
      if (again.length === 0) return;
      unmeasured.push(...again);
      scheduleMeasure();
    }, REMEASURE_MS);
  };

  function listen() {
    if (listening) return;
    listening = true;
    stopWatching = watchViewport(win, onScroll, remeasureSoon);
  }

  const stopMeasuring = () => {
    if (measureFrame) win.cancelAnimationFrame(measureFrame);
    win.clearTimeout(measureTimer);
    measureFrame = measureTimer = 0;
    const waiters = measured;
    measured = [];
    waiters.forEach((w) => w());
  };

  const clear = () => {
    stopMeasuring();
    unmeasured = [];
    held.takeAll();
    unread.clear();
  };

  return {
    async defer(rest, signal) {
      let segment: Segment = [];
      let chars = 0;
      const walked: Segment[] = [];
      // Walking is cheap next to matching, but on a 5 MB page still tens of ms: in slices too.
      const walk = runInSlices(
        { [Symbol.iterator]: () => rest },
        (node) => {
          segment.push(node);
          unread.add(node);
          chars += node.data.length;
          if (chars >= SEGMENT_CHARS) {
            walked.push(segment);
            segment = [];
            chars = 0;
          }
        },
        { signal },
      ).then(() => {
        if (segment.length) walked.push(segment);
        if (!signal.aborted) unmeasured.push(...walked);
      });
      walking = walk;
      await walk;
      if (walking === walk) walking = null;
      if (signal.aborted || unmeasured.length === 0) return;
      await new Promise<void>((resolve) => {
        measured.push(resolve);
        scheduleMeasure();
      });
    },
    async readAll() {
      if (walking) await walking;
      stopMeasuring();
      const all = [...unmeasured, ...held.takeAll()];
      unmeasured = [];
      await readSegments(all);
      await Promise.all([...reading]);
    },
    get size() {
      return unread.size;
    },
    holds: (node) => unread.has(node),
    release(nodes) {
      for (const n of nodes) unread.delete(n);
    },
    clear,
    dispose() {
      clear();
      stopWatching();
      if (frame) win.cancelAnimationFrame(frame);
      win.clearTimeout(remeasureTimer);
      listening = false;
    },
  };
}
