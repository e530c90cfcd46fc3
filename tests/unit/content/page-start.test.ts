// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestStylesIfOn, startPage } from '../../../entrypoints/content/page-start';
import { takeStartRead } from '../../../entrypoints/content/reader-handoff';
import { readStart } from '../../../utils/storage/start-read';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  takeStartRead();
});

const storage = () => fakeBrowser.storage as unknown as Parameters<typeof readStart>[0];
const read = () => readStart(storage());

/** A top page's window at `href` (what page-start reads of it: its location and its HTMLDocument class). */
function page(href: string, ancestors: string[] = []): Window {
  const url = new URL(href);
  return { location: { href, protocol: url.protocol, ancestorOrigins: ancestors }, origin: url.origin, HTMLDocument } as unknown as Window;
}

/** Lets the start read's answer and what follows it run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the document-start stage: the highlight rules asked for before the page is built', () => {
  it('asks for them at once on a site Termlight is on for, and leaves its one storage read to the first stage', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const request = vi.fn(() => Promise.resolve(true));
    startPage(page('https://news.example/a'), document, read, request);
    await settle();
    expect(request).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledTimes(1);
    // The first stage takes the same read (no second storage call), once.
    const start = takeStartRead();
    expect(start).toBeDefined();
    expect(start!.unchanged()).toBe(true);
    expect(await start!.current()).toEqual({});
    expect(get).toHaveBeenCalledTimes(1);
    expect(takeStartRead()).toBeUndefined();
  });

  it('asks for nothing where Termlight is off: switched off, or off for this site', async () => {
    const request = vi.fn(() => Promise.resolve(true));
    await fakeBrowser.storage.local.set({ enabled: false });
    startPage(page('https://news.example/a'), document, read, request);
    await settle();
    await fakeBrowser.storage.local.set({ enabled: true, disabledSites: ['news.example'] });
    startPage(page('https://news.example/b'), document, read, request);
    await settle();
    expect(request).not.toHaveBeenCalled();
    // A page on another site is asked for.
    startPage(page('https://other.example/'), document, read, request);
    await settle();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing on a page with no site (about:, data:) or a document that is not HTML', async () => {
    const request = vi.fn(() => Promise.resolve(true));
    startPage(page('about:blank'), document, read, request);
    await settle();
    expect(request).not.toHaveBeenCalled();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const xml = new DOMParser().parseFromString('<a/>', 'application/xml');
    startPage(page('https://news.example/feed.xml'), xml, read, request);
    await settle();
    expect(get).not.toHaveBeenCalled();
    expect(request).not.toHaveBeenCalled();
  });

  it('its read is not taken over once a start key has changed since it was asked for', async () => {
    startPage(page('https://news.example/a'), document, read, () => Promise.resolve(true));
    await settle();
    await fakeBrowser.storage.local.set({ disabledSites: ['news.example'] });
    expect(takeStartRead()!.unchanged()).toBe(false);
  });

  it('a failed read asks for nothing (the session asks again when it starts)', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('no storage'));
    const request = vi.fn(() => Promise.resolve(true));
    startPage(page('https://news.example/a'), document, read, request);
    await settle();
    expect(request).not.toHaveBeenCalled();
  });
});

describe('requestStylesIfOn in a frame (the first stage, where the document-start stage does not run)', () => {
  it("follows the top page's switch too", async () => {
    const request = vi.fn(() => Promise.resolve(true));
    const frame = page('https://widget.example/w', ['https://top.example']);
    await requestStylesIfOn(Promise.resolve({ disabledSites: ['top.example'] }), frame, request);
    expect(request).not.toHaveBeenCalled();
    await requestStylesIfOn(Promise.resolve({ disabledSites: ['elsewhere.example'] }), frame, request);
    expect(request).toHaveBeenCalledTimes(1);
  });
});
