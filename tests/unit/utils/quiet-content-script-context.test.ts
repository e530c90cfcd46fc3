// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { ContentScriptContext, QuietContentScriptContext, runningCopyKey } from '../../../utils/quiet-content-script-context';

const made: Array<{ notifyInvalidated(): void }> = [];
function context(name = 'content'): QuietContentScriptContext {
  const ctx = new QuietContentScriptContext(name, { noScriptStartedPostMessage: true });
  made.push(ctx);
  return ctx;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

afterEach(() => {
  for (const ctx of made.splice(0)) ctx.notifyInvalidated();
});

describe("the content script's context: an older copy stops when a newer one starts, and the page hears nothing", () => {
  it('is what the module exports under WXT\'s name, and gives what the content script uses as WXT\'s class does', () => {
    expect(ContentScriptContext).toBe(QuietContentScriptContext);
    for (const ctx of [context(), new WxtContext('other', { noScriptStartedPostMessage: true })]) {
      made.push(ctx);
      const cleanUp = vi.fn();
      const takenBack = vi.fn();
      ctx.onInvalidated(cleanUp);
      ctx.onInvalidated(takenBack)();
      expect(ctx.isValid).toBe(true);
      expect(ctx.signal.aborted).toBe(false);
      ctx.notifyInvalidated();
      expect(ctx.isValid).toBe(false);
      expect(ctx.signal.aborted).toBe(true);
      expect(ctx.signal.reason).toBe('Content script context invalidated');
      expect(cleanUp).toHaveBeenCalledTimes(1);
      expect(takenBack).not.toHaveBeenCalled();
      // Stopping again runs nothing again.
      ctx.notifyInvalidated();
      expect(cleanUp).toHaveBeenCalledTimes(1);
    }
  });

  it('stops once the extension\'s API is gone (no runtime id), as WXT\'s class does', () => {
    for (const ctx of [context(), new WxtContext('other', { noScriptStartedPostMessage: true })]) {
      made.push(ctx);
      const cleanUp = vi.fn();
      ctx.onInvalidated(cleanUp);
      const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
      expect(ctx.isValid).toBe(false);
      expect(cleanUp).toHaveBeenCalledTimes(1);
      id.mockRestore();
    }
  });

  it('dispatches no event and posts no message on the page, unlike WXT\'s own class', () => {
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowDispatched = vi.spyOn(window, 'dispatchEvent');
    const posted = vi.spyOn(window, 'postMessage');
    context();
    context();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowDispatched).not.toHaveBeenCalled();
    expect(posted).not.toHaveBeenCalled();
    // The check can fail: WXT's class dispatches its "started" event on the document.
    made.push(new WxtContext('other', { noScriptStartedPostMessage: true }));
    expect(dispatched.mock.calls.map(([event]) => event.type)).toContainEqual(expect.stringMatching(/:wxt:content-script-started$/));
  });

  it('a newer copy of the same script stops the older one (its clean-up runs); the newer one runs on', () => {
    const older = context();
    const cleanUp = vi.fn();
    older.onInvalidated(cleanUp);
    const newer = context();
    expect(older.isValid).toBe(false);
    expect(cleanUp).toHaveBeenCalledTimes(1);
    expect(newer.isValid).toBe(true);
    // And the next one stops that one in turn.
    const newest = context();
    expect(newer.isValid).toBe(false);
    expect(newest.isValid).toBe(true);
  });

  it('leaves copies of other scripts alone', () => {
    const content = context('content');
    context('other');
    expect(content.isValid).toBe(true);
  });

  it('a copy whose clean-up throws (its extension API gone) does not stop the newer one from starting', () => {
    const older = context();
    older.onInvalidated(() => {
      throw new Error('Extension context invalidated.');
    });
    const errors = vi.fn();
    window.addEventListener('error', errors);
    const newer = context();
    window.removeEventListener('error', errors);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
  });

  it('a stopped copy no longer answers for the script: its slot is cleared, or left to the newer copy', () => {
    const world = globalThis as unknown as Record<symbol, unknown>;
    const only = context('alone');
    expect(typeof world[runningCopyKey('alone')]).toBe('function');
    only.notifyInvalidated();
    expect(world[runningCopyKey('alone')]).toBeUndefined();
    context();
    const newer = context();
    const slot = world[runningCopyKey('content')];
    expect(typeof slot).toBe('function');
    (slot as () => void)();
    expect(newer.isValid).toBe(false);
  });

  it('an orphaned copy (its extension reloaded or updated: no runtime id) stops when the page is shown again', () => {
    const ctx = context();
    const cleanUp = vi.fn();
    ctx.onInvalidated(cleanUp);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(cleanUp).not.toHaveBeenCalled();
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(cleanUp).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
  });

  it('an orphaned copy also stops when the page comes back from the back-forward cache', () => {
    const ctx = context();
    // The page is hidden first (it goes into the cache), which the copy notices while it still works.
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(ctx.isValid).toBe(true);
    hidden.mockRestore();
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    window.dispatchEvent(new Event('pageshow'));
    expect(ctx.isValid).toBe(false);
  });

  it("runs no code in the page's own load event: pageshow is not listened to before the page was hidden", () => {
    const ctx = context();
    const cleanUp = vi.fn();
    ctx.onInvalidated(cleanUp);
    const look = vi.spyOn(ctx, 'isValid', 'get');
    window.dispatchEvent(new Event('pageshow'));
    expect(look).not.toHaveBeenCalled();
    expect(cleanUp).not.toHaveBeenCalled();
  });
});
