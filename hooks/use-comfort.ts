/**
 * Comfort settings for the popup and the options page: read once, kept in sync with storage
 * (a change in one place shows in the other), and written only when the reader changes one.
 */
import { useCallback } from 'preact/hooks';
import { DEFAULT_COMFORT, getComfort, setComfort, watchComfort, type Comfort } from '../utils/storage/settings-store';
import { useStoredState, type StoredSource } from './use-stored-state';

export interface ComfortState {
  /** Null until storage has answered. */
  comfort: Comfort | null;
  change: <K extends keyof Comfort>(key: K, value: Comfort[K]) => void;
}

const COMFORT: StoredSource<Comfort> = {
  load: getComfort,
  watch: watchComfort,
  onError: () => ({ ...DEFAULT_COMFORT }),
};

export function useComfort(): ComfortState {
  const [comfort, setState] = useStoredState(COMFORT);

  // Show the choice at once, then write; the storage watcher confirms the stored value.
  const change = useCallback(<K extends keyof Comfort>(key: K, value: Comfort[K]) => {
    setState((c) => (c ? { ...c, [key]: value } : c));
    void setComfort(key, value);
  }, []);

  return { comfort, change };
}
