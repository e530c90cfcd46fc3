/**
 * Our only element on the page: a `termlight-ui` custom element with a shadow root,
 * created the first time a popover opens (pages nobody hovers are never touched) and
 * removed when Termlight is switched off. While the page is fullscreen it moves into the
 * fullscreen element for as long as a popover is open (fullscreen-host.ts).
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PersonalDisplayEntry } from '../../components/personal-glossary';
import { Popover } from './Popover';
import type { Box } from './popover-position';
import { followFullscreen, type FullscreenFollower } from './fullscreen-host';

export const UI_HOST_TAG = 'termlight-ui';

/** What a popover explains: a glossary entry (with the page's own words, if any) or a page-only term. */
export type PopoverContent =
  | { kind: 'glossary'; entryId: string; onPage: PageWords | null }
  | { kind: 'personal'; entry: PersonalDisplayEntry }
  | { kind: 'page'; words: PageWords };

/** A definition taken from the page: always rendered as text. */
export interface PageWords {
  term: string;
  text: string;
  /** The page gives one of our glossary abbreviations another meaning. */
  conflict: boolean;
}

export interface PopoverHost {
  show(content: PopoverContent, anchor: Box): Promise<void>;
  hide(): void;
  readonly isOpen: boolean;
  /** True when an event came from inside our UI (events are retargeted to the host). */
  isOwnEvent(event: Event): boolean;
  destroy(): void;
  /** Called when the reader closes the popover from inside it (the ✕ button). */
  onUserClose?: () => void;
}

export function createPopoverHost(ctx: ContentScriptContext): PopoverHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let fullscreen: FullscreenFollower | null = null;
  const listeners = new AbortController();
  ctx.onInvalidated(() => listeners.abort());
  let mounting: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let open = false;
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

  const hide = () => {
    generation++;
    open = false;
    if (ui) render(null, ui.uiContainer);
    fullscreen?.goHome();
  };

  const host: PopoverHost = {
    async show(content, anchor) {
      // Open from the moment it is asked for, so Escape or leaving can cancel it while the UI mounts.
      open = true;
      const current = ++generation;
      const created = await ensureUi();
      if (destroyed || current !== generation) return;
      const closeButton = () => {
        hide();
        host.onUserClose?.();
      };
      render(<Popover content={content} anchor={anchor} onClose={closeButton} />, created.uiContainer);
      fullscreen?.follow();
    },
    hide,
    get isOpen() {
      return open;
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
