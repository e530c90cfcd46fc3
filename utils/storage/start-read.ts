/**
 * The content script's one storage read of its start state, made by its first stage (which runs in
 * every frame and needs three of the keys to decide whether to load the reader) and handed to the
 * reader it loads, which parses it (start-state.ts). The reader used to read the same keys again once
 * it ran, and waited for that reply before its first marks. Kept apart from start-state.ts, which
 * brings the personal terms' code: the first stage needs only the keys.
 */
import { browser } from 'wxt/browser';
import { COMFORT_KEYS, DISABLED_SITES_KEY, ENABLED_KEY } from './start-keys';
import { PERSONAL_TERMS_KEY } from './personal-terms-key';

/** Every key the content script reads before it starts: the two switches, the personal terms, the comfort settings. */
export const START_STATE_KEYS: readonly string[] = Object.freeze([
  ENABLED_KEY,
  DISABLED_SITES_KEY,
  PERSONAL_TERMS_KEY,
  ...Object.values(COMFORT_KEYS),
]);

export type StoredValues = Record<string, unknown>;

export interface StartRead {
  /** The stored values as the first read found them. */
  readonly stored: Promise<StoredValues>;
  /**
   * The stored values as they are now, for the reader, which then follows changes itself: the first
   * read's answer when no start key has changed since it was asked for, else a new read. Decided when
   * the answer is handed over, so no change can fall between it and the reader's own watchers
   * (set up in the same task).
   */
  current(): Promise<StoredValues>;
  /**
   * True while no start key has changed since the read was asked for and it has not been handed over:
   * the content script's first stage takes over the read its document-start stage made only then.
   */
  unchanged(): boolean;
}

type Area = { get(keys: string[]): Promise<StoredValues> };
type ChangeEvents = {
  addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
};

/** Asks for the start state now; `api` is the extension's storage API (a parameter for tests). */
export function readStart(api: { local: Area; onChanged: ChangeEvents } = browser.storage as never): StartRead {
  let changed = false;
  let watching = true;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && START_STATE_KEYS.some((key) => key in changes)) changed = true;
  };
  // Before the read, so a change made while it is answered is seen too.
  api.onChanged.addListener(onChanged);
  const get = () => api.local.get([...START_STATE_KEYS]);
  const stored = get();
  const handOver = (values: StoredValues | null): Promise<StoredValues> | StoredValues => {
    if (watching) {
      watching = false;
      api.onChanged.removeListener(onChanged);
    }
    return changed || values === null ? get() : values;
  };
  return {
    stored,
    current: () => stored.then(handOver, () => handOver(null)),
    unchanged: () => watching && !changed,
  };
}
