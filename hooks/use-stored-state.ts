/**
 * A value kept in extension storage, as Preact state: read once when the component mounts,
 * then kept in sync (a change made on another page or tab shows here too). Answers that arrive
 * after the component is gone are dropped. Every storage hook is built on this one.
 */
import { useEffect, useState, type Dispatch, type StateUpdater } from 'preact/hooks';

export interface StoredSource<T> {
  load(): Promise<T>;
  /** Calls `onChange` with each new value; returns the function that stops watching. */
  watch(onChange: (value: T) => void): () => void;
  /** What to show when reading fails (the error it failed with). */
  onError(error: unknown): T;
}

/**
 * Null until storage has answered. The setter is for showing a change at once, before it is
 * written: the storage watcher then confirms the stored value. `source` is read on mount only.
 */
export function useStoredState<T>(source: StoredSource<T>): [T | null, Dispatch<StateUpdater<T | null>>] {
  const [state, setState] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const apply = (value: T) => {
      if (live) setState(value);
    };
    source.load().then(apply, (e: unknown) => apply(source.onError(e)));
    const unwatch = source.watch(apply);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return [state, setState];
}
