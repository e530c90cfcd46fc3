/**
 * Playwright fixtures for Termlight's end-to-end tests.
 *
 * Worker-scoped (one per worker, shared by its tests):
 *   server            the local test server ({ url, altUrl }: 127.0.0.1 and the same server as localhost), see
 *                     tests/support/server.ts
 *   extensionContext  Debian Chromium with the built extension (.output/chrome-mv3) in a fresh temp profile
 *   extensionId       read from the service worker's URL (it depends on the folder path: never hard-coded)
 *   serviceWorker     the extension's background service worker
 *   plainBrowser      Chromium without the extension (launched on first use), for "same as without Termlight"
 *   suiteRequests     automatic: every request the extension's browser makes for the worker's whole life,
 *                     between and around tests too (service worker start-up, extension pages, late
 *                     requests after a test's own check); the worker FAILS at teardown if any was foreign
 * Test-scoped:
 *   context        the worker's extension context (Playwright will not let a worker fixture replace the
 *                  built-in test-scoped `context`, so this one just hands out `extensionContext`)
 *   page           a new tab in that context, closed after the test
 *   requests       every request URL the context issued during this test (pages, extension pages, the
 *                  service worker, WebSockets). Automatic, and it FAILS THE TEST when any of them went
 *                  anywhere but the test server (127.0.0.1 or localhost), this extension or data:/blob:
 *   tabs           opens tabs whose browser tab id is known (`tabs.open(url)`) and the popup for a tab
 *                  (`tabs.popup(tabId)`); closes them and resets Termlight's settings after the test
 *
 * Import `test` and `expect` from here instead of '@playwright/test'.
 */
import { test as base, expect, chromium, type Browser, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { startServer } from '../support/server';
import { WELCOME_URL } from '../support/welcome-tab';
import { openCardRootsForTests } from './pages/highlight-names';
import {
  BASE_ARGS,
  EXTENSION_DIR,
  assertChromium,
  assertExtensionBuilt,
  chromiumPath,
  extensionLaunchArgs,
} from '../support/paths';

export interface ServerInfo {
  /** Origin of the local test server, no trailing slash: `${server.url}/article.html`. */
  url: string;
  /**
   * The same server reached through another hostname, `http://localhost:PORT`: a second "site" for
   * per-site settings (Termlight keys sites by hostname).
   */
  altUrl: string;
}

export interface RequestLog {
  /** Every request URL issued by the extension's browser context since the test started, in order. */
  readonly urls: string[];
  /**
   * Requests that went anywhere other than the test server (either hostname), this extension's own
   * chrome-extension:// files, or data:/blob: URLs. Checked automatically after every test.
   */
  foreign(): string[];
  /**
   * Excuses one exact URL for this test only (for tests that deliberately make a foreign request to prove
   * the log sees it). Never use it to hide a request the extension makes.
   */
  allow(url: string): void;
}

/** A browser tab opened by the `tabs` fixture, with the id the extension APIs know it by. */
export interface OpenedTab {
  page: Page;
  tabId: number;
}

export interface Tabs {
  /** Opens `url` in a new tab and returns the page with its `chrome.tabs` id. */
  open(url: string): Promise<OpenedTab>;
  /** Opens the popup as a page about tab `tabId` (`popup.html?tab=ID`), or about no tab in particular. */
  popup(tabId?: number): Promise<Page>;
}

interface WorkerFixtures {
  suiteRequests: void;
  server: ServerInfo;
  extensionContext: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  plainBrowser: Browser;
}

interface TestFixtures {
  /** Open the card's shadow root for locators (default); the fingerprint probe turns it off. */
  openCardRoots: boolean;
  requests: RequestLog;
  tabs: Tabs;
}

/**
 * True for URLs the tests allow: the local test server (every origin in `serverUrls`), the extension itself,
 * and non-network URLs. With an `extensionId`, only this extension counts: `chrome-extension://<id>/…`, or a
 * file of the built extension under a dynamic (per-session UUID) origin, which is how Chromium serves
 * web-accessible resources such as the popover's stylesheet to content scripts. Without one, any
 * chrome-extension:// URL is allowed.
 */
export function isAllowedRequest(url: string, serverUrls: string | readonly string[], extensionId?: string): boolean {
  const origins = typeof serverUrls === 'string' ? [serverUrls] : serverUrls;
  return (
    origins.some((origin) => url === origin || url.startsWith(origin + '/')) ||
    (extensionId ? isOwnExtensionUrl(url, extensionId) : url.startsWith('chrome-extension://')) ||
    url.startsWith('data:') ||
    url.startsWith('blob:')
  );
}

const DYNAMIC_EXTENSION_ORIGIN = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//;

/**
 * The built extension's files (paths relative to EXTENSION_DIR, with `/`), listed when the browser loads
 * it: a rebuild running at the same time (another `npm test`) must not change what counts as ours.
 */
let extensionFiles: ReadonlySet<string> | null = null;

function listExtensionFiles(dir: string): ReadonlySet<string> {
  return new Set(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => d.isFile())
      .map((d) => relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name)).split(sep).join('/')),
  );
}

