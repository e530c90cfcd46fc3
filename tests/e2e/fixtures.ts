/**
 * Playwright fixtures for Termlight's end-to-end tests.
 *
 * Worker-scoped (one per worker, shared by its tests):
 *   server            the local test server ({ url }), see tests/support/server.ts
 *   extensionContext  Debian Chromium with the built extension (.output/chrome-mv3) in a fresh temp profile
 *   extensionId       read from the service worker's URL (it depends on the folder path: never hard-coded)
 *   serviceWorker     the extension's background service worker
 *   plainBrowser      Chromium without the extension (launched on first use), for "same as without Termlight"
 * Test-scoped:
 *   context        the worker's extension context (Playwright will not let a worker fixture replace the
 *                  built-in test-scoped `context`, so this one just hands out `extensionContext`)
 *   page           a new tab in that context, closed after the test
 *   requests       every request URL the context issued during this test (pages and service worker);
 *                  automatic, so it also covers tests that only check it in an afterEach hook
 *
 * Import `test` and `expect` from here instead of '@playwright/test'.
 */
import { test as base, expect, chromium, type Browser, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server';
import {
  BASE_ARGS,
  assertChromium,
  assertExtensionBuilt,
  chromiumPath,
  extensionLaunchArgs,
} from '../support/paths';

export interface ServerInfo {
  /** Origin of the local test server, no trailing slash: `${server.url}/article.html`. */
  url: string;
}

export interface RequestLog {
  /** Every request URL issued by the extension's browser context since the test started, in order. */
  readonly urls: string[];
  /** Requests that went anywhere other than the test server, chrome-extension:// or data:/blob: URLs. */
  foreign(): string[];
}

interface WorkerFixtures {
  server: ServerInfo;
  extensionContext: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  plainBrowser: Browser;
}

interface TestFixtures {
  requests: RequestLog;
}

/** True for URLs the tests allow: the local test server, the extension itself, and non-network URLs. */
export function isAllowedRequest(url: string, serverUrl: string): boolean {
  return (
    url === serverUrl ||
    url.startsWith(serverUrl + '/') ||
    url.startsWith('chrome-extension://') ||
    url.startsWith('data:') ||
    url.startsWith('blob:')
  );
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use({ url: server.url });
      await server.close();
    },
    { scope: 'worker', timeout: 10_000 },
  ],

  extensionContext: [
    async ({}, use) => {
      const extensionDir = assertExtensionBuilt();
      const executablePath = assertChromium();
      const profile = await mkdtemp(join(tmpdir(), 'termlight-e2e-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: extensionLaunchArgs(extensionDir),
      });
      try {
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
  context: async ({ extensionContext }, use) => {
    await use(extensionContext);
  },

  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close().catch(() => {});
  },

  // Auto: starts logging before the test body runs, even when only an afterEach hook asks for it.
  requests: [
    async ({ context, server }, use) => {
      const urls: string[] = [];
      const onRequest = (request: { url(): string }) => urls.push(request.url());
      context.on('request', onRequest);
      await use({
        urls,
        foreign: () => urls.filter((u) => !isAllowedRequest(u, server.url)),
      });
      context.off('request', onRequest);
    },
    { auto: true },
  ],
});

export { expect, chromiumPath };
export type { Page, BrowserContext };
