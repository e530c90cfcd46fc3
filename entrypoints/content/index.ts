/**
 * Termlight's content script, first stage. It runs in every frame of every page, so it is kept
 * small: it decides whether the frame is worth reading (scan/frame-gate.ts: not an editor, not an
 * ad or tracker, some text) and whether its text could hold a glossary term at all
 * (scan/text-gate.ts with the generated glossary/start-filter.ts), and only then loads the reader
 * (reader.ts, built as the extension file reader.js by entrypoints/reader/index.ts), which brings the
 * glossary's match data and everything else. Frames and pages with nothing to read or explain
 * never parse that code; until they get some, this stage answers the popup itself ("no terms") and
 * loads the reader when asked to explain a selection or when the reader's own terms are stored.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PageContext } from '../../utils/quiet-content-script-context';
import { isExplainFrame, isTopFrame, whenWorthReading } from './scan/frame-gate';
import { whenTermsMayBeHere } from './scan/text-gate';
import { requestStylesIfOn } from './page-start';
import { takeReader, takeStartRead, type ReaderMessages } from './reader-handoff';
import { countReading } from './scan/reading-for-tests';
import { DISABLED_SITES_KEY, ENABLED_KEY, parseDisabledSites, siteKey } from '../../utils/storage/start-keys';
import { readStart, type StartRead, type StoredValues } from '../../utils/storage/start-read';
import { mayHoldPersonalTerms, PERSONAL_TERMS_KEY } from '../../utils/storage/personal-terms-key';
import { isExplainSelectionRequest, isPageTermsRequest, type PageTermsResponse } from '../../utils/messages';
import { createStartFilter, type StartFilterData } from '../../glossary/start-filter';
import startFilterData from '../../glossary/generated/start-filter.json';

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
  // WXT's context would tell an older copy of this script to stop with a DOM event and a window message
  // any page script hears; the build gives this script utils/quiet-content-script-context.ts instead,
  // which sends neither (wxt.config.ts). This option keeps the message off should WXT's class come back.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void run(ctx);
  },
});

/**
 * The reader's file, as the manifest lists it among web_accessible_resources (wxt.config.ts) with
 * a dynamic URL: the address changes every browser session, so a page cannot probe for it.
 */
export const READER_FILE = '/reader.js';
/** The reader's match data (glossary/match-binary.ts), web-accessible with a dynamic URL like the reader. */
export const MATCH_FILE = '/match-data.bin';

/** The browser's own extension API object, present in content scripts of Chromium and Firefox. */
declare const chrome: { runtime: { getURL(path: string): string } };

/** The stored values that decide whether this stage loads the reader before the page's text does. */
const START_KEYS = [ENABLED_KEY, DISABLED_SITES_KEY, PERSONAL_TERMS_KEY];

async function run(ctx: PageContext) {
  // Pages being edited as a whole (designMode) are documents, not reading: leave them alone.
  if (document.designMode === 'on' || !(document instanceof HTMLDocument)) return;
  // Ads, trackers, editors and empty frames cost nothing until they grow or get text.
  if (!(await whenWorthReading(window, document, ctx.signal))) return;

  // One storage read of everything the content script needs to start: this stage decides with three of
  // the keys, and hands the answer to the reader, which would otherwise ask again and wait for the reply.
  // In the top frame the document-start stage (page-start.ts) made it already: taken over unless a start
  // key changed since (its answer would be out of date for the decisions below).
  const early = takeStartRead();
  const start = early?.unchanged() ? early : readStart();
  let reader: Promise<ReaderMessages | null> | null = null;
  const waiting = new AbortController();
  const load = (): Promise<ReaderMessages | null> => {
    if (!reader) {
      waiting.abort();
      // Counted until the reader listens; by then its session counts its own scan (reading-for-tests.ts).
      reader = countReading(loadReader(ctx, start));
      void reader.then(() => browser.runtime.onMessage.removeListener(listener));
    }
    return reader;
  };
  // Until the reader listens, this stage answers for it: the popup hears that this page has no
  // terms (it has none the reader could find), or the reader's answer once it has loaded; and
  // "explain this" loads the reader to explain.
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (isPageTermsRequest(message)) {
      if (!isTopFrame(window)) return undefined;
      const none: PageTermsResponse = { host: siteKey(location.href), terms: [], pageDefined: [] };
      return reader ? reader.then((messages) => messages?.(message)) : Promise.resolve(none);
    }
    if (isExplainSelectionRequest(message) && isExplainFrame(message, window, document)) {
      return load().then((messages) => messages?.(message));
    }
    return undefined;
  };
  // Answered through sendResponse: this stage uses Chromium's own `chrome` (utils/native-browser.ts),
  // whose listeners cannot answer with a promise; `true` keeps the channel open for the answer.
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): true | undefined => {
    const answer = onMessage(message);
    if (!answer) return undefined;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    waiting.abort();
    browser.runtime.onMessage.removeListener(listener);
  });
  if (await readerNeeded(waiting.signal, start.stored)) void load();
}

