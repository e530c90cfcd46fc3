import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, requireChromium } from './chromium/machine';

/** Absolute path of the repository root (this file lives in tests/support). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built Chrome MV3 extension (`wxt build`). */
export const EXTENSION_DIR = resolve(ROOT, '.output', 'chrome-mv3');

/** Hand-written test pages served by tests/support/server.ts. */
export const PAGES_DIR = resolve(ROOT, 'tests', 'fixtures', 'pages');

/** The article the glossary quotes; served as /article.html. */
export const ARTICLE_FILE = resolve(ROOT, 'glossary', 'sources', 'immunotherapy-stage-4-cervical-cancer.txt');

/** Where the test runners write their JSON reports (outside Playwright's outputDir, which it empties). */
export const REPORTS_DIR = resolve(ROOT, 'tests', '.reports');

/**
 * The Chromium to launch (CHROMIUM_PATH, else Playwright's own, else a system Chromium: see
 * tests/support/chromium/locate.ts), or null when there is none.
 */
export const chromiumPath = findChromium;

/** The Chromium to launch; throws one line saying exactly what to install when there is none. */
export const assertChromium = requireChromium;

/** Throws a clear error when the extension has not been built. */
export function assertExtensionBuilt(): string {
  const manifest = resolve(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`Termlight is not built: ${manifest} is missing. Run "npm run build" first.`);
  }
  return EXTENSION_DIR;
}

/**
 * Chromium flags for loading the unpacked extension (see ../shared/TOOLCHAIN.md). Both extension flags are
 * needed: without them Playwright adds --disable-extensions.
 */
export function extensionLaunchArgs(extensionDir: string = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...BASE_ARGS,
  ];
}

/** Flags shared by every browser the tests launch (with or without the extension). */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
