/**
 * Text held back on long pages, with a fake window: positions come from a stubbed
 * getBoundingClientRect, frames run when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { READ_MARGIN_VIEWPORTS, SEGMENT_CHARS, WALK_AHEAD_VIEWPORTS, holdFarText, type FarWalk } from '../../../../entrypoints/content/terms/far-text';
import { fakeWindow, VIEWPORT } from '../../support/fake-window';

/** The fake window, with frames asked for after an await (the walk is sliced) let in too. */
function fakePage() {
  const base = fakeWindow();
  return {
    ...base,
    async runFrames(times = 5) {
      for (let i = 0; i < times; i++) {
        await new Promise((r) => setTimeout(r, 0));
        base.runFrames();
      }
    },
  };
}

/** One segment's worth of text in a paragraph at page y `top` (20 px high; 0 × 0 when `hidden`). */
function textAt(top: number, page: { win: Window }, hidden = false): Text {
  const parentElement = {
    isConnected: true,
    getBoundingClientRect: () =>
      hidden
        ? { top: 0, bottom: 0, width: 0, height: 0 }
        : { top: top - page.win.scrollY, bottom: top + 20 - page.win.scrollY, width: 100, height: 20 },
  };
  return { data: 'x'.repeat(SEGMENT_CHARS), isConnected: true, parentElement } as unknown as Text;
}

/** A scan's leftover text as far-text.ts gets it: `nodes` below the scan (in page order), `rest` after the page's end. */
function walkOf(nodes: Text[], rest: Text[] = []): FarWalk {
  return {
    below: nodes[Symbol.iterator](),
    after: (node) => nodes.slice(node ? nodes.indexOf(node) + 1 : 0).filter((n) => n.isConnected)[Symbol.iterator](),
    rest: rest[Symbol.iterator](),
  };
}

/** A page with a segment every 1,000 px, `count` of them, handed to far-text as the scan would (with `rest`), walked and measured. */
async function pageOfSegments(count: number, walk = (texts: Text[]) => walkOf(texts), rest: (page: { win: Window }) => Text[] = () => []) {
  const page = fakePage();
  const { read, onRead } = reader();
  const far = holdFarText(page.win, onRead);
  const texts = Array.from({ length: count }, (_, i) => textAt(i * 1000, page));
  const w = walk(texts);
  const extra = rest(page);
  if (extra.length) w.rest = extra[Symbol.iterator]();
  const deferred = far.defer(w, new AbortController().signal);
  await page.runFrames(20);
  await deferred;
  return { page, read, far, texts, extra };
}

function reader() {
  const read = new Set<Text>();
  return { read, onRead: async (nodes: Text[]) => void nodes.forEach((n) => read.add(n)) };
}

