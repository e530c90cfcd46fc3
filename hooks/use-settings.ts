/** Settings state for the popup: read once, kept in sync with storage, written on every change. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { enabledItem, getSettings, setSiteEnabled, watchSettings, type Settings } from '../utils/storage/settings-store';

export interface SettingsState {
  /** Null until storage has answered. */
  settings: Settings | null;
  setEnabled: (on: boolean) => void;
  setSiteOn: (host: string, on: boolean) => void;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let live = true;
    const apply = (s: Settings) => {
      if (live) setSettings(s);
    };
    getSettings().then(apply, () => apply({ enabled: true, disabledSites: [] }));
    const unwatch = watchSettings(apply);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

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
