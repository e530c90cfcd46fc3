/**
 * What the content script needs from storage before it starts, in one read. Each page and frame
 * used to ask seven times (two settings, four comfort settings, the personal terms), and every
 * answer came back as its own task with its own promise hops; one `get` of all keys is one.
 * The values are parsed exactly as the single-item readers parse them.
 */
import { browser } from 'wxt/browser';
import { parsePersonalTerms, personalTermsItem, type PersonalTermsState } from './personal-glossary';
import {
  COMFORT_KEYS,
  disabledSitesItem,
  enabledItem,
  parseComfort,
  parseDisabledSites,
  parseEnabled,
  type Comfort,
  type Settings,
} from './settings-store';

export interface StartState {
  settings: Settings;
  comfort: Comfort;
  personal: PersonalTermsState;
}

export async function readStartState(): Promise<StartState> {
  const comfortKeys = Object.entries(COMFORT_KEYS) as Array<[keyof Comfort, string]>;
  const keys = [enabledItem.key, disabledSitesItem.key, personalTermsItem.key, ...comfortKeys.map(([, key]) => key)];
  const stored: Record<string, unknown> = await browser.storage.local.get(keys);
  // Missing keys read as null, as LocalItem's fallbacks do.
  const value = (key: string) => stored[key] ?? null;
  return {
    settings: { enabled: parseEnabled(value(enabledItem.key)), disabledSites: parseDisabledSites(value(disabledSitesItem.key)) },
    comfort: parseComfort(Object.fromEntries(comfortKeys.map(([name, key]) => [name, value(key)]))),
    personal: parsePersonalTerms(value(personalTermsItem.key)),
  };
}
