/**
 * Our only element on the page: a `termlight-ui` custom element with a shadow root,
 * created the first time a popover opens (pages nobody hovers are never touched) and
 * removed when Termlight is switched off. While the page is fullscreen it moves into the
 * fullscreen element for as long as a popover is open (fullscreen-host.ts).
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from './shadow-ui';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PersonalDisplayEntry } from '../../../utils/storage/personal-glossary';
import { loadFor } from './entry-loader';
import { Popover } from './Popover';
import type { Box } from './position';
import { followFullscreen, type FullscreenFollower } from './fullscreen-host';

export const UI_HOST_TAG = 'termlight-ui';

/**
 * What a popover explains: a glossary entry (with the page's own words, if any) or a page-only
 * term; or a short notice when the keyboard command found nothing to explain.
 */
export type PopoverContent =
  | { kind: 'glossary'; entryId: string; onPage: PageWords | null }
  | { kind: 'personal'; entry: PersonalDisplayEntry }
  | { kind: 'page'; words: PageWords }
  | { kind: 'notice'; title: string; text: string };

export interface ShowOptions {
  /**
   * Move keyboard focus into the popover (opened from the keyboard). Focus goes back to where it
   * was when the popover closes. Never set on hover: pointing must not take focus from the page.
   */
  focus?: boolean;
}

/** A definition taken from the page: always rendered as text. */
export interface PageWords {
  term: string;
  text: string;
  /** The page gives one of our glossary abbreviations another meaning. */
  conflict: boolean;
}

export interface PopoverHost {
  show(content: PopoverContent, anchor: Box, options?: ShowOptions): Promise<void>;
  hide(): void;
  readonly isOpen: boolean;
  /** True while the reader writes a note in the popover: pointing elsewhere must not close or replace it. */
  readonly held: boolean;
  /** Pinned by the reader: stays open on mouse-out and scrolling (Escape and ✕ still close it). */
  readonly pinned: boolean;
  /** Whether keyboard focus is inside the popover. */
  readonly hasFocus: boolean;
  /** Popover text size, in percent (100, 125, 150). */
  setTextSize(percent: number): void;
  /** A short message read out and shown in the popover (e.g. "no more terms"); cleared by the next show(). */
  announce(message: string): void;
  /** True when an event came from inside our UI (events are retargeted to the host). */
  isOwnEvent(event: Event): boolean;
  destroy(): void;
  /** Called when the reader closes the popover from inside it (the ✕ button). */
  onUserClose?: () => void;
  /** Called when the reader asks for the next (1) or previous (-1) term from inside the popover. */
  onStep?: (step: 1 | -1) => void;
}

/** The focused element, looking inside the page's own shadow roots (focus can be deep inside a widget). */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export function createPopoverHost(ctx: ContentScriptContext): PopoverHost {
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
      position: 'inline',
      // After <body>, not in it: nothing in the page's own tree moves or changes.
      anchor: () => document.documentElement,
      append: 'last',
      // Keys typed in our UI must not reach the page's shortcuts.
      isolateEvents: true,
      onMount: (container) => container,
    }).then((created) => {
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
