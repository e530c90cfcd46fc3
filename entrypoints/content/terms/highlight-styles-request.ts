/**
 * The names this page load registers its highlights under in `CSS.highlights`, made on first use,
 * and the request for their ::highlight() rules. The page can read `CSS.highlights`: fixed names
 * told every script on the page that Termlight (a cancer glossary) was installed; these are random,
 * new for every page load and frame, and say nothing about us. Their ::highlight() rules are
 * injected by the background (utils/page-styles/), out of the page's sight. Apart from
 * highlight-names.ts (the names as a constant, for the reader's modules) so that the content
 * script's first stage, which imports only this, makes no names on the many pages and frames where
 * it loads no reader.
 */
import { browser } from 'wxt/browser';
import { HIGHLIGHT_ROLES, type HighlightNames, type HighlightRole } from '../../../utils/page-styles/highlight-css';
import { highlightStylesRequest } from '../../../utils/messages';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = LETTERS + '0123456789';

/**
 * A name such as "qz0k4tm2xa": a letter, then 7 to 15 letters or digits (the length varies too, so
 * the names share no shape a page could look for beyond "random").
 */
export function randomHighlightName(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(17));
  const length = 8 + (bytes[0]! % 9);
  let name = LETTERS[bytes[1]! % LETTERS.length]!;
  // 256 is not a multiple of 36: the small bias is harmless for names that only need to differ.
  for (let i = 2; name.length < length; i++) name += ALPHANUMERIC[bytes[i]! % ALPHANUMERIC.length]!;
  return name;
}

export function createHighlightNames(random?: (bytes: Uint8Array) => Uint8Array): HighlightNames {
  const names = {} as Record<HighlightRole, string>;
  const used = new Set<string>();
  for (const role of HIGHLIGHT_ROLES) {
    let name: string;
    do name = randomHighlightName(random);
    while (used.has(name));
    used.add(name);
    names[role] = name;
  }
  return Object.freeze(names);
}

/**
 * This page load's names and whether their rules were asked for, one per content script world (a
 * content script runs once per document). The content script's first stage (index.ts) and the reader
 * it loads later (reader.ts) are separate bundles, each with its own copy of this module: they share
 * this through the isolated world's global object, which page scripts never see.
 */
interface PageLoadStyles {
  names: HighlightNames;
  requested: Promise<unknown> | null;
}
const SHARED = Symbol.for('highlight-names.page-load');
const world = globalThis as { [SHARED]?: PageLoadStyles; highlightNamesForTests?: HighlightNames };

/** This page load's names and request, made by whichever bundle asks first. */
export function pageLoadStyles(): PageLoadStyles {
  return (world[SHARED] ??= { names: createHighlightNames(), requested: null });
}

// The end-to-end tests read the names here (scripting.executeScript into this isolated world:
// tests/e2e/pages/highlight-names.ts). Page scripts run in another world and cannot see it. A getter,
// so a frame that loads no reader makes its names only when a test asks (and its highlights are none).
if (!Object.getOwnPropertyDescriptor(world, 'highlightNamesForTests')) {
  Object.defineProperty(world, 'highlightNamesForTests', { configurable: true, get: () => pageLoadStyles().names });
}

/**
 * Asks the background to inject this frame's ::highlight() rules, once per page load.
 *
 * Why the background and `scripting.insertCSS`: the rules must be in a page-level stylesheet
 * (highlight pseudo-elements cannot be styled from our shadow root), and must name this load's
 * random names, so a manifest CSS file cannot hold them. A `<style>` element or
 * `document.adoptedStyleSheets` would be in the page's sight (`document.styleSheets`, the DOM);
 * a sheet injected by the browser is not (nor is a manifest CSS file, but that could only hold
 * fixed names). Highlights registered before it arrives are painted as soon as it does: measured
 * in Chromium 156 on a loaded 2-core machine, 1–35 ms (median 2) after the first marks with the
 * service worker awake, 0.4–2 s when it had to be woken first. So the content script's first stage
 * sends it as soon as it knows the frame is worth reading and Termlight is on there, while the
 * reader is still loading; frames Termlight skips or is off in never wake the worker. If it fails,
 * terms still work on hover and in the popup; they are just not marked.
 */
export function requestHighlightStyles(): Promise<unknown> {
  const pageLoad = pageLoadStyles();
  pageLoad.requested ??= browser.runtime.sendMessage(highlightStylesRequest(pageLoad.names)).catch(() => false);
  return pageLoad.requested;
}
