import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EXPLAIN_COMMAND } from '../utils/messages';

/** The browser's current shortcut for the command ('' when none is set), or null while unknown. */
export function useShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    // Some browsers (Firefox for Android) have no commands API: then the shortcut is just not shown.
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((commands) => setShortcut(commands.find((c) => c.name === EXPLAIN_COMMAND)?.shortcut ?? ''))
      .catch(() => setShortcut(null));
  }, []);
  return shortcut;
}
