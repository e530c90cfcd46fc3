/**
 * The browsers check:pages compares: plain Chromium (two contexts, for two independent loads) and
 * Chromium with the built extension (a persistent context, as extensions need). Saved pages are full of
 * absolute URLs; nothing may leave this machine, so every browser sends all traffic but 127.0.0.1 to a
 * proxy that does not exist (port 9 is closed): such requests fail at once, IP addresses included, and
 * the pages still see them as requests (they are recorded and reported). Intercepting every request in
 * Playwright instead would slow saved pages with hundreds of images down several times. All three
 * contexts visit pages in the same order, so page state (cookies, localStorage) evolves alike.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_ARGS, assertChromium, assertExtensionBuilt, extensionLaunchArgs } from '../support/paths';
import { closeWelcomeTabs } from '../support/welcome-tab';

/** A proxy nobody listens on, bypassed only for the local test server. */
const NOWHERE = { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' };

export interface Browsers {
  plainA: BrowserContext;
  /** A second plain load, for pages whose first plain load and Termlight load differ. */
  plainB: BrowserContext;
  termlight: BrowserContext;
  /** Requests made outside any page (the extension's service worker): all are Termlight's. */
  workerRequests: string[];
  close(): Promise<void>;
}

export async function launchBrowsers(): Promise<Browsers> {
  const executablePath = assertChromium();
  const extensionDir = assertExtensionBuilt();
  // All three are persistent contexts (a browser profile each), because extensions need one and a profile
  // behaves differently from an incognito-like context (it fetches web app manifests, for one).
  const profiles: string[] = [];
  const launch = async (args: string[]) => {
    const profile = await mkdtemp(join(tmpdir(), 'termlight-check-pages-'));
    profiles.push(profile);
    return chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport: { width: 1280, height: 800 }, args, proxy: NOWHERE });
  };
  const plainA = await launch(BASE_ARGS);
  const plainB = await launch(BASE_ARGS);
  const termlight = await launch(extensionLaunchArgs(extensionDir));
  closeWelcomeTabs(termlight);
  const workerRequests: string[] = [];
  termlight.on('request', (r) => {
    let inPage = false;
    try {
      inPage = !!r.frame();
    } catch {
      inPage = false; // service worker requests have no frame
    }
    if (!inPage) workerRequests.push(r.url());
  });
  return {
    plainA,
    plainB,
    termlight,
    workerRequests,
    async close() {
      for (const context of [termlight, plainA, plainB]) await context.close().catch(() => {});
      for (const profile of profiles) await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}
