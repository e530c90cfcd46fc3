/**
 * One value in the browser's local extension storage, with a fallback and change events.
 *
 * The small part of WXT's storage helper Termlight uses, written against browser.storage
 * directly: the content script runs on every page, and WXT's helper (with its
 * dependencies) was 3 KB gzipped of it. Keys are the same as WXT's "local:NAME" items
 * stored them (just NAME), so nothing already saved moves. Values are returned as stored:
 * callers validate them (see settings-store, personal-glossary, saved-questions).
 */
import { browser } from 'wxt/browser';

export interface LocalItem<T> {
  readonly key: string;
  /** The stored value, or the fallback when nothing is stored. */
  getValue(): Promise<T>;
  /** Stores a value; null or undefined removes it. */
  setValue(value: T | null | undefined): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `onChange` whenever the value changes (in any extension context). Returns the unwatch function. */
  watch(onChange: (next: T, previous: T) => void): () => void;
}

export function defineLocalItem<T>(key: string, fallback: T): LocalItem<T> {
  const orFallback = (value: unknown): T => (value === undefined || value === null ? fallback : (value as T));
  const area = () => browser.storage.local;
  return {
    key,
    async getValue() {
      const stored = await area().get(key);
      return orFallback(stored[key]);
    },
    async setValue(value) {
      if (value === null || value === undefined) await area().remove(key);
      else await area().set({ [key]: value });
    },
    async removeValue() {
      await area().remove(key);
    },
    watch(onChange) {
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => {
        const change = changes[key];
        if (areaName !== 'local' || !change) return;
        onChange(orFallback(change.newValue), orFallback(change.oldValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
