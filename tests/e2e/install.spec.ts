/**
 * The welcome page opens once when Termlight is installed, and not when it is updated. A fresh
 * profile installs it for real. An update cannot be made for real here (Chromium installs an
 * extension loaded from the command line afresh at every start, and will not reload one), so the
 * test calls the background's own `onInstalled` listener (`termlightOnInstalled`) with what the
 * browser passes on an update.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Worker } from '@playwright/test';
import { assertChromium, assertExtensionBuilt, extensionLaunchArgs } from '../support/paths';
import { test, expect, isWelcomePage } from './fixtures';

/** What `runtime.onInstalled` does for `details`; resolves when it has done it. */
function onInstalled(worker: Worker, details: { reason: string; previousVersion?: string }): Promise<void> {
  return worker.evaluate(
    (details) => (globalThis as unknown as { termlightOnInstalled: (d: object) => Promise<void> }).termlightOnInstalled(details),
    details,
  );
}

/** Whether the right-click menu exists (`update` fails for an id that does not). */
function menuExists(worker: Worker): Promise<boolean> {
  return worker.evaluate(() =>
    (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus
      .update('termlight-explain', {})
      .then(
        () => true,
        () => false,
      ),
  );
}

test('the welcome page opens once on install, and not on update', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'termlight-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: assertChromium(),
    headless: true,
    args: extensionLaunchArgs(assertExtensionBuilt()),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The install's onInstalled has run once the menu exists (it asks for the tab first).
    await expect.poll(() => menuExists(worker)).toBe(true);
    await expect.poll(() => context.pages().filter(isWelcomePage).length).toBe(1);
    const welcome = context.pages().find(isWelcomePage)!;
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Termlight');

    const opened: string[] = [];
    context.on('page', (p) => opened.push(p.url()));
    await onInstalled(worker, { reason: 'update', previousVersion: '0.0.9' });
    await onInstalled(worker, { reason: 'chrome_update' });
    expect(await menuExists(worker)).toBe(true);
    expect(opened).toEqual([]);
    expect(context.pages().filter(isWelcomePage)).toHaveLength(1);

    // The same call for an install does open it: the check above can fail.
    await onInstalled(worker, { reason: 'install' });
    await expect.poll(() => context.pages().filter(isWelcomePage).length).toBe(2);
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
});
