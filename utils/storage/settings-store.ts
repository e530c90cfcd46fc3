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
import { defineLocalItem } from './local-item';
import { COMFORT_KEYS, DISABLED_SITES_KEY, ENABLED_KEY, parseDisabledSites, parseEnabled } from './start-keys';

export { COMFORT_KEYS, FILE_SITE_KEY, isActiveFor, parseDisabledSites, parseEnabled, siteKey } from './start-keys';

export const enabledItem = defineLocalItem<boolean>(ENABLED_KEY, true);
export const disabledSitesItem = defineLocalItem<string[]>(DISABLED_SITES_KEY, []);

export interface Settings {
  enabled: boolean;
  disabledSites: string[];
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

/** Turns Termlight on or off for one site. Writes only when something changes. */
export async function setSiteEnabled(host: string, on: boolean): Promise<void> {
  const sites = await getDisabledSites();
  const has = sites.includes(host);
  if (on && has) await disabledSitesItem.setValue(sites.filter((s) => s !== host));
  else if (!on && !has) await disabledSitesItem.setValue([...sites, host]);
}

/*
 * Reading comfort: how terms are marked and how the popover looks and behaves. One storage key
 * per setting, so a corrupt value only ever affects its own setting, and changing one setting
 * never rewrites (or "repairs") another. Missing keys read as the defaults, so an update that
 * adds a setting needs no migration and never wipes a choice already made.
 */

/** How terms are marked: a dotted underline, a soft background, or not at all (still explained on hover). */
export const HIGHLIGHT_STYLES = ['underline', 'soft', 'off'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
/** How long the pointer rests on a term before it is explained. */
export const HOVER_DELAYS = ['short', 'normal', 'long'] as const;
export type HoverDelay = (typeof HOVER_DELAYS)[number];
/** Text size in the popover, in percent of the normal size. */
export const TEXT_SIZES = [100, 125, 150] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface Comfort {
  highlightStyle: HighlightStyle;
  /** Mark only the first time each term appears on a page (the others still explain on hover). */
  firstMentionOnly: boolean;
  hoverDelay: HoverDelay;
  textSize: TextSize;
}

export const DEFAULT_COMFORT: Readonly<Comfort> = Object.freeze({
  highlightStyle: 'underline',
  firstMentionOnly: false,
  hoverDelay: 'normal',
  textSize: 100,
});

const comfortItems = {
  highlightStyle: defineLocalItem<unknown>(COMFORT_KEYS.highlightStyle, null),
  firstMentionOnly: defineLocalItem<unknown>(COMFORT_KEYS.firstMentionOnly, null),
  hoverDelay: defineLocalItem<unknown>(COMFORT_KEYS.hoverDelay, null),
  textSize: defineLocalItem<unknown>(COMFORT_KEYS.textSize, null),
} as const;

const isOneOf = <T>(options: readonly T[], x: unknown): x is T => options.includes(x as T);

/** Whether `value` is a valid value for the comfort setting `key`. */
export function isComfortValue<K extends keyof Comfort>(key: K, value: unknown): value is Comfort[K] {
  switch (key) {
    case 'highlightStyle':
      return isOneOf(HIGHLIGHT_STYLES, value);
    case 'firstMentionOnly':
      return typeof value === 'boolean';
    case 'hoverDelay':
      return isOneOf(HOVER_DELAYS, value);
    case 'textSize':
      return isOneOf(TEXT_SIZES, value);
    default:
      return false;
  }
}

/** Stored comfort values (any shape) as settings: each missing or invalid one reads as its default. */
export function parseComfort(raw: Partial<Record<keyof Comfort, unknown>>): Comfort {
  const out = { ...DEFAULT_COMFORT };
  for (const key of Object.keys(DEFAULT_COMFORT) as Array<keyof Comfort>) {
    const value = raw[key];
    if (isComfortValue(key, value)) (out as Record<keyof Comfort, unknown>)[key] = value;
  }
  return out;
}

export async function getComfort(): Promise<Comfort> {
  const names = Object.keys(comfortItems) as Array<keyof Comfort>;
  const values = await Promise.all(names.map((name) => comfortItems[name].getValue()));
  return parseComfort(Object.fromEntries(names.map((name, i) => [name, values[i]])));
}

/**
 * Saves one comfort setting the user chose. Only called from the user's own change (never on
 * load), and an invalid value is refused rather than stored.
 */
export async function setComfort<K extends keyof Comfort>(key: K, value: Comfort[K]): Promise<void> {
  if (!isComfortValue(key, value)) throw new Error(`Not a valid value for ${key}: ${String(value)}`);
  await comfortItems[key].setValue(value);
}

/** Calls `onChange` with the full, validated comfort settings whenever one of them changes. */
export function watchComfort(onChange: (comfort: Comfort) => void): () => void {
  const reload = () => {
    getComfort().then(onChange, () => {});
  };
  const unwatch = Object.values(comfortItems).map((item) => item.watch(reload));
  return () => unwatch.forEach((stop) => stop());
}
