/**
 * Our shadow-root UI, made as WXT's createShadowRootUi makes it (same options and result for
 * what Termlight uses: a style reset, the entry's CSS loaded from the extension with :root read
 * as :host, keys kept from the page's shortcuts, removed when the context is invalidated), minus
 * its auto-mounting machinery, which Termlight never uses and which cost ~2 KB gzipped on every page.
 */
import { browser } from 'wxt/browser';
import type { PageContext } from '../../../utils/quiet-content-script-context';

export interface ShadowUiOptions {
  /** The host element's tag. */
  name: string;
  /** 'closed' keeps page scripts out of the card (its text would tell them what it explains). */
  mode: ShadowRootMode;
  position: 'inline';
  /** The element the host is appended to (default: the body). */
  anchor?: () => Element | null | undefined;
  append?: 'last';
  /** Stop key events inside the UI from reaching the page. */
  isolateEvents?: boolean;
  onMount: (uiContainer: HTMLElement, shadow: ShadowRoot, shadowHost: HTMLElement) => HTMLElement;
}

export interface ShadowRootContentScriptUi<T> {
  shadowHost: HTMLElement;
  shadow: ShadowRoot;
  uiContainer: HTMLElement;
  readonly mounted: T | undefined;
  mount(): void;
  remove(): void;
}

/**
 * The CSS the build made for the content script's reader (the card's CSS, imported by its
 * components; entrypoints/reader/index.ts), or nothing if it cannot be read. Named, not taken from the
 * running entry: the welcome page's example runs this code too.
 */
export const READER_CSS_FILE = '/assets/reader.css';

async function loadEntryCss(): Promise<string> {
  try {
    const url = browser.runtime.getURL(READER_CSS_FILE as '/');
    return await (await fetch(url)).text();
  } catch {
    return '';
  }
}

export async function createShadowRootUi(
  ctx: PageContext,
  options: ShadowUiOptions,
): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  const css = `:host{all:initial !important;}\n${(await loadEntryCss()).replaceAll(':root', ':host')}`;
  const shadowHost = document.createElement(options.name);
  const shadow = shadowHost.attachShadow({ mode: options.mode });
  const style = document.createElement('style');
  style.textContent = css;
  const uiContainer = document.createElement('div');
  shadow.append(style, uiContainer);
  if (options.isolateEvents) {
    for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  }
  let mounted: HTMLElement | undefined;
  const remove = () => {
    shadowHost.remove();
    uiContainer.replaceChildren();
    mounted = undefined;
  };
  ctx.onInvalidated(remove);
  return {
    shadowHost,
    shadow,
    uiContainer,
    get mounted() {
      return mounted;
    },
    mount() {
      (options.anchor?.() ?? document.body).append(shadowHost);
      mounted = options.onMount(uiContainer, shadow, shadowHost);
    },
    remove,
  };
}
