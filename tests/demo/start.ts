/**
 * `npm start` (after `wxt build`): serves the test pages and opens Chromium with Termlight loaded at the
 * article page. Runs until the browser window is closed or Ctrl-C.
 *
 * Without a display (Linux with neither $DISPLAY nor $WAYLAND_DISPLAY) it only serves the pages and explains
 * how to load the extension by hand.
 *
 * Env: CHROMIUM_PATH (default: Playwright's Chromium, else a system one), PORT (default: any free port).
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../support/server';
import { EXTENSION_DIR, assertExtensionBuilt, chromiumPath, extensionLaunchArgs } from '../support/paths';
import { closeWelcomeTabs } from '../support/welcome-tab';

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function manualInstructions(pageUrl: string): string {
  return [
    'To try Termlight by hand in Chromium (or Chrome, Edge, Brave):',
    '  1. Open chrome://extensions and switch on "Developer mode" (top right).',
    '  2. Click "Load unpacked" and choose this folder:',
    `       ${EXTENSION_DIR}`,
    `  3. Open ${pageUrl}`,
    '     and hover a highlighted word.',
  ].join('\n');
}

async function main(): Promise<void> {
  try {
    assertExtensionBuilt();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }

  const server: TestServer = await startServer(Number(process.env.PORT ?? 0));
  const pageUrl = `${server.url}/article.html`;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let stopping = false;

  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    await context?.close().catch(() => {});
    if (profile) await rm(profile, { recursive: true, force: true }).catch(() => {});
    await server.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  console.log(`Termlight demo page: ${pageUrl}`);
  console.log(`Other test pages:    ${server.url}/`);

  if (!hasDisplay()) {
    console.log('');
    console.log('No display found ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser window can open here.');
    console.log(manualInstructions(pageUrl));
    console.log('');
    console.log('Serving the demo pages until Ctrl-C.');
    return; // the server keeps the process alive
  }

  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('');
    console.log('No Chromium found (set CHROMIUM_PATH to use another Chromium build, or run `npm test` once to get one).');
    console.log(manualInstructions(pageUrl));
    console.log('');
    console.log('Serving the demo pages until Ctrl-C.');
    return;
  }

  profile = await mkdtemp(join(tmpdir(), 'termlight-demo-'));
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: false,
      viewport: null, // use the window's size
      // Our own SIGINT/SIGTERM handlers close the browser and remove the temp profile.
      handleSIGINT: false,
      handleSIGTERM: false,
      args: extensionLaunchArgs(),
    });
  } catch (err) {
    console.error(`Could not start Chromium: ${(err as Error).message.split('\n')[0]}`);
    console.log(manualInstructions(pageUrl));
    console.log('\nServing the demo pages until Ctrl-C.');
    context = undefined;
    return;
  }

  closeWelcomeTabs(context);
  context.on('close', () => {
    console.log('Browser closed.');
    void stop(0);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pageUrl);
  console.log('Chromium is open with Termlight loaded. Close the browser window or press Ctrl-C to stop.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
