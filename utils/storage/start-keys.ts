/**
 * The settings' storage keys and the parsers the content script's two first stages need (page-start.ts at
 * document start, index.ts in every frame): plain strings and small functions. settings-store.ts builds its
 * storage items (local-item.ts) from these keys; the stages, which run on every page and frame, do not
 * build those objects (six of them, four methods each, created at each stage's start and never used there).
 */

/** The global switch. */
export const ENABLED_KEY = 'enabled';
/** The sites Termlight is switched off on (site keys, below). */
export const DISABLED_SITES_KEY = 'disabledSites';

/** The storage key of each comfort setting (settings-store.ts's Comfort). */
export const COMFORT_KEYS: Readonly<{ highlightStyle: string; firstMentionOnly: string; hoverDelay: string; textSize: string }> = Object.freeze({
  highlightStyle: 'highlightStyle',
  firstMentionOnly: 'firstMentionOnly',
  hoverDelay: 'hoverDelay',
  textSize: 'textSize',
});

/** A stored `enabled` value, or the default (on) when it is missing or not a boolean. */
export function parseEnabled(raw: unknown): boolean {
  return typeof raw === 'boolean' ? raw : true;
}

/**
 * A stored `disabledSites` value. Not an array reads as none; inside an array,
 * entries that are not non-empty strings are skipped (one bad entry should not
 * switch Termlight back on for every other site the user turned it off on).
 */
export function parseDisabledSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const sites = raw.filter((s): s is string => typeof s === 'string' && s.length > 0);
  return [...new Set(sites)];
}

/** Whether Termlight should explain terms on `host`. A null host (no site) follows the global switch. */
export function isActiveFor(host: string | null, enabled: boolean, disabledSites: readonly string[]): boolean {
  if (!enabled) return false;
  return host === null || !disabledSites.includes(host);
}

/** Key used for local files: they have no hostname, so they share one switch. */
export const FILE_SITE_KEY = 'file://';

/**
 * The key a page's site is stored under: the hostname for http(s) pages,
 * `file://` for local files, null for anything else (browser pages, data: URLs,
 * other extensions), where Termlight cannot run.
 */
export function siteKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    return parsed.hostname || null;
  }
  if (parsed.protocol === 'file:') return FILE_SITE_KEY;
  return null;
}