/**
 * Resolves true once this frame needs the reader: its text may hold a glossary term, the reader
 * has terms of their own, or (top page) Termlight is switched off for the site, which the reader
 * shows on the toolbar icon. A change to those settings loads it too (it then decides for
 * itself). False when `signal` aborts first. The text is read at once, beside the storage read:
 * on most pages it decides, and the reader's load is what the first marks wait for.
 */
function readerNeeded(signal: AbortSignal, stored: Promise<StoredValues>): Promise<boolean> {
  const decided = new AbortController();
  signal.addEventListener('abort', () => decided.abort(), { once: true });
  const needed = new Promise<boolean>((resolve) => {
    decided.signal.addEventListener('abort', () => resolve(decided.signal.reason === true), { once: true });
  });
  const yes = (need: boolean) => void (need && decided.abort(true));
  const filter = createStartFilter(startFilterData as StartFilterData);
  void whenTermsMayBeHere(document, filter.mayHoldTerm, decided.signal).then(yes);
  void whenSettingsNeedReader(decided.signal, stored).then(yes);
  return needed;
}

/** The settings' part of readerNeeded: resolves true when they need the reader now or after a change. */
async function whenSettingsNeedReader(signal: AbortSignal, read: Promise<StoredValues>): Promise<boolean> {
  const changed = new Promise<boolean>((resolve) => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && START_KEYS.some((key) => key in changes)) finish(true);
    };
    const finish = (need: boolean) => {
      browser.storage.onChanged.removeListener(onChanged);
      signal.removeEventListener('abort', onAbort);
      resolve(need);
    };
    const onAbort = () => finish(false);
    browser.storage.onChanged.addListener(onChanged);
    signal.addEventListener('abort', onAbort);
  });
  let stored: StoredValues;
  try {
    stored = await read;
  } catch {
    return true;
  }
  const disabled = parseDisabledSites(stored[DISABLED_SITES_KEY] ?? null);
  // The site is looked up only when some site is switched off (most people switch none).
  if (disabled.length > 0 && isTopFrame(window)) {
    const host = siteKey(location.href);
    if (host !== null && disabled.includes(host)) return true;
  }
  if (mayHoldPersonalTerms(stored[PERSONAL_TERMS_KEY])) return true;
  return changed;
}

/** Loads the reader's module and starts it; resolves with its message handler once it listens. */
async function loadReader(ctx: PageContext, start: StartRead): Promise<ReaderMessages | null> {
  // A module import runs the file in this content script's world (not the page's). Written as
  // `chrome.runtime.getURL` (Firefox has `chrome` too): the one form of import() with a computed address
  // that addons.mozilla.org's linter accepts (the polyfill's `browser` is renamed by the minifier).
  // Started first: fetching and compiling the reader is the longest wait before the first marks.
  const loading = import(/* @vite-ignore */ chrome.runtime.getURL(READER_FILE));
  // The reader's match data, fetched at the same time: neither waits for the other (the reader awaits
  // it only when it builds its matcher). Bytes, not source: nothing to parse (glossary/match-binary.ts).
  const matchFile = fetch(chrome.runtime.getURL(MATCH_FILE)).then((response) => {
    if (!response.ok) throw new Error(`${MATCH_FILE}: ${response.status}`);
    return response.arrayBuffer();
  });
  matchFile.catch(() => {});
  // The highlight rules come through a worker round trip (terms/highlight-names.ts): asked for now,
  // they arrive while the reader loads instead of after it has found the first terms. In the top frame
  // the document-start stage asked already, before the page was built (page-start.ts says why): then
  // this asks nothing (one request per page load).
  void requestStylesIfOn(start.stored, window);
  await loading;
  const readPage = takeReader();
  return readPage && ctx.isValid ? readPage(ctx, matchFile, start) : null;
}
