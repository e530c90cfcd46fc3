/**
 * Which frames are worth reading. Termlight runs in every frame of a page (same-origin and
 * cross-origin iframes, about:blank and srcdoc frames), but many frames are ads, 1×1
 * trackers, editors or empty shells that a script fills later. The top page is read unless
 * it is an editor; a frame waits, at the cost of one resize listener and one MutationObserver, until it is big enough
 * to read and has text.
 */
import { readableTextNodes } from '../../../utils/readable-text';

// In its own module so that the document-start stage (page-start.ts) can ask without bringing the text reading.
export { frameSites } from './frame-sites';

/** Frames narrower or shorter than this (CSS px) hold no reading: ads, trackers, widgets. */
export const MIN_FRAME_SIDE = 50;
/** A frame being filled by a script is checked again at most this often. */
const RECHECK_DELAY_MS = 250;

/** True when `doc` has at least one readable text node with something other than spaces. */
export function hasReadableText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  for (const text of readableTextNodes(root)) if (/\S/.test(text.data)) return true;
  return false;
}

export function isTopFrame(win: Window): boolean {
  try {
    return win === win.top;
  } catch {
    return false;
  }
}

/**
 * A document that is itself an editor: design mode, or a contenteditable <body> (how rich-text
 * editors in iframes work). The scan starts at <body>, so its own editability must be checked here.
 * `isContentEditable` brings the page's style up to date first (a forced style recalculation, in
 * the first stage on every page and frame), so it is asked only when <body> or <html> carries the
 * attribute that makes an editor of it.
 */
export function isEditableDocument(doc: Document): boolean {
  if (doc.designMode === 'on') return true;
  const body = doc.body;
  if (!body || !(body.hasAttribute('contenteditable') || doc.documentElement.hasAttribute('contenteditable'))) return false;
  return body.isContentEditable;
}

/** True when the frame showing `doc` in `win` should be read now. */
export function isWorthReading(win: Window, doc: Document): boolean {
  if (isEditableDocument(doc)) return false;
  if (isTopFrame(win)) return true;
  if (win.innerWidth < MIN_FRAME_SIDE || win.innerHeight < MIN_FRAME_SIDE) return false;
  return hasReadableText(doc);
}

/**
 * Resolves true once the frame is worth reading (at once for the top page and most frames),
 * or false if `signal` aborts first (the extension was reloaded or the frame went away).
 */
export function whenWorthReading(win: Window, doc: Document, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (isWorthReading(win, doc)) return Promise.resolve(true);
  return new Promise((resolve) => {
    let timer = 0;
    const observer = new MutationObserver(() => schedule());
    const finish = (worth: boolean) => {
      observer.disconnect();
      win.clearTimeout(timer);
      win.removeEventListener('resize', schedule);
      signal.removeEventListener('abort', onAbort);
      resolve(worth);
    };
    const onAbort = () => finish(false);
    function schedule() {
      if (timer) return;
      timer = win.setTimeout(() => {
        timer = 0;
        if (isWorthReading(win, doc)) finish(true);
      }, RECHECK_DELAY_MS);
    }
    // The document node itself, so a script that replaces <body> or calls document.write is seen; and
    // contenteditable, for an editor that becomes a page to read.
    observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] });
    win.addEventListener('resize', schedule, { passive: true });
    signal.addEventListener('abort', onAbort);
  });
}

/**
 * Whether this frame acts on "explain this": the right-click menu names its frame (`toFrame`); the
 * keyboard command reaches every frame, and the one the reader is in acts: a frame when it has
 * focus, the top page when no frame of it has.
 */
export function isExplainFrame(message: { toFrame?: true }, win: Window, doc: Document): boolean {
  if (message.toFrame) return true;
  const inFrame = doc.activeElement instanceof HTMLIFrameElement || doc.activeElement instanceof HTMLFrameElement;
  return isTopFrame(win) ? !inFrame : doc.hasFocus();
}
