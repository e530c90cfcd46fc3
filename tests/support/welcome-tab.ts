/**
 * Termlight opens its welcome page in a new tab when it is installed, and every launch with a fresh
 * profile installs it. Launchers that measure, check or show other pages (bench, robustness, demo)
 * close that tab when it appears, so it neither runs its example scan beside a measurement nor hides
 * the page they opened. (tests/e2e/install.spec.ts checks that it opens.)
 */
import type { BrowserContext, Page } from '@playwright/test';

/** The welcome page's address in any Chromium extension id. */
export const WELCOME_URL = /^chrome-extension:\/\/[a-p]{32}\/welcome\.html$/;

/** Closes the welcome tab of `context` now, and whenever it opens later. */
export function closeWelcomeTabs(context: BrowserContext): void {
  const closeIfWelcome = (page: Page) => {
    if (WELCOME_URL.test(page.url())) void page.close().catch(() => {});
  };
  const watch = (page: Page) => {
    closeIfWelcome(page);
    // A new tab's first address is often about:blank until its navigation commits.
    page.once('domcontentloaded', () => closeIfWelcome(page));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}
