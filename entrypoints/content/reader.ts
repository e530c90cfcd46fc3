/**
 * The reader: the big part of the content script, loaded (index.ts) only in a frame worth reading.
 * Reads the settings, runs a session while Termlight is on for this site, and answers the popup's
 * "which terms are on this page?". Each frame that is worth reading has its own session and its
 * own popover.
 */
import { browser } from 'wxt/browser';
import type { PageContext } from '../../utils/quiet-content-script-context';
import { allowsFuzzy, canAddTerms, defaultMatcher, glossaryMatcher, provideMatchBinary, provideSpellingBinary } from '../../glossary/default-matcher';
import { hasMatchNames, matchNamesReady, provideMatchNames } from '../../glossary/match-data';
import {
  personalMatchEntries,
  personalToDisplayEntry,
  watchPersonalTerms,
  type PersonalTerm,
} from '../../utils/storage/personal-glossary';
import { parseStartState } from '../../utils/storage/start-state';
import type { StartRead } from '../../utils/storage/start-read';
import {
  isActiveFor,
  siteKey,
  watchComfort,
  watchSettings,
  type Comfort,
  type Settings,
} from '../../utils/storage/settings-store';
import {
  isExplainSelectionRequest,
  isPageTermsRequest,
  siteStateReport,
  type ExplainSelectionResponse,
  type PageTermsResponse,
} from '../../utils/messages';
import { frameSites, isEditableDocument, isExplainFrame, isTopFrame } from './scan/frame-gate';
import { startSession, type Session } from './session';
import { nextSlice } from './scan/scan-in-slices';
import { takeMatchNames, type ReaderMessages } from './reader-handoff';

/**
 * The reader's names file, listed among web_accessible_resources with a dynamic URL like reader.js
 * (wxt.config.ts): the glossary entries' names, which this bundle leaves out (glossary/match-data.ts).
 */
export const NAMES_FILE = '/reader-names.js';
/**
 * The spelling corrector's tables and exclusions (glossary/match-binary.ts), web-accessible with a
 * dynamic URL like the match data: asked for once that is in, so the first marks do not wait for them.
 */
export const SPELLING_FILE = '/match-spelling.bin';

/** The browser's own extension API object (see index.ts: the form of import() the store's linter accepts). */
declare const chrome: { runtime: { getURL(path: string): string } };

let loadingNames: Promise<void> | null = null;

/**
 * Starts loading the glossary's names, once per frame. Asked for after the first marks (see
 * readPage): the browser fetches and parses the file on a background thread, which on a busy
 * machine takes its CPU from the matcher's build and the first scan.
 */
function loadMatchNames(): void {
  if (hasMatchNames() || loadingNames) return;
  loadingNames = import(/* @vite-ignore */ chrome.runtime.getURL(NAMES_FILE)).then(
    () => {
      const names = takeMatchNames();
      if (names) provideMatchNames(names);
    },
    // Without them terms are still marked; cards and the page's definitions wait. Asked again on the next start.
    () => void (loadingNames = null),
  );
}

let loadingSpelling = false;

/**
 * Fetches the spelling file, once per frame. Until it is in, the matcher matches exactly and the
 * scan matches again what it read meanwhile (terms/document-scanner.ts); without it (it could not be
 * loaded), no word is corrected.
 */
function loadSpelling(): void {
  if (loadingSpelling) return;
  loadingSpelling = true;
  fetch(chrome.runtime.getURL(SPELLING_FILE))
    .then((response) => (response.ok ? response.arrayBuffer() : null))
    .catch(() => null)
    .then(provideSpellingBinary);
}

/** Runs `run` once the next frame has been painted, or after `latest` ms (a hidden tab paints no frames). */
function afterNextPaint(run: () => void, latest: number): void {
  const timer = setTimeout(run, latest);
  requestAnimationFrame(() =>
    setTimeout(() => {
      clearTimeout(timer);
      run();
    }, 0),
  );
}

/** The popup's list waits at most this long for text still held back on a long page (its own limit is 3 s). */
const PAGE_TERMS_WAIT_MS = 2000;

/** At the latest this long after the reader starts, its names are asked for (a tab in the background). */
const NAMES_LATEST_MS = 1000;

