import { defineBackground } from 'wxt/utils/define-background';

// Termlight needs no background work: settings live in storage and the content
// script reacts to them directly. The service worker exists so the browser has
// an extension context to report (and so tests can find the extension id).
export default defineBackground(() => {});
