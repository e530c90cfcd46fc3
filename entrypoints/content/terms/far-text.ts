/**
 * Text far from what the reader sees, on long pages: read (matched, its definitions and page-only
 * terms) when the reader scrolls near it, or when something needs every term of the page (the popup's
 * list, the keyboard's next and previous term), never in the background.
 *
 * On the 5 MB bench page reading all of the text cost several seconds of main thread (matching, the
 * page's definitions, the page-only pass) for text nobody had scrolled to, while only the terms near
 * the viewport were ever painted (near-viewport.ts). Pages of up to EAGER_CHARS characters are read
 * whole, as before; past that, the scan (document-scanner.ts) reads NEAR_CHARS from the screen on and
 * walks the rest without matching it, in segments of about SEGMENT_CHARS, which are measured in animation
 * frames (where the browser lays the page out anyway) and read now when near the viewport (or not
 * measurable), else held back by position until the reader scrolls near them.
 *
 * The text below the reader is not even walked past a few viewports under the read band: the walk
 * stops there and goes on as the reader scrolls down (on the 5 MB page, walking and measuring the
 * whole rest of the page was the largest part of what was left of our work). Only the text the scan
 * reaches after the page's end (the part above where it started, open shadow roots) is walked whole.
 */
import { nextSlice, runInSlices } from '../scan/scan-in-slices';
import { watchViewport } from './near-viewport';
import { bandAround, BUCKET_PX, ViewportBuckets } from './viewport-buckets';

/** Pages of up to this many characters of text are read whole, at once. */
export const EAGER_CHARS = 100_000;
/**
 * On a longer page, the characters read at once from the screen on (the rest is walked and measured): a few
 * viewports of text on most pages (on the 5 MB bench page, in a 1280 × 800 window, a viewport holds about
 * 1,900 characters, so 100,000 went 54 viewports down, where the read band is 3). Text of the read band
 * past them (a tall window, a page of dense small print) is read in the frame that measures it.
 */
export const NEAR_CHARS = 20_000;
/** Held-back text is grouped in segments of about this many characters (one measurement each). */
export const SEGMENT_CHARS = 8_000;
/** Viewports above and below the visible one that are read ahead of the reader. */
export const READ_MARGIN_VIEWPORTS = 2;
/**
 * Below the read band, text is walked (and measured) this many viewports further, so it is in place
 * before the reader gets there; past that the walk waits for the reader to scroll down.
 */
export const WALK_AHEAD_VIEWPORTS = 2;
/**
 * The walk down the page goes on in steps of about this many segments, each measured before the next;
 * while steps end still near the reader (they jumped to the page's end), each step is twice the last.
 */
const WALK_STEP_SEGMENTS = 4;
/** A segment measured taller than this is measured again in halves (see measure). */
const MAX_SPAN_PX = 4 * BUCKET_PX;
/** Measuring per animation frame stops after this long and goes on in the next frame. */
const MEASURE_BUDGET_MS = 4;
/** A tab in the background paints no frames: segments are measured by a timer after this long. */
const NO_FRAME_MS = 1000;
/** After a resize or a change of the page's size, held segments are measured again this much later. */
const REMEASURE_MS = 300;

type Segment = Text[];

/** The text a scan leaves after its eager part (document-scanner.ts). */
export interface FarWalk {
  /** From where the eager part ended down to the page's end, in document order: walked as the reader nears it. */
  below: Iterator<Text>;
  /** The same walk from just after `node` (from the page's top when null): the page removed where `below` had stopped. */
  after(node: Text | null): Iterator<Text>;
  /** What the scan reads after the page's end (the text above where it started, open shadow roots): walked whole. */
  rest: Iterator<Text>;
}

export interface FarText {
  /**
   * Walks the text a scan left (without matching it): all of `rest`, and `below` as far as a few viewports
   * under the reader. Holds the far part back and reads the near part; resolves once what was walked has
   * been measured and the near part read.
   */
  defer(walk: FarWalk, signal: AbortSignal): Promise<void>;
  /** Reads every held-back segment and the text not walked yet (the popup's list, the keyboard's steps); resolves when read. */
  readAll(): Promise<void>;
  /** Whether any text is still unread: held back, not measured yet, or not walked yet. */
  readonly pending: boolean;
  /** Text nodes walked and held back (not read). */
  readonly size: number;
  /** Whether this node is held back, unread. */
  holds(node: Text): boolean;
  /** The page changed these nodes and they are read now: no longer held back. */
  release(nodes: Iterable<Text>): void;
  /** Forgets every held segment and the walk below (a full rescan starts over). */
  clear(): void;
  dispose(): void;
}

