// Apart from frame-gate.ts (which re-exports it) so that the content script's document-start stage
// (page-start.ts), which needs only this, does not bring the text reading with it.

/**
 * The sites whose switches decide whether Termlight runs in this frame: the frame's own site
 * (about:blank and about:srcdoc frames have their creator's origin) and, when the browser tells
 * (Chromium's `location.ancestorOrigins`), the top page's site, so "off for this site" in the
 * popup also switches off the frames on that page. Empty when the frame has no site at all.
 */
export function frameSites(win: Window, siteKey: (url: string) => string | null): string[] {
  const loc = win.location;
  // `win.origin` is the document's origin; `location.origin` of about:srcdoc is "null".
  const own = siteKey(loc.href) ?? (loc.protocol === 'about:' ? siteKey(win.origin) : null);
  if (own === null) return [];
  const ancestors = loc.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? siteKey(ancestors[ancestors.length - 1]!) : null;
  return top === null || top === own ? [own] : [own, top];
}
