/**
 * The content script's document-start stage (entrypoints/content/page-start.ts), built as its own file,
 * page-start.js, which the manifest lists to run at `document_start` in the top frame (wxt.config.ts).
 * An unlisted script rather than a WXT content script: WXT's content script context would dispatch its
 * "started" event on the page's document, and this stage needs none of it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPage } from '../content/page-start';

export default defineUnlistedScript(() => startPage(window, document));
