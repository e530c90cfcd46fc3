/**
 * Termlight's content script, first stage. It runs in every frame of every page, so it is kept
 * small: it decides whether the frame is worth reading (scan/frame-gate.ts: not an editor, not an
 * ad or tracker, some text) and only then loads the reader (reader.ts, built as the extension file
 * reader.js by entrypoints/reader.ts), which brings the glossary's match data and everything else.
 * Frames and pages with nothing to read never parse that code.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { frameSites, whenWorthReading } from './scan/frame-gate';
import { requestHighlightStyles } from './terms/highlight-names';
import { takeReader } from './reader-handoff';
import { disabledSitesItem, enabledItem, isActiveFor, parseDisabledSites, parseEnabled, siteKey } from '../../utils/storage/settings-store';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Articles are often framed (embedded readers, help widgets, srcdoc previews). about:blank and
  // about:srcdoc frames inherit the page's origin and are matched through their parent; data: and
  // blob: frames (match_origin_as_fallback) are left alone: they are rarely reading, and they would
  // widen where our code runs for little gain.
  allFrames: true,
  matchAboutBlank: true,
  // The popover's CSS goes into its shadow root; the page-level highlight CSS is its own entry.
  cssInjectionMode: 'ui',
  main(ctx) {
    void run(ctx);
  },
});

/**
 * The reader's file, as the manifest lists it among web_accessible_resources (wxt.config.ts) with
 * a dynamic URL: the address changes every browser session, so a page cannot probe for it.
 */
export const READER_FILE = '/reader.js';

/** The browser's own extension API object, present in content scripts of Chromium and Firefox. */
declare const chrome: { runtime: { getURL(path: string): string } };

async function run(ctx: ContentScriptContext) {
  // Pages being edited as a whole (designMode) are documents, not reading: leave them alone.
  if (document.designMode === 'on' || !(document instanceof HTMLDocument)) return;
  // Ads, trackers, editors and empty frames cost nothing until they grow or get text.
  if (!(await whenWorthReading(window, document, ctx.signal))) return;
  // A module import runs the file in this content script's world (not the page's). Written as
  // `chrome.runtime.getURL` (Firefox has `chrome` too): the one form of import() with a computed address
  // that addons.mozilla.org's linter accepts (the polyfill's `browser` is renamed by the minifier).
  // Started first: fetching and compiling the reader is the longest wait before the first marks.
  const loading = import(/* @vite-ignore */ chrome.runtime.getURL(READER_FILE));
  // The highlight rules come through a worker round trip (terms/highlight-names.ts): asked for now,
  // they arrive while the reader loads instead of after it has found the first terms.
  void requestStylesIfOn();
  await loading;
  const readPage = takeReader();
  if (readPage && ctx.isValid) await readPage(ctx);
}

/**
 * Asks for this page load's highlight rules when Termlight is on here. The two settings only: the
 * reader reads everything it needs (and follows changes) itself; a storage read is answered by the
 * browser, not the service worker, so this wakes nothing on sites Termlight is off on.
 */
async function requestStylesIfOn(): Promise<void> {
  try {
    const stored: Record<string, unknown> = await browser.storage.local.get([enabledItem.key, disabledSitesItem.key]);
    const enabled = parseEnabled(stored[enabledItem.key] ?? null);
    const disabled = parseDisabledSites(stored[disabledSitesItem.key] ?? null);
    const sites = frameSites(window, siteKey);
    if (sites.length > 0 && sites.every((site) => isActiveFor(site, enabled, disabled))) void requestHighlightStyles();
  } catch {
    // The session asks again when it starts.
  }
}
