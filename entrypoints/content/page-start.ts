/**
 * The content script's stage at document start, in the top frame only (built as the extension file
 * page-start.js by entrypoints/page-start/index.ts and listed in the manifest to run at
 * `document_start`, before the page's own HTML is parsed: wxt.config.ts).
 *
 * Why: the page-level ::highlight() rules (utils/page-styles/) must name this page load's random names,
 * so the background injects them with `scripting.insertCSS` when asked (terms/highlight-styles-request.ts
 * says why not a `<style>`, an adopted sheet or a manifest CSS file). A sheet of such rules added to a
 * built page makes Chromium restyle every element of it (a "Style rule change" on each: 449 ms, 20,909
 * elements, on the bench's 5 MB page), because `::highlight(name)` can be on any element. Asked for here,
 * the rules arrive while the document is still almost empty, and each element the parser adds afterwards
 * is styled once, with them.
 *
 * What it does: picks this page load's names, starts the content script's one storage read of its start
 * state (utils/storage/start-read.ts), and asks for the rules when the two switches say Termlight is on for
 * the site. The first stage (index.ts, at `document_idle`) takes over the read and the names (the isolated
 * world's global object, which page scripts never see), and asks for the rules itself in frames, where
 * this stage does not run: most of them are ads, trackers and widgets it skips, and it knows that only
 * once they are built. A storage read is answered by the browser, not the service worker, so sites
 * Termlight is off on wake nothing. What the page could see: nothing. This stage reads no DOM, changes
 * none, dispatches no event (it is an unlisted script, not a WXT content script with its context's
 * "started" event), and the sheet is out of the page's sight like before.
 */
import { requestHighlightStyles } from './terms/highlight-styles-request';
import { frameSites } from './scan/frame-sites';
import { offerStartRead } from './reader-handoff';
import { DISABLED_SITES_KEY, ENABLED_KEY, isActiveFor, parseDisabledSites, parseEnabled, siteKey } from '../../utils/storage/start-keys';
import { readStart, type StartRead, type StoredValues } from '../../utils/storage/start-read';

/**
 * Starts the page load's read and asks for the highlight rules if Termlight is on here. `doc` must be an
 * HTML document (the first stage leaves other documents alone too); `request` and `read` are parameters
 * for tests.
 */
export function startPage(
  win: Window,
  doc: Document,
  read: () => StartRead = readStart,
  request: () => Promise<unknown> = requestHighlightStyles,
): void {
  if (!isHtmlDocument(win, doc)) return;
  const start = read();
  offerStartRead(start);
  void requestStylesIfOn(start.stored, win, request);
}

function isHtmlDocument(win: Window, doc: Document): boolean {
  const Html = (win as Window & { HTMLDocument?: typeof HTMLDocument }).HTMLDocument;
  return Html !== undefined && doc instanceof Html;
}

/**
 * Asks for this page load's highlight rules when Termlight is on here, by the two switches of a start
 * read (the reader follows changes itself; the request is made once per page load, so asking again is
 * free); a storage read is answered by the browser, not the service worker, so this wakes nothing on
 * sites Termlight is off on.
 */
export async function requestStylesIfOn(
  read: Promise<StoredValues>,
  win: Window,
  request: () => Promise<unknown> = requestHighlightStyles,
): Promise<void> {
  try {
    const stored = await read;
    const enabled = parseEnabled(stored[ENABLED_KEY] ?? null);
    // isActiveFor's answer for every site, taken where it is the same for all (switched off; no site off).
    if (!enabled) return;
    const disabled = parseDisabledSites(stored[DISABLED_SITES_KEY] ?? null);
    const sites = frameSites(win, siteKey);
    if (sites.length > 0 && (disabled.length === 0 || sites.every((site) => isActiveFor(site, enabled, disabled)))) void request();
  } catch {
    // The session asks again when it starts.
  }
}