/** The walk down the page, paused a few viewports below the reader. */
interface Down {
  walk: FarWalk;
  nodes: Iterator<Text>;
  /** The nodes walked so far, in order: the walk goes on from the last one still in the page. */
  trail: Text[];
  signal: AbortSignal;
  /** Segments in the next step. */
  step: number;
}

export function holdFarText(win: Window, read: (nodes: Text[]) => Promise<void>): FarText {
  const held = new ViewportBuckets<Segment>();
  /** Segments walked but not measured yet. */
  let unmeasured: Segment[] = [];
  /** Every node of a segment not read yet (held or unmeasured). */
  const unread = new Set<Text>();
  /** defer's waiters: resolved once nothing walked is left to measure and no walk is under way. */
  let settled: Array<() => void> = [];
  let measureFrame = 0;
  let measureTimer = 0;
  let frame = 0;
  let remeasureTimer = 0;
  let listening = false;
  let stopWatching = () => {};
  const releasedBoxes = new WeakSet<Node>();
  /** Reads in flight, so readAll (and defer) wait for them too. */
  const reading = new Set<Promise<void>>();
  /** Walks under way: readAll waits for their segments. */
  const walks = new Set<Promise<boolean>>();
  /** The walk down the page, when there is text below not walked yet. */
  let down: Down | null = null;
  let downWalking: Promise<boolean> | null = null;
  /** Bumped by clear(): a walk started before it keeps nothing it walked. */
  let generation = 0;

  const readSegments = (segments: Segment[]): Promise<void> => {
    const nodes: Text[] = [];
    for (const s of segments) for (const n of s) if (unread.delete(n) && n.isConnected) nodes.push(n);
    if (nodes.length === 0) return Promise.resolve();
    // Read in a task of its own: segments are measured in animation frames (measure, check), and a read
    // started there (its first scan slice, then the definitions' and the page-only pass's, each up to a
    // slice) ran in the frame's callbacks, before its style and paint, making the frame that much longer.
    const p = nextSlice()
      .then(() => read(nodes))
      .finally(() => reading.delete(p));
    reading.add(p);
    return p;
  };

  /**
   * Walks `nodes` (about `chars` characters of them) in slices into segments waiting to be measured;
   * resolves true when `nodes` ended. `onNode` sees each node walked.
   */
  const walk = (nodes: Iterator<Text>, signal: AbortSignal, chars: number, onNode?: (node: Text) => void): Promise<boolean> => {
    const gen = generation;
    let ended = false;
    let walked = 0;
    const some: Iterable<Text> = {
      [Symbol.iterator]: () => ({
        next: (): IteratorResult<Text> => {
          if (walked >= chars) return { done: true, value: undefined };
          const next = nodes.next();
          if (next.done) ended = true;
          else walked += next.value.data.length;
          return next;
        },
      }),
    };
    const segments: Segment[] = [];
    let segment: Segment = [];
    let segmentChars = 0;
    // Walking is cheap next to matching, but on a 5 MB page still tens of ms: in slices too, the first
    // one in a task of its own too (a walk down the page goes on from the frames that measure: settle, check).
    const slices = () =>
      runInSlices(
        some,
        (node) => {
          segment.push(node);
          onNode?.(node);
          segmentChars += node.data.length;
          if (segmentChars >= SEGMENT_CHARS) {
            segments.push(segment);
            segment = [];
            segmentChars = 0;
          }
        },
        { signal },
      );
    const p = nextSlice()
      .then(slices)
      .then(() => {
        walks.delete(p);
        if (segment.length) segments.push(segment);
        if (signal.aborted || gen !== generation) return true;
        for (const s of segments) for (const n of s) unread.add(n);
        unmeasured.push(...segments);
        return ended;
      });
    walks.add(p);
    return p;
  };

  /**
   * Where the walk down the page has got to, in page pixels: the top of the last node's element (its top,
   * so text set straight in a page-long element walks on), -Infinity when not known (walk on).
   */
  const walkedTo = (d: Down): number => {
    const last = d.trail[d.trail.length - 1];
    const el = last?.isConnected ? last.parentElement : null;
    if (!el) return -Infinity;
    const r = el.getBoundingClientRect();
    return r.width === 0 && r.height === 0 ? -Infinity : r.top + win.scrollY;
  };

  /** Whether the walk down the page should go on: its end is within WALK_AHEAD_VIEWPORTS under the read band. */
  const nearWalkEnd = (d: Down): boolean =>
    walkedTo(d) < bandAround(win.scrollY, win.innerHeight, READ_MARGIN_VIEWPORTS + WALK_AHEAD_VIEWPORTS)[1];

  /** One more step down the page; its segments are then measured (and the walk goes on if still near: settle). */
  const walkDown = () => {
    const d = down;
    if (!d || downWalking || d.signal.aborted) return;
    // The page removed the node the walk stopped at: a walker there would only go round the removed part.
    const last = d.trail[d.trail.length - 1];
    if (last && !last.isConnected) {
      let i = d.trail.length - 1;
      while (i >= 0 && !d.trail[i]!.isConnected) i--;
      d.trail.length = i + 1;
      d.nodes = d.walk.after(i >= 0 ? d.trail[i]! : null);
    }
    const step = walk(d.nodes, d.signal, d.step * SEGMENT_CHARS, (n) => d.trail.push(n));
    d.step *= 2;
    downWalking = step;
    void step.then((ended) => {
      downWalking = null;
      if (down !== d) return;
      if (ended) down = null;
      if (unmeasured.length) scheduleMeasure();
      else settle();
    });
  };

  /** Nothing left to measure: walk on down the page if the reader is near its end, else let defer's waiters go. */
  const settle = () => {
    if (unmeasured.length || walks.size > 0) return;
    if (down && nearWalkEnd(down)) return walkDown();
    if (down) down.step = WALK_STEP_SEGMENTS;
    if (down || held.size > 0) listen();
    const waiters = settled;
    settled = [];
    // Not in the frame that measured the last segments: the scan's waiters go on to the page's definitions
    // and the page-only pass, whose first slices ran in the frame's callbacks and held its paint back.
    if (waiters.length) void Promise.all([...reading]).then(nextSlice).then(() => waiters.forEach((w) => w()));
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
    void readSegments(now);
    if (unmeasured.length) return scheduleMeasure();
    settle();
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
    if (down && !downWalking && unmeasured.length === 0 && nearWalkEnd(down)) walkDown();
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
      // The page's length changed: whether to walk on down is asked again once these are measured (settle).
      if (again.length === 0 && !down) return;
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
    const waiters = settled;
    settled = [];
    waiters.forEach((w) => w());
  };

  const clear = () => {
    generation++;
    stopMeasuring();
    unmeasured = [];
    held.takeAll();
    unread.clear();
    down = null;
    downWalking = null;
  };

  return {
    async defer(far, signal) {
      const gen = generation;
      down = { walk: far, nodes: far.below, trail: [], signal, step: WALK_STEP_SEGMENTS };
      walkDown();
      await walk(far.rest, signal, Infinity);
      if (downWalking) await downWalking;
      if (signal.aborted || gen !== generation) return;
      // Nothing left to walk or measure (the scan read the whole page): done, without waiting for a frame.
      if (!down && unmeasured.length === 0) return void (await Promise.all([...reading]));
      await new Promise<void>((resolve) => {
        settled.push(resolve);
        // Whether to walk on is asked in a frame (settle, through measure), where the page is laid out anyway.
        if (!downWalking) scheduleMeasure();
      });
    },
    async readAll() {
      // Every walk under way ends first (their segments are read below), then the rest of the page is walked.
      while (walks.size > 0) await Promise.all([...walks]);
      const d = down;
      down = null;
      if (d && !d.signal.aborted) {
        const last = d.trail[d.trail.length - 1];
        if (last && !last.isConnected) d.nodes = d.walk.after([...d.trail].reverse().find((n) => n.isConnected) ?? null);
        await walk(d.nodes, d.signal, Infinity);
      }
      stopMeasuring();
      const all = [...unmeasured, ...held.takeAll()];
      unmeasured = [];
      await readSegments(all);
      await Promise.all([...reading]);
    },
    get pending() {
      return unread.size > 0 || down !== null || walks.size > 0;
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
