/**
 * User settings, shared by the popup (which writes them) and the content script
 * (which watches them). Stored in the `local` area only, never `sync`: which
 * sites someone switches Termlight off on says something about their health,
 * so it must not leave the device.
 *
 * Storage can hold anything (older versions, other tools, manual edits), so
 * every read goes through a parser. A corrupt value reads as the default; it is
 * not rewritten, so nothing is lost until the user changes the setting.
 */
import { storage } from 'wxt/utils/storage';

export const enabledItem = storage.defineItem<boolean>('local:enabled', { fallback: true });
export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

export interface Settings {
  enabled: boolean;
  disabledSites: string[];
}

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

export async function getEnabled(): Promise<boolean> {
  return parseEnabled(await enabledItem.getValue());
}

export async function getDisabledSites(): Promise<string[]> {
  return parseDisabledSites(await disabledSitesItem.getValue());
}

export async function getSettings(): Promise<Settings> {
  const [enabled, disabledSites] = await Promise.all([getEnabled(), getDisabledSites()]);
  return { enabled, disabledSites };
}

/**
 * Calls `onChange` with the full, validated settings whenever either item changes.
 * Returns the function that stops watching.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const reload = () => {
    getSettings().then(onChange, () => {});
  };
  const unwatchEnabled = enabledItem.watch(reload);
  const unwatchSites = disabledSitesItem.watch(reload);
  return () => {
    unwatchEnabled();
    unwatchSites();
  };
}

/** Whether Termlight should explain terms on `host`. A null host (no site) follows the global switch. */
export function isActiveFor(host: string | null, enabled: boolean, disabledSites: readonly string[]): boolean {
  if (!enabled) return false;
  return host === null || !disabledSites.includes(host);
}

/** Turns Termlight on or off for one site. Writes only when something changes. */
export async function setSiteEnabled(host: string, on: boolean): Promise<void> {
  const sites = await getDisabledSites();
  const has = sites.includes(host);
  if (on && has) await disabledSitesItem.setValue(sites.filter((s) => s !== host));
  else if (!on && !has) await disabledSitesItem.setValue([...sites, host]);
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
