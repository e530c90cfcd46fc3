/** Settings state for the popup: read once, kept in sync with storage, written on every change. */
import { useCallback } from 'preact/hooks';
import { enabledItem, getSettings, setSiteEnabled, watchSettings, type Settings } from '../utils/storage/settings-store';
import { useStoredState, type StoredSource } from './use-stored-state';

export interface SettingsState {
  /** Null until storage has answered. */
  settings: Settings | null;
  setEnabled: (on: boolean) => void;
  setSiteOn: (host: string, on: boolean) => void;
}

const SETTINGS: StoredSource<Settings> = {
  load: getSettings,
  watch: watchSettings,
  onError: () => ({ enabled: true, disabledSites: [] }),
};

export function useSettings(): SettingsState {
  const [settings, setSettings] = useStoredState(SETTINGS);

  // Update the switch at once, then write; the storage watcher confirms the stored value.
  const setEnabled = useCallback((on: boolean) => {
    setSettings((s) => (s ? { ...s, enabled: on } : s));
    void enabledItem.setValue(on);
  }, []);

  const setSiteOn = useCallback((host: string, on: boolean) => {
    setSettings((s) =>
      s
        ? { ...s, disabledSites: on ? s.disabledSites.filter((h) => h !== host) : [...s.disabledSites.filter((h) => h !== host), host] }
        : s,
    );
    void setSiteEnabled(host, on);
  }, []);

  return { settings, setEnabled, setSiteOn };
}
