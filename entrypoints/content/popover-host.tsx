/**
 * Our only element on the page: a `termlight-ui` custom element with a shadow root,
 * created the first time a popover opens (pages nobody hovers are never touched) and
 * removed when Termlight is switched off.
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Popover } from './Popover';
import type { Box } from './popover-position';

export const UI_HOST_TAG = 'termlight-ui';

export interface PopoverHost {
  show(entryId: string, anchor: Box): Promise<void>;
  hide(): void;
  readonly isOpen: boolean;
  /** True when an event came from inside our UI (events are retargeted to the host). */
  isOwnEvent(event: Event): boolean;
  destroy(): void;
}

export function createPopoverHost(ctx: ContentScriptContext): PopoverHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let mounting: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let open = false;
  let destroyed = false;

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
      return created;
    });
    return mounting;
  };

  const hide = () => {
    open = false;
    if (ui) render(null, ui.uiContainer);
  };

  return {
    async show(entryId, anchor) {
      const created = await ensureUi();
      if (destroyed) return;
      open = true;
      render(<Popover entryId={entryId} anchor={anchor} onClose={hide} />, created.uiContainer);
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
      mounting = null;
    },
  };
}