describe('holdFarText', () => {
  it('reads the text near the viewport at once and the far text when the reader scrolls near it', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const near = textAt(VIEWPORT * (1 + READ_MARGIN_VIEWPORTS) - 100, page);
    const distant = textAt(50_000, page);
    const deferred = far.defer(walkOf([near, distant]), new AbortController().signal);
    await page.runFrames();
    await deferred;
    expect(read.has(near)).toBe(true);
    expect(read.has(distant)).toBe(false);
    expect(far.size).toBe(1);
    expect(far.holds(distant)).toBe(true);
    page.scrollTo(49_500);
    await page.runFrames();
    expect(read.has(distant)).toBe(true);
    expect(far.pending).toBe(false);
    far.dispose();
  });

  it('only measures in the animation frame: the read, and the scan it hands back to, come after the frame', async () => {
    const page = fakeWindow();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const near = textAt(100, page);
    let handedBack = false;
    const deferred = far.defer(walkOf([near]), new AbortController().signal).then(() => void (handedBack = true));
    const tasks = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
    };
    await tasks(3);
    // A frame's callbacks and the microtasks they queue run before its style and paint.
    page.runFrames();
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(read.size).toBe(0);
    expect(handedBack).toBe(false);
    await tasks(3);
    expect(read.has(near)).toBe(true);
    await deferred;
    expect(handedBack).toBe(true);
    far.dispose();
  });

  it('reads text that is not rendered at once (it may be shown without its text changing)', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const hidden = textAt(50_000, page, true);
    const deferred = far.defer(walkOf([hidden]), new AbortController().signal);
    await page.runFrames();
    await deferred;
    expect(read.has(hidden)).toBe(true);
    far.dispose();
  });

  it('reads everything held back when every term is needed (the popup, the keyboard), and waits for it', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const texts = [20_000, 40_000, 60_000].map((y) => textAt(y, page));
    const deferred = far.defer(walkOf(texts), new AbortController().signal);
    await page.runFrames();
    await deferred;
    expect(read.size).toBe(0);
    await far.readAll();
    expect([...read]).toEqual(texts);
    expect(far.pending).toBe(false);
    far.dispose();
  });

  it('does not read again text the page changed (read by the change), nor text it removed', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const [changed, removed, kept] = [20_000, 40_000, 60_000].map((y) => textAt(y, page));
    const deferred = far.defer(walkOf([changed!, removed!, kept!]), new AbortController().signal);
    await page.runFrames();
    await deferred;
    far.release([changed!]);
    (removed as { isConnected: boolean }).isConnected = false;
    await far.readAll();
    expect([...read]).toEqual([kept]);
    far.dispose();
  });

  it('waits for the walk when every term is asked for before it has ended', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const texts = [20_000, 40_000].map((y) => textAt(y, page));
    void far.defer(walkOf(texts), new AbortController().signal);
    await far.readAll();
    expect([...read]).toEqual(texts);
    far.dispose();
  });

  it('measures a segment whose nodes are far apart (the scan wrapping from the page end to its top) in parts', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const end = textAt(50_000, page);
    const top = textAt(100, page);
    // Short texts: both fall into one segment.
    for (const t of [end, top]) (t as { data: string }).data = 'x';
    const deferred = far.defer(walkOf([end, top]), new AbortController().signal);
    await page.runFrames();
    await deferred;
    expect([...read]).toEqual([top]);
    expect(far.holds(end)).toBe(true);
    far.dispose();
  });

  it('walks the text below only a few viewports past the read band, and on as the reader scrolls down', async () => {
    const walked: Text[] = [];
    // A 100,000 px page; the walk's nodes are counted as it takes them.
    const { page, read, far, texts } = await pageOfSegments(100, (nodes) => {
      const walk = walkOf(nodes);
      const below = walk.below;
      walk.below = {
        next: () => {
          const n = below.next();
          if (!n.done) walked.push(n.value);
          return n;
        },
      };
      return walk;
    });
    const ahead = VIEWPORT * (1 + READ_MARGIN_VIEWPORTS + WALK_AHEAD_VIEWPORTS);
    expect(read.has(texts[0]!)).toBe(true);
    // Walked past the band and the walk-ahead, but not much further: the rest is not even looked at.
    expect(walked.length).toBeGreaterThan(ahead / 1000);
    expect(walked.length).toBeLessThan(20);
    expect(far.holds(texts[50]!)).toBe(false);
    expect(far.pending).toBe(true);
    page.scrollTo(50_000);
    await page.runFrames(40);
    expect(read.has(texts[50]!)).toBe(true);
    expect(read.has(texts[90]!)).toBe(false);
    expect(walked.length).toBeLessThan(100);
    far.dispose();
  });

  it('goes on from the last node still in the page when the page removed where the walk stopped', async () => {
    const { page, read, far, texts } = await pageOfSegments(40);
    // Whatever was walked last, the page removes it and the node before it.
    let walkedTo = texts.length - 1;
    while (!far.holds(texts[walkedTo]!)) walkedTo--;
    for (const t of texts.slice(walkedTo - 1, walkedTo + 1)) (t as { isConnected: boolean }).isConnected = false;
    page.scrollTo(walkedTo * 1000);
    await page.runFrames(40);
    expect(read.has(texts[walkedTo + 1]!)).toBe(true);
    expect(read.has(texts[walkedTo]!)).toBe(false);
    far.dispose();
  });

  it('reads the text not walked yet too when every term is needed', async () => {
    const { read, far, texts, extra: rest } = await pageOfSegments(60, undefined, (page) => [textAt(500, page)]);
    expect(read.has(texts[59]!)).toBe(false);
    expect(read.has(rest[0]!)).toBe(true);
    await far.readAll();
    expect(texts.every((t) => read.has(t))).toBe(true);
    expect(far.pending).toBe(false);
    far.dispose();
  });
});
