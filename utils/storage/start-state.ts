/**
 * What the content script needs from storage before it starts, in one read. Each page and frame
 * used to ask seven times (two settings, four comfort settings, the personal terms), and every
 * answer came back as its own task with its own promise hops; one `get` of all keys is one. The
 * content script's first stage makes that read (start-read.ts) and its reader parses it here.
 * The values are parsed exactly as the single-item readers parse them.
 */
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

/** The start state from the stored values of START_STATE_KEYS (start-read.ts), as the single-item readers parse them. */
export function parseStartState(stored: Record<string, unknown>): StartState {
  const comfortKeys = Object.entries(COMFORT_KEYS) as Array<[keyof Comfort, string]>;
  // Missing keys read as null, as LocalItem's fallbacks do.
  const value = (key: string) => stored[key] ?? null;
  return {
    settings: { enabled: parseEnabled(value(enabledItem.key)), disabledSites: parseDisabledSites(value(disabledSitesItem.key)) },
    comfort: parseComfort(Object.fromEntries(comfortKeys.map(([name, key]) => [name, value(key)]))),
    personal: parsePersonalTerms(value(personalTermsItem.key)),
  };
}
