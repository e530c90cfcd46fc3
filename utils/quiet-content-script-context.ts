/**
 * The content script's context: WXT's, without its announcement to the page, and without what the script
 * never uses. The content script's entrypoint wrapper gets this class in place of WXT's (wxt.config.ts maps
 * `wxt/utils/content-script-context` to this file for the first stage's build only; the reader and its other
 * modules are handed the same object). They use three of its members (`PageContext` below: the type they
 * are given, so the compiler holds them to it); WXT's class, with its timers, its location watcher, its
 * event names read from the extension's id when its file runs and its logger, is not bundled: the first
 * stage runs on every page and frame, and every function it runs is compiled there first (session 26).
 *
 * Why: WXT's context, when it is made, dispatches "<extension id>:content:wxt:content-script-started" on the
 * page's document (and, unless `noScriptStartedPostMessage`, posts it to the page's window), in every frame,
 * so that an older copy of the script in the same page (left there by an update or a reload of the
 * extension) stops. A page script hears both: the message without knowing anything, the event if it knows
 * Termlight's store id. A page must not be able to tell that a cancer glossary is installed
 * (tests/e2e/page-listener.spec.ts).
 *
 * What it keeps: an older copy still stops when a newer one starts, through the isolated world's global
 * object, which page scripts never see. A copy leaves its stop function there under a symbol; the next copy
 * of the same script calls it. Chromium gives all of an extension's content scripts in a frame one isolated
 * world, keyed by the extension's id, and keeps it for the document's life, so a copy orphaned by a reload or
 * an update shares it with a new copy injected into the same document. (Termlight injects none itself:
 * Chromium runs manifest content scripts only in documents loaded after the install. Firefox does inject
 * into open tabs, but it has already unloaded the old copy's sandbox, which WXT's event could not reach
 * either.) And an orphaned copy that no newer one reaches stops when it notices it can no longer work
 * (`browser.runtime.id` gone, WXT's `isValid`): this class also looks when the page is shown again (the
 * reader comes back to a tab after an update), not only when the reader's code happens to ask.
 */
import { browser } from 'wxt/browser';

/**
 * What the content script uses of its context: the signal that aborts when it must stop, whether it may
 * still work, and clean-ups to run when it stops. WXT's own class gives the same (the welcome page's live
 * example hands the session one).
 */
export interface PageContext {
  readonly signal: AbortSignal;
  readonly isValid: boolean;
  onInvalidated(cb: () => void): () => void;
}

/** Where the running copy of the content script `name` leaves its stop function, in this world. */
export function runningCopyKey(name: string): symbol {
  return Symbol.for(`content-script-context.${name}.stop`);
}

type World = Record<symbol, unknown>;

export class QuietContentScriptContext implements PageContext {
  // Set in the constructor, not by a field initializer (which V8 compiles as a function of its own).
  private declare controller: AbortController;

  /** `name`: the content script's name; `_options`: its definition's options, as WXT's wrapper passes them. */
  constructor(name: string, _options?: unknown) {
    this.controller = new AbortController();
    // A newer copy of the script stops the copy that was running here, silently.
    const world = globalThis as unknown as World;
    const key = runningCopyKey(name);
    const older = world[key];
    const stop = () => this.notifyInvalidated();
    world[key] = stop;
    this.onInvalidated(() => {
      if (world[key] === stop) delete world[key];
    });
    if (typeof older === 'function') {
      try {
        older();
      } catch {
        // An orphaned copy's own clean-up may throw (its extension API is gone): this copy runs on.
      }
    }
    // A newer copy calls our stop itself; an orphan looks when the page is shown. `pageshow` is listened to
    // only once the page has been hidden (the only way it can come back from the back-forward cache): the
    // first `pageshow` fires in the page's own load event, and a listener of ours there made that whole task
    // the extension's work in the extension bench's count (1–5 ms on the near-empty page).
    const look = () => void this.isValid;
    let showWatched = false;
    const onVisibility = () => {
      look();
      if (showWatched || document.visibilityState !== 'hidden') return;
      showWatched = true;
      window.addEventListener('pageshow', look, { signal: this.signal });
    };
    document.addEventListener('visibilitychange', onVisibility, { signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once stopped, or once the extension's API is gone (reloaded or updated: WXT's test), which stops it. */
  get isValid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return !this.controller.signal.aborted;
  }

  /** Runs `cb` when the context stops; returns the function that takes it back. */
  onInvalidated(cb: () => void): () => void {
    this.controller.signal.addEventListener('abort', cb);
    return () => this.controller.signal.removeEventListener('abort', cb);
  }

  /** Stops the context (WXT's reason, for anything that reads it). */
  notifyInvalidated(): void {
    this.controller.abort('Content script context invalidated');
  }
}

/**
 * Under WXT's name, for its entrypoint wrapper. Declared, not `export { … as … }`: WXT's build adds an import of
 * its own class for a name it finds in a file and does not see declared there (it did for that form).
 */
export const ContentScriptContext = QuietContentScriptContext;