function isOwnExtensionUrl(url: string, extensionId: string): boolean {
  if (url.startsWith(`chrome-extension://${extensionId}/`)) return true;
  if (!DYNAMIC_EXTENSION_ORIGIN.test(url)) return false;
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  extensionFiles ??= listExtensionFiles(EXTENSION_DIR);
  return extensionFiles.has(path);
}

/** URLs a test excused with `requests.allow` (deliberate probes): the suite-wide check excuses them too. */
const excusedUrls = new Set<string>();

/** Foreign requests among `urls`: not the test server, not this extension, not data:/blob:, not excused. */
function foreignRequests(urls: readonly string[], server: ServerInfo, extensionId: string, excused: ReadonlySet<string>): string[] {
  return urls.filter((u) => !excused.has(u) && !isAllowedRequest(u, [server.url, server.altUrl], extensionId));
}

/**
 * The bits of the `chrome` extension API the tests call inside the service worker or an extension page:
 * `(globalThis as unknown as { chrome: ChromeApi }).chrome` (there are no global `chrome` types here).
 */
export interface ChromeApi {
  tabs: {
    query(info: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: {
    local: {
      clear(): Promise<void>;
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
  };
}

/** Ids of every tab, as the extension sees them (without the `tabs` permission, URLs and titles are hidden). */
export function tabIds(serviceWorker: Worker): Promise<number[]> {
  return serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const tabs = await chrome.tabs.query({});
    return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
  });
}

/** The page Termlight opens once when it is installed (tests/e2e/install.spec.ts checks when). */
export function isWelcomePage(page: Page): boolean {
  return WELCOME_URL.test(page.url());
}

/**
 * A fresh profile installs Termlight, which opens its welcome page: wait for it and close it, so every
 * test starts with only the tabs it opens itself.
 */
export async function closeWelcomePage(context: BrowserContext): Promise<void> {
  await expect.poll(() => context.pages().some(isWelcomePage), { message: 'the welcome page opened on install', timeout: 15_000 }).toBe(true);
  for (const page of context.pages().filter(isWelcomePage)) await page.close();
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // The per-test `requests` check only sees each test's own window; this one sees everything the
  // extension's browser does from launch to close, so no request can slip between two tests.
  suiteRequests: [
    async ({ extensionContext: context, server, extensionId }, use) => {
      const urls: string[] = [];
      const onRequest = (request: { url(): string }) => urls.push(request.url());
      const onWebSocket = (ws: { url(): string }) => urls.push(ws.url());
      const watchPage = (p: Page) => p.on('websocket', onWebSocket);
      context.on('request', onRequest);
      context.on('page', watchPage);
      for (const p of context.pages()) watchPage(p);
      await use();
      context.off('request', onRequest);
      context.off('page', watchPage);
      expect(foreignRequests(urls, server, extensionId, excusedUrls), 'requests, over the whole run, to anywhere but the test server and the extension').toEqual([]);
    },
    { scope: 'worker', auto: true },
  ],

  server: [
    async ({}, use) => {
      const server = await startServer();
      await use({ url: server.url, altUrl: server.url.replace('//127.0.0.1:', '//localhost:') });
      await server.close();
    },
    { scope: 'worker', timeout: 10_000 },
  ],

  extensionContext: [
    async ({}, use) => {
      const extensionDir = assertExtensionBuilt();
      extensionFiles = listExtensionFiles(extensionDir);
      const executablePath = assertChromium();
      const profile = await mkdtemp(join(tmpdir(), 'termlight-e2e-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: extensionLaunchArgs(extensionDir),
      });
      try {
        await closeWelcomePage(context);
        await use(context);
      } finally {
        await context.close().catch(() => {});
        await rm(profile, { recursive: true, force: true }).catch(() => {});
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  serviceWorker: [
    async ({ extensionContext: context }, use) => {
      const worker =
        context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', {
          predicate: (w) => w.url().startsWith('chrome-extension://'),
          timeout: 10_000,
        }));
      await use(worker);
    },
    { scope: 'worker' },
  ],

  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],

