/**
 * Our only element on the page: a plain `div` with no attributes and a closed shadow root,
 * created the first time a popover opens (pages nobody hovers are never touched) and
 * removed when Termlight is switched off. While the page is fullscreen it moves into the
 * fullscreen element for as long as a popover is open (fullscreen-host.ts).
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from './shadow-ui';
import type { PageContext } from '../../../utils/quiet-content-script-context';
import { loadFor } from './entry-loader';
import { Popover } from './Popover';
import type { Box } from './position';
import type { PopoverContent, PopoverHost } from './types';
import { followFullscreen, type FullscreenFollower } from './fullscreen-host';
import { markOwnUi } from '../../../utils/readable-text';

/**
 * A `div` with no id, class or attribute: a named custom element (`termlight-ui`) told every
 * script on the page that Termlight (a cancer glossary) was installed. Its shadow root is
 * closed, so the card's text, which says what it explains, stays out of the page's reach.
 */
export const UI_HOST_TAG = 'div';

/**
 * Playwright's locators cannot enter closed shadow roots, so the end-to-end tests set this flag
 * in the content script's own isolated world (scripting.executeScript from the service worker)
 * before a card opens: the root is then open and the host marked `data-test-ui` for them to find.
 * Page scripts run in another world and can neither see nor set it.
 */
const testMode = () => (globalThis as { openShadowRootForTests?: unknown }).openShadowRootForTests === true;

/** The focused element, looking inside the page's own shadow roots (focus can be deep inside a widget). */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export function createPopoverHost(ctx: PageContext): PopoverHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let fullscreen: FullscreenFollower | null = null;
  const listeners = new AbortController();
  ctx.onInvalidated(() => listeners.abort());
  let mounting: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let open = false;
  let held = false;
  let destroyed = false;
  /** Bumped by every show() and hide(): a show() still waiting for the UI to mount is dropped if stale. */
  let generation = 0;

  const ensureUi = () => {
    mounting ??= createShadowRootUi(ctx, {
      name: UI_HOST_TAG,
      mode: testMode() ? 'open' : 'closed',
      position: 'inline',
      // After <body>, not in it: nothing in the page's own tree moves or changes.
      anchor: () => document.documentElement,
      append: 'last',
      // Keys typed in our UI must not reach the page's shortcuts.
      isolateEvents: true,
      onMount: (container) => container,
    }).then((created) => {
      // Never read by our own scan (with the tests' open root it could be).
      markOwnUi(created.shadowHost);
      if (testMode()) created.shadowHost.setAttribute('data-test-ui', '');
      created.mount();
      ui = created;
      fullscreen = followFullscreen(created.shadowHost);
      // The page may enter or leave fullscreen while a popover is open.
      const onFullscreenChange = () => (open ? fullscreen?.follow() : fullscreen?.goHome());
      document.addEventListener('fullscreenchange', onFullscreenChange, { signal: listeners.signal });
      return created;
    });
    return mounting;
  };

  let pinned = false;
  let textSize = 100;
  let status = '';
  /** Bumped by each show() that takes focus: the dialog is created anew and focused (and so announced). */
  let focusKey = 0;
  let wantsFocus = false;
  /** Where focus was before the popover took it, to give it back on close. */
  let returnFocus: Element | null = null;
  let last: { content: PopoverContent; anchor: Box } | null = null;

  const focusInside = () => ui !== null && ui.shadow.activeElement !== null;

  const hide = () => {
    generation++;
    open = false;
    held = false;
    pinned = false;
    status = '';
    last = null;
    wantsFocus = false;
    if (focusInside()) {
      // Back to where the reader was; without a place to return to, leave focus on the page itself.
      const back = returnFocus as HTMLElement | null;
      if (back?.isConnected && typeof back.focus === 'function' && back !== document.body) back.focus({ preventScroll: true });
      else (ui!.shadow.activeElement as HTMLElement | null)?.blur();
    }
    returnFocus = null;
    if (ui) render(null, ui.uiContainer);
    fullscreen?.goHome();
  };

  const paint = () => {
    if (!ui || !last || !open) return;
    const closeButton = () => {
      hide();
      host.onUserClose?.();
    };
    render(
      <Popover
        key={focusKey}
        content={last.content}
        anchor={last.anchor}
        onClose={closeButton}
        takeFocus={wantsFocus}
        pinned={pinned}
        onPinnedChange={(next) => {
          pinned = next;
          paint();
        }}
        onStep={(step) => host.onStep?.(step)}
        textSize={textSize}
        status={status}
        onHold={(h) => {
          held = h;
        }}
      />,
      ui.uiContainer,
    );
  };

  const host: PopoverHost = {
    async show(content, anchor, options = {}) {
      // Open from the moment it is asked for, so Escape or leaving can cancel it while the UI mounts.
      open = true;
      const current = ++generation;
      if (options.focus) {
        if (!focusInside()) returnFocus = deepActiveElement(document);
        focusKey++;
        wantsFocus = true;
      }
      // The entry comes from the background (entry-loader.ts): the card is drawn whole, never empty first.
      await Promise.all([ensureUi(), loadFor(content)]);
      if (destroyed || current !== generation) return;
      status = '';
      last = { content, anchor };
      paint();
      fullscreen?.follow();
    },
    hide,
    get isOpen() {
      return open;
    },
    get held() {
      return held;
    },
    get pinned() {
      return pinned;
    },
    get hasFocus() {
      return focusInside();
    },
    setTextSize(percent) {
      if (percent === textSize) return;
      textSize = percent;
      paint();
    },
    announce(message) {
      status = message;
      paint();
    },
    isOwnEvent(event) {
      return ui !== null && event.composedPath().includes(ui.shadowHost);
    },
    destroy() {
      destroyed = true;
      hide();
      ui?.remove();
      ui = null;
      fullscreen = null;
      mounting = null;
      listeners.abort();
    },
  };
  return host;
}