export async function readPage(ctx: PageContext, matchFile: Promise<ArrayBuffer>, startRead: StartRead): Promise<ReaderMessages> {
  const host = siteKey(location.href);
  const sites = frameSites(window, siteKey);
  let session: Session | null = null;
  const fuzzy = allowsFuzzy(document.documentElement.lang);
  // The match data was fetched while this module loaded (index.ts); without it nothing can be marked.
  provideMatchBinary(await matchFile);
  // The spelling data, asked for now: it comes while the first terms are matched exactly.
  if (fuzzy) loadSpelling();
  // The shipped matcher (most readers have no terms of their own, so it is the one the session uses).
  defaultMatcher({ fuzzy });
  // Its build and the session's start (its first scan slice, which marks the terms on screen) run as two
  // tasks: in one they were 30–40 ms of CPU, the longest task of ours on the 5 MB bench page (session 22),
  // and over 50 ms on a busy machine. The page's own tasks may run between; nothing is read or marked there.
  await nextSlice();
  // Everything start-up needs from storage, read by the first stage before it loaded this module: long
  // answered by now, unless a setting changed since (then read again). The watchers below are set up in
  // the same task as this answer, so no change falls between.
  const start = parseStartState(await startRead.current());
  let settings: Settings = start.settings;
  let comfort: Comfort = start.comfort;
  // Damaged personal storage: explain built-in terms only, and never write to it from here.
  let personalTerms: PersonalTerm[] = start.personal.ok ? start.personal.terms : [];

  const apply = () => {
    const active =
      sites.length > 0 &&
      sites.every((site) => isActiveFor(site, settings.enabled, settings.disabledSites)) &&
      // A page switched into design mode is being edited now: it stays alone (see scan/watch-mutations.ts).
      !isEditableDocument(document);
    if (active && !session && ctx.isValid) {
      // The reader's own terms give way to the glossary's names (personal-glossary.ts): wait for them,
      // and for the spelling file, whose exclusions a matcher with more words needs (default-matcher.ts).
      if (personalTerms.length > 0 && (!hasMatchNames() || (fuzzy && !canAddTerms()))) {
        loadMatchNames();
        void Promise.all([matchNamesReady, fuzzy ? defaultMatcher({ fuzzy }).spellingLoaded() : null]).then(apply);
        return;
      }
      const personal = new Map(personalTerms.map((t) => [t.id, personalToDisplayEntry(t)]));
      session = startSession({
        ctx,
        matcher: glossaryMatcher(personalMatchEntries(personalTerms), { fuzzy }),
        personal,
        comfort,
        onEditable: apply,
      });
    }
    if (!active && session) {
      session.stop();
      session = null;
    }
  };

  // The toolbar icon shows "off" on a site switched off. The top frame speaks for the tab; a new page
  // starts with the icon's global state, so it says nothing until its site is off, then every change.
  let reportedSite = false;
  const reportSiteState = () => {
    const siteOff = host !== null && settings.disabledSites.includes(host);
    if (!isTopFrame(window) || (!siteOff && !reportedSite)) return;
    reportedSite = true;
    browser.runtime.sendMessage(siteStateReport(siteOff)).catch(() => {});
  };
  // A page restored from the back-forward cache is a new page to the toolbar icon.
  const onPageShow = (e: PageTransitionEvent) => {
    if (!e.persisted || !reportedSite) return;
    reportedSite = false;
    reportSiteState();
  };
  window.addEventListener('pageshow', onPageShow, { signal: ctx.signal });
  reportSiteState();

  // Applied to open tabs at once: no reload needed.
  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
    reportSiteState();
  });
  // Comfort settings (marks, hover delay, text size) too, without rescanning the page.
  const unwatchComfort = watchComfort((next) => {
    comfort = next;
    session?.setComfort(next);
  });
  // A term added or edited on the options page shows up in open tabs at once.
  const unwatchPersonal = watchPersonalTerms((state) => {
    if (!state.ok) return;
    personalTerms = state.terms;
    session?.stop();
    session = null;
    apply();
  });
  ctx.onInvalidated(() => {
    unwatch();
    unwatchComfort();
    unwatchPersonal();
    session?.stop();
  });

  // The popup asks the whole tab; only the top page answers (a frame answering first would
  // replace the page's terms with its own). The keyboard command goes to the frame that has the
  // selection or focus: every frame's session hears it, and only one with a selection acts.
  const onMessage = (message: unknown): Promise<PageTermsResponse | ExplainSelectionResponse> | undefined => {
    if (isPageTermsRequest(message)) {
      if (!isTopFrame(window)) return undefined;
      const answer = () => ({ host, terms: session?.termCounts() ?? [], pageDefined: session?.pageDefinedTerms() ?? [] });
      // On a long page, text far from the reader is read now (terms/far-text.ts); the popup waits
      // REPLY_TIMEOUT_MS for an answer, so past PAGE_TERMS_WAIT_MS it gets what is read so far.
      if (!session) return Promise.resolve(answer());
      return Promise.race([session.readAll(), new Promise((resolve) => setTimeout(resolve, PAGE_TERMS_WAIT_MS))]).then(answer);
    }
    if (isExplainSelectionRequest(message)) {
      // Switched off here: the reader chose that, so the shortcut does nothing on this site.
      if (!isExplainFrame(message, window, document)) return undefined;
      session?.explainSelection();
      return Promise.resolve({ handled: session !== null });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  apply();
  // The session's first scan slice has marked the terms on screen (they are painted in the next frame):
  // the names are asked for after that.
  afterNextPaint(loadMatchNames, NAMES_LATEST_MS);
  // The message that made the first stage load the reader came before this listener: it is passed on.
  return onMessage;
}