  plainBrowser: [
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: assertChromium(),
        headless: true,
        args: BASE_ARGS,
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  // One browser launch per worker, not per test: tests share the extension context and each gets a new tab.
  // Cards have closed shadow roots, which locators cannot enter: after each page load the content
  // script's world is told to open them (pages/highlight-names.ts). Off for the fingerprint probe.
  context: async ({ extensionContext, serviceWorker, openCardRoots }, use) => {
    const onLoad = () => void openCardRootsForTests(serviceWorker).catch(() => {});
    const watch = (p: Page) => p.on('domcontentloaded', onLoad);
    if (openCardRoots) {
      extensionContext.on('page', watch);
      for (const p of extensionContext.pages()) watch(p);
    }
    await use(extensionContext);
    extensionContext.off('page', watch);
    for (const p of extensionContext.pages()) p.off('domcontentloaded', onLoad);
  },

  openCardRoots: [true, { option: true }],

  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close().catch(() => {});
  },

  // Auto: starts logging before the test body runs and checks the log after the test (and after the
  // test's pages have closed), so no test can forget. Context-level events cover every tab, the popup and
  // the extension's service worker; WebSockets are reported per page, so every page is watched too.
  requests: [
    async ({ context, server, extensionId }, use) => {
      const urls: string[] = [];
      const allowed = new Set<string>();
      const onRequest = (request: { url(): string }) => urls.push(request.url());
      const onWebSocket = (ws: { url(): string }) => urls.push(ws.url());
      const watchPage = (p: Page) => p.on('websocket', onWebSocket);
      context.on('request', onRequest);
      context.on('page', watchPage);
      for (const p of context.pages()) watchPage(p);
      const foreign = () => foreignRequests(urls, server, extensionId, allowed);
      const allow = (url: string) => {
        allowed.add(url);
        excusedUrls.add(url);
      };
      await use({ urls, foreign, allow });
      context.off('request', onRequest);
      context.off('page', watchPage);
      for (const p of context.pages()) p.off('websocket', onWebSocket);
      expect(foreign(), 'requests to anywhere but the test server and the extension itself').toEqual([]);
    },
    { auto: true },
  ],

  tabs: async ({ context, serviceWorker, extensionId }, use) => {
    const resetSettings = () =>
      serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.clear());
    // Termlight's defaults (on everywhere) before and after: tests that use tabs may switch it off.
    await resetSettings();
    const opened: Page[] = [];
    await use({
      async open(url) {
        const before = new Set(await tabIds(serviceWorker));
        const page = await context.newPage();
        opened.push(page);
        const added = (await tabIds(serviceWorker)).filter((id) => !before.has(id));
        if (added.length !== 1) throw new Error(`expected exactly one new tab, found ${JSON.stringify(added)}`);
        await page.goto(url);
        return { page, tabId: added[0]! };
      },
      async popup(tabId) {
        const page = await context.newPage();
        opened.push(page);
        const query = tabId === undefined ? '' : `?tab=${tabId}`;
        await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
        return page;
      },
    });
    for (const page of opened) await page.close().catch(() => {});
    await resetSettings();
  },
});

export { expect, chromiumPath };
export type { Page, BrowserContext };
