/**
 * The extension API object as the browser gives it, standing in for `wxt/browser` in the content
 * script's first stage only (the build maps it there: wxt.config.ts). That stage runs on every page
 * and frame; webextension-polyfill cost it 3–4 ms there (compiling 10 KB, wrapping `chrome`, and
 * copying all of `chrome`'s members into a module object, which wakes each API's bindings). What
 * the stage uses works the same without it: Firefox has `browser` itself, and Chromium's `chrome`
 * returns promises for storage reads and messages in MV3. One difference: a Chromium `onMessage`
 * listener answers through `sendResponse`, not a returned promise, so the first stage answers that
 * way (it works in both). The reader and the extension pages keep the polyfill.
 */
import type { browser as polyfilled } from 'wxt/browser';

type Api = typeof polyfilled;

const world = globalThis as { browser?: Api; chrome?: Api };

/**
 * Chosen when the file is built, not by looking: in Chromium `chrome` (looking at `browser` first cost
 * the document-start stage a sample of the bindings' `get app`), in Firefox `browser`, as before (the object
 * Mozilla documents with promises; its `chrome` was never tried here).
 */
export const browser: Api = (import.meta.env.FIREFOX ? world.browser : world.chrome)!;
