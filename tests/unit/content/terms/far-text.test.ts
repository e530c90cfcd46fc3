/**
 * Text held back on long pages, with a fake window: positions come from a stubbed
 * getBoundingClientRect, frames run when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { READ_MARGIN_VIEWPORTS, SEGMENT_CHARS, holdFarText } from '../../../../entrypoints/content/terms/far-text';
import { fakeWindow, VIEWPORT } from '../../support/fake-window';

/** The fake window, with frames asked for after an await (the walk is sliced) let in too. */
function fakePage() {
  const base = fakeWindow();
  return {
    ...base,
    async runFrames() {
      for (let i = 0; i < 5; i++) {
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
    const deferred = far.defer([near, distant][Symbol.iterator](), new AbortController().signal);
    await page.runFrames();
    await deferred;
    expect(read.has(near)).toBe(true);
    expect(read.has(distant)).toBe(false);
    expect(far.size).toBe(1);
    expect(far.holds(distant)).toBe(true);
    page.scrollTo(49_500);
    await page.runFrames();
    expect(read.has(distant)).toBe(true);
    expect(far.size).toBe(0);
    far.dispose();
  });

  it('reads text that is not rendered at once (it may be shown without its text changing)', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const hidden = textAt(50_000, page, true);
    const deferred = far.defer([hidden][Symbol.iterator](), new AbortController().signal);
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
    const deferred = far.defer(texts[Symbol.iterator](), new AbortController().signal);
    await page.runFrames();
    await deferred;
    expect(read.size).toBe(0);
    await far.readAll();
    expect([...read]).toEqual(texts);
    expect(far.size).toBe(0);
    far.dispose();
  });

  it('does not read again text the page changed (read by the change), nor text it removed', async () => {
    const page = fakePage();
    const { read, onRead } = reader();
    const far = holdFarText(page.win, onRead);
    const [changed, removed, kept] = [20_000, 40_000, 60_000].map((y) => textAt(y, page));
    const deferred = far.defer([changed!, removed!, kept!][Symbol.iterator](), new AbortController().signal);
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
    void far.defer(texts[Symbol.iterator](), new AbortController().signal);
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
    const deferred = far.defer([end, top][Symbol.iterator](), new AbortController().signal);
    await page.runFrames();
    await deferred;
    expect([...read]).toEqual([top]);
    expect(far.holds(end)).toBe(true);
    far.dispose();
  });
});
