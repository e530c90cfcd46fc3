/**
 * The welcome page opens once, when Termlight is first installed: not on updates (that would be a
 * surprise tab after every new version) and not when the browser starts.
 */
import { browser } from 'wxt/browser';

export const WELCOME_PATH = '/welcome.html';

/** Opens the welcome page for a new install; resolves to whether it did. */
export async function openWelcomeOnInstall(details: { reason: string }): Promise<boolean> {
  if (details.reason !== 'install') return false;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  return true;
}
